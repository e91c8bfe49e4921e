// The hostile corpus: every file that is not a screenshot Passdesk may show is refused with a
// message on its tile, leaves nothing outside the content-addressed store, and the service
// keeps answering.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenshotTile } from '../../../src/shared/channels/evidence';
import { corruptedPng, hostileTexts, jpegBomb, pngBomb } from '../../unit/evidence/hostile-bytes';
import { screen } from '../../unit/evidence/sample-images';
import { seedCatalog, sha256, startHarness, ticketWith, type Harness } from './evidence-harness';

let h: Harness;
const good = screen().bytes;
const hostile = {
  html: Buffer.from(hostileTexts.html),
  svg: Buffer.from(hostileTexts.svg),
  pdf: Buffer.from(hostileTexts.pdf),
  exe: Buffer.from(hostileTexts.exe, 'latin1'),
  truncated: good.subarray(0, Math.floor(good.length / 2)),
  corrupt: corruptedPng(good),
  pngBomb: pngBomb(100_000, 100_000),
  jpegBomb: jpegBomb(60_000, 60_000),
};

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

async function tiles(): Promise<Map<string, ScreenshotTile>> {
  const gallery = await h.service.handlers['screenshots.gallery']({ scope: 'ticket', ticketId: 'tkt_bad' });
  return new Map(gallery.tiles.map((t) => [t.attachmentId, t]));
}

beforeAll(async () => {
  h = await startHarness();
  seedCatalog(h);
  ticketWith(h, 'tkt_bad', { learnerId: 'lrn_1', email: 'ana@sunrise.example' }, [
    { id: 'a_good', fileName: 'Screenshot 2026-03-14 at 14.02.11.png', bytes: good },
    { id: 'a_html', fileName: 'score.png', bytes: hostile.html },
    { id: 'a_svg', fileName: 'score.png', bytes: hostile.svg },
    { id: 'a_pdf', fileName: 'score.png', bytes: hostile.pdf },
    { id: 'a_exe', fileName: 'score.png', bytes: hostile.exe },
    { id: 'a_truncated', fileName: 'score.png', bytes: hostile.truncated },
    { id: 'a_corrupt', fileName: 'score.png', bytes: hostile.corrupt },
    { id: 'a_png_bomb', fileName: 'score.png', bytes: hostile.pngBomb },
    { id: 'a_jpeg_bomb', fileName: 'score.jpg', bytes: hostile.jpegBomb },
    { id: 'a_big_said', fileName: 'score.png', bytes: good, size: 30 * 1024 * 1024 },
    { id: 'a_dotdot', fileName: '../../x.png', bytes: good },
    { id: 'a_drive', fileName: 'C:\\x.png', bytes: good },
    { id: 'a_nul', fileName: 'score\u0000.png', bytes: good },
  ]);
  // The LMS says one thing and sends another: with its own (wrong) ETag, and with none.
  ticketWith(h, 'tkt_bad', { learnerId: 'lrn_1', email: 'ana@sunrise.example' }, [
    { id: 'a_swapped', fileName: 'score.png', bytes: good, sha256: sha256(screen({ score: 99 }).bytes) },
    { id: 'a_swapped_no_etag', fileName: 'score.png', bytes: good, sha256: sha256(screen({ score: 98 }).bytes) },
    { id: 'a_lies_about_size', fileName: 'score.png', bytes: Buffer.alloc(26 * 1024 * 1024, 1), size: 1000 },
  ]);
  h.serve('a_swapped', { bytes: screen({ kind: 'failing', score: 12 }).bytes, etag: sha256(screen({ score: 99 }).bytes) });
  h.serve('a_swapped_no_etag', { bytes: screen({ kind: 'failing', score: 12 }).bytes, etag: null });
  await h.service.downloads.settled();
});

afterAll(async () => {
  await h?.close();
});

describe('the hostile corpus', () => {
  const expectations: Array<[string, string, RegExp]> = [
    ['a_html', 'not_an_image', /web page \(HTML\), not a PNG, JPEG or WebP/],
    ['a_svg', 'not_an_image', /SVG drawing/],
    ['a_pdf', 'not_an_image', /PDF document/],
    ['a_exe', 'not_an_image', /Windows program/],
    ['a_truncated', 'corrupt_image', /damaged — the PNG is cut short/],
    ['a_corrupt', 'corrupt_image', /damaged/],
    ['a_png_bomb', 'too_many_pixels', /100,000 × 100,000 pixels .* decompression bomb/],
    ['a_jpeg_bomb', 'too_many_pixels', /60,000 × 60,000 pixels/],
    ['a_big_said', 'too_large', /30\.0 MB; Passdesk opens screenshots up to 25\.0 MB/],
    ['a_lies_about_size', 'too_large', /larger than the 25\.0 MB/],
    ['a_swapped', 'hash_mismatch', /not the one the LMS recorded/],
    ['a_swapped_no_etag', 'hash_mismatch', /not the one the LMS recorded/],
    ['a_dotdot', 'unsafe_file_name', /“\.\.\/\.\.\/x\.png” was refused: it contains folder separators/],
    ['a_drive', 'unsafe_file_name', /drive letter/],
    ['a_nul', 'unsafe_file_name', /“score␀\.png” was refused: it contains a NUL character/],
  ];

  it.each(expectations)('%s is refused (%s) with a message on its tile', async (id, reason, message) => {
    const tile = (await tiles()).get(id);
    expect(tile?.state).toBe('refused');
    expect(tile?.refusal?.reason).toBe(reason);
    expect(tile?.refusal?.message).toMatch(message);
    expect(tile?.thumbnail).toBeNull();
  });

  it('a refused file opens as its message, with no pixels', async () => {
    const view = await h.service.handlers['screenshots.open']({ attachmentId: 'a_html' });
    expect(view.image).toBeNull();
    expect(view.tile.refusal?.reason).toBe('not_an_image');
    await expect(Promise.resolve(h.service.handlers['screenshots.readScore']({ attachmentId: 'a_html' }))).rejects.toThrow(/refused/);
  });

  it('keeps only the good screenshot, in the content-addressed store, and nothing of the rest anywhere', async () => {
    expect((await tiles()).get('a_good')?.state).toBe('ready');
    const files = allFiles(h.dataDir).map((f) => path.relative(h.dataDir, f));
    const stored = files.filter((f) => f.startsWith('screenshots'));
    expect(stored).toEqual([path.join('screenshots', sha256(good).slice(0, 2), sha256(good))]);
    expect(files.filter((f) => !f.startsWith('screenshots') && !f.startsWith('cache.sqlite'))).toEqual([]);
    const everything = files.map((f) => readFileSync(path.join(h.dataDir, f)));
    for (const marker of ['hostile-marker-html', 'hostile-marker-svg', 'hostile-marker-pdf', 'hostile-marker-exe']) {
      expect(everything.some((bytes) => bytes.includes(marker)), marker).toBe(false);
    }
    for (const bad of Object.values(hostile)) expect(files.some((f) => f.endsWith(sha256(bad)))).toBe(false);
  });

  it('keeps answering afterwards', async () => {
    const view = await h.service.handlers['screenshots.open']({ attachmentId: 'a_good' });
    expect(view.image?.type).toBe('image/png');
    expect(Buffer.from(view.image?.base64 ?? '', 'base64').equals(good)).toBe(true);
  });
});
