// Where the searched words occur in a subject, an address or a message, as [start, end)
// ranges the renderer wraps in <mark> — plain offsets rather than markup, so untrusted text
// never travels as HTML. Words match at the start of a word, case- and accent-insensitively,
// exactly as the full-text index matched them.
import type { MatchMark } from '../../shared/channels/tickets';
import { foldWord } from './search-terms';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Every word of `text` that begins with one of `words` (folded), in order. */
export function matchMarks(text: string, words: readonly string[]): MatchMark[] {
  if (words.length === 0 || text.length === 0) return [];
  const marks: MatchMark[] = [];
  for (const found of text.matchAll(WORD)) {
    const folded = foldWord(found[0]);
    if (words.some((w) => folded.startsWith(w))) marks.push([found.index, found.index + found[0].length]);
  }
  return marks;
}

/** True when every word occurs somewhere in the text (the index's AND). */
export function matchesAll(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const seen = new Set<string>();
  for (const found of text.matchAll(WORD)) {
    const folded = foldWord(found[0]);
    for (const w of words) if (folded.startsWith(w)) seen.add(w);
    if (seen.size === words.length) return true;
  }
  return false;
}

export interface Snippet {
  text: string;
  marks: MatchMark[];
}

/** How long a list row's snippet is, in characters. */
export const SNIPPET_LENGTH = 160;

/**
 * A short, single-line stretch of a message: around the first match when searching, else its
 * beginning. Line breaks and runs of spaces become one space so a row keeps one line.
 */
export function snippetOf(body: string, words: readonly string[], length = SNIPPET_LENGTH): Snippet {
  const flat = body.replace(/\s+/gu, ' ').trim();
  const first = words.length > 0 ? matchMarks(flat, words)[0] : undefined;
  let start = 0;
  if (first && first[0] > length / 3) {
    start = first[0] - Math.floor(length / 3);
    const space = flat.indexOf(' ', start);
    if (space !== -1 && space < first[0]) start = space + 1;
  }
  // Never cut a surrogate pair in half.
  const end = Math.min(flat.length, start + length);
  const safeEnd = end < flat.length && /[\uD800-\uDBFF]/.test(flat.charAt(end - 1)) ? end - 1 : end;
  const safeStart = /[\uDC00-\uDFFF]/.test(flat.charAt(start)) ? start + 1 : start;
  const lead = safeStart > 0 ? '…' : '';
  const tail = safeEnd < flat.length ? '…' : '';
  const text = `${lead}${flat.slice(safeStart, safeEnd)}${tail}`;
  return { text, marks: matchMarks(text, words) };
}
