// What a file really is, read from its first bytes, never from its name or the type the LMS
// was told. Only PNG, JPEG and WebP are images to Passdesk; a few other things learners (or
// someone pretending to be one) send are named, so the refusal says what the file is.
import type { ScreenshotImageType } from '../../shared/channels/evidence';

export type SniffResult = { kind: 'image'; type: ScreenshotImageType } | { kind: 'other'; what: string };

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  let text = '';
  for (let i = from; i < Math.min(bytes.length, from + length); i += 1) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

/** The start of the file as lower-case text, without a BOM or leading white space. */
function textStart(bytes: Uint8Array): string {
  let from = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (from < bytes.length && from < 512 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[from] ?? 0)) from += 1;
  return ascii(bytes, from, 512).toLowerCase();
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

export function sniffImage(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { kind: 'other', what: 'an empty file' };
  if (startsWith(bytes, PNG_SIGNATURE)) return { kind: 'image', type: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', type: 'image/jpeg' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { kind: 'image', type: 'image/webp' };

  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { kind: 'other', what: 'a PDF document' };
  if (startsWith(bytes, [0x4d, 0x5a])) return { kind: 'other', what: 'a Windows program (.exe)' };
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return { kind: 'other', what: 'a Linux program' };
  if ([[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xcf, 0xfa, 0xed, 0xfe], [0xce, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((s) => startsWith(bytes, s))) {
    return { kind: 'other', what: 'a macOS program' };
  }
  if (startsWith(bytes, [0x23, 0x21])) return { kind: 'other', what: 'a script' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'other', what: 'a ZIP archive (or an Office document)' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'other', what: 'a GIF image, which Passdesk does not show' };
  if (startsWith(bytes, [0x42, 0x4d])) return { kind: 'other', what: 'a BMP image, which Passdesk does not show' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { kind: 'other', what: 'a TIFF image, which Passdesk does not show' };
  if (ascii(bytes, 4, 8) === 'ftypheic' || ascii(bytes, 4, 8) === 'ftypheix' || ascii(bytes, 4, 8) === 'ftypmif1') {
    return { kind: 'other', what: 'a HEIC photo, which Passdesk does not show (ask for a PNG or JPEG)' };
  }

  const text = textStart(bytes);
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return { kind: 'other', what: 'an SVG drawing (which can carry scripts)' };
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /<(head|body|script|iframe|meta)\b/.test(text)) return { kind: 'other', what: 'a web page (HTML)' };
  if (text.startsWith('<?xml')) return { kind: 'other', what: 'an XML document' };
  if (text.startsWith('{') || text.startsWith('[')) return { kind: 'other', what: 'a text (JSON) file' };
  return { kind: 'other', what: 'a file of an unknown type' };
}
