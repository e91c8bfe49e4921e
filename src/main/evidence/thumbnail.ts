// The gallery's small picture of a screenshot: box-filtered down to fit a box, turned the way
// the camera said it was held, and encoded as JPEG. Made in main from pixels main decoded, so
// the renderer shows a thumbnail without decoding the learner's file. Pure but for jpeg-js.
import jpeg from 'jpeg-js';
import type { Rgba } from './perceptual-hash';

/** The size that fits `box` keeping the aspect ratio, never enlarging. */
export function fitInside(width: number, height: number, box: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, box.width / width, box.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Each target pixel is the average of the source pixels it covers. */
export function shrink(image: Rgba, width: number, height: number): Rgba {
  const out = new Uint8Array(width * height * 4);
  for (let ty = 0; ty < height; ty += 1) {
    const y0 = Math.floor((ty * image.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * image.height) / height));
    for (let tx = 0; tx < width; tx += 1) {
      const x0 = Math.floor((tx * image.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * image.width) / width));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      // Large blocks are sampled on a grid; a thumbnail does not need every pixel of a 12 MP photo.
      const step = Math.max(1, Math.floor(Math.min(x1 - x0, y1 - y0) / 4));
      for (let y = y0; y < y1; y += step) {
        for (let x = x0; x < x1; x += step) {
          const i = (y * image.width + x) * 4;
          r += image.data[i] ?? 0;
          g += image.data[i + 1] ?? 0;
          b += image.data[i + 2] ?? 0;
          n += 1;
        }
      }
      const o = (ty * width + tx) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** Applies an EXIF orientation (1–8) so the picture shows upright. */
export function orient(image: Rgba, orientation: number): Rgba {
  if (orientation <= 1 || orientation > 8) return image;
  const swap = orientation >= 5;
  const width = swap ? image.height : image.width;
  const height = swap ? image.width : image.height;
  const out = new Uint8Array(image.data.length);
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const W = image.width - 1;
      const H = image.height - 1;
      // Where source pixel (x, y) lands, for each orientation of the EXIF standard.
      const [dx, dy] = (
        {
          2: [W - x, y],
          3: [W - x, H - y],
          4: [x, H - y],
          5: [y, x],
          6: [H - y, x],
          7: [H - y, W - x],
          8: [y, W - x],
        } as Record<number, [number, number]>
      )[orientation] ?? [x, y];
      const from = (y * image.width + x) * 4;
      const to = (dy * width + dx) * 4;
      out[to] = image.data[from] ?? 0;
      out[to + 1] = image.data[from + 1] ?? 0;
      out[to + 2] = image.data[from + 2] ?? 0;
      out[to + 3] = image.data[from + 3] ?? 255;
    }
  }
  return { width, height, data: out };
}

export function makeThumbnail(image: Rgba, box: { width: number; height: number }, orientation: number | null): Uint8Array {
  const upright = orientation !== null && orientation > 1;
  const boxForSource = upright && orientation >= 5 ? { width: box.height, height: box.width } : box;
  const size = fitInside(image.width, image.height, boxForSource);
  const small = orient(shrink(image, size.width, size.height), orientation ?? 1);
  return new Uint8Array(jpeg.encode({ width: small.width, height: small.height, data: small.data }, 82).data);
}
