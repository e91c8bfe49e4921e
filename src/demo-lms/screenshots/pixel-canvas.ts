// An RGBA pixel buffer with the few anti-aliased shapes a course player's screen needs.
// Coverage is computed from exact distances (half a pixel of ramp), which keeps edges smooth
// without supersampling and keeps rendering fast enough to seed tens of screenshots.

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export function rgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`Colour "${hex}" must be written #rrggbb.`);
  const value = parseInt(match[1], 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return { r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t };
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

export class PixelCanvas {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.data = new Uint8Array(width * height * 4);
    const { r, g, b } = background;
    for (let i = 0; i < this.data.length; i += 4) {
      this.data[i] = r;
      this.data[i + 1] = g;
      this.data[i + 2] = b;
      this.data[i + 3] = 255;
    }
  }

  /** Blends `color` over pixel (x, y) with opacity `alpha` (0…1); outside pixels are ignored. */
  blend(x: number, y: number, color: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const i = (y * this.width + x) * 4;
    const d = this.data;
    if (alpha >= 1) {
      d[i] = color.r;
      d[i + 1] = color.g;
      d[i + 2] = color.b;
      return;
    }
    d[i] = d[i]! + (color.r - d[i]!) * alpha;
    d[i + 1] = d[i + 1]! + (color.g - d[i + 1]!) * alpha;
    d[i + 2] = d[i + 2]! + (color.b - d[i + 2]!) * alpha;
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb, alpha = 1): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let py = y0; py < y1; py++) for (let px = x0; px < x1; px++) this.blend(px, py, color, alpha);
  }

  fillVerticalGradient(x: number, y: number, w: number, h: number, top: Rgb, bottom: Rgb): void {
    const y0 = Math.round(y);
    const rows = Math.round(h);
    for (let row = 0; row < rows; row++) this.fillRect(x, y0 + row, w, 1, mix(top, bottom, rows > 1 ? row / (rows - 1) : 0));
  }

  /**
   * Signed-distance coverage of a rounded rectangle: 1 inside, 0 outside, a one-pixel ramp on
   * the edge.
   */
  private roundedRectCoverage(px: number, py: number, x: number, y: number, w: number, h: number, radius: number): number {
    const cx = px + 0.5;
    const cy = py + 0.5;
    const r = Math.min(radius, w / 2, h / 2);
    const qx = Math.abs(cx - (x + w / 2)) - (w / 2 - r);
    const qy = Math.abs(cy - (y + h / 2)) - (h / 2 - r);
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
    return clamp01(0.5 - outside);
  }

  fillRoundedRect(x: number, y: number, w: number, h: number, radius: number, color: Rgb, alpha = 1): void {
    const r = Math.min(radius, w / 2, h / 2);
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.ceil(x + w));
    const y1 = Math.min(this.height, Math.ceil(y + h));
    for (let py = y0; py < y1; py++) {
      // Rows clear of the corners are solid between the straight edges: skip the distance maths.
      const inCornerBand = py + 1 < y + r || py > y + h - r - 1;
      for (let px = x0; px < x1; px++) {
        const solid = !inCornerBand && px >= x && px + 1 <= x + w;
        const coverage = solid ? 1 : this.roundedRectCoverage(px, py, x, y, w, h, r);
        if (coverage > 0) this.blend(px, py, color, coverage * alpha);
      }
    }
  }

  strokeRoundedRect(x: number, y: number, w: number, h: number, radius: number, lineWidth: number, color: Rgb, alpha = 1): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.ceil(x + w));
    const y1 = Math.min(this.height, Math.ceil(y + h));
    const lw = lineWidth;
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) {
        if (px >= x + lw + 1 && px + 1 <= x + w - lw - 1 && py >= y + Math.max(lw, radius) + 1 && py + 1 <= y + h - Math.max(lw, radius) - 1) continue;
        const outer = this.roundedRectCoverage(px, py, x, y, w, h, radius);
        const inner = this.roundedRectCoverage(px, py, x + lw, y + lw, w - 2 * lw, h - 2 * lw, Math.max(0, radius - lw));
        const coverage = outer - inner;
        if (coverage > 0) this.blend(px, py, color, coverage * alpha);
      }
    }
  }

  /** A soft shadow around a rounded rectangle, drawn only where the box itself will not cover it. */
  dropShadow(x: number, y: number, w: number, h: number, radius: number, blur: number, offsetY: number, alpha: number): void {
    const sy = y + offsetY;
    const x0 = Math.max(0, Math.floor(x - blur));
    const y0 = Math.max(0, Math.floor(sy - blur));
    const x1 = Math.min(this.width, Math.ceil(x + w + blur));
    const y1 = Math.min(this.height, Math.ceil(sy + h + blur));
    const shade = { r: 0, g: 0, b: 0 };
    const r = Math.min(radius, w / 2, h / 2);
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) {
        if (px >= x + r && px < x + w - r && py >= y + r && py < y + h - r) continue;
        const qx = Math.abs(px + 0.5 - (x + w / 2)) - (w / 2 - r);
        const qy = Math.abs(py + 0.5 - (sy + h / 2)) - (h / 2 - r);
        const distance = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
        if (distance >= blur) continue;
        const t = clamp01(1 - distance / blur);
        this.blend(px, py, shade, alpha * t * t);
      }
    }
  }

  fillCircle(cx: number, cy: number, radius: number, color: Rgb, alpha = 1): void {
    this.fillRoundedRect(cx - radius, cy - radius, radius * 2, radius * 2, radius, color, alpha);
  }

  /** A straight stroke with round caps. */
  drawLine(xa: number, ya: number, xb: number, yb: number, lineWidth: number, color: Rgb, alpha = 1): void {
    const half = lineWidth / 2;
    const x0 = Math.max(0, Math.floor(Math.min(xa, xb) - half - 1));
    const y0 = Math.max(0, Math.floor(Math.min(ya, yb) - half - 1));
    const x1 = Math.min(this.width, Math.ceil(Math.max(xa, xb) + half + 1));
    const y1 = Math.min(this.height, Math.ceil(Math.max(ya, yb) + half + 1));
    const dx = xb - xa;
    const dy = yb - ya;
    const lengthSquared = dx * dx + dy * dy || 1;
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) {
        const qx = px + 0.5 - xa;
        const qy = py + 0.5 - ya;
        const t = clamp01((qx * dx + qy * dy) / lengthSquared);
        const distance = Math.hypot(qx - t * dx, qy - t * dy);
        const coverage = clamp01(half + 0.5 - distance);
        if (coverage > 0) this.blend(px, py, color, coverage * alpha);
      }
    }
  }

  /** A ring segment from angle a0 to a1 (degrees, 0 = right, clockwise on screen). */
  strokeArc(cx: number, cy: number, radius: number, lineWidth: number, a0: number, a1: number, color: Rgb): void {
    const half = lineWidth / 2;
    const x0 = Math.max(0, Math.floor(cx - radius - half - 1));
    const y0 = Math.max(0, Math.floor(cy - radius - half - 1));
    const x1 = Math.min(this.width, Math.ceil(cx + radius + half + 1));
    const y1 = Math.min(this.height, Math.ceil(cy + radius + half + 1));
    const start = ((a0 % 360) + 360) % 360;
    const sweep = Math.min(360, Math.max(0, a1 - a0));
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) {
        const qx = px + 0.5 - cx;
        const qy = py + 0.5 - cy;
        const ringCoverage = clamp01(half + 0.5 - Math.abs(Math.hypot(qx, qy) - radius));
        if (ringCoverage <= 0) continue;
        const angle = (((Math.atan2(qy, qx) * 180) / Math.PI - start) % 360 + 360) % 360;
        if (angle <= sweep) this.blend(px, py, color, ringCoverage);
      }
    }
  }

  /** Paints an 8-bit coverage mask (e.g. rendered text) in one colour at (x, y). */
  paintMask(mask: Uint8Array, maskWidth: number, maskHeight: number, x: number, y: number, color: Rgb, alpha = 1): void {
    for (let my = 0; my < maskHeight; my++) {
      const py = y + my;
      if (py < 0 || py >= this.height) continue;
      for (let mx = 0; mx < maskWidth; mx++) {
        const coverage = mask[my * maskWidth + mx]!;
        if (coverage === 0) continue;
        this.blend(x + mx, py, color, (coverage / 255) * alpha);
      }
    }
  }
}
