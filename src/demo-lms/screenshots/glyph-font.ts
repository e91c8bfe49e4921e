// A compact stroke font for the demo screenshots. The demo LMS ships no font files, and the
// screenshots must still be read by OCR later (issue #7), so every glyph is a few strokes in
// a sans-serif style drawn with round caps: digits, "%" and look-alike letters (I/l/1, O/0,
// S/5, B/8) are kept deliberately distinct.
//
// Units: cap height 10. y grows downwards: 0 = cap top and ascender, 3 = x-height,
// 10 = baseline, 13 = descender. A glyph's ink spans x = 0 … width (accents and j may stick out).
//
// Path language, one command per letter:
//   M x y                 start a stroke at (x, y)
//   L x y                 straight stroke to (x, y)
//   A cx cy rx ry a0 a1   elliptical arc from angle a0 to a1 (degrees, 0 = right, 90 = down);
//                         a1 < a0 runs the other way round. The pen ends at the arc's end.
//   O cx cy rx ry         a closed ellipse
//   D x y [r]             a dot (a disc), radius r (default: a little fatter than the stroke)

/** A straight piece of stroke, in font units. */
export interface StrokeSegment {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A disc, in font units; `radius` null means "the font's dot size for the current weight". */
export interface StrokeDot {
  readonly x: number;
  readonly y: number;
  readonly radius: number | null;
}

export interface Glyph {
  /** Ink width in font units (the advance adds the stroke width and the letter gap). */
  readonly width: number;
  readonly segments: readonly StrokeSegment[];
  readonly dots: readonly StrokeDot[];
  /** Where an accent above this letter sits: 0 for capitals and ascenders, 3 for x-height letters. */
  readonly top: number;
  /** How much closer (font units) a neighbour may come on the left / right: round sides look farther apart than stems. */
  readonly leftTrim: number;
  readonly rightTrim: number;
}

export const CAP_HEIGHT_UNITS = 10;
export const BASELINE_UNITS = 10;
export const ASCENT_UNITS = 3; // room above the cap line for accents on capitals
export const DESCENT_UNITS = 3.5;
/** Gap between two letters' ink, in font units, on top of the stroke width. */
export const LETTER_GAP_UNITS = 1.45;
/** Font size (em, px) to cap height (px). */
export const CAP_HEIGHT_PER_EM = 0.7;

const GLYPH_PATHS: Readonly<Record<string, string>> = {
  ' ': '3.2|',
  '!': '0|M0 0 L0 7 D0 9.7',
  '"': '2.2|M0 0 L0 3 M2.2 0 L2.2 3',
  '#': '6.4|M2 0.5 L1.1 9.5 M5.3 0.5 L4.4 9.5 M0.2 3.4 L6.4 3.4 M0 6.6 L6.2 6.6',
  $: '6.3|A 3.1 2.6 2.9 2.6 -20 -250 L4.26 5.15 A 3.2 7.5 3.1 2.5 -70 160 M3.2 -1.2 L3.2 11.2',
  '%': '8.2|O 1.8 2.3 1.8 2.3 O 6.4 7.7 1.8 2.3 M6.6 0 L1.6 10',
  '&': '6.9|M6.9 10 L1.95 4.12 A 2.8 2.3 1.7 2.1 120 420 L0.6 6.9 A 2.9 7.7 2.5 2.3 200 -15 L6.5 5.5',
  "'": '0|M0 0 L0 3',
  '(': '1.8|A 3.6 5 3.6 6.4 238 122',
  ')': '1.8|A -1.8 5 3.6 6.4 -58 58',
  '*': '4.4|M2.2 0 L2.2 4.4 M0.2 1.1 L4.2 3.3 M4.2 1.1 L0.2 3.3',
  '+': '6|M3 2.4 L3 8.6 M0 5.5 L6 5.5',
  ',': '1.2|D1 9.4 M1.2 9.6 L0.1 12',
  '-': '3.6|M0 6 L3.6 6',
  '.': '0|D0 9.7',
  '/': '4.4|M4.4 -0.4 L0 10.4',
  '0': '5.8|O 2.9 5 2.9 5',
  '1': '5.2|M0.8 2.3 L3 0 L3 10 M0.6 10 L5.2 10',
  '2': '5.8|A 2.8 3 2.8 3 200 380 L0 10 L5.8 10',
  '3': '5.7|A 2.7 2.5 2.6 2.5 200 450 M1.7 5 L2.8 5 A 2.8 7.5 2.9 2.5 270 520',
  '4': '5.9|M4.3 10 L4.3 0 L0 7 L5.9 7',
  '5': '5.7|M5.3 0 L0.8 0 L0.4 4.7 L0.42 5.12 A 2.8 6.9 2.9 3.1 215 510',
  '6': '5.8|O 2.9 7 2.9 3 A 4.9 7 4.9 7 180 272',
  '7': '5.8|M0 0 L5.8 0 L2.1 10',
  '8': '5.8|O 2.9 2.45 2.5 2.45 O 2.9 7.45 2.9 2.55',
  '9': '5.8|O 2.9 3 2.9 3 A 0.9 3 4.9 7 0 92',
  ':': '0|D0 4.4 D0 9.7',
  ';': '1.2|D1 4.4 D1 9.4 M1.2 9.6 L0.1 12',
  '<': '5.6|M5.6 2.2 L0 5.5 L5.6 8.8',
  '=': '5.8|M0 4 L5.8 4 M0 7.2 L5.8 7.2',
  '>': '5.6|M0 2.2 L5.6 5.5 L0 8.8',
  '?': '5.2|A 2.6 2.6 2.6 2.6 200 410 L2.6 6.1 L2.6 7.2 D2.6 9.7',
  '@': '10.4|O 5 5.9 1.9 2.3 M6.9 3.6 L6.9 7.4 A 8.3 7.4 1.4 1.4 180 80 A 5.2 5.6 5.2 5.6 20 -330',
  A: '7.2|M0 10 L3.6 0 L7.2 10 M1.35 6.5 L5.85 6.5',
  B: '6.2|M0 0 L0 10 M0 0 L3.2 0 A 3.2 2.4 2.5 2.4 -90 90 L0 4.8 M0 4.8 L3.5 4.8 A 3.5 7.4 2.7 2.6 -90 90 L0 10',
  C: '6.4|A 3.6 5 3.6 5 40 320',
  D: '6.5|M0 0 L0 10 M0 0 L2.2 0 A 2.2 3.6 4.3 3.6 -90 0 L6.5 6.4 A 2.2 6.4 4.3 3.6 0 90 L0 10',
  E: '5.5|M5.5 0 L0 0 L0 10 L5.5 10 M0 5 L4.9 5',
  F: '5.3|M5.3 0 L0 0 L0 10 M0 5 L4.7 5',
  G: '7.2|A 3.7 5 3.7 5 25 320 M4.1 5.6 L7.2 5.6 L7.2 7.2',
  H: '6.6|M0 0 L0 10 M6.6 0 L6.6 10 M0 5 L6.6 5',
  I: '3|M0 0 L3 0 M1.5 0 L1.5 10 M0 10 L3 10',
  J: '4.6|M4.6 0 L4.6 7.3 A 2.3 7.3 2.3 2.7 0 180',
  K: '6.2|M0 0 L0 10 M6 0 L0 6.3 M2.2 4.2 L6.2 10',
  L: '5.1|M0 0 L0 10 L5.1 10',
  M: '8.4|M0 10 L0 0 L4.2 7.6 L8.4 0 L8.4 10',
  N: '6.6|M0 10 L0 0 L6.6 10 L6.6 0',
  O: '7.6|O 3.8 5 3.8 5',
  P: '6.1|M0 10 L0 0 L3.4 0 A 3.4 2.75 2.7 2.75 -90 90 L0 5.5',
  Q: '7.8|O 3.8 5 3.8 5 M4.7 7.4 L7.8 11',
  R: '6.3|M0 10 L0 0 L3.4 0 A 3.4 2.75 2.7 2.75 -90 90 L0 5.5 M3.4 5.5 L6.3 10',
  S: '6.3|A 3.1 2.6 2.9 2.6 -20 -250 L4.26 5.15 A 3.2 7.5 3.1 2.5 -70 160',
  T: '6.6|M0 0 L6.6 0 M3.3 0 L3.3 10',
  U: '6.6|M0 0 L0 6.6 A 3.3 6.6 3.3 3.4 180 0 L6.6 0',
  V: '7.2|M0 0 L3.6 10 L7.2 0',
  W: '10|M0 0 L2.4 10 L5 1.5 L7.6 10 L10 0',
  X: '6.6|M0 0 L6.6 10 M6.6 0 L0 10',
  Y: '7|M0 0 L3.5 5.2 L7 0 M3.5 5.2 L3.5 10',
  Z: '6.2|M0 0 L6.2 0 L0 10 L6.2 10',
  '[': '2.2|M2.2 -0.8 L0 -0.8 L0 11 L2.2 11',
  '\\': '4.4|M0 -0.4 L4.4 10.4',
  ']': '2.2|M0 -0.8 L2.2 -0.8 L2.2 11 L0 11',
  '^': '5.2|M0 4.2 L2.6 0 L5.2 4.2',
  _: '6.4|M0 12 L6.4 12',
  '`': '1.5|M0 0 L1.5 1.9',
  a: '4.9|A 2.5 5.3 2.4 2.3 205 360 M4.9 5.3 L4.9 10 M4.9 6.3 L2.4 6.3 A 2.4 8.15 2.3 1.85 270 90 L3.5 10 A 3.5 8.2 1.4 1.8 90 0',
  b: '5.9|M0 0 L0 10 O 2.95 6.5 2.95 3.5',
  c: '5.1|A 2.85 6.5 2.85 3.5 40 320',
  d: '5.9|O 2.95 6.5 2.95 3.5 M5.9 0 L5.9 10',
  e: '5.7|M0.05 6.6 L5.7 6.6 A 2.85 6.5 2.85 3.5 0 -318',
  f: '4.4|A 3.4 2.3 1.9 2.1 -60 -180 L1.5 10 M0 3 L4.1 3',
  g: '5.9|O 2.95 6.3 2.95 3.3 M5.9 3 L5.9 10.6 A 2.95 10.6 2.95 2.4 0 160',
  h: '5.6|M0 0 L0 10 M0 5.9 A 2.8 5.9 2.8 2.9 180 360 L5.6 10',
  i: '0|M0 3 L0 10 D0 0.8',
  j: '1.9|M1.9 3 L1.9 11.4 A 0.3 11.4 1.6 1.6 0 140 D1.9 0.8',
  k: '5.2|M0 0 L0 10 M5 3 L0 7.3 M1.9 6 L5.2 10',
  l: '0|M0 0 L0 10',
  m: '8.4|M0 3 L0 10 M0 5.6 A 2.1 5.6 2.1 2.6 180 360 L4.2 10 M4.2 5.6 A 6.3 5.6 2.1 2.6 180 360 L8.4 10',
  n: '5.6|M0 3 L0 10 M0 5.9 A 2.8 5.9 2.8 2.9 180 360 L5.6 10',
  o: '5.9|O 2.95 6.5 2.95 3.5',
  p: '5.9|M0 3 L0 13 O 2.95 6.5 2.95 3.5',
  q: '5.9|O 2.95 6.5 2.95 3.5 M5.9 3 L5.9 13',
  r: '4.2|M0 3 L0 10 M0 6.2 A 3.1 6.2 3.1 3.2 180 290',
  s: '5.15|A 2.5 4.8 2.35 1.8 -20 -250 L3.47 6.61 A 2.6 8.25 2.55 1.75 -70 160',
  t: '4|M1.5 0.6 L1.5 8.3 A 3.2 8.3 1.7 1.7 180 90 L4 10 M0 3 L3.9 3',
  u: '5.6|M0 3 L0 7.1 A 2.8 7.1 2.8 2.9 180 0 M5.6 3 L5.6 10',
  v: '5.6|M0 3 L2.8 10 L5.6 3',
  w: '8.4|M0 3 L2.1 10 L4.2 3.6 L6.3 10 L8.4 3',
  x: '5.4|M0 3 L5.4 10 M5.4 3 L0 10',
  y: '5.8|M0 3 L2.9 10 M5.8 3 L2.4 12 L2 12.7 L1.1 13 L0.4 13',
  z: '5.4|M0.2 3 L5.2 3 L0 10 L5.4 10',
  '{': '3|M3 -0.8 L2.3 -0.6 L1.8 0 L1.8 4 L1.4 4.8 L0 5.1 L1.4 5.4 L1.8 6.2 L1.8 10.2 L2.3 10.8 L3 11',
  '|': '0|M0 -1 L0 12',
  '}': '3|M0 -0.8 L0.7 -0.6 L1.2 0 L1.2 4 L1.6 4.8 L3 5.1 L1.6 5.4 L1.2 6.2 L1.2 10.2 L0.7 10.8 L0 11',
  '~': '5.6|A 1.4 6 1.4 1 180 360 A 4.2 6 1.4 1 180 0',
  // Beyond ASCII: what course titles and learners' names commonly contain.
  '\u2013': '6|M0 6 L6 6', // en dash
  '\u2014': '10|M0 6 L10 6', // em dash, as in "Failed — you need 80% to pass"
  '\u2018': '1.1|M1.1 0 L0 2.8',
  '\u2019': '1.1|M1.1 0 L0 2.8',
  '\u201C': '3.3|M1.1 0 L0 2.8 M3.3 0 L2.2 2.8',
  '\u201D': '3.3|M1.1 0 L0 2.8 M3.3 0 L2.2 2.8',
  '\u2026': '6|D0 9.7 D3 9.7 D6 9.7',
  '\u00B7': '0|D0 6',
  '\u2022': '2.4|D1.2 6 1.3',
  '\u00D7': '5|M0 3.5 L5 8.5 M5 3.5 L0 8.5',
  '\u00DF': '5.6|M0 10 L0 2.5 A 2.5 2.5 2.5 2.5 180 390 L2.4 5.3 A 2.6 7.6 3 2.4 -90 160',
  '\u0141': '5.1|M0 0 L0 10 L5.1 10 M-1.1 6.6 L2.4 3.6', // Ł
  '\u0142': '0|M0 0 L0 10 M-1.4 6.4 L1.4 3.6', // ł
  '\u00D8': '7.6|O 3.8 5 3.8 5 M0 10.6 L7.6 -0.6', // Ø
  '\u00F8': '5.9|O 2.95 6.5 2.95 3.5 M0 10.3 L5.9 2.7', // ø
  '\u0131': '0|M0 3 L0 10', // dotless i, the base of í, ï …
  '\u0237': '1.9|M1.9 3 L1.9 11.4 A 0.3 11.4 1.6 1.6 0 140', // dotless j
};

// Optical spacing, as type designers do it: a bowl beside a letter looks like a wider gap than
// a stem does at the same distance, and OCR then splits the word ("Sc ore"). Round sides get
// pulled in.
const ROUND_LEFT = new Set([...'acdegoqsCGOQS0689\u00F8\u00D8']);
const ROUND_RIGHT = new Set([...'bceopsDOQS0689\u00F8\u00D8']);
const ROUND_TRIM_UNITS = 0.35;

/** Shown for a character the font lacks, as real screens show a missing glyph. */
const MISSING_GLYPH_PATH = '5|M0 0 L5 0 L5 10 L0 10 L0 0';

/**
 * Accents (Unicode combining marks after NFD), drawn relative to the base letter's centre (x)
 * and its top (y) — or its baseline for marks that hang below.
 */
const MARK_PATHS: Readonly<Record<string, { readonly below: boolean; readonly path: string }>> = {
  '\u0300': { below: false, path: 'M0.7 -0.8 L-0.8 -2.6' }, // grave
  '\u0301': { below: false, path: 'M-0.7 -0.8 L0.8 -2.6' }, // acute
  '\u0302': { below: false, path: 'M-1.6 -0.8 L0 -2.5 L1.6 -0.8' }, // circumflex
  '\u0303': { below: false, path: 'A -0.8 -1.6 0.8 0.6 180 360 A 0.8 -1.6 0.8 0.6 180 0' }, // tilde
  '\u0304': { below: false, path: 'M-1.6 -1.5 L1.6 -1.5' }, // macron
  '\u0306': { below: false, path: 'A 0 -2.4 1.5 1.2 180 0' }, // breve
  '\u0307': { below: false, path: 'D0 -1.5' }, // dot above
  '\u0308': { below: false, path: 'D-1.3 -1.5 D1.3 -1.5' }, // diaeresis
  '\u030A': { below: false, path: 'O 0 -1.9 1 1' }, // ring
  '\u030B': { below: false, path: 'M-1.5 -0.8 L-0.4 -2.6 M0.5 -0.8 L1.6 -2.6' }, // double acute
  '\u030C': { below: false, path: 'M-1.6 -2.5 L0 -0.8 L1.6 -2.5' }, // caron
  '\u0327': { below: true, path: 'M0 0 L0.2 1 L1 1.6 L0.6 2.4 L-0.8 2.6' }, // cedilla
  '\u0328': { below: true, path: 'A 1.1 1.4 1.1 1.4 -120 -270' }, // ogonek
};

const ARC_STEP_UNITS = 0.3;

function parseGlyphPath(path: string, where: string): { segments: StrokeSegment[]; dots: StrokeDot[] } {
  const tokens = path.match(/[A-Z]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  if (path.replace(/[A-Z]|-?(?:\d+\.?\d*|\.\d+)|\s/g, '') !== '') throw new Error(`Font path for ${where} has stray characters: "${path}"`);
  const segments: StrokeSegment[] = [];
  const dots: StrokeDot[] = [];
  let penX: number | null = null;
  let penY: number | null = null;
  let i = 0;
  const num = (): number => {
    const token = tokens[i++];
    const value = token === undefined ? Number.NaN : Number(token);
    if (!Number.isFinite(value)) throw new Error(`Font path for ${where} has a bad number near token ${i}: "${path}"`);
    return value;
  };
  const optionalNum = (): number | null => {
    const token = tokens[i];
    if (token === undefined || /^[A-Z]$/.test(token)) return null;
    return num();
  };
  const arc = (cx: number, cy: number, rx: number, ry: number, a0: number, a1: number): void => {
    const sweep = ((a1 - a0) * Math.PI) / 180;
    const approxLength = Math.abs(sweep) * Math.max(rx, ry);
    const steps = Math.max(2, Math.ceil(approxLength / ARC_STEP_UNITS));
    let prevX = cx + rx * Math.cos((a0 * Math.PI) / 180);
    let prevY = cy + ry * Math.sin((a0 * Math.PI) / 180);
    for (let s = 1; s <= steps; s++) {
      const angle = (a0 * Math.PI) / 180 + (sweep * s) / steps;
      const x = cx + rx * Math.cos(angle);
      const y = cy + ry * Math.sin(angle);
      segments.push({ x0: prevX, y0: prevY, x1: x, y1: y });
      prevX = x;
      prevY = y;
    }
    penX = prevX;
    penY = prevY;
  };
  while (i < tokens.length) {
    const command = tokens[i++];
    switch (command) {
      case 'M':
        penX = num();
        penY = num();
        break;
      case 'L': {
        const x = num();
        const y = num();
        if (penX === null || penY === null) throw new Error(`Font path for ${where} draws a line before any M: "${path}"`);
        segments.push({ x0: penX, y0: penY, x1: x, y1: y });
        penX = x;
        penY = y;
        break;
      }
      case 'A':
        arc(num(), num(), num(), num(), num(), num());
        break;
      case 'O':
        arc(num(), num(), num(), num(), 0, 360);
        break;
      case 'D':
        dots.push({ x: num(), y: num(), radius: optionalNum() });
        break;
      default:
        throw new Error(`Font path for ${where} has an unknown command "${command}": "${path}"`);
    }
  }
  return { segments, dots };
}

function compileGlyph(definition: string, where: string, top: number, char = ''): Glyph {
  const bar = definition.indexOf('|');
  const width = Number(definition.slice(0, bar));
  if (bar < 0 || !Number.isFinite(width)) throw new Error(`Font entry for ${where} must start with "width|": "${definition}"`);
  return {
    width,
    ...parseGlyphPath(definition.slice(bar + 1), where),
    top,
    leftTrim: ROUND_LEFT.has(char) ? ROUND_TRIM_UNITS : 0,
    rightTrim: ROUND_RIGHT.has(char) ? ROUND_TRIM_UNITS : 0,
  };
}

const X_HEIGHT_LETTERS = /^[acegijmnopqrsuvwxyz\u0131\u0237\u00F8]$/;

function accentTop(char: string): number {
  return X_HEIGHT_LETTERS.test(char) ? 3 : 0;
}

const glyphs = new Map<string, Glyph>(
  Object.entries(GLYPH_PATHS).map(([char, definition]) => [char, compileGlyph(definition, JSON.stringify(char), accentTop(char), char)]),
);

export const MISSING_GLYPH: Glyph = compileGlyph(MISSING_GLYPH_PATH, 'the missing-glyph box', 0);

export interface Mark {
  readonly below: boolean;
  readonly segments: readonly StrokeSegment[];
  readonly dots: readonly StrokeDot[];
}

const marks = new Map<string, Mark>(
  Object.entries(MARK_PATHS).map(([char, { below, path }]) => [char, { below, ...parseGlyphPath(path, `mark U+${char.codePointAt(0)?.toString(16)}`) }]),
);

/** The glyph for one character, or undefined when the font lacks it. */
export function glyphFor(char: string): Glyph | undefined {
  return glyphs.get(char);
}

/** The accent for a combining mark, or undefined when the font lacks it. */
export function markFor(char: string): Mark | undefined {
  return marks.get(char);
}

/** Letters whose dot must go when an accent sits on them (í, ï, ĵ …). */
export function dotlessFor(char: string): string {
  if (char === 'i') return '\u0131';
  if (char === 'j') return '\u0237';
  return char;
}

/** Every character the font draws (without accents). */
export function coveredCharacters(): string[] {
  return [...glyphs.keys()];
}
