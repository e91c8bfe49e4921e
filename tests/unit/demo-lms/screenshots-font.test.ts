import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coveredCharacters, glyphFor } from '../../../src/demo-lms/screenshots/glyph-font';
import { PixelCanvas, rgb } from '../../../src/demo-lms/screenshots/pixel-canvas';
import { drawText, fitText, measureText, wrapText, type TextStyle } from '../../../src/demo-lms/screenshots/text-painter';

const printableAscii = Array.from({ length: 126 - 32 + 1 }, (_, i) => String.fromCharCode(32 + i));
const style: TextStyle = { size: 40, weight: 'regular', color: rgb('#000000') };

/** Renders text on white and returns the ink (0 = none … 255 = full) per pixel. */
function inkOf(text: string, textStyle: TextStyle = style): { ink: Uint8Array; total: number } {
  const canvas = new PixelCanvas(160, 80, rgb('#ffffff'));
  drawText(canvas, text, 20, 55, textStyle);
  const ink = new Uint8Array(canvas.width * canvas.height);
  let total = 0;
  for (let i = 0; i < ink.length; i++) {
    ink[i] = 255 - canvas.data[i * 4]!;
    total += ink[i]!;
  }
  return { ink, total };
}

const fingerprint = (ink: Uint8Array): string => createHash('sha256').update(ink).digest('hex');

describe('the screenshot font', () => {
  it('has a glyph for every printable ASCII character, 32–126', () => {
    const covered = new Set(coveredCharacters());
    expect(printableAscii.filter((char) => !covered.has(char))).toEqual([]);
    for (const char of printableAscii) expect(glyphFor(char)?.width, char).toBeGreaterThanOrEqual(0);
  });

  it('draws visible ink for every printable character but the space', () => {
    for (const char of printableAscii) {
      const { total } = inkOf(char);
      if (char === ' ') expect(total).toBe(0);
      else expect(total, `"${char}" drew no ink`).toBeGreaterThan(255 * 4);
    }
  });

  it('draws every printable character differently, so look-alikes (I l 1 |, O 0, S 5, B 8) stay apart', () => {
    const seen = new Map<string, string>();
    for (const char of printableAscii.slice(1)) {
      const key = fingerprint(inkOf(char).ink);
      expect(seen.get(key), `"${char}" looks exactly like "${seen.get(key)}"`).toBeUndefined();
      seen.set(key, char);
    }
  });

  it('anti-aliases: strokes have partial-coverage edge pixels, not only black and white', () => {
    const { ink } = inkOf('90%');
    const partial = [...ink].filter((value) => value > 20 && value < 235).length;
    const solid = [...ink].filter((value) => value >= 235).length;
    expect(partial).toBeGreaterThan(20);
    expect(solid).toBeGreaterThan(partial / 4);
  });

  it('puts accents on accented letters and a visible box for characters it lacks', () => {
    expect(fingerprint(inkOf('é').ink)).not.toBe(fingerprint(inkOf('e').ink));
    expect(fingerprint(inkOf('Ñ').ink)).not.toBe(fingerprint(inkOf('N').ink));
    expect(inkOf('é').total).toBeGreaterThan(inkOf('e').total);
    // A missing glyph shows as a box, as real screens do, rather than vanishing.
    expect(inkOf('漢').total).toBeGreaterThan(255 * 20);
  });

  it('draws bold heavier than regular', () => {
    expect(inkOf('Score', { ...style, weight: 'bold' }).total).toBeGreaterThan(inkOf('Score').total * 1.2);
  });

  it('measures wider text as wider, and fits any text into the room given', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.integer({ min: 30, max: 600 }), (text, maxWidth) => {
        expect(measureText(`${text}W`, style)).toBeGreaterThan(measureText(text, style));
        const fitted = fitText(text, maxWidth, style);
        if (fitted !== text) {
          expect(fitted.endsWith('\u2026')).toBe(true);
          expect(measureText(fitted, style)).toBeLessThanOrEqual(maxWidth);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('wraps words into at most the lines allowed, each within the width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z0-9:–]{1,14}$/), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 120, max: 800 }),
        fc.integer({ min: 1, max: 4 }),
        (words, maxWidth, maxLines) => {
          const lines = wrapText(words.join(' '), maxWidth, style, maxLines);
          expect(lines.length).toBeGreaterThan(0);
          expect(lines.length).toBeLessThanOrEqual(maxLines);
          for (const line of lines) expect(measureText(line, style)).toBeLessThanOrEqual(maxWidth);
          if (!lines.some((line) => line.endsWith('\u2026'))) expect(lines.join(' ')).toBe(words.join(' '));
        },
      ),
      { numRuns: 200 },
    );
  });
});
