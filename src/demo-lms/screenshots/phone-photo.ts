// A learner who cannot take a screenshot photographs the monitor with their phone. This turns a
// rendered screen into such a photo: the monitor slightly turned and keystoned, its bezel and
// stand, a wall and desk behind, glare, vignetting, moiré from the pixel grid and sensor noise.
// Everything random comes from the spec's dice, so the photo is reproducible byte for byte.
import type { PhoneFileStyle } from './capture-file-name';
import type { ExifCamera } from './exif-segment';
import { PixelCanvas, mix, rgb, type Rgb } from './pixel-canvas';
import type { Dice } from './screen-variety';

export interface PhoneDevice {
  readonly camera: ExifCamera;
  readonly fileStyle: PhoneFileStyle;
}

export const PHONE_DEVICES: readonly PhoneDevice[] = [
  {
    camera: { make: 'Apple', model: 'iPhone 13', software: '17.3.1', lensModel: 'iPhone 13 back dual wide camera 5.1mm f/1.6', focalLength: [51, 10], fNumber: [16, 10] },
    fileStyle: 'apple',
  },
  {
    camera: { make: 'Apple', model: 'iPhone 14 Pro', software: '17.5.1', lensModel: 'iPhone 14 Pro back triple camera 6.86mm f/1.78', focalLength: [686, 100], fNumber: [178, 100] },
    fileStyle: 'apple',
  },
  {
    camera: { make: 'Apple', model: 'iPhone 12', software: '16.7.2', lensModel: 'iPhone 12 back dual wide camera 4.2mm f/1.6', focalLength: [42, 10], fNumber: [16, 10] },
    fileStyle: 'apple',
  },
  {
    camera: { make: 'samsung', model: 'SM-S911B', software: 'S911BXXS3BWK5', lensModel: 'Samsung Galaxy S23 Rear Camera', focalLength: [540, 100], fNumber: [180, 100] },
    fileStyle: 'samsung',
  },
  {
    camera: { make: 'Google', model: 'Pixel 7', software: 'HDR+ 1.0.540104767zd', lensModel: 'Pixel 7 back camera 6.81mm f/1.85', focalLength: [681, 100], fNumber: [185, 100] },
    fileStyle: 'pixel',
  },
];

const COS_G = Math.cos(2.1);
const SIN_G = Math.sin(2.1);
const COS_B = Math.cos(4.2);
const SIN_B = Math.sin(4.2);

type Matrix3 = [number, number, number, number, number, number, number, number, number];

/** Solves the homography that maps the four `from` points onto the four `to` points. */
function homography(from: readonly [number, number][], to: readonly [number, number][]): Matrix3 {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gauss-Jordan elimination with partial pivoting on the 8×9 augmented matrix.
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let row = col + 1; row < 8; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new Error('The monitor corners are degenerate; cannot place the screen in the photo.');
    for (let k = col; k < 9; k++) a[col]![k]! /= p;
    for (let row = 0; row < 8; row++) {
      if (row === col) continue;
      const factor = a[row]![col]!;
      if (factor === 0) continue;
      for (let k = col; k < 9; k++) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  return [a[0]![8]!, a[1]![8]!, a[2]![8]!, a[3]![8]!, a[4]![8]!, a[5]![8]!, a[6]![8]!, a[7]![8]!, 1];
}

/** How big the monitor's screen should be rendered so the photo samples it at about 1:1. */
export function screenSizeForPhoto(photoWidth: number, photoHeight: number): { width: number; height: number } {
  const width = Math.round(Math.min(photoWidth * 0.8, ((photoHeight * 0.72) * 16) / 10));
  const even = Math.max(320, width - (width % 2));
  return { width: even, height: Math.max(200, Math.round((even * 10) / 16)) };
}

interface Scene {
  readonly wallTop: Rgb;
  readonly wallBottom: Rgb;
  readonly desk: Rgb;
  readonly bezel: Rgb;
}

const SCENES: readonly Scene[] = [
  { wallTop: rgb('#d9d4c7'), wallBottom: rgb('#b9b2a2'), desk: rgb('#8a6a4a'), bezel: rgb('#1b1b1d') },
  { wallTop: rgb('#c9ced3'), wallBottom: rgb('#9ea5ac'), desk: rgb('#d8d6d0'), bezel: rgb('#232427') },
  { wallTop: rgb('#e7e2d8'), wallBottom: rgb('#c4bcae'), desk: rgb('#5b4a3a'), bezel: rgb('#2a2a2c') },
  { wallTop: rgb('#aeb8c2'), wallBottom: rgb('#7f8a95'), desk: rgb('#3c3f44'), bezel: rgb('#141416') },
];

/** Photographs `screen` as shown on a monitor; returns the photo's pixels. */
export function photographScreen(screen: PixelCanvas, width: number, height: number, dice: Dice): PixelCanvas {
  const scene = dice.pick(SCENES);
  const sw = screen.width;
  const sh = screen.height;
  const bezel = sw * dice.between(0.012, 0.03);
  const chin = bezel + sw * dice.between(0.012, 0.035);
  const planeW = sw + 2 * bezel;
  const planeH = sh + bezel + chin;

  // Where the monitor lands in the frame: nearly filling it, turned and keystoned a little.
  const fill = dice.between(0.9, 0.98);
  const scale = Math.min((width * fill) / planeW, (height * 0.86) / planeH);
  const cx = width / 2 + width * dice.between(-0.025, 0.025);
  const cy = height * dice.between(0.44, 0.5);
  const angle = (dice.between(-3.5, 3.5) * Math.PI) / 180;
  const keystoneX = dice.between(-0.035, 0.035); // top edge wider or narrower than the bottom
  const keystoneY = dice.between(-0.03, 0.03); // left edge taller or shorter than the right
  const hw = (planeW * scale) / 2;
  const hh = (planeH * scale) / 2;
  const corners: [number, number][] = [
    [-hw * (1 + keystoneX), -hh * (1 + keystoneY)],
    [hw * (1 + keystoneX), -hh * (1 - keystoneY)],
    [hw * (1 - keystoneX), hh * (1 - keystoneY)],
    [-hw * (1 - keystoneX), hh * (1 + keystoneY)],
  ].map(([x, y]) => [cx + x! * Math.cos(angle) - y! * Math.sin(angle), cy + x! * Math.sin(angle) + y! * Math.cos(angle)]);
  const toPlane = homography(corners, [
    [0, 0],
    [planeW, 0],
    [planeW, planeH],
    [0, planeH],
  ]);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toPlane;

  // Where the desk starts and the stand stands, in photo coordinates.
  const bottomMidX = (corners[2]![0] + corners[3]![0]) / 2;
  const bottomMidY = (corners[2]![1] + corners[3]![1]) / 2;
  const deskY = Math.min(height - 10, bottomMidY + height * dice.between(0.04, 0.09));
  const standHalf = planeW * scale * 0.07;

  // Light: one side brighter, a soft glare blob on the glass, vignetting towards the corners.
  const lightAngle = dice.between(0, Math.PI * 2);
  const lightDx = Math.cos(lightAngle);
  const lightDy = Math.sin(lightAngle);
  const lightStrength = dice.between(0.05, 0.12);
  const glareX = dice.between(0.15, 0.85) * planeW;
  const glareY = dice.between(0.1, 0.6) * planeH;
  const glareR = planeW * dice.between(0.18, 0.32);
  const glareR2 = glareR * glareR;
  const glareAlpha = dice.between(0.06, 0.13);
  const vignette = dice.between(0.15, 0.3);
  const diagonal = Math.hypot(width / 2, height / 2);

  // Moiré: beating between the panel's pixel grid and the sensor, as slow curved colour bands.
  const moireAmp = dice.between(0.018, 0.035);
  const moireFx = dice.between(0.02, 0.05);
  const moireFy = dice.between(0.015, 0.04);
  const moireCurve = dice.between(2, 6) / sw;
  const envelopeFx = dice.between(0.0015, 0.004);
  const envelopeFy = dice.between(-0.003, 0.003);
  const warm = dice.between(-1, 1);
  const warmR = 1 + 0.03 * warm;
  const warmB = 1 - 0.03 * warm;

  let noiseState = Math.floor(dice.next() * 0xffffffff) >>> 0 || 1;
  const noise = (): number => {
    // xorshift32: fast enough for two million pixels, and reproducible.
    noiseState ^= noiseState << 13;
    noiseState >>>= 0;
    noiseState ^= noiseState >>> 17;
    noiseState ^= noiseState << 5;
    noiseState >>>= 0;
    return noiseState / 4294967296 - 0.5;
  };

  const photo = new PixelCanvas(width, height, scene.wallTop);
  const out = photo.data;
  const src = screen.data;
  const standColor = mix(scene.bezel, rgb('#555555'), 0.25);
  for (let y = 0; y < height; y++) {
    const wall = mix(scene.wallTop, scene.wallBottom, y / height);
    for (let x = 0; x < width; x++) {
      const w = h6 * x + h7 * y + h8;
      const u = (h0 * x + h1 * y + h2) / w;
      const v = (h3 * x + h4 * y + h5) / w;
      let r: number;
      let g: number;
      let b: number;
      if (u >= 0 && v >= 0 && u < planeW && v < planeH) {
        const su = u - bezel;
        const sv = v - bezel;
        if (su >= 0 && sv >= 0 && su < sw - 1 && sv < sh - 1) {
          // Bilinear sample of the screen.
          const ix = su | 0;
          const iy = sv | 0;
          const fx = su - ix;
          const fy = sv - iy;
          const i00 = (iy * sw + ix) * 4;
          const i10 = i00 + 4;
          const i01 = i00 + sw * 4;
          const i11 = i01 + 4;
          const w00 = (1 - fx) * (1 - fy);
          const w10 = fx * (1 - fy);
          const w01 = (1 - fx) * fy;
          const w11 = fx * fy;
          r = src[i00]! * w00 + src[i10]! * w10 + src[i01]! * w01 + src[i11]! * w11;
          g = src[i00 + 1]! * w00 + src[i10 + 1]! * w10 + src[i01 + 1]! * w01 + src[i11 + 1]! * w11;
          b = src[i00 + 2]! * w00 + src[i10 + 2]! * w10 + src[i01 + 2]! * w01 + src[i11 + 2]! * w11;
          // A lit panel never reaches true black or white in a photo.
          r = 22 + r * 0.86;
          g = 22 + g * 0.86;
          b = 26 + b * 0.87;
          // Colour fringes: the same band, phase-shifted per channel (sin(a + k) from one sin and one cos).
          const phase = (su * moireFx + sv * moireFy + (su * su + sv * sv) * moireCurve * 0.01) * 6.2832;
          // A slow envelope makes the bands swell and fade across the panel, as real moiré does.
          const envelope = 0.25 + 0.75 * Math.abs(Math.sin((su * envelopeFx + sv * envelopeFy) * 6.2832));
          const sinP = Math.sin(phase) * envelope;
          const cosP = Math.cos(phase) * envelope;
          r *= 1 + moireAmp * sinP;
          g *= 1 + moireAmp * (sinP * COS_G + cosP * SIN_G);
          b *= 1 + moireAmp * (sinP * COS_B + cosP * SIN_B);
          const gx = u - glareX;
          const gy = v - glareY;
          const dg2 = (gx * gx + gy * gy) / glareR2;
          if (dg2 < 1) {
            const glare = glareAlpha * (1 - dg2);
            r += (255 - r) * glare;
            g += (255 - g) * glare;
            b += (255 - b) * glare;
          }
        } else {
          // Bezel, with a faint highlight along its inner edge.
          const outside = Math.max(-su, -sv, su - (sw - 1), sv - (sh - 1));
          const lift = outside < 2 ? 18 * (1 - outside / 2) : 0;
          r = scene.bezel.r + lift;
          g = scene.bezel.g + lift;
          b = scene.bezel.b + lift;
        }
      } else if (y >= deskY) {
        const t = Math.min(1, (y - deskY) / (height - deskY + 1));
        const desk = mix(scene.desk, rgb('#000000'), 0.25 * t);
        r = desk.r;
        g = desk.g;
        b = desk.b;
        if (y < deskY + (height - deskY) * 0.35 && Math.abs(x - bottomMidX) < standHalf * 2.2 * (1 - (y - deskY) / (height - deskY + 1) * 0.3)) {
          r = standColor.r;
          g = standColor.g;
          b = standColor.b;
        }
      } else if (y > bottomMidY && Math.abs(x - bottomMidX) < standHalf) {
        r = standColor.r;
        g = standColor.g;
        b = standColor.b;
      } else {
        r = wall.r;
        g = wall.g;
        b = wall.b;
      }
      const dx = x - width / 2;
      const dy = y - height / 2;
      const radial = (dx * dx + dy * dy) / (diagonal * diagonal);
      const light = (1 - vignette * radial) * (1 + lightStrength * ((dx * lightDx + dy * lightDy) / diagonal));
      const grain = noise() * 9;
      const chroma = noise() * 4;
      const i = (y * width + x) * 4;
      // Uint8ClampedArray-style clamping by hand: the canvas is a plain Uint8Array.
      const ro = r * light * warmR + grain + chroma;
      const go = g * light + grain;
      const bo = b * light * warmB + grain - chroma;
      out[i] = ro < 0 ? 0 : ro > 255 ? 255 : ro;
      out[i + 1] = go < 0 ? 0 : go > 255 ? 255 : go;
      out[i + 2] = bo < 0 ? 0 : bo > 255 ? 255 : bo;
    }
  }
  return photo;
}
