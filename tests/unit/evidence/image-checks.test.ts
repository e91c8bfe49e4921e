import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeaderProblem, readImageHeader } from '../../../src/main/evidence/image-header';
import { sniffImage } from '../../../src/main/evidence/image-sniffing';
import { checkAttachmentRecord, checkScreenshotBytes } from '../../../src/main/evidence/screenshot-check';
import { sha256Of } from '../../../src/main/evidence/screenshot-store';
import { pngBomb, jpegBomb, webpFile } from './hostile-bytes';
import { screen } from './sample-images';

const png = screen({ format: 'png' }).bytes;
const jpg = screen({ format: 'jpeg' }).bytes;

describe('the type comes from the bytes, never from the name', () => {
  it('recognises PNG, JPEG and WebP', () => {
    expect(sniffImage(png)).toEqual({ kind: 'image', type: 'image/png' });
    expect(sniffImage(jpg)).toEqual({ kind: 'image', type: 'image/jpeg' });
    expect(sniffImage(webpFile(640, 400))).toEqual({ kind: 'image', type: 'image/webp' });
  });

  it.each([
    ['<!DOCTYPE html><html><body><script>alert(1)</script>', 'a web page (HTML)'],
    ['  <html><head><meta http-equiv="refresh" content="0;url=https://evil.example">', 'a web page (HTML)'],
    ['<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'an SVG drawing (which can carry scripts)'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'an SVG drawing (which can carry scripts)'],
    ['%PDF-1.7\n1 0 obj <<>> endobj', 'a PDF document'],
    ['MZ\u0090\u0000\u0003\u0000This program cannot be run in DOS mode.', 'a Windows program (.exe)'],
    ['\u007fELF\u0002\u0001\u0001', 'a Linux program'],
  ])('names what %j really is', (text, what) => {
    const result = sniffImage(Buffer.from(text, 'latin1'));
    expect(result).toEqual({ kind: 'other', what });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const result = sniffImage(bytes);
        expect(['image', 'other']).toContain(result.kind);
      }),
    );
  });
});

describe('headers give the size before any decode', () => {
  it('reads the dimensions of PNG, JPEG and WebP', () => {
    expect(readImageHeader(png, 'image/png')).toMatchObject({ width: 1280, height: 800 });
    expect(readImageHeader(jpg, 'image/jpeg')).toMatchObject({ width: 1280, height: 800 });
    expect(readImageHeader(webpFile(640, 400), 'image/webp')).toMatchObject({ width: 640, height: 400 });
  });

  it('refuses every truncated PNG and JPEG, wherever it was cut', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.999, noNaN: true }), fc.boolean(), (fraction, isPng) => {
        const whole = isPng ? png : jpg;
        const cut = whole.subarray(0, Math.max(8, Math.floor(whole.length * fraction)));
        expect(() => readImageHeader(cut, isPng ? 'image/png' : 'image/jpeg')).toThrow(HeaderProblem);
      }),
      { numRuns: 60 },
    );
  });

  it('never throws anything but a HeaderProblem on damaged bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 400 }), fc.nat(2000), (noise, at) => {
        const damaged = Buffer.from(png.subarray(0, 2400));
        damaged.set(noise.subarray(0, Math.max(0, damaged.length - (at % 2000) - 8)), 8 + (at % 2000));
        try {
          readImageHeader(damaged, 'image/png');
        } catch (error) {
          expect(error).toBeInstanceOf(HeaderProblem);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('checking the bytes of an attachment', () => {
  it('accepts a real screenshot and says what it is', () => {
    const result = checkScreenshotBytes(png, sha256Of(png));
    expect(result).toMatchObject({ ok: true, header: { type: 'image/png', width: 1280, height: 800 } });
  });

  it('refuses bytes that are not the ones the LMS recorded', () => {
    const result = checkScreenshotBytes(png, sha256Of(jpg));
    expect(result).toMatchObject({ ok: false, refusal: { reason: 'hash_mismatch' } });
  });

  it('refuses a decompression bomb from its header, before decoding', () => {
    for (const bomb of [pngBomb(100_000, 100_000), jpegBomb(60_000, 60_000)]) {
      const result = checkScreenshotBytes(bomb, sha256Of(bomb));
      expect(result).toMatchObject({ ok: false, refusal: { reason: 'too_many_pixels' } });
      if (!result.ok) expect(result.refusal.message).toMatch(/megapixels/);
    }
  });

  it('refuses path-like and disguised file names before any download', () => {
    for (const fileName of ['../../x.png', 'C:\\x.png', 'C:x.png', '/etc/passwd.png', 'score\u0000.png', 'score\u202egnp.exe', '..']) {
      expect(checkAttachmentRecord({ fileName, size: 100 })?.reason).toBe('unsafe_file_name');
    }
    for (const fileName of ['Screenshot 2026-03-14 at 2.02.11\u202fPM.png', 'my score..png', 'IMG_4821.jpg', 'résultat.png']) {
      expect(checkAttachmentRecord({ fileName, size: 100 })).toBeNull();
    }
  });

  it('shows a NUL in a refused name instead of cutting the name short', () => {
    expect(checkAttachmentRecord({ fileName: 'score\u0000.exe', size: 10 })?.message).toContain('score\u2400.exe');
  });

  it('refuses a file the LMS says is over the size cap without downloading it', () => {
    expect(checkAttachmentRecord({ fileName: 'big.png', size: 30 * 1024 * 1024 })).toMatchObject({ reason: 'too_large' });
  });
});
