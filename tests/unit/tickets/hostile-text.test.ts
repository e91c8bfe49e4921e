// Ticket subjects and bodies are written by anyone who can send an e-mail. Whatever they
// contain renders as inert text: no markup, no script, no reordering of the page, no text
// climbing over its neighbours, no megabytes of it at once.
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FOLD_CHARS, MAX_COMBINING_MARKS, foldBody, hasHiddenTricks, inertText, markedSegments } from '../../../src/renderer/inbox/inert-text';
import { UntrustedBody, UntrustedLine } from '../../../src/renderer/inbox/UntrustedText';
import { hostileCorpus } from './hostile-corpus';


function bodyMarkup(text: string): string {
  return renderToStaticMarkup(createElement(UntrustedBody, { text }));
}

function lineMarkup(text: string, marks: [number, number][] = []): string {
  return renderToStaticMarkup(createElement(UntrustedLine, { text, marks }));
}

/** The real tags in rendered markup (text's own "<" is escaped, so every "<" here opens one), with their attribute names. */
function tagsIn(markup: string): { tag: string; attributes: string[] }[] {
  return [...markup.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s[a-zA-Z-]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    tag: m[1]!.toLowerCase(),
    attributes: [...(m[2] ?? '').matchAll(/\s([a-zA-Z-]+)(?:="[^"]*")?/g)].map((a) => a[1]!.toLowerCase()),
  }));
}

const OWN_TAGS = new Set(['div', 'bdi', 'span', 'mark', 'p', 'button']);
const OWN_ATTRIBUTES = new Set(['class', 'dir', 'title', 'type', 'aria-expanded']);

describe('the hostile corpus', () => {
  for (const [name, text] of Object.entries(hostileCorpus)) {
    it(`renders "${name}" as text only`, () => {
      for (const markup of [bodyMarkup(text), lineMarkup(text, [[0, Math.min(5, text.length)]])]) {
        const tags = tagsIn(markup);
        expect(tags.length).toBeGreaterThan(0);
        expect(tags.filter((t) => !OWN_TAGS.has(t.tag))).toEqual([]);
        expect(tags.flatMap((t) => t.attributes).filter((a) => !OWN_ATTRIBUTES.has(a))).toEqual([]);
        // Every "<" the learner wrote arrives escaped: the markup has exactly the tags counted above.
        expect(markup.split('<').length - 1).toBe(tags.length + markup.split('</').length - 1);
        expect(markup).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/u);
        expect(markup).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
        // eslint-disable-next-line no-control-regex
        expect(markup).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u);
      }
    });
  }

  it('keeps markup written by the learner visible as the characters they typed', () => {
    expect(bodyMarkup(hostileCorpus.script!)).toContain('&lt;script&gt;window.__pwned = true; alert(1)&lt;/script&gt;');
    expect(bodyMarkup(hostileCorpus.entities!)).toContain('&amp;lt;script&amp;gt;');
  });

  it('isolates every piece of learner text and lets its own direction decide inside', () => {
    expect(lineMarkup(hostileCorpus.arabic!)).toMatch(/^<bdi dir="auto" class="untrusted untrusted-line"/);
    expect(bodyMarkup(hostileCorpus.hebrewMixed!)).toContain('<bdi dir="auto" class="untrusted untrusted-body">');
  });

  it('shows a direction override as a visible marker and says the message hid something', () => {
    const markup = bodyMarkup(hostileCorpus.rtlOverride!);
    expect(markup).toContain('invoice⟦RLO⟧gpj.exe');
    expect(markup).toContain('hidden direction or invisible characters');
    expect(hasHiddenTricks(hostileCorpus.zeroWidth!)).toBe(true);
    expect(inertText(hostileCorpus.zeroWidth!)).toBe('paypal admin reset');
  });

  it('cuts runs of combining marks short so text cannot climb over the lines around it', () => {
    const shown = inertText(hostileCorpus.zalgo!);
    expect(shown.match(/\p{M}+/gu)?.every((run) => run.length <= MAX_COMBINING_MARKS)).toBe(true);
    expect(shown.endsWith('algo module 2')).toBe(true);
  });

  it('keeps emoji, accents and other scripts as they are', () => {
    expect(inertText(hostileCorpus.emoji!)).toBe(hostileCorpus.emoji);
    expect(inertText(hostileCorpus.arabic!)).toBe(hostileCorpus.arabic);
    expect(inertText('José Müller — Ångström')).toBe('José Müller — Ångström');
  });

  it('folds a huge body to its start with "Show all", however long it is', () => {
    for (const name of ['huge', 'manyLines', 'longWord'] as const) {
      const markup = bodyMarkup(hostileCorpus[name]!);
      expect(markup.length, name).toBeLessThan(FOLD_CHARS + 1500);
      expect(markup).toMatch(/Show all \([\d,]+ more characters\)/);
    }
    expect(bodyMarkup('short and sweet')).not.toContain('Show all');
  });
});

describe('inert text, for any input', () => {
  const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('\u202E', '\u2067', '\u200B', '\uFEFF', '\u0301', '\uD83D', '\uDE00', '\u0000', '\u001B', '<', '>', '&', '\n', '\r'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom(...'abcé👍')), maxLength: 300 });

  it('never contains a control, override, invisible character or broken surrogate', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const shown = inertText(text);
        // eslint-disable-next-line no-control-regex
        expect(shown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/u);
        expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
        expect(inertText(shown)).toBe(shown);
      }),
    );
  });

  it('keeps the marked words on the words that matched', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.min(text.length, start + (Math.max(a, b) % 7));
        const segments = markedSegments(text, [[start, end]]);
        const marked = segments.filter((s) => s.marked).map((s) => s.text).join('');
        expect(marked).toBe(inertText(text.slice(start, end)));
      }),
    );
  });

  it('folds without cutting a surrogate pair, and only what is long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 5000 }), (text) => {
        const { shown, hidden } = foldBody(text, 200, 10);
        expect(shown + text.slice(shown.length)).toBe(text);
        expect(hidden).toBe(text.length - shown.length);
        if (hidden > 0) expect(shown).not.toMatch(/[\uD800-\uDBFF]$/u);
      }),
    );
  });
});
