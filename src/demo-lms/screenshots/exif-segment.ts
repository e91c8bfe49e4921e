// A real EXIF block (APP1, TIFF little-endian) for the demo phone photos, so the screenshot
// viewer of issue #7 has a capture time and a device to show, exactly as with a photo a learner
// took of their monitor. Only standard tags are written; any EXIF reader understands them.

export interface ExifCamera {
  readonly make: string;
  readonly model: string;
  readonly software: string;
  readonly lensModel: string;
  /** Focal length in mm and aperture as the phone reports them. */
  readonly focalLength: readonly [number, number];
  readonly fNumber: readonly [number, number];
}

export interface ExifShot {
  readonly camera: ExifCamera;
  readonly takenAt: Date;
  readonly width: number;
  readonly height: number;
  /** Exposure time as a fraction, e.g. [1, 60]. */
  readonly exposureTime: readonly [number, number];
  readonly iso: number;
}

const TYPE = { ascii: 2, short: 3, long: 4, rational: 5, undefined: 7 } as const;
const TYPE_SIZE: Record<number, number> = { 2: 1, 3: 2, 4: 4, 5: 8, 7: 1 };

interface IfdEntry {
  readonly tag: number;
  readonly type: number;
  readonly count: number;
  readonly value: Buffer;
}

function ascii(tag: number, text: string): IfdEntry {
  // EXIF ASCII is 7-bit with a terminating NUL; anything else would be misread by viewers.
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  const value = Buffer.from(`${clean}\u0000`, 'latin1');
  return { tag, type: TYPE.ascii, count: value.length, value };
}

function short(tag: number, n: number): IfdEntry {
  const value = Buffer.alloc(2);
  value.writeUInt16LE(n);
  return { tag, type: TYPE.short, count: 1, value };
}

function long(tag: number, n: number): IfdEntry {
  const value = Buffer.alloc(4);
  value.writeUInt32LE(n);
  return { tag, type: TYPE.long, count: 1, value };
}

function rational(tag: number, [numerator, denominator]: readonly [number, number]): IfdEntry {
  const value = Buffer.alloc(8);
  value.writeUInt32LE(numerator);
  value.writeUInt32LE(denominator, 4);
  return { tag, type: TYPE.rational, count: 1, value };
}

function undefinedBytes(tag: number, bytes: Buffer): IfdEntry {
  return { tag, type: TYPE.undefined, count: bytes.length, value: bytes };
}

/** Size of an IFD with its out-of-line values, which follow it directly. */
function ifdSize(entries: readonly IfdEntry[]): number {
  const outOfLine = entries.reduce((sum, e) => sum + (e.value.length > 4 ? e.value.length + (e.value.length % 2) : 0), 0);
  return 2 + entries.length * 12 + 4 + outOfLine;
}

/** Writes an IFD at `offset` (relative to the TIFF header) with its values right after it. */
function writeIfd(tiff: Buffer, offset: number, entries: readonly IfdEntry[]): void {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  tiff.writeUInt16LE(sorted.length, offset);
  let dataOffset = offset + 2 + sorted.length * 12 + 4;
  sorted.forEach((entry, i) => {
    const at = offset + 2 + i * 12;
    if (entry.value.length !== entry.count * (TYPE_SIZE[entry.type] ?? 1)) throw new Error(`EXIF tag 0x${entry.tag.toString(16)} has the wrong value size.`);
    tiff.writeUInt16LE(entry.tag, at);
    tiff.writeUInt16LE(entry.type, at + 2);
    tiff.writeUInt32LE(entry.count, at + 4);
    if (entry.value.length <= 4) {
      entry.value.copy(tiff, at + 8);
    } else {
      tiff.writeUInt32LE(dataOffset, at + 8);
      entry.value.copy(tiff, dataOffset);
      dataOffset += entry.value.length + (entry.value.length % 2);
    }
  });
  tiff.writeUInt32LE(0, offset + 2 + sorted.length * 12); // no next IFD
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2026:03:14 14:02:11", EXIF's date format, from the instant's UTC wall clock. */
export function exifDateTime(date: Date): string {
  return `${date.getUTCFullYear()}:${pad(date.getUTCMonth() + 1)}:${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** The complete APP1 segment (marker, length, "Exif\0\0", TIFF). */
export function exifSegment(shot: ExifShot): Buffer {
  const when = exifDateTime(shot.takenAt);
  const exifEntries: IfdEntry[] = [
    rational(0x829a, shot.exposureTime),
    rational(0x829d, shot.camera.fNumber),
    short(0x8827, shot.iso),
    undefinedBytes(0x9000, Buffer.from('0232', 'latin1')),
    ascii(0x9003, when),
    ascii(0x9004, when),
    // The wall clock above is UTC; say so, or viewers would read it as the viewer's local time.
    ascii(0x9010, '+00:00'),
    ascii(0x9011, '+00:00'),
    ascii(0x9012, '+00:00'),
    rational(0x920a, shot.camera.focalLength),
    short(0xa001, 1),
    long(0xa002, shot.width),
    long(0xa003, shot.height),
    ascii(0xa433, shot.camera.make),
    ascii(0xa434, shot.camera.lensModel),
  ];
  const ifd0Base: IfdEntry[] = [
    ascii(0x010f, shot.camera.make),
    ascii(0x0110, shot.camera.model),
    short(0x0112, 1),
    rational(0x011a, [72, 1]),
    rational(0x011b, [72, 1]),
    short(0x0128, 2),
    ascii(0x0131, shot.camera.software),
    ascii(0x0132, when),
  ];
  const ifd0Size = ifdSize([...ifd0Base, long(0x8769, 0)]);
  const exifIfdOffset = 8 + ifd0Size;
  const ifd0 = [...ifd0Base, long(0x8769, exifIfdOffset)];
  const tiff = Buffer.alloc(exifIfdOffset + ifdSize(exifEntries));
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  writeIfd(tiff, 8, ifd0);
  writeIfd(tiff, exifIfdOffset, exifEntries);
  const header = Buffer.from('Exif\u0000\u0000', 'latin1');
  const length = 2 + header.length + tiff.length;
  if (length > 0xffff) throw new Error('The EXIF block is larger than one JPEG segment can hold.');
  const marker = Buffer.from([0xff, 0xe1, length >> 8, length & 0xff]);
  return Buffer.concat([marker, header, tiff]);
}

/**
 * Puts the EXIF segment where cameras put it, right after the start-of-image marker, and drops
 * the encoder's JFIF APP0: phone JPEGs carry EXIF, not JFIF.
 */
export function withExif(jpeg: Buffer, app1: Buffer): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('Cannot add EXIF: the bytes are not a JPEG (no start-of-image marker).');
  let rest = 2;
  if (jpeg[2] === 0xff && jpeg[3] === 0xe0) {
    const app0Length = jpeg.readUInt16BE(4);
    rest = 4 + app0Length;
  }
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(rest)]);
}
