// The search box's words become an FTS5 query that cannot be misread as FTS5 syntax, and the
// same words mark the matches in what the list shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchMarks, matchesAll, snippetOf } from '../../../src/main/tickets/match-marks';
import { parseSearch } from '../../../src/main/tickets/search-terms';

describe('parseSearch', () => {
  it('quotes every word and matches the words as prefixes', () => {
    expect(parseSearch('door Clos')).toEqual({ words: ['door', 'clos'], match: '"door"* "clos"*' });
    expect(parseSearch('  ')).toEqual({ words: [], match: null });
    expect(parseSearch('José')).toEqual({ words: ['jose'], match: '"jose"*' });
  });

  it('never lets FTS5 syntax through, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { match, words } = parseSearch(text);
        if (match === null) return;
        // Only quoted words, each a run of letters and digits, separated by spaces.
        expect(match).toMatch(/^"[\p{L}\p{N}]+"\*?( "[\p{L}\p{N}]+"\*?)*$/u);
        expect(words.length).toBeLessThanOrEqual(8);
      }),
    );
  });
});

describe('matchMarks', () => {
  it('marks whole words that begin with a searched word, ignoring case and accents', () => {
    const text = 'Module 2 of Door Closers — DÓOR closed';
    const marks = matchMarks(text, ['door', 'clos']);
    expect(marks.map(([s, e]) => text.slice(s, e))).toEqual(['Door', 'Closers', 'DÓOR', 'closed']);
  });

  it('gives ranges inside the text, in order, never overlapping', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.stringMatching(/^[a-z]{1,4}$/), { maxLength: 3 }), (text, words) => {
        let at = 0;
        for (const [s, e] of matchMarks(text, words)) {
          expect(s).toBeGreaterThanOrEqual(at);
          expect(e).toBeGreaterThan(s);
          expect(e).toBeLessThanOrEqual(text.length);
          at = e;
        }
      }),
    );
  });

  it('matchesAll needs every word', () => {
    expect(matchesAll('door closers module 2', ['door', 'mod'])).toBe(true);
    expect(matchesAll('door closers', ['door', 'hinge'])).toBe(false);
  });
});

describe('snippetOf', () => {
  it('shows the stretch around the first match on one line, with ellipses where it was cut', () => {
    const body = `${'filler words here. '.repeat(20)}\nThe Door Closers module froze\n${'more text. '.repeat(30)}`;
    const snippet = snippetOf(body, ['froze']);
    expect(snippet.text).not.toContain('\n');
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.marks.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['froze']);
  });

  it('never cuts a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (body) => {
        const { text } = snippetOf(body, []);
        expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
      }),
    );
  });
});
