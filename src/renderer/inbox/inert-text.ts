// Learner-written text made safe to show: it is always rendered as text (never as HTML), and
// before that the characters that could deceive the agent or break the layout are dealt with.
// Direction overrides and isolates are shown as visible markers (so "invoice‮gpj.exe" cannot
// pass for an image), invisible format characters are dropped, long runs of combining marks
// are cut short, control characters and broken surrogates become U+FFFD. Pure.

/** Combining marks kept after one base character; more is "Zalgo" text that climbs over lines. */
export const MAX_COMBINING_MARKS = 3;

const BIDI_NAMES: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/gu;
/** Invisible characters that hide inside words; the zero-width joiner stays (emoji need it). */
const INVISIBLE = /[\u200B\u200C\u2060-\u2064\uFEFF\u00AD]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const COMBINING_RUN = new RegExp(`(\\p{M}{${MAX_COMBINING_MARKS}})\\p{M}+`, 'gu');

export function inertText(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(BIDI, (c) => `⟦${BIDI_NAMES[c] ?? 'BIDI'}⟧`)
    .replace(CONTROL, '\uFFFD')
    .replace(INVISIBLE, '')
    .replace(COMBINING_RUN, '$1');
}

/** Whether the text used any trick the agent should be told about. */
export function hasHiddenTricks(text: string): boolean {
  BIDI.lastIndex = 0;
  INVISIBLE.lastIndex = 0;
  const tricky = BIDI.test(text) || INVISIBLE.test(text);
  BIDI.lastIndex = 0;
  INVISIBLE.lastIndex = 0;
  return tricky;
}

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Splits text at the matches main found (UTF-16 offsets in the original text) and makes each
 * piece inert on its own, so the marks still fall on the words they matched.
 */
export function markedSegments(text: string, marks: readonly (readonly [number, number])[]): Segment[] {
  const sorted = [...marks].filter(([s, e]) => e > s && s >= 0 && e <= text.length).sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) continue;
    if (start > at) segments.push({ text: inertText(text.slice(at, start)), marked: false });
    segments.push({ text: inertText(text.slice(start, end)), marked: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: inertText(text.slice(at)), marked: false });
  return segments.filter((s) => s.text.length > 0);
}

/** A body is folded above this many characters or lines. */
export const FOLD_CHARS = 3000;
export const FOLD_LINES = 40;

export interface Folded {
  shown: string;
  /** Characters left out; 0 when nothing is folded. */
  hidden: number;
}

/** The start of a long body, cut at a line end where one is near, never inside a surrogate pair. */
export function foldBody(text: string, maxChars = FOLD_CHARS, maxLines = FOLD_LINES): Folded {
  let cut = Math.min(text.length, maxChars);
  let lines = 0;
  for (let i = 0; i < cut; i += 1) {
    if (text.charCodeAt(i) === 10) {
      lines += 1;
      if (lines >= maxLines) {
        cut = i;
        break;
      }
    }
  }
  if (cut >= text.length) return { shown: text, hidden: 0 };
  const lineEnd = text.lastIndexOf('\n', cut);
  if (lineEnd > cut * 0.7) cut = lineEnd;
  if (/[\uD800-\uDBFF]/u.test(text.charAt(cut - 1))) cut -= 1;
  return { shown: text.slice(0, cut), hidden: text.length - cut };
}
