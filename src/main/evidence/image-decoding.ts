// Decodes a PNG or JPEG that already passed the header checks into RGBA pixels, with the
// decoders' own memory limits set to the pixel cap as a second guard. Runs in the
// inspection worker: a 12 MP JPEG takes seconds to decode in JavaScript.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ScreenshotImageType } from '../../shared/channels/evidence';
import type { Rgba } from './perceptual-hash';
import { MAX_SCREENSHOT_PIXELS } from './screenshot-limits';

/** The bytes could not be decoded; `message` says what the decoder found. */
export class DecodeProblem extends Error {
  override name = 'DecodeProblem';
}

export function decodeImage(bytes: Uint8Array, type: ScreenshotImageType): Rgba {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (type === 'image/png') {
      const png = PNG.sync.read(buffer);
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
    }
    if (type === 'image/jpeg') {
      const image = jpeg.decode(buffer, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_SCREENSHOT_PIXELS / 1_000_000,
        maxMemoryUsageInMB: Math.ceil((MAX_SCREENSHOT_PIXELS * 4 * 1.5) / 1_000_000),
      });
      return { width: image.width, height: image.height, data: image.data };
    }
  } catch (error) {
    throw new DecodeProblem(error instanceof Error ? error.message : String(error));
  }
  throw new DecodeProblem(`${type} is checked by its structure only; it is not decoded here`);
}
