// The desktop around the course player: a Windows taskbar or a macOS menu bar, and the
// browser's tabs and address bar. It is what makes a demo screenshot read as "a learner
// pressed Print Screen", and it carries the clock a reviewer can compare with the ticket.
import { mix, rgb, type PixelCanvas, type Rgb } from './pixel-canvas';
import { menuBarClock, taskbarClock } from './screen-wording';
import { drawText, fitText, measureText } from './text-painter';

export type Desktop = 'windows' | 'mac' | 'window_only';
export type Browser = 'chrome' | 'edge' | 'safari';

export interface BrowserLook {
  readonly desktop: Desktop;
  readonly browser: Browser;
  readonly darkChrome: boolean;
  readonly tabTitle: string;
  readonly host: string;
  readonly path: string;
  readonly faviconColor: Rgb;
  readonly faviconLetter: string;
  readonly profileLetter: string;
  readonly profileColor: Rgb;
  readonly takenAt: Date;
  /** Pixels per design pixel: 1 at 1280×800. */
  readonly unit: number;
}

export interface ContentArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface ChromePalette {
  readonly strip: Rgb;
  readonly tab: Rgb;
  readonly toolbar: Rgb;
  readonly field: Rgb;
  readonly text: Rgb;
  readonly muted: Rgb;
  readonly icon: Rgb;
  readonly divider: Rgb;
}

function paletteFor(look: BrowserLook): ChromePalette {
  if (look.darkChrome) {
    return {
      strip: rgb('#202124'),
      tab: rgb('#35363a'),
      toolbar: rgb('#35363a'),
      field: rgb('#202124'),
      text: rgb('#e8eaed'),
      muted: rgb('#9aa0a6'),
      icon: rgb('#c4c7c5'),
      divider: rgb('#4a4c50'),
    };
  }
  if (look.browser === 'edge') {
    return {
      strip: rgb('#e8ebef'),
      tab: rgb('#f7f7f7'),
      toolbar: rgb('#f7f7f7'),
      field: rgb('#ffffff'),
      text: rgb('#1b1b1b'),
      muted: rgb('#616161'),
      icon: rgb('#424242'),
      divider: rgb('#d1d1d1'),
    };
  }
  return {
    strip: rgb('#dee1e6'),
    tab: rgb('#ffffff'),
    toolbar: rgb('#ffffff'),
    field: rgb('#f1f3f4'),
    text: rgb('#202124'),
    muted: rgb('#5f6368'),
    icon: rgb('#5f6368'),
    divider: rgb('#dadce0'),
  };
}

function drawTrafficLights(canvas: PixelCanvas, x: number, cy: number, u: number): void {
  const colors = ['#ff5f57', '#febc2e', '#28c840'];
  colors.forEach((color, i) => {
    canvas.fillCircle(x + i * 20 * u, cy, 6 * u, rgb(color));
    canvas.strokeRoundedRect(x + i * 20 * u - 6 * u, cy - 6 * u, 12 * u, 12 * u, 6 * u, 0.6 * u, mix(rgb(color), rgb('#000000'), 0.2));
  });
}

function drawWindowButtons(canvas: PixelCanvas, right: number, cy: number, u: number, color: Rgb): void {
  const w = Math.max(1, 1 * u);
  const close = right - 23 * u;
  canvas.drawLine(close - 5 * u, cy - 5 * u, close + 5 * u, cy + 5 * u, w, color);
  canvas.drawLine(close - 5 * u, cy + 5 * u, close + 5 * u, cy - 5 * u, w, color);
  const max = right - 69 * u;
  canvas.strokeRoundedRect(max - 5 * u, cy - 5 * u, 10 * u, 10 * u, 1 * u, w, color);
  const min = right - 115 * u;
  canvas.drawLine(min - 5 * u, cy, min + 5 * u, cy, w, color);
}

function drawArrow(canvas: PixelCanvas, cx: number, cy: number, u: number, direction: -1 | 1, color: Rgb): void {
  const w = 1.7 * u;
  canvas.drawLine(cx - 7 * u * direction, cy, cx + 7 * u * direction, cy, w, color);
  canvas.drawLine(cx + 7 * u * direction, cy, cx + 1.5 * u * direction, cy - 5.5 * u, w, color);
  canvas.drawLine(cx + 7 * u * direction, cy, cx + 1.5 * u * direction, cy + 5.5 * u, w, color);
}

function drawReload(canvas: PixelCanvas, cx: number, cy: number, u: number, color: Rgb): void {
  canvas.strokeArc(cx, cy, 6.5 * u, 1.7 * u, -30, 270, color);
  // The arrow head at the arc's open end.
  const hx = cx + 6.5 * u * Math.cos((-30 * Math.PI) / 180);
  const hy = cy + 6.5 * u * Math.sin((-30 * Math.PI) / 180);
  canvas.drawLine(hx, hy, hx - 5 * u, hy - 1 * u, 1.7 * u, color);
  canvas.drawLine(hx, hy, hx + 0.5 * u, hy + 5 * u, 1.7 * u, color);
}

function drawLock(canvas: PixelCanvas, cx: number, cy: number, u: number, color: Rgb): void {
  canvas.fillRoundedRect(cx - 5 * u, cy - 1 * u, 10 * u, 8 * u, 1.5 * u, color);
  canvas.strokeArc(cx, cy - 2 * u, 3.4 * u, 1.5 * u, 180, 360, color);
  canvas.drawLine(cx - 3.4 * u, cy - 2 * u, cx - 3.4 * u, cy, 1.5 * u, color);
  canvas.drawLine(cx + 3.4 * u, cy - 2 * u, cx + 3.4 * u, cy, 1.5 * u, color);
}

function drawFavicon(canvas: PixelCanvas, x: number, cy: number, u: number, look: BrowserLook): void {
  canvas.fillRoundedRect(x, cy - 8 * u, 16 * u, 16 * u, 3 * u, look.faviconColor);
  drawText(canvas, look.faviconLetter, x + 8 * u, cy + 4.5 * u, { size: 13 * u, weight: 'bold', color: rgb('#ffffff') }, 'center');
}

function drawAddressBar(canvas: PixelCanvas, x: number, cy: number, width: number, u: number, look: BrowserLook, palette: ChromePalette, centred: boolean): void {
  const h = 32 * u;
  canvas.fillRoundedRect(x, cy - h / 2, width, h, h / 2, palette.field);
  const style = { size: 14.5 * u, weight: 'regular' as const, color: palette.text };
  const hostWidth = measureText(look.host, style);
  const pathText = fitText(look.path, Math.max(0, width - hostWidth - 90 * u), style);
  const totalWidth = 20 * u + hostWidth + measureText(pathText, style);
  const start = centred ? x + (width - totalWidth) / 2 : x + 16 * u;
  drawLock(canvas, start + 6 * u, cy, u, palette.muted);
  const hostEnd = start + 20 * u + drawText(canvas, look.host, start + 20 * u, cy + 5 * u, style);
  drawText(canvas, pathText, hostEnd + 1.5 * u, cy + 5 * u, { ...style, color: palette.muted });
}

function drawTaskbar(canvas: PixelCanvas, u: number, look: BrowserLook): number {
  const h = Math.round(48 * u);
  const y = canvas.height - h;
  const dark = look.darkChrome;
  canvas.fillRect(0, y, canvas.width, h, dark ? rgb('#1c1c1c') : rgb('#eef1f6'));
  canvas.fillRect(0, y, canvas.width, Math.max(1, u), dark ? rgb('#2e2e2e') : rgb('#d6dbe3'));
  const cy = y + h / 2;
  const iconColor = dark ? rgb('#ffffff') : rgb('#1a1a1a');
  // Centred Windows 11 icons: Start, search, then a few pinned apps.
  const apps = [rgb('#0f6cbd'), rgb('#f3b63a'), rgb('#1b8f5a'), look.faviconColor, rgb('#0078d4')];
  const searchWidth = 200 * u;
  const total = 40 * u + searchWidth + apps.length * 44 * u;
  let x = canvas.width / 2 - total / 2;
  for (let i = 0; i < 4; i++) {
    canvas.fillRect(x + 10 * u + (i % 2) * 11 * u, cy - 10 * u + Math.floor(i / 2) * 11 * u, 9.5 * u, 9.5 * u, rgb('#1f8ae6'));
  }
  x += 44 * u;
  canvas.fillRoundedRect(x, cy - 16 * u, searchWidth, 32 * u, 16 * u, dark ? rgb('#2d2d2d') : rgb('#ffffff'));
  canvas.strokeArc(x + 20 * u, cy - 1 * u, 5 * u, 1.6 * u, 0, 360, iconColor);
  canvas.drawLine(x + 24 * u, cy + 3 * u, x + 28 * u, cy + 7 * u, 1.6 * u, iconColor);
  drawText(canvas, 'Search', x + 38 * u, cy + 5 * u, { size: 14 * u, weight: 'regular', color: dark ? rgb('#c8c8c8') : rgb('#5c5c5c') });
  x += searchWidth + 12 * u;
  apps.forEach((color, i) => {
    canvas.fillRoundedRect(x + i * 44 * u + 6 * u, cy - 13 * u, 26 * u, 26 * u, 6 * u, color);
    if (i === 3) canvas.fillRoundedRect(x + i * 44 * u + 13 * u, cy + 19 * u, 12 * u, 3 * u, 1.5 * u, rgb('#5fb2f2'));
  });
  const clock = taskbarClock(look.takenAt);
  const clockStyle = { size: 13 * u, weight: 'regular' as const, color: iconColor };
  drawText(canvas, clock.time, canvas.width - 16 * u, cy - 2 * u, clockStyle, 'right');
  drawText(canvas, clock.date, canvas.width - 16 * u, cy + 16 * u, clockStyle, 'right');
  return h;
}

function drawMenuBar(canvas: PixelCanvas, u: number, look: BrowserLook): number {
  const h = Math.round(25 * u);
  canvas.fillRect(0, 0, canvas.width, h, rgb('#e9e7ea'));
  const style = { size: 14 * u, weight: 'regular' as const, color: rgb('#1d1d1f') };
  const cy = h / 2 + 5 * u;
  canvas.fillCircle(22 * u, h / 2 + 0.5 * u, 6.5 * u, rgb('#1d1d1f'));
  let x = 44 * u;
  x += drawText(canvas, look.browser === 'safari' ? 'Safari' : 'Google Chrome', x, cy, { ...style, weight: 'bold' }) + 22 * u;
  for (const item of ['File', 'Edit', 'View', 'History', 'Bookmarks', 'Window', 'Help']) x += drawText(canvas, item, x, cy, style) + 20 * u;
  const clockWidth = drawText(canvas, menuBarClock(look.takenAt), canvas.width - 14 * u, cy, style, 'right');
  // Wi-Fi and battery, drawn as plain shapes.
  const bx = canvas.width - 14 * u - clockWidth - 44 * u;
  canvas.strokeRoundedRect(bx, h / 2 - 5.5 * u, 24 * u, 11 * u, 3 * u, 1.2 * u, style.color);
  canvas.fillRoundedRect(bx + 2.5 * u, h / 2 - 3 * u, 15 * u, 6 * u, 1.5 * u, style.color);
  canvas.strokeArc(bx - 22 * u, h / 2 + 4 * u, 9 * u, 1.8 * u, 225, 315, style.color);
  canvas.strokeArc(bx - 22 * u, h / 2 + 4 * u, 5 * u, 1.8 * u, 225, 315, style.color);
  return h;
}

/** Draws desktop and browser chrome and returns the area left for the web page. */
export function drawBrowserWindow(canvas: PixelCanvas, look: BrowserLook): ContentArea {
  const u = look.unit;
  const palette = paletteFor(look);
  const top = look.desktop === 'mac' ? drawMenuBar(canvas, u, look) : 0;
  const bottom = look.desktop === 'windows' ? drawTaskbar(canvas, u, look) : 0;
  const W = canvas.width;

  if (look.browser === 'safari') {
    // Safari's single unified toolbar: traffic lights, arrows, a centred address field.
    const h = Math.round(52 * u);
    canvas.fillRect(0, top, W, h, look.darkChrome ? rgb('#2c2c2e') : rgb('#f6f6f6'));
    canvas.fillRect(0, top + h - Math.max(1, u), W, Math.max(1, u), palette.divider);
    const cy = top + h / 2;
    drawTrafficLights(canvas, 20 * u, cy, u);
    const iconColor = look.darkChrome ? rgb('#d0d0d0') : rgb('#6e6e73');
    drawArrow(canvas, 108 * u, cy, u, -1, iconColor);
    drawArrow(canvas, 142 * u, cy, u, 1, mix(iconColor, rgb('#f6f6f6'), 0.5));
    const fieldWidth = Math.min(620 * u, W * 0.5);
    drawAddressBar(canvas, (W - fieldWidth) / 2, cy, fieldWidth, u, look, { ...palette, field: look.darkChrome ? rgb('#3a3a3c') : rgb('#e3e3e6') }, true);
    drawReload(canvas, (W + fieldWidth) / 2 - 18 * u, cy, u, iconColor);
    return { x: 0, y: top + h, width: W, height: canvas.height - top - h - bottom };
  }

  // Chrome and Edge: a tab strip above a toolbar.
  const stripH = Math.round(40 * u);
  canvas.fillRect(0, top, W, stripH, palette.strip);
  const tabX = (look.desktop === 'mac' ? 80 : 8) * u;
  const tabW = Math.min(250 * u, W * 0.35);
  canvas.fillRoundedRect(tabX, top + 6 * u, tabW, stripH - 6 * u + 8 * u, 8 * u, palette.tab);
  canvas.fillRect(tabX, top + stripH - 2 * u, tabW, 2 * u, palette.tab);
  drawFavicon(canvas, tabX + 12 * u, top + 6 * u + (stripH - 6 * u) / 2, u, look);
  const tabStyle = { size: 13 * u, weight: 'regular' as const, color: palette.text };
  drawText(canvas, fitText(look.tabTitle, tabW - 66 * u, tabStyle), tabX + 36 * u, top + 6 * u + (stripH - 6 * u) / 2 + 4.5 * u, tabStyle);
  const closeX = tabX + tabW - 18 * u;
  const closeY = top + 6 * u + (stripH - 6 * u) / 2;
  canvas.drawLine(closeX - 4 * u, closeY - 4 * u, closeX + 4 * u, closeY + 4 * u, 1.3 * u, palette.icon);
  canvas.drawLine(closeX - 4 * u, closeY + 4 * u, closeX + 4 * u, closeY - 4 * u, 1.3 * u, palette.icon);
  const plusX = tabX + tabW + 22 * u;
  canvas.drawLine(plusX - 6 * u, closeY, plusX + 6 * u, closeY, 1.5 * u, palette.icon);
  canvas.drawLine(plusX, closeY - 6 * u, plusX, closeY + 6 * u, 1.5 * u, palette.icon);
  if (look.desktop === 'mac') drawTrafficLights(canvas, 22 * u, top + stripH / 2, u);
  else drawWindowButtons(canvas, W, top + stripH / 2, u, palette.text);

  const barH = Math.round(46 * u);
  const barTop = top + stripH;
  canvas.fillRect(0, barTop, W, barH, palette.toolbar);
  canvas.fillRect(0, barTop + barH - Math.max(1, u), W, Math.max(1, u), palette.divider);
  const cy = barTop + barH / 2;
  drawArrow(canvas, 24 * u, cy, u, -1, palette.icon);
  drawArrow(canvas, 60 * u, cy, u, 1, mix(palette.icon, palette.toolbar, 0.55));
  drawReload(canvas, 96 * u, cy, u, palette.icon);
  const fieldX = 124 * u;
  const fieldWidth = W - fieldX - 120 * u;
  drawAddressBar(canvas, fieldX, cy, fieldWidth, u, look, palette, false);
  canvas.fillCircle(W - 62 * u, cy, 12 * u, look.profileColor);
  drawText(canvas, look.profileLetter, W - 62 * u, cy + 4.5 * u, { size: 13 * u, weight: 'bold', color: rgb('#ffffff') }, 'center');
  for (let i = -1; i <= 1; i++) canvas.fillCircle(W - 24 * u, cy + i * 5.5 * u, 1.9 * u, palette.icon);
  return { x: 0, y: barTop + barH, width: W, height: canvas.height - barTop - barH - bottom };
}
