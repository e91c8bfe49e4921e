// The course player's result page inside the browser, in three styles seen in real SCORM
// players: a centred result card, a lesson outline beside the result (Rise-like), and a
// slide in a player frame (Storyline-like). The score line is always one line of large,
// dark-on-light text, because that is what issue #7's OCR has to read.
import { mix, rgb, type PixelCanvas, type Rgb } from './pixel-canvas';
import type { ContentArea } from './browser-window';
import { formatFinishedAt, formatPercent, initialsOf, type DateStyle, type ResultWording } from './screen-wording';
import type { ResultKind } from './screenshot-spec';
import { drawText, fitText, measureText, wrapText, type FontWeight } from './text-painter';

export type PlayerLayout = 'card' | 'outline' | 'slide';

export interface PlayerLook {
  readonly layout: PlayerLayout;
  readonly accent: Rgb;
  readonly dateStyle: DateStyle;
  /** The slide player's frame: dark (Storyline's default) or light. */
  readonly darkFrame: boolean;
  /** Lesson titles around the module in the outline layout. */
  readonly outlineLessons: readonly string[];
  readonly unit: number;
}

export interface PlayerContent {
  readonly result: ResultKind;
  readonly score: number | null;
  readonly passingScore: number;
  readonly learnerName: string;
  readonly courseName: string;
  readonly moduleName: string;
  readonly takenAt: Date;
  readonly wording: ResultWording;
}

const INK = rgb('#1f2328');
const MUTED = rgb('#5b6470');
const WHITE = rgb('#ffffff');
const PASS_TEXT = rgb('#1a7f37');
const PASS_FILL = rgb('#2da44e');
const FAIL_TEXT = rgb('#c62828');
const FAIL_FILL = rgb('#e5484d');
const TRACK = rgb('#e4e7ec');

function statusColors(content: PlayerContent, accent: Rgb): { text: Rgb; fill: Rgb } {
  if (content.result === 'passing') return { text: PASS_TEXT, fill: PASS_FILL };
  if (content.result === 'failing') return { text: FAIL_TEXT, fill: FAIL_FILL };
  return { text: mix(accent, INK, 0.25), fill: accent };
}

function drawBadge(canvas: PixelCanvas, cx: number, cy: number, radius: number, result: ResultKind, fill: Rgb): void {
  canvas.fillCircle(cx, cy, radius + radius * 0.16, mix(fill, WHITE, 0.78));
  canvas.fillCircle(cx, cy, radius, fill);
  const w = radius * 0.17;
  if (result === 'failing') {
    const k = radius * 0.34;
    canvas.drawLine(cx - k, cy - k, cx + k, cy + k, w, WHITE);
    canvas.drawLine(cx - k, cy + k, cx + k, cy - k, w, WHITE);
    return;
  }
  canvas.drawLine(cx - radius * 0.42, cy + radius * 0.02, cx - radius * 0.12, cy + radius * 0.32, w, WHITE);
  canvas.drawLine(cx - radius * 0.12, cy + radius * 0.32, cx + radius * 0.44, cy - radius * 0.3, w, WHITE);
}

interface ButtonSpec {
  readonly label: string;
  readonly primary: boolean;
}

function buttonWidth(label: string, size: number, u: number): number {
  return measureText(label, { size, weight: 'semibold' }) + 48 * u;
}

function drawButton(canvas: PixelCanvas, x: number, y: number, button: ButtonSpec, size: number, u: number, accent: Rgb, onDark = false): number {
  const width = buttonWidth(button.label, size, u);
  const height = size * 2.5;
  if (button.primary) {
    canvas.fillRoundedRect(x, y, width, height, 6 * u, accent);
  } else {
    canvas.fillRoundedRect(x, y, width, height, 6 * u, onDark ? rgb('#3a3d42') : WHITE);
    canvas.strokeRoundedRect(x, y, width, height, 6 * u, Math.max(1, 1.3 * u), onDark ? rgb('#6b7078') : mix(accent, WHITE, 0.35));
  }
  const color = button.primary ? WHITE : onDark ? WHITE : mix(accent, INK, 0.2);
  drawText(canvas, button.label, x + width / 2, y + height / 2 + size * 0.35, { size, weight: 'semibold', color }, 'center');
  return width;
}

function buttonsOf(wording: ResultWording): ButtonSpec[] {
  const buttons: ButtonSpec[] = [];
  if (wording.secondaryButton) buttons.push({ label: wording.secondaryButton, primary: false });
  buttons.push({ label: wording.primaryButton, primary: true });
  return buttons;
}

function drawButtonRow(canvas: PixelCanvas, x: number, y: number, buttons: ButtonSpec[], size: number, u: number, accent: Rgb, align: 'left' | 'center', onDark = false): void {
  const gap = 14 * u;
  const total = buttons.reduce((sum, b) => sum + buttonWidth(b.label, size, u), 0) + gap * (buttons.length - 1);
  let bx = align === 'center' ? x - total / 2 : x;
  for (const button of buttons) bx += drawButton(canvas, bx, y, button, size, u, accent, onDark) + gap;
}

/** The score bar: filled to the score, with a tick at the passing score. */
function drawScoreBar(canvas: PixelCanvas, x: number, y: number, width: number, height: number, content: PlayerContent, fill: Rgb, u: number, label: string | null): number {
  canvas.fillRoundedRect(x, y, width, height, height / 2, TRACK);
  const fraction = content.score === null ? 1 : Math.max(0, Math.min(1, content.score / 100));
  if (fraction > 0) canvas.fillRoundedRect(x, y, Math.max(height, width * fraction), height, height / 2, fill);
  let bottom = y + height;
  if (content.score !== null) {
    const tickX = x + (width * content.passingScore) / 100;
    canvas.fillRect(tickX - 1.5 * u, y - 5 * u, 3 * u, height + 10 * u, INK);
    bottom += 5 * u;
  }
  if (label) {
    const style = { size: 15 * u, weight: 'regular' as FontWeight, color: MUTED };
    drawText(canvas, '0%', x, bottom + 22 * u, style);
    drawText(canvas, '100%', x + width, bottom + 22 * u, style, 'right');
    drawText(canvas, label, x + width / 2, bottom + 22 * u, { ...style, weight: 'semibold', color: INK }, 'center');
    bottom += 30 * u;
  }
  return bottom;
}

function learnerLine(content: PlayerContent, dateStyle: DateStyle): string {
  const when = formatFinishedAt(content.takenAt, dateStyle);
  return `${content.learnerName} \u00B7 ${content.result === 'completion' ? 'Completed' : 'Submitted'} ${when}`;
}

function barLabel(content: PlayerContent): string | null {
  if (content.score === null) return '100% complete';
  return content.wording.passingLine ?? `Passing score: ${formatPercent(content.passingScore)}%`;
}

/** Shrinks a style until the text fits. */
function fittingSize(text: string, weight: FontWeight, size: number, maxWidth: number): number {
  let s = size;
  while (s > 12 && measureText(text, { size: s, weight }) > maxWidth) s -= 1;
  return s;
}

function drawCardLayout(canvas: PixelCanvas, area: ContentArea, content: PlayerContent, look: PlayerLook): void {
  const u = look.unit;
  const { text: statusText, fill } = statusColors(content, look.accent);
  // Player header: course name on the left, the signed-in learner on the right.
  const headerH = 60 * u;
  canvas.fillRect(area.x, area.y, area.width, headerH, look.accent);
  const nameStyle = { size: 16 * u, weight: 'regular' as FontWeight, color: WHITE };
  const nameWidth = measureText(fitText(content.learnerName, 260 * u, nameStyle), nameStyle);
  const avatarX = area.x + area.width - 32 * u - nameWidth - 26 * u;
  canvas.fillCircle(avatarX, area.y + headerH / 2, 16 * u, mix(look.accent, WHITE, 0.3));
  drawText(canvas, initialsOf(content.learnerName), avatarX, area.y + headerH / 2 + 5 * u, { size: 14 * u, weight: 'bold', color: WHITE }, 'center');
  drawText(canvas, fitText(content.learnerName, 260 * u, nameStyle), avatarX + 26 * u, area.y + headerH / 2 + 5.5 * u, nameStyle);
  const titleStyle = { size: 20 * u, weight: 'semibold' as FontWeight, color: WHITE };
  drawText(canvas, fitText(content.courseName, avatarX - area.x - 80 * u, titleStyle), area.x + 28 * u, area.y + headerH / 2 + 7 * u, titleStyle);
  canvas.fillRect(area.x, area.y + headerH, area.width, 5 * u, mix(look.accent, WHITE, 0.7));
  canvas.fillRect(area.x, area.y + headerH, area.width * (content.result === 'failing' ? 0.8 : 1), 5 * u, mix(look.accent, WHITE, 0.25));
  const bodyY = area.y + headerH + 5 * u;
  const bodyH = area.height - headerH - 5 * u;
  canvas.fillRect(area.x, bodyY, area.width, bodyH, rgb('#f2f4f7'));

  const cardW = Math.min(780 * u, area.width - 80 * u);
  const inner = cardW - 96 * u;
  const moduleStyle = { size: 18 * u, weight: 'semibold' as FontWeight, color: MUTED };
  const moduleLines = wrapText(content.moduleName, inner, moduleStyle, 2);
  const resultSize = fittingSize(content.wording.resultLine, 'bold', 58 * u, inner);
  const statusSize = fittingSize(content.wording.statusLine, 'semibold', 28 * u, inner);
  const badgeR = 34 * u;
  const buttonSize = 17 * u;
  const heights = {
    top: 36 * u,
    module: moduleLines.length * 26 * u,
    heading: 40 * u,
    badge: badgeR * 2 + 28 * u,
    result: resultSize * 1.05,
    status: statusSize * 1.8,
    bar: 14 * u + 10 * u + 30 * u + 26 * u,
    learner: 44 * u,
    buttons: buttonSize * 2.5 + 36 * u,
  };
  const cardH = Object.values(heights).reduce((a, b) => a + b, 0);
  const cardX = area.x + (area.width - cardW) / 2;
  const cardY = bodyY + Math.max(16 * u, (bodyH - cardH) / 2);
  canvas.dropShadow(cardX, cardY, cardW, cardH, 12 * u, 22 * u, 6 * u, 0.12);
  canvas.fillRoundedRect(cardX, cardY, cardW, cardH, 12 * u, WHITE);
  const cx = cardX + cardW / 2;
  let y = cardY + heights.top;
  for (const line of moduleLines) {
    y += 26 * u;
    drawText(canvas, line, cx, y - 6 * u, moduleStyle, 'center');
  }
  y += heights.heading;
  drawText(canvas, content.wording.heading, cx, y - 10 * u, { size: 24 * u, weight: 'semibold', color: INK }, 'center');
  drawBadge(canvas, cx, y + 12 * u + badgeR, badgeR, content.result, fill);
  y += heights.badge;
  y += heights.result;
  drawText(canvas, content.wording.resultLine, cx, y, { size: resultSize, weight: 'bold', color: INK }, 'center');
  y += heights.status;
  drawText(canvas, content.wording.statusLine, cx, y - statusSize * 0.2, { size: statusSize, weight: 'semibold', color: statusText }, 'center');
  drawScoreBar(canvas, cardX + 48 * u, y + 24 * u, inner, 14 * u, content, fill, u, barLabel(content));
  y += heights.bar;
  drawText(canvas, fitText(learnerLine(content, look.dateStyle), inner, { size: 17 * u, weight: 'regular' }), cx, y + 26 * u, { size: 17 * u, weight: 'regular', color: MUTED }, 'center');
  y += heights.learner;
  drawButtonRow(canvas, cx, y + 8 * u, buttonsOf(content.wording), buttonSize, u, look.accent, 'center');
}

function drawLessonIcon(canvas: PixelCanvas, cx: number, cy: number, u: number, state: 'done' | 'failed' | 'open', accent: Rgb): void {
  const r = 10 * u;
  if (state === 'open') {
    canvas.strokeRoundedRect(cx - r, cy - r, 2 * r, 2 * r, r, 1.6 * u, rgb('#b8bec7'));
    return;
  }
  canvas.fillCircle(cx, cy, r, state === 'done' ? accent : FAIL_FILL);
  if (state === 'done') {
    canvas.drawLine(cx - 4.5 * u, cy + 0.2 * u, cx - 1.2 * u, cy + 3.5 * u, 2 * u, WHITE);
    canvas.drawLine(cx - 1.2 * u, cy + 3.5 * u, cx + 4.8 * u, cy - 3.2 * u, 2 * u, WHITE);
  } else {
    canvas.drawLine(cx - 3.5 * u, cy - 3.5 * u, cx + 3.5 * u, cy + 3.5 * u, 2 * u, WHITE);
    canvas.drawLine(cx - 3.5 * u, cy + 3.5 * u, cx + 3.5 * u, cy - 3.5 * u, 2 * u, WHITE);
  }
}

function drawOutlineLayout(canvas: PixelCanvas, area: ContentArea, content: PlayerContent, look: PlayerLook): void {
  const u = look.unit;
  const { text: statusText, fill } = statusColors(content, look.accent);
  const sideW = Math.min(330 * u, area.width * 0.3);
  canvas.fillRect(area.x, area.y, area.width, area.height, rgb('#f7f8fa'));
  canvas.fillRect(area.x, area.y, sideW, area.height, WHITE);
  canvas.fillRect(area.x + sideW, area.y, Math.max(1, u), area.height, rgb('#e3e6ea'));

  // Sidebar: course title, overall progress, the lessons with the module among them.
  const pad = 28 * u;
  const titleStyle = { size: 22 * u, weight: 'bold' as FontWeight, color: INK };
  let y = area.y + 28 * u;
  for (const line of wrapText(content.courseName, sideW - 2 * pad, titleStyle, 3)) {
    y += 30 * u;
    drawText(canvas, line, area.x + pad, y, titleStyle);
  }
  const lessons = [...look.outlineLessons.slice(0, 2), content.moduleName, ...look.outlineLessons.slice(2)];
  const done = content.result === 'failing' ? 2 : lessons.length;
  const percent = Math.round((done / lessons.length) * 100);
  y += 30 * u;
  drawText(canvas, `${percent}% COMPLETE`, area.x + pad, y, { size: 13 * u, weight: 'semibold', color: MUTED, tracking: 1 });
  y += 12 * u;
  canvas.fillRoundedRect(area.x + pad, y, sideW - 2 * pad, 6 * u, 3 * u, TRACK);
  canvas.fillRoundedRect(area.x + pad, y, ((sideW - 2 * pad) * percent) / 100, 6 * u, 3 * u, look.accent);
  y += 26 * u;
  const lessonStyle = { size: 16 * u, weight: 'regular' as FontWeight, color: INK };
  lessons.forEach((lesson, i) => {
    const rowH = 48 * u;
    const current = i === 2;
    if (current) canvas.fillRect(area.x, y, sideW, rowH, mix(look.accent, WHITE, 0.88));
    if (current) canvas.fillRect(area.x, y, 4 * u, rowH, look.accent);
    const state = i < done ? 'done' : current ? 'failed' : 'open';
    drawText(canvas, fitText(lesson, sideW - 2 * pad - 34 * u, lessonStyle), area.x + pad, y + rowH / 2 + 5.5 * u, { ...lessonStyle, weight: current ? 'semibold' : 'regular' });
    drawLessonIcon(canvas, area.x + sideW - pad - 8 * u, y + rowH / 2, u, state, look.accent);
    y += rowH;
  });

  // Main column: the result, left-aligned the way lesson pages are.
  const mainX = area.x + sideW + Math.min(80 * u, (area.width - sideW) * 0.1);
  const mainW = Math.min(720 * u, area.x + area.width - mainX - 48 * u);
  const moduleStyle = { size: 34 * u, weight: 'bold' as FontWeight, color: INK };
  const moduleLines = wrapText(content.moduleName, mainW, moduleStyle, 2);
  const resultSize = fittingSize(content.wording.resultLine, 'bold', 56 * u, mainW);
  const statusSize = fittingSize(content.wording.statusLine, 'semibold', 28 * u, mainW);
  const blockH = 30 * u + moduleLines.length * 44 * u + 36 * u + 40 * u + resultSize * 1.3 + statusSize * 1.7 + 80 * u + 40 * u + 60 * u;
  y = area.y + Math.max(30 * u, (area.height - blockH) / 2);
  drawText(canvas, content.wording.heading.toUpperCase(), mainX, y + 16 * u, { size: 15 * u, weight: 'semibold', color: look.accent, tracking: 1.2 });
  y += 30 * u;
  for (const line of moduleLines) {
    y += 44 * u;
    drawText(canvas, line, mainX, y - 8 * u, moduleStyle);
  }
  y += 16 * u;
  canvas.fillRect(mainX, y, mainW, Math.max(1, u), rgb('#dde1e6'));
  y += 24 * u;
  // Status chip.
  const chipStyle = { size: 15 * u, weight: 'bold' as FontWeight, color: statusText, tracking: 0.8 };
  const chipText = content.wording.statusWord.toUpperCase();
  const chipW = measureText(chipText, chipStyle) + 44 * u;
  canvas.fillRoundedRect(mainX, y, chipW, 30 * u, 15 * u, mix(fill, WHITE, 0.85));
  canvas.fillCircle(mainX + 15 * u, y + 15 * u, 4 * u, fill);
  drawText(canvas, chipText, mainX + 26 * u, y + 20.5 * u, chipStyle);
  y += 40 * u + resultSize * 1.2;
  drawText(canvas, content.wording.resultLine, mainX, y, { size: resultSize, weight: 'bold', color: INK });
  y += statusSize * 1.7;
  drawText(canvas, content.wording.statusLine, mainX, y, { size: statusSize, weight: 'semibold', color: statusText });
  y = drawScoreBar(canvas, mainX, y + 30 * u, mainW, 12 * u, content, fill, u, barLabel(content));
  drawText(canvas, fitText(learnerLine(content, look.dateStyle), mainW, { size: 17 * u, weight: 'regular' }), mainX, y + 40 * u, { size: 17 * u, weight: 'regular', color: MUTED });
  drawButtonRow(canvas, mainX, y + 64 * u, buttonsOf(content.wording), 17 * u, u, look.accent, 'left');
}

function drawSlideLayout(canvas: PixelCanvas, area: ContentArea, content: PlayerContent, look: PlayerLook): void {
  const u = look.unit;
  const { text: statusText, fill } = statusColors(content, look.accent);
  const dark = look.darkFrame;
  const frame = dark ? mix(look.accent, rgb('#16181c'), 0.82) : mix(look.accent, rgb('#e9ebef'), 0.92);
  const frameText = dark ? WHITE : INK;
  const frameMuted = dark ? rgb('#d5d8dd') : MUTED;
  canvas.fillRect(area.x, area.y, area.width, area.height, frame);
  // Player title bar.
  const barH = 50 * u;
  const titleStyle = { size: 18 * u, weight: 'semibold' as FontWeight, color: frameText };
  const learnerStyle = { size: 15 * u, weight: 'regular' as FontWeight, color: frameMuted };
  const learnerText = fitText(content.learnerName, 240 * u, learnerStyle);
  const learnerW = measureText(learnerText, learnerStyle);
  drawText(canvas, learnerText, area.x + area.width - 24 * u, area.y + barH / 2 + 5 * u, learnerStyle, 'right');
  canvas.strokeArc(area.x + area.width - 36 * u - learnerW, area.y + barH / 2 - 3 * u, 4.5 * u, 1.6 * u, 0, 360, frameMuted);
  canvas.strokeArc(area.x + area.width - 36 * u - learnerW, area.y + barH / 2 + 10 * u, 8 * u, 1.6 * u, 200, 340, frameMuted);
  drawText(canvas, fitText(content.courseName, area.width - learnerW - 120 * u, titleStyle), area.x + 24 * u, area.y + barH / 2 + 6 * u, titleStyle);
  // Navigation bar.
  const navH = 58 * u;
  const navY = area.y + area.height - navH;
  canvas.fillRect(area.x, navY, area.width, navH, mix(frame, rgb('#000000'), dark ? 0.25 : 0.06));
  // The slide, 16:9, as large as fits.
  const availH = area.height - barH - navH - 24 * u;
  const slideW = Math.min(area.width - 80 * u, (availH * 16) / 9);
  const slideH = (slideW * 9) / 16;
  const slideX = area.x + (area.width - slideW) / 2;
  const slideY = area.y + barH + (availH - slideH) / 2 + 12 * u;
  if (!dark) canvas.dropShadow(slideX, slideY, slideW, slideH, 0, 10 * u, 2 * u, 0.1);
  canvas.fillRect(slideX, slideY, slideW, slideH, WHITE);
  const s = slideW / 960; // slide design units
  const bandH = 70 * s;
  canvas.fillRect(slideX, slideY, slideW, bandH, look.accent);
  drawText(canvas, content.wording.heading, slideX + 36 * s, slideY + bandH / 2 + 10 * s, { size: 30 * s, weight: 'bold', color: WHITE });
  const moduleStyle = { size: 18 * s, weight: 'regular' as FontWeight, color: mix(look.accent, WHITE, 0.8) };
  drawText(canvas, fitText(content.moduleName, 420 * s, moduleStyle), slideX + slideW - 36 * s, slideY + bandH / 2 + 6 * s, moduleStyle, 'right');
  const cx = slideX + slideW / 2;
  const badgeR = 36 * s;
  const inner = slideW - 120 * s;
  const resultSize = fittingSize(content.wording.resultLine, 'bold', 58 * s, inner);
  const statusSize = fittingSize(content.wording.statusLine, 'semibold', 28 * s, inner);
  const buttonSize = 17 * s;
  const passingH = content.wording.passingLine ? 36 * s : 0;
  // Centre the result block in the slide body below the band.
  const blockH = badgeR * 2 + 28 * s + resultSize * 0.95 + passingH + statusSize * 1.75 + 38 * s + 40 * s + buttonSize * 2.5;
  let y = slideY + bandH + Math.max(20 * s, (slideH - bandH - blockH) / 2);
  drawBadge(canvas, cx, y + badgeR, badgeR, content.result, fill);
  y += badgeR * 2 + 28 * s;
  y += resultSize * 0.95;
  drawText(canvas, content.wording.resultLine, cx, y, { size: resultSize, weight: 'bold', color: INK }, 'center');
  if (content.wording.passingLine) {
    y += passingH;
    drawText(canvas, content.wording.passingLine, cx, y, { size: 20 * s, weight: 'regular', color: MUTED }, 'center');
  }
  y += statusSize * 1.75;
  drawText(canvas, content.wording.statusLine, cx, y, { size: statusSize, weight: 'semibold', color: statusText }, 'center');
  y += 38 * s;
  const learnerStyleSlide = { size: 17 * s, weight: 'regular' as FontWeight, color: MUTED };
  drawText(canvas, fitText(learnerLine(content, look.dateStyle), inner, learnerStyleSlide), cx, y, learnerStyleSlide, 'center');
  y += 40 * s;
  drawButtonRow(canvas, cx, y, buttonsOf(content.wording), buttonSize, s, look.accent, 'center');
  // Seek bar and PREV / NEXT, as a slide player's footer has.
  const navCy = navY + navH / 2;
  const navStyle = { size: 15 * u, weight: 'semibold' as FontWeight, color: frameText, tracking: 0.8 };
  const nextW = measureText('NEXT', navStyle) + 54 * u;
  const prevW = measureText('PREV', navStyle) + 54 * u;
  const nextX = area.x + area.width - 24 * u - nextW;
  const prevX = nextX - 12 * u - prevW;
  for (const [label, bx, w] of [['PREV', prevX, prevW], ['NEXT', nextX, nextW]] as const) {
    canvas.fillRoundedRect(bx, navCy - 17 * u, w, 34 * u, 4 * u, dark ? rgb('#4a4e55') : WHITE);
    if (!dark) canvas.strokeRoundedRect(bx, navCy - 17 * u, w, 34 * u, 4 * u, Math.max(1, u), rgb('#c3c8cf'));
    drawText(canvas, label, bx + w / 2, navCy + 5.5 * u, navStyle, 'center');
  }
  const seekX = area.x + 24 * u;
  const seekW = prevX - 40 * u - seekX;
  canvas.fillRoundedRect(seekX, navCy - 3 * u, seekW, 6 * u, 3 * u, dark ? rgb('#5b5f66') : TRACK);
  canvas.fillRoundedRect(seekX, navCy - 3 * u, seekW, 6 * u, 3 * u, dark ? mix(look.accent, WHITE, 0.3) : look.accent);
  canvas.fillCircle(seekX + seekW, navCy, 7 * u, dark ? WHITE : look.accent);
}

/** Draws the player's result page into the browser's content area. */
export function drawResultScreen(canvas: PixelCanvas, area: ContentArea, content: PlayerContent, look: PlayerLook): void {
  switch (look.layout) {
    case 'card':
      drawCardLayout(canvas, area, content, look);
      return;
    case 'outline':
      drawOutlineLayout(canvas, area, content, look);
      return;
    case 'slide':
      drawSlideLayout(canvas, area, content, look);
      return;
  }
}
