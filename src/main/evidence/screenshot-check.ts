// Whether Passdesk will show an attachment, decided in two steps: from the LMS's record
// before anything is downloaded (the name, the announced size), then from the bytes before a
// single pixel is decoded (the size, the sha256, the type the bytes really are, the header's
// dimensions against the pixel cap). Pure: every refusal carries the sentence its tile shows.
import type { ScreenshotExif, ScreenshotRefusal } from '../../shared/channels/evidence';
import { readExif } from './exif-reading';
import { fileNameProblem, shownFileName } from './file-name-check';
import { HeaderProblem, readImageHeader, type ImageHeader } from './image-header';
import { sniffImage } from './image-sniffing';
import { MAX_SCREENSHOT_BYTES, MAX_SCREENSHOT_PIXELS, MAX_SCREENSHOT_SIDE } from './screenshot-limits';
import { sha256Of } from './screenshot-store';

export type BytesCheck = { ok: true; header: ImageHeader; exif: ScreenshotExif | null } | { ok: false; refusal: ScreenshotRefusal };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function tooLarge(size: number): ScreenshotRefusal {
  return {
    reason: 'too_large',
    message: `This file is ${formatBytes(size)}; Passdesk opens screenshots up to ${formatBytes(MAX_SCREENSHOT_BYTES)}. It was not downloaded. Ask the learner for a smaller screenshot (a PNG or JPEG of the screen).`,
  };
}

export function hashMismatch(): ScreenshotRefusal {
  return {
    reason: 'hash_mismatch',
    message: 'The file that arrived is not the one the LMS recorded (its sha256 differs), so it was changed or damaged on the way. It was not stored or shown. Try again; if it happens again, ask the learner to send the screenshot again.',
  };
}

export function corruptImage(problem: string): ScreenshotRefusal {
  return { reason: 'corrupt_image', message: `This picture is damaged — ${problem}. It was not stored or shown. Ask the learner to send the screenshot again.` };
}

/** What the LMS's record alone is enough to refuse, before any download. */
export function checkAttachmentRecord(record: { fileName: string; size: number }): ScreenshotRefusal | null {
  const nameProblem = fileNameProblem(record.fileName);
  if (nameProblem !== null) {
    return {
      reason: 'unsafe_file_name',
      message: `The file name “${shownFileName(record.fileName)}” was refused: ${nameProblem}. Passdesk does not open files sent under such names. Ask the learner to send the screenshot again from their own computer.`,
    };
  }
  if (record.size > MAX_SCREENSHOT_BYTES) return tooLarge(record.size);
  return null;
}

export function checkScreenshotBytes(bytes: Uint8Array, expectedSha256: string): BytesCheck {
  if (bytes.length > MAX_SCREENSHOT_BYTES) return { ok: false, refusal: tooLarge(bytes.length) };
  if (sha256Of(bytes) !== expectedSha256) return { ok: false, refusal: hashMismatch() };
  const sniffed = sniffImage(bytes);
  if (sniffed.kind !== 'image') {
    return {
      ok: false,
      refusal: {
        reason: 'not_an_image',
        message: `This file is ${sniffed.what}, not a PNG, JPEG or WebP picture, whatever its name says. Passdesk does not open it. Ask the learner for a screenshot instead.`,
      },
    };
  }
  let header: ImageHeader;
  try {
    header = readImageHeader(bytes, sniffed.type);
  } catch (error) {
    if (error instanceof HeaderProblem) return { ok: false, refusal: corruptImage(error.message) };
    throw error;
  }
  const pixels = header.width * header.height;
  if (pixels > MAX_SCREENSHOT_PIXELS || header.width > MAX_SCREENSHOT_SIDE || header.height > MAX_SCREENSHOT_SIDE) {
    return {
      ok: false,
      refusal: {
        reason: 'too_many_pixels',
        message: `This picture says it is ${header.width.toLocaleString('en-US')} × ${header.height.toLocaleString('en-US')} pixels (${(pixels / 1_000_000).toFixed(0)} megapixels) in a file of ${formatBytes(bytes.length)} — a decompression bomb, or too large to open safely (the limit is ${MAX_SCREENSHOT_PIXELS / 1_000_000} megapixels and ${MAX_SCREENSHOT_SIDE.toLocaleString('en-US')} pixels a side). It was not opened.`,
      },
    };
  }
  return { ok: true, header, exif: readExif(header.exif) };
}
