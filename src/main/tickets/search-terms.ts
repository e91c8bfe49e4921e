// What an agent types into the search box, turned into an FTS5 query that cannot be
// misread as FTS5 syntax: each word quoted, every word required, the last one (and any of
// two letters or more) matched as a prefix so results come while typing. The same words
// drive the highlighting, so what is marked is what matched.

/** More words than this are ignored; nobody searches a ticket by a paragraph. */
export const MAX_SEARCH_WORDS = 8;

export interface SearchTerms {
  /** Lower-case words without diacritics, in the order typed, duplicates dropped. */
  words: string[];
  /** The FTS5 MATCH expression; null when there is nothing to search for. */
  match: string | null;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** A word as the cache's full-text index stores it (unicode61, remove_diacritics 2). */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function parseSearch(text: string): SearchTerms {
  const words: string[] = [];
  for (const found of text.matchAll(WORD)) {
    const folded = foldWord(found[0]);
    if (folded.length === 0 || words.includes(folded)) continue;
    words.push(folded);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  if (words.length === 0) return { words, match: null };
  // One letter as a prefix would match half the index; it is a whole word unless it is the
  // only word typed so far.
  const match = words.map((w) => (w.length >= 2 || words.length === 1 ? `"${w}"*` : `"${w}"`)).join(' ');
  return { words, match };
}
