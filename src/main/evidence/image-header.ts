// An image's size and layout, read from its headers before a single pixel is decoded: the
// width and height (so a decompression bomb is refused before it costs memory), whether the
// file is complete, and where its EXIF block is. Pure; refuses with a HeaderProblem.
import type { ScreenshotImageType } from '../../shared/channels/evidence';

export interface ImageHeader {
  type: ScreenshotImageType;
  width: number;
  height: number;
  /** The TIFF block of the EXIF data ("II*\0…"), when the file carries one. */
  exif: Uint8Array | null;
}

/** The file is cut short or its structure is broken; `message` says what was wrong. */
export class HeaderProblem extends Error {
  override name = 'HeaderProblem';
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function tag(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00];

function pngHeader(bytes: Uint8Array): ImageHeader {
  const data = view(bytes);
  let at = 8;
  let width = 0;
  let height = 0;
  let exif: Uint8Array | null = null;
  let sawData = false;
  for (let index = 0; ; index += 1) {
    if (at + 12 > bytes.length) throw new HeaderProblem('the PNG is cut short (no end marker)');
    const length = data.getUint32(at);
    const type = tag(bytes, at + 4);
    if (length > 0x7fffffff || at + 12 + length > bytes.length) throw new HeaderProblem(`the PNG is cut short inside its ${type} block`);
    if (index === 0) {
      if (type !== 'IHDR' || length !== 13) throw new HeaderProblem('the PNG does not start with its header block');
      width = data.getUint32(at + 8);
      height = data.getUint32(at + 12);
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'eXIf') exif = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!sawData) throw new HeaderProblem('the PNG holds no image data');
  return { type: 'image/png', width, height, exif };
}

/** SOF markers that carry the frame size (not DHT C4, JPG C8 or DAC CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegHeader(bytes: Uint8Array): ImageHeader {
  const data = view(bytes);
  let at = 2;
  let width = 0;
  let height = 0;
  let exif: Uint8Array | null = null;
  for (;;) {
    // Markers may be padded with extra 0xFF bytes.
    while (at < bytes.length && bytes[at] === 0xff && bytes[at + 1] === 0xff) at += 1;
    if (at + 4 > bytes.length) throw new HeaderProblem('the JPEG is cut short before its image data');
    if (bytes[at] !== 0xff) throw new HeaderProblem('the JPEG’s segments are damaged');
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9) throw new HeaderProblem('the JPEG ends before any image data');
    const length = data.getUint16(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) throw new HeaderProblem('the JPEG is cut short inside a segment');
    const body = at + 4;
    if (marker === 0xe1 && exif === null && EXIF_HEADER.every((b, i) => bytes[body + i] === b)) {
      exif = bytes.subarray(body + EXIF_HEADER.length, at + 2 + length);
    }
    if (isStartOfFrame(marker)) {
      if (length < 8) throw new HeaderProblem('the JPEG’s frame header is too short');
      height = data.getUint16(body + 1);
      width = data.getUint16(body + 3);
    }
    if (marker === 0xda) {
      if (width === 0 || height === 0) throw new HeaderProblem('the JPEG has no frame size before its image data');
      // The image data runs to the end-of-image marker; a file cut short has none.
      if (!hasEndMarker(bytes, body)) throw new HeaderProblem('the JPEG is cut short (no end-of-image marker)');
      return { type: 'image/jpeg', width, height, exif };
    }
    at += 2 + length;
  }
}

/**
 * Inside the scan a 0xFF byte is always followed by 0x00 or a restart marker, so FF D9 after
 * the scan's start is the end marker. Some phones append data after it, hence the search.
 */
function hasEndMarker(bytes: Uint8Array, from: number): boolean {
  for (let i = bytes.length - 2; i >= from; i -= 1) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

function webpHeader(bytes: Uint8Array): ImageHeader {
  const data = view(bytes);
  if (bytes.length < 20) throw new HeaderProblem('the WebP is cut short');
  const riffEnd = 8 + data.getUint32(4, true);
  if (riffEnd > bytes.length) throw new HeaderProblem('the WebP is cut short (its RIFF size is larger than the file)');
  let at = 12;
  let width = 0;
  let height = 0;
  let exif: Uint8Array | null = null;
  let sawImage = false;
  while (at + 8 <= riffEnd) {
    const type = tag(bytes, at);
    const length = data.getUint32(at + 4, true);
    const body = at + 8;
    if (body + length > riffEnd) throw new HeaderProblem(`the WebP is cut short inside its ${type.trim()} chunk`);
    if (type === 'VP8 ') {
      if (length < 10 || bytes[body + 3] !== 0x9d || bytes[body + 4] !== 0x01 || bytes[body + 5] !== 0x2a) throw new HeaderProblem('the WebP’s VP8 frame is damaged');
      if (width === 0) {
        width = data.getUint16(body + 6, true) & 0x3fff;
        height = data.getUint16(body + 8, true) & 0x3fff;
      }
      sawImage = true;
    } else if (type === 'VP8L') {
      if (length < 5 || bytes[body] !== 0x2f) throw new HeaderProblem('the WebP’s lossless frame is damaged');
      if (width === 0) {
        const bits = data.getUint32(body + 1, true);
        width = (bits & 0x3fff) + 1;
        height = ((bits >>> 14) & 0x3fff) + 1;
      }
      sawImage = true;
    } else if (type === 'VP8X') {
      if (length < 10) throw new HeaderProblem('the WebP’s extended header is too short');
      width = 1 + ((bytes[body + 4] ?? 0) | ((bytes[body + 5] ?? 0) << 8) | ((bytes[body + 6] ?? 0) << 16));
      height = 1 + ((bytes[body + 7] ?? 0) | ((bytes[body + 8] ?? 0) << 8) | ((bytes[body + 9] ?? 0) << 16));
    } else if (type === 'EXIF') {
      const block = bytes.subarray(body, body + length);
      exif = EXIF_HEADER.every((b, i) => block[i] === b) ? block.subarray(EXIF_HEADER.length) : block;
    } else if (type === 'ANMF') {
      sawImage = true;
    }
    at = body + length + (length % 2);
  }
  if (!sawImage) throw new HeaderProblem('the WebP holds no image data');
  if (width === 0 || height === 0) throw new HeaderProblem('the WebP does not say how large it is');
  return { type: 'image/webp', width, height, exif };
}

export function readImageHeader(bytes: Uint8Array, type: ScreenshotImageType): ImageHeader {
  const header = type === 'image/png' ? pngHeader(bytes) : type === 'image/jpeg' ? jpegHeader(bytes) : webpHeader(bytes);
  if (header.width === 0 || header.height === 0) throw new HeaderProblem('the image says it is 0 pixels wide or high');
  return header;
}
