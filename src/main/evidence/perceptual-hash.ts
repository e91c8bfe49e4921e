// A difference hash (dHash) of a picture: shrink it to 17×16 grey cells and record, for each
// row, whether each cell is brighter than its right neighbour. Re-encoding, re-compressing
// or scaling a screenshot changes few of those 256 bits; another screen changes many. The
// usual 64-bit dHash is too coarse for screenshots: two learners' result screens from the
// same course player differ only in small text, so the grid is finer. Pure.

export interface Rgba {
  width: number;
  height: number;
  /** 4 bytes per pixel, row after row. */
  data: Uint8Array;
}

const COLUMNS = 17;
const ROWS = 16;
/**
 * Screens are mostly flat colour: two neighbouring white cells differ by compression noise
 * alone, and a plain "brighter than" would flip on every re-save. Below this many grey levels
 * of difference a cell counts as not brighter.
 */
const FLAT_TOLERANCE = 2;

/** The average grey of each cell of a columns×rows grid laid over the picture. */
export function greyGrid(image: Rgba, columns: number, rows: number): Float64Array {
  const sums = new Float64Array(columns * rows);
  const counts = new Float64Array(columns * rows);
  // Sampling every pixel of a 12 MP photo is wasteful; a step keeps ≥ 64 samples per cell.
  const step = Math.max(1, Math.floor(Math.min(image.width / columns, image.height / rows) / 8));
  for (let y = 0; y < image.height; y += step) {
    const row = Math.min(rows - 1, Math.floor((y * rows) / image.height));
    for (let x = 0; x < image.width; x += step) {
      const column = Math.min(columns - 1, Math.floor((x * columns) / image.width));
      const i = (y * image.width + x) * 4;
      const grey = 0.299 * (image.data[i] ?? 0) + 0.587 * (image.data[i + 1] ?? 0) + 0.114 * (image.data[i + 2] ?? 0);
      sums[row * columns + column]! += grey;
      counts[row * columns + column]! += 1;
    }
  }
  return sums.map((sum, i) => (counts[i] ? sum / (counts[i] ?? 1) : 0));
}

/** 256 bits as 64 hex characters. */
export function differenceHash(image: Rgba): string {
  const grid = greyGrid(image, COLUMNS, ROWS);
  let hex = '';
  for (let row = 0; row < ROWS; row += 1) {
    for (let half = 0; half < 2; half += 1) {
      let byte = 0;
      for (let column = half * 8; column < half * 8 + 8; column += 1) {
        const left = grid[row * COLUMNS + column] ?? 0;
        const right = grid[row * COLUMNS + column + 1] ?? 0;
        byte = (byte << 1) | (left > right + FLAT_TOLERANCE ? 1 : 0);
      }
      hex += byte.toString(16).padStart(2, '0');
    }
  }
  return hex;
}

/** How many bits differ between two hashes of the same length. */
export function hashDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 2) {
    let x = parseInt(a.slice(i, i + 2), 16) ^ parseInt(b.slice(i, i + 2), 16);
    while (x) {
      distance += x & 1;
      x >>= 1;
    }
  }
  return distance;
}

/** At or under this many differing bits (of 256), two screenshots are taken to show the same picture. */
export const NEAR_DUPLICATE_DISTANCE = 12;
