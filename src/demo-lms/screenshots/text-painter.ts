// Lays out and paints text in the stroke font. Each glyph is rasterised once per size and
// weight into an anti-aliased coverage mask (exact distance to the stroke, round caps) and
// then stamped at whole-pixel positions, so a screen full of text costs a few milliseconds.
import {
  BASELINE_UNITS,
  CAP_HEIGHT_PER_EM,
  CAP_HEIGHT_UNITS,
  LETTER_GAP_UNITS,
  MISSING_GLYPH,
  dotlessFor,
  glyphFor,
  markFor,
  type Glyph,
  type Mark,
  type StrokeDot,
  type StrokeSegment,
} from './glyph-font';
import type { PixelCanvas, Rgb } from './pixel-canvas';

export type FontWeight = 'regular' | 'semibold' | 'bold';

export interface TextStyle {
  /** Em size in pixels (cap height is 70% of it). */
  readonly size: number;
  readonly weight: FontWeight;
  readonly color: Rgb;
  /** Extra space between letters, in font units (small caps labels use ~1). */
  readonly tracking?: number;
}

export type TextAlign = 'left' | 'center' | 'right';

const STROKE_UNITS: Readonly<Record<FontWeight, number>> = { regular: 1.2, semibold: 1.5, bold: 1.85 };
const DOT_RADIUS_PER_STROKE = 0.68;

interface PlacedGlyph {
  readonly key: string;
  readonly glyph: Glyph;
  readonly marks: readonly Mark[];
  readonly penUnits: number;
}

function unitsPerPixel(size: number): number {
  return (CAP_HEIGHT_PER_EM * size) / CAP_HEIGHT_UNITS;
}

/** Splits text into base letters with their accents (NFD), choosing dotless i/j under accents. */
function clusters(text: string): { key: string; glyph: Glyph; marks: Mark[] }[] {
  const result: { key: string; glyph: Glyph; marks: Mark[]; base: string }[] = [];
  for (const char of text.normalize('NFD')) {
    const mark = markFor(char);
    const last = result[result.length - 1];
    if (/\p{M}/u.test(char)) {
      // Accents the font lacks are dropped rather than boxed: the base letter still reads right.
      if (mark && last) {
        last.marks.push(mark);
        last.key += char;
        if (!mark.below) last.glyph = glyphFor(dotlessFor(last.base)) ?? last.glyph;
      }
      continue;
    }
    const glyph = glyphFor(char === '\t' ? ' ' : char) ?? (/\s/u.test(char) ? glyphFor(' ') : undefined) ?? MISSING_GLYPH;
    result.push({ key: char, glyph, marks: [], base: char });
  }
  return result;
}

/** Heavier strokes eat into the gap between letters; OCR splits over-spaced bold words into letters. */
function letterGap(weight: FontWeight): number {
  return LETTER_GAP_UNITS - (STROKE_UNITS[weight] - STROKE_UNITS.regular) * 0.5;
}

function advanceUnits(glyph: Glyph, weight: FontWeight, tracking: number): number {
  return glyph.width + STROKE_UNITS[weight] + letterGap(weight) + tracking;
}

function layout(text: string, weight: FontWeight, tracking: number): { placed: PlacedGlyph[]; widthUnits: number } {
  const placed: PlacedGlyph[] = [];
  let pen = 0;
  let previous: Glyph | null = null;
  for (const cluster of clusters(text)) {
    if (previous) pen -= previous.rightTrim + cluster.glyph.leftTrim;
    placed.push({ ...cluster, penUnits: pen });
    pen += advanceUnits(cluster.glyph, weight, tracking);
    previous = cluster.glyph;
  }
  // The last letter's trailing gap is not part of the text's visible width.
  return { placed, widthUnits: placed.length > 0 ? pen - letterGap(weight) - tracking : 0 };
}

/** Width of the text's ink in pixels at this style. */
export function measureText(text: string, style: Pick<TextStyle, 'size' | 'weight' | 'tracking'>): number {
  return layout(text, style.weight, style.tracking ?? 0).widthUnits * unitsPerPixel(style.size);
}

interface GlyphMask {
  readonly mask: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Pixel offset of the mask's top-left from (pen x, baseline y). */
  readonly left: number;
  readonly top: number;
}

// Screens use a handful of sizes, so this stays small; the cap only guards a long-lived
// process that renders at many odd sizes from growing without bound.
const maskCache = new Map<string, GlyphMask>();
const MASK_CACHE_LIMIT = 6000;

function rasterise(glyph: Glyph, marks: readonly Mark[], size: number, weight: FontWeight): GlyphMask {
  const scale = unitsPerPixel(size);
  const radius = (STROKE_UNITS[weight] * scale) / 2;
  const inkLeft = STROKE_UNITS[weight] / 2; // the stroke's left half sits inside the advance
  const segments: StrokeSegment[] = [];
  const dots: StrokeDot[] = [];
  const toPixels = (x: number, y: number): [number, number] => [(x + inkLeft) * scale, (y - BASELINE_UNITS) * scale];
  for (const s of glyph.segments) {
    const [x0, y0] = toPixels(s.x0, s.y0);
    const [x1, y1] = toPixels(s.x1, s.y1);
    segments.push({ x0, y0, x1, y1 });
  }
  for (const d of glyph.dots) {
    const [x, y] = toPixels(d.x, d.y);
    dots.push({ x, y, radius: d.radius === null ? null : d.radius * scale });
  }
  for (const mark of marks) {
    const centre = glyph.width / 2;
    const anchor = mark.below ? BASELINE_UNITS : glyph.top;
    for (const s of mark.segments) {
      const [x0, y0] = toPixels(s.x0 + centre, s.y0 + anchor);
      const [x1, y1] = toPixels(s.x1 + centre, s.y1 + anchor);
      segments.push({ x0, y0, x1, y1 });
    }
    for (const d of mark.dots) {
      const [x, y] = toPixels(d.x + centre, d.y + anchor);
      dots.push({ x, y, radius: d.radius === null ? null : d.radius * scale });
    }
  }
  const dotRadius = (r: number | null): number => r ?? radius * 2 * DOT_RADIUS_PER_STROKE;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const s of segments) {
    minX = Math.min(minX, s.x0 - radius, s.x1 - radius);
    maxX = Math.max(maxX, s.x0 + radius, s.x1 + radius);
    minY = Math.min(minY, s.y0 - radius, s.y1 - radius);
    maxY = Math.max(maxY, s.y0 + radius, s.y1 + radius);
  }
  for (const d of dots) {
    const r = dotRadius(d.radius);
    minX = Math.min(minX, d.x - r);
    maxX = Math.max(maxX, d.x + r);
    minY = Math.min(minY, d.y - r);
    maxY = Math.max(maxY, d.y + r);
  }
  if (!Number.isFinite(minX)) return { mask: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0 };
  const left = Math.floor(minX) - 1;
  const top = Math.floor(minY) - 1;
  const width = Math.ceil(maxX) + 1 - left;
  const height = Math.ceil(maxY) + 1 - top;
  const coverage = new Float32Array(width * height);
  const stamp = (px: number, py: number, value: number): void => {
    const i = py * width + px;
    if (value > coverage[i]!) coverage[i] = value;
  };
  for (const s of segments) {
    const dx = s.x1 - s.x0;
    const dy = s.y1 - s.y0;
    const lengthSquared = dx * dx + dy * dy;
    const bx0 = Math.max(0, Math.floor(Math.min(s.x0, s.x1) - radius - 1) - left);
    const bx1 = Math.min(width, Math.ceil(Math.max(s.x0, s.x1) + radius + 1) - left);
    const by0 = Math.max(0, Math.floor(Math.min(s.y0, s.y1) - radius - 1) - top);
    const by1 = Math.min(height, Math.ceil(Math.max(s.y0, s.y1) + radius + 1) - top);
    for (let py = by0; py < by1; py++) {
      for (let px = bx0; px < bx1; px++) {
        const qx = px + left + 0.5 - s.x0;
        const qy = py + top + 0.5 - s.y0;
        let t = lengthSquared > 0 ? (qx * dx + qy * dy) / lengthSquared : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const distance = Math.hypot(qx - t * dx, qy - t * dy);
        const value = radius + 0.5 - distance;
        if (value > 0) stamp(px, py, value > 1 ? 1 : value);
      }
    }
  }
  for (const d of dots) {
    const r = dotRadius(d.radius);
    for (let py = Math.max(0, Math.floor(d.y - r - 1) - top); py < Math.min(height, Math.ceil(d.y + r + 1) - top); py++) {
      for (let px = Math.max(0, Math.floor(d.x - r - 1) - left); px < Math.min(width, Math.ceil(d.x + r + 1) - left); px++) {
        const value = r + 0.5 - Math.hypot(px + left + 0.5 - d.x, py + top + 0.5 - d.y);
        if (value > 0) stamp(px, py, value > 1 ? 1 : value);
      }
    }
  }
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = Math.round(coverage[i]! * 255);
  return { mask, width, height, left, top };
}

function glyphMask(placed: PlacedGlyph, size: number, weight: FontWeight): GlyphMask {
  const cacheKey = `${placed.key}\u0000${size}\u0000${weight}`;
  let cached = maskCache.get(cacheKey);
  if (!cached) {
    cached = rasterise(placed.glyph, placed.marks, size, weight);
    if (maskCache.size >= MASK_CACHE_LIMIT) maskCache.clear();
    maskCache.set(cacheKey, cached);
  }
  return cached;
}

/**
 * Paints `text` with its baseline at `baselineY`; `x` is the left edge, centre or right edge
 * depending on `align`. Returns the painted width in pixels.
 */
export function drawText(canvas: PixelCanvas, text: string, x: number, baselineY: number, style: TextStyle, align: TextAlign = 'left'): number {
  const tracking = style.tracking ?? 0;
  const { placed, widthUnits } = layout(text, style.weight, tracking);
  const scale = unitsPerPixel(style.size);
  const width = widthUnits * scale;
  const startX = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
  const baseline = Math.round(baselineY);
  for (const item of placed) {
    const m = glyphMask(item, style.size, style.weight);
    if (m.width === 0) continue;
    const penX = Math.round(startX + item.penUnits * scale);
    canvas.paintMask(m.mask, m.width, m.height, penX + m.left, baseline + m.top, style.color);
  }
  return width;
}

/** The text, shortened with an ellipsis if needed, so that it fits in `maxWidth` pixels. */
export function fitText(text: string, maxWidth: number, style: Pick<TextStyle, 'size' | 'weight' | 'tracking'>): string {
  if (measureText(text, style) <= maxWidth) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measureText(`${chars.slice(0, mid).join('').trimEnd()}\u2026`, style) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}\u2026`;
}

/** Word-wraps text into at most `maxLines` lines of `maxWidth` pixels; the last line is shortened if needed. */
export function wrapText(text: string, maxWidth: number, style: Pick<TextStyle, 'size' | 'weight' | 'tracking'>, maxLines: number): string[] {
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (measureText(candidate, style) <= maxWidth || current === '') {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      current = `${current} ${words.slice(i).join(' ')}`;
      break;
    }
    lines.push(current);
    current = word;
  }
  if (current !== '') lines.push(current);
  return lines.map((line) => fitText(line, maxWidth, style));
}
