import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exifTime, readExif } from '../../../src/main/evidence/exif-reading';
import { readImageHeader } from '../../../src/main/evidence/image-header';
import { differenceHash, hashDistance, NEAR_DUPLICATE_DISTANCE } from '../../../src/main/evidence/perceptual-hash';
import { findReuse } from '../../../src/main/evidence/reuse-check';
import { fitInside, makeThumbnail, orient } from '../../../src/main/evidence/thumbnail';
import { reencodedAsJpeg, screen } from './sample-images';

function rgba(bytes: Buffer, type: 'png' | 'jpeg') {
  if (type === 'png') {
    const p = PNG.sync.read(bytes);
    return { width: p.width, height: p.height, data: new Uint8Array(p.data) };
  }
  const j = jpeg.decode(bytes, { useTArray: true });
  return { width: j.width, height: j.height, data: j.data };
}

describe('EXIF: when and with what a photo was taken', () => {
  it('reads the capture time and the phone of a demo phone photo', () => {
    const photo = screen({ kind: 'phone_photo', score: 91 });
    const exif = readExif(readImageHeader(photo.bytes, 'image/jpeg').exif);
    expect(exif?.takenAt).toBe('2026-03-14T14:02:11+00:00');
    expect(exif?.device).toMatch(/\w+ \w+/);
    expect(exif?.orientation).toBe(1);
  });

  it('has nothing to say about a screen capture', () => {
    expect(readExif(readImageHeader(screen().bytes, 'image/png').exif)).toBeNull();
  });

  it('keeps a time without a zone as the camera wrote it, and drops impossible dates', () => {
    expect(exifTime('2026:03:14 14:02:11', null)).toBe('2026-03-14T14:02:11');
    expect(exifTime('2026:13:44 99:02:11', '+01:00')).toBeNull();
    expect(exifTime('not a date', null)).toBeNull();
  });

  it('never throws on a damaged block', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (block) => void readExif(new Uint8Array([0x49, 0x49, 42, 0, 8, 0, 0, 0, ...block]))));
  });
});

describe('perceptual hash and reuse', () => {
  const original = screen();
  const other = screen({ learnerName: 'Bo Chen', score: 93, takenAt: new Date('2026-04-02T09:00:00Z') });
  const originalHash = differenceHash(rgba(original.bytes, 'png'));

  it('sees a re-encoded copy as the same picture', () => {
    const copy = differenceHash(rgba(reencodedAsJpeg(original.bytes, 60), 'jpeg'));
    expect(hashDistance(originalHash, copy)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
  });

  it('sees another learner’s own result screen as a different picture', () => {
    expect(hashDistance(originalHash, differenceHash(rgba(other.bytes, 'png')))).toBeGreaterThan(NEAR_DUPLICATE_DISTANCE);
  });

  it('flags identical bytes and near copies from other learners only', () => {
    const subject = { id: 'att_1', sha256: 'a'.repeat(64), perceptualHash: originalHash, ownerKey: 'lrn_1' };
    const findings = findReuse(subject, [
      subject,
      { id: 'att_2', sha256: 'a'.repeat(64), perceptualHash: originalHash, ownerKey: 'lrn_1' },
      { id: 'att_3', sha256: 'a'.repeat(64), perceptualHash: originalHash, ownerKey: 'lrn_2' },
      { id: 'att_4', sha256: 'b'.repeat(64), perceptualHash: originalHash, ownerKey: 'email:x@y.example' },
      { id: 'att_5', sha256: 'c'.repeat(64), perceptualHash: null, ownerKey: 'lrn_3' },
    ]);
    expect(findings.map((f) => [f.candidate.id, f.likeness])).toEqual([
      ['att_3', 'identical'],
      ['att_4', 'near_identical'],
    ]);
  });

  it('counts differing bits symmetrically, 0 for the same hash', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        expect(hashDistance(a, a)).toBe(0);
        expect(hashDistance(a, b)).toBe(hashDistance(b, a));
        expect(hashDistance(a, b)).toBeLessThanOrEqual(256);
      }),
    );
  });
});

describe('thumbnails', () => {
  it('fit the box without enlarging and keep the aspect ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), (w, h) => {
        const size = fitInside(w, h, { width: 320, height: 200 });
        expect(size.width).toBeLessThanOrEqual(Math.max(320, 1));
        expect(size.height).toBeLessThanOrEqual(200);
        expect(size.width).toBeLessThanOrEqual(w);
        expect(size.height).toBeLessThanOrEqual(h);
      }),
    );
  });

  it('turns a photo the way its EXIF orientation says', () => {
    const image = { width: 2, height: 1, data: new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255]) };
    const turned = orient(image, 6);
    expect([turned.width, turned.height]).toEqual([1, 2]);
    expect([...turned.data.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
    expect([...turned.data.subarray(4, 8)]).toEqual([0, 0, 255, 255]);
  });

  it('is a small JPEG', () => {
    const thumb = makeThumbnail(rgba(screen().bytes, 'png'), { width: 320, height: 200 }, null);
    expect([thumb[0], thumb[1]]).toEqual([0xff, 0xd8]);
    const decoded = jpeg.decode(thumb);
    expect([decoded.width, decoded.height]).toEqual([320, 200]);
  });
});
