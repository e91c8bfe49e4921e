import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { exifSegment, withExif, type ExifShot } from '../../../src/demo-lms/screenshots/exif-segment';
import { renderScreenshot } from '../../../src/demo-lms/screenshots/render-screenshot';

interface JpegSegment {
  readonly marker: number;
  readonly body: Buffer;
}

/** The JPEG's marker segments up to the image data, read the way any viewer reads them. */
function segmentsOf(bytes: Buffer): JpegSegment[] {
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
  const segments: JpegSegment[] = [];
  let at = 2;
  while (at < bytes.length) {
    expect(bytes[at]).toBe(0xff);
    const marker = bytes[at + 1]!;
    const length = bytes.readUInt16BE(at + 2);
    segments.push({ marker, body: bytes.subarray(at + 4, at + 2 + length) });
    if (marker === 0xda) break; // start of scan: image data follows
    at += 2 + length;
  }
  return segments;
}

type TagValue = string | number | [number, number];

/** A minimal EXIF (TIFF) reader, written independently of the writer under test. */
function readExif(app1: Buffer): Map<number, TagValue> {
  expect(app1.subarray(0, 6).toString('latin1')).toBe('Exif\u0000\u0000');
  const tiff = app1.subarray(6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number): number => (little ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number): number => (little ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  expect(u16(2)).toBe(42);
  const tags = new Map<number, TagValue>();
  const readIfd = (offset: number): void => {
    const count = u16(offset);
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      const sizes: Record<number, number> = { 2: 1, 3: 2, 4: 4, 5: 8, 7: 1 };
      const size = (sizes[type] ?? 1) * n;
      const valueAt = size <= 4 ? entry + 8 : u32(entry + 8);
      if (type === 2) tags.set(tag, tiff.toString('latin1', valueAt, valueAt + n - 1));
      else if (type === 3) tags.set(tag, u16(valueAt));
      else if (type === 4) tags.set(tag, u32(valueAt));
      else if (type === 5) tags.set(tag, [u32(valueAt), u32(valueAt + 4)]);
      else tags.set(tag, tiff.toString('latin1', valueAt, valueAt + n));
      if (tag === 0x8769) readIfd(u32(entry + 8));
    }
  };
  readIfd(u32(4));
  return tags;
}

const MAKE = 0x010f;
const MODEL = 0x0110;
const DATE_TIME_ORIGINAL = 0x9003;
const OFFSET_TIME_ORIGINAL = 0x9011;
const PIXEL_X = 0xa002;
const PIXEL_Y = 0xa003;

const shot: ExifShot = {
  camera: { make: 'Apple', model: 'iPhone 13', software: '17.3.1', lensModel: 'iPhone 13 back dual wide camera 5.1mm f/1.6', focalLength: [51, 10], fNumber: [16, 10] },
  takenAt: new Date('2026-03-14T14:02:11Z'),
  width: 1600,
  height: 1200,
  exposureTime: [1, 60],
  iso: 100,
};

// Rendering is pure CPU work; the generous timeout only keeps a busy two-core machine from failing these.
describe('phone photo EXIF', { timeout: 60_000 }, () => {
  it('gives every phone photo an EXIF block right after the start of image, with device and capture time', () => {
    const takenAt = new Date('2026-03-14T14:02:11Z');
    const photo = renderScreenshot({
      kind: 'phone_photo',
      learnerName: 'Dana Whitfield',
      courseName: 'Fire-Rated Door Hardware',
      moduleName: 'Module 2',
      score: 88,
      takenAt,
      format: 'jpeg',
    });
    const segments = segmentsOf(photo.bytes);
    expect(segments[0]?.marker).toBe(0xe1);
    // Phones write EXIF, not JFIF.
    expect(segments.some((s) => s.marker === 0xe0)).toBe(false);
    const tags = readExif(segments[0]!.body);
    expect(['Apple', 'samsung', 'Google']).toContain(tags.get(MAKE));
    expect(String(tags.get(MODEL))).toMatch(/^(iPhone \d+( Pro)?|SM-S911B|Pixel 7)$/);
    expect(tags.get(DATE_TIME_ORIGINAL)).toBe('2026:03:14 14:02:11');
    expect(tags.get(OFFSET_TIME_ORIGINAL)).toBe('+00:00');
    expect(tags.get(PIXEL_X)).toBe(1600);
    expect(tags.get(PIXEL_Y)).toBe(1200);
    expect(jpeg.decode(photo.bytes, { useTArray: true })).toMatchObject({ width: 1600, height: 1200 });
  });

  it('shows several devices across learners, each with a file name that phone would use', () => {
    const seen = new Map<string, string>();
    for (let i = 0; i < 20; i++) {
      const photo = renderScreenshot({
        kind: 'phone_photo',
        learnerName: `Learner ${i}`,
        courseName: 'Commercial Glazing Systems',
        moduleName: 'Final Assessment',
        score: 40 + i,
        takenAt: new Date(Date.UTC(2026, 0, 5, 9, i, 0)),
        format: 'jpeg',
        width: 400,
        height: 320,
      });
      const tags = readExif(segmentsOf(photo.bytes)[0]!.body);
      seen.set(`${tags.get(MAKE)} ${tags.get(MODEL)}`, photo.fileName);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    for (const [device, fileName] of seen) {
      if (device.startsWith('Apple')) expect(fileName).toMatch(/^IMG_\d{4}\.jpg$/);
      if (device.startsWith('Google')) expect(fileName).toMatch(/^PXL_\d{8}_\d{9}\.jpg$/);
      if (device.startsWith('samsung')) expect(fileName).toMatch(/^\d{8}_\d{6}\.jpg$/);
    }
  });

  it('writes standard tags a viewer can read back exactly', () => {
    const tags = readExif(exifSegment(shot).subarray(4));
    expect(tags.get(MAKE)).toBe('Apple');
    expect(tags.get(MODEL)).toBe('iPhone 13');
    expect(tags.get(0x0131)).toBe('17.3.1');
    expect(tags.get(0x0112)).toBe(1); // upright
    expect(tags.get(DATE_TIME_ORIGINAL)).toBe('2026:03:14 14:02:11');
    expect(tags.get(0x9004)).toBe('2026:03:14 14:02:11');
    expect(tags.get(0x829a)).toEqual([1, 60]);
    expect(tags.get(0x8827)).toBe(100);
    expect(tags.get(0x9000)).toBe('0232');
    expect(tags.get(0xa434)).toBe('iPhone 13 back dual wide camera 5.1mm f/1.6');
  });

  it('keeps EXIF text ASCII, as the format requires', () => {
    const tags = readExif(exifSegment({ ...shot, camera: { ...shot.camera, model: 'Télé™' } }).subarray(4));
    expect(tags.get(MODEL)).toBe('T?l??');
  });

  it('inserts the segment without damaging the image, and refuses bytes that are not a JPEG', () => {
    const plain = jpeg.encode({ width: 8, height: 8, data: Buffer.alloc(8 * 8 * 4, 128) }, 90).data;
    const tagged = withExif(plain, exifSegment(shot));
    expect(segmentsOf(tagged)[0]?.marker).toBe(0xe1);
    expect(jpeg.decode(tagged, { useTArray: true })).toMatchObject({ width: 8, height: 8 });
    expect(() => withExif(Buffer.from('<html></html>'), exifSegment(shot))).toThrow(/not a JPEG/);
  });
});
