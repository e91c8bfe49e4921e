// The capture time and device a camera wrote into a photo (EXIF), read from the TIFF block
// the header reader found. Pure and defensive: every offset is bounds-checked, loops cannot
// cycle, and a damaged block yields what could be read rather than an error — EXIF is a
// hint for the reviewer, not a reason to refuse a picture.
import type { ScreenshotExif } from '../../shared/channels/evidence';

const TAG = {
  make: 0x010f,
  model: 0x0110,
  orientation: 0x0112,
  software: 0x0131,
  dateTime: 0x0132,
  exifIfd: 0x8769,
  dateTimeOriginal: 0x9003,
  offsetTimeOriginal: 0x9011,
} as const;

interface Entry {
  type: number;
  count: number;
  /** Where the value is: inside the entry (≤ 4 bytes) or at the offset it names. */
  valueAt: number;
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };
const MAX_ENTRIES = 512;

function readIfd(tiff: DataView, offset: number, little: boolean): Map<number, Entry> {
  const entries = new Map<number, Entry>();
  if (offset < 8 || offset + 2 > tiff.byteLength) return entries;
  const count = Math.min(tiff.getUint16(offset, little), MAX_ENTRIES);
  for (let i = 0; i < count; i += 1) {
    const at = offset + 2 + i * 12;
    if (at + 12 > tiff.byteLength) break;
    const type = tiff.getUint16(at + 2, little);
    const n = tiff.getUint32(at + 4, little);
    const size = (TYPE_SIZE[type] ?? 1) * n;
    const valueAt = size <= 4 ? at + 8 : tiff.getUint32(at + 8, little);
    if (valueAt + size > tiff.byteLength) continue;
    entries.set(tiff.getUint16(at, little), { type, count: n, valueAt });
  }
  return entries;
}

function text(tiff: DataView, entry: Entry | undefined): string | null {
  if (!entry || entry.type !== 2) return null;
  let out = '';
  for (let i = 0; i < Math.min(entry.count, 200); i += 1) {
    const c = tiff.getUint8(entry.valueAt + i);
    if (c === 0) break;
    out += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
  }
  const trimmed = out.trim();
  return trimmed === '' ? null : trimmed;
}

function short(tiff: DataView, entry: Entry | undefined, little: boolean): number | null {
  if (!entry || entry.type !== 3) return null;
  return tiff.getUint16(entry.valueAt, little);
}

function long(tiff: DataView, entry: Entry | undefined, little: boolean): number | null {
  if (!entry || entry.type !== 4) return null;
  return tiff.getUint32(entry.valueAt, little);
}

/** "2026:03:14 14:02:11" + "+00:00" → "2026-03-14T14:02:11+00:00"; without an offset, the camera's clock as written. */
export function exifTime(dateTime: string | null, offset: string | null): string | null {
  if (dateTime === null) return null;
  const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(dateTime);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (Number.isNaN(Date.parse(`${local}Z`))) return null;
  return offset !== null && /^[+-]\d{2}:\d{2}$/.test(offset) ? `${local}${offset}` : local;
}

/** The make is often repeated at the start of the model ("Apple" + "iPhone 13", "Google" + "Pixel 7"). */
function deviceName(make: string | null, model: string | null): string | null {
  if (make && model) return model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`;
  return model ?? make;
}

export function readExif(block: Uint8Array | null): ScreenshotExif | null {
  if (block === null || block.length < 8) return null;
  const tiff = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const order = String.fromCharCode(block[0] ?? 0, block[1] ?? 0);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  if (tiff.getUint16(2, little) !== 42) return null;
  const ifd0 = readIfd(tiff, tiff.getUint32(4, little), little);
  const exifOffset = long(tiff, ifd0.get(TAG.exifIfd), little);
  const exif = exifOffset !== null ? readIfd(tiff, exifOffset, little) : new Map<number, Entry>();
  const orientation = short(tiff, ifd0.get(TAG.orientation), little);
  const facts: ScreenshotExif = {
    takenAt: exifTime(text(tiff, exif.get(TAG.dateTimeOriginal)) ?? text(tiff, ifd0.get(TAG.dateTime)), text(tiff, exif.get(TAG.offsetTimeOriginal))),
    device: deviceName(text(tiff, ifd0.get(TAG.make)), text(tiff, ifd0.get(TAG.model))),
    software: text(tiff, ifd0.get(TAG.software)),
    orientation: orientation !== null && orientation >= 1 && orientation <= 8 ? orientation : null,
  };
  return facts.takenAt === null && facts.device === null && facts.software === null && facts.orientation === null ? null : facts;
}
