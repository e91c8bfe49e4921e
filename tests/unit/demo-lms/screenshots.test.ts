import { createHash } from 'node:crypto';
import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderScreenshot, type ScreenshotSpec } from '../../../src/demo-lms/screenshots/render-screenshot';
import { PassdeskError } from '../../../src/shared/ipc-result';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const base: ScreenshotSpec = {
  kind: 'passing',
  learnerName: 'Dana Whitfield',
  courseName: 'Fire-Rated Door Hardware',
  moduleName: 'Module 2: Hinges, Closers and Latching',
  score: 90,
  takenAt: new Date('2026-03-14T14:02:11Z'),
  format: 'png',
};

function decode(result: { bytes: Buffer; contentType: string }): { width: number; height: number; data: Uint8Array } {
  if (result.contentType === 'image/png') return PNG.sync.read(result.bytes);
  return jpeg.decode(result.bytes, { useTArray: true });
}

/** Specs across every kind, at small sizes so a property run stays quick. */
const specArbitrary = fc
  .record({
    kind: fc.constantFrom('passing', 'failing', 'completion', 'phone_photo') as fc.Arbitrary<ScreenshotSpec['kind']>,
    learnerName: fc.constantFrom('Dana Whitfield', 'José Núñez', 'Marcus O’Neill', 'Zoë Kowalczyk', '李小龍', 'A'),
    courseName: fc.constantFrom('Fire-Rated Door Hardware', 'Commercial Glazing Systems and Storefront Installation Best Practices', 'HVAC 101'),
    moduleName: fc.constantFrom('Module 1', 'Final Assessment', 'Lesson 4 — Installation (NFPA 80)'),
    passingScore: fc.integer({ min: 50, max: 90 }),
    rawScore: fc.double({ min: 0, max: 100, noNaN: true }),
    takenAt: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }),
    format: fc.constantFrom('png', 'jpeg') as fc.Arbitrary<ScreenshotSpec['format']>,
    width: fc.integer({ min: 320, max: 520 }),
    height: fc.integer({ min: 320, max: 420 }),
  })
  .map(({ rawScore, ...spec }): ScreenshotSpec => {
    const score = Math.round(rawScore * 2) / 2;
    if (spec.kind === 'completion') return { ...spec, score: null };
    if (spec.kind === 'passing') return { ...spec, score: Math.max(score, spec.passingScore) };
    if (spec.kind === 'failing') return { ...spec, score: Math.min(score, spec.passingScore - 0.5) };
    return { ...spec, score };
  });

// Rendering is pure CPU work; the generous timeout only keeps a busy two-core machine from failing these.
describe('renderScreenshot', { timeout: 60_000 }, () => {
  it('gives byte-identical images (same sha256) for the same spec, whatever the spec', () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const first = renderScreenshot(spec);
        const second = renderScreenshot({ ...spec, takenAt: new Date(spec.takenAt.getTime()) });
        expect(sha256(second.bytes)).toBe(sha256(first.bytes));
        expect(second.fileName).toBe(first.fileName);
        const image = decode(first);
        expect([image.width, image.height]).toEqual([spec.width, spec.height]);
      }),
      { numRuns: 16 },
    );
  });

  it.each([
    ['passing', 90, 'png'],
    ['failing', 62, 'png'],
    ['completion', null, 'png'],
    ['passing', 84.5, 'jpeg'],
    ['failing', 12, 'jpeg'],
    ['completion', null, 'jpeg'],
  ] as const)('renders a %s screen (score %s) as %s that decodes to 1280×800 by default', (kind, score, format) => {
    const result = renderScreenshot({ ...base, kind, score, format });
    expect(result.contentType).toBe(format === 'png' ? 'image/png' : 'image/jpeg');
    const image = decode(result);
    expect([image.width, image.height]).toEqual([1280, 800]);
    // The bytes are what the content type says, not just named so.
    const magic = format === 'png' ? [0x89, 0x50, 0x4e, 0x47] : [0xff, 0xd8, 0xff];
    expect([...result.bytes.subarray(0, magic.length)]).toEqual(magic);
  });

  it('renders a phone photo as a 1600×1200 JPEG by default, even when PNG is asked for', () => {
    const result = renderScreenshot({ ...base, kind: 'phone_photo', format: 'png' });
    expect(result.contentType).toBe('image/jpeg');
    expect(result.fileName).toMatch(/\.jpg$/);
    const image = decode(result);
    expect([image.width, image.height]).toEqual([1600, 1200]);
  });

  it('honours a requested size, landscape or portrait', () => {
    for (const [width, height] of [
      [1920, 1080],
      [800, 1280],
    ] as const) {
      expect(decode(renderScreenshot({ ...base, width, height }))).toMatchObject({ width, height });
      expect(decode(renderScreenshot({ ...base, kind: 'phone_photo', width: height, height: width }))).toMatchObject({ width: height, height: width });
    }
  });

  it('gives a different image when anything a reviewer would read changes', () => {
    const variants: ScreenshotSpec[] = [
      base,
      { ...base, learnerName: 'Dana Whitfeld' },
      { ...base, score: 91 },
      { ...base, courseName: 'Fire-Rated Door Hardware II' },
      { ...base, moduleName: 'Module 3' },
      { ...base, takenAt: new Date('2026-03-14T14:02:12Z') },
      { ...base, kind: 'failing', score: 62 },
      { ...base, kind: 'completion', score: null },
      { ...base, passingScore: 70 },
    ];
    const hashes = variants.map((spec) => sha256(renderScreenshot(spec).bytes));
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it('draws mostly page-coloured pixels with dark text, not a blank or noisy canvas', () => {
    const image = decode(renderScreenshot(base));
    let dark = 0;
    let light = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const luma = 0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!;
      if (luma < 80) dark++;
      if (luma > 200) light++;
    }
    const pixels = image.width * image.height;
    expect(light / pixels).toBeGreaterThan(0.4);
    expect(dark / pixels).toBeGreaterThan(0.005);
  });

  it('names files the way learners send them', () => {
    const names = Array.from({ length: 30 }, (_, i) => renderScreenshot({ ...base, learnerName: `Learner ${i}`, width: 480, height: 320 }).fileName);
    for (const name of names) expect(name).toMatch(/\.png$/);
    // Operating systems' default names carry the capture time; at least some of them should.
    expect(names.some((name) => /2026-03-14|20260314/.test(name))).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(3);
    const jpegName = renderScreenshot({ ...base, format: 'jpeg' }).fileName;
    expect(jpegName).toMatch(/\.(jpe?g|JPG)$/);
    const photoNames = Array.from({ length: 12 }, (_, i) => renderScreenshot({ ...base, kind: 'phone_photo', learnerName: `Learner ${i}`, width: 400, height: 320 }).fileName);
    for (const name of photoNames) expect(name).toMatch(/^(IMG_\d{4}|20260314_140211|PXL_20260314_140211\d{3})\.jpg$/);
  });

  it.each([
    [{ ...base, score: 62 }, 'score', 'below the passing score'],
    [{ ...base, kind: 'failing' as const, score: 85 }, 'score', 'reaches the passing score'],
    [{ ...base, kind: 'completion' as const, score: 90 }, 'score', 'shows no score'],
    [{ ...base, score: null }, 'score', 'shows a score'],
    [{ ...base, score: 140 }, 'score', ''],
    [{ ...base, learnerName: '   ' }, 'learnerName', ''],
    [{ ...base, takenAt: new Date('not a date') }, 'takenAt', ''],
    [{ ...base, width: 12 }, 'width', ''],
    [{ ...base, format: 'gif' }, 'format', ''],
  ])('refuses a spec that would contradict itself or cannot be drawn (%#), naming the field', (spec, field, words) => {
    let thrown: unknown;
    try {
      renderScreenshot(spec as ScreenshotSpec);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PassdeskError);
    const error = thrown as PassdeskError;
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toContain('The screenshot spec was refused');
    expect(error.message).toContain(`${field}:`);
    expect(error.message).toContain(words);
  });

  it('takes a module passing score so screens agree with it', () => {
    // 75 passes a module whose passing score is 70, and the refusal says how to fix the spec.
    expect(() => renderScreenshot({ ...base, score: 75, passingScore: 70 })).not.toThrow();
    expect(() => renderScreenshot({ ...base, score: 75 })).toThrow(/set passingScore/);
  });
});
