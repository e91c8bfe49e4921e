// Real pictures for the evidence tests: demo screenshots drawn by the demo LMS's renderer,
// and the same screen re-encoded the way a learner's re-save would.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { renderScreenshot, type ScreenshotSpec } from '../../../src/demo-lms/screenshots/render-screenshot';

export function screen(overrides: Partial<ScreenshotSpec> = {}) {
  return renderScreenshot({
    kind: 'passing',
    learnerName: 'Ana Lopez',
    courseName: 'Solar Racking Basics',
    moduleName: 'Module 2: Installation and Code Compliance',
    score: 87,
    passingScore: 80,
    takenAt: new Date('2026-03-14T14:02:11Z'),
    format: 'png',
    ...overrides,
  } as ScreenshotSpec);
}

/** The PNG decoded and saved again as a JPEG at `quality`, as a re-save or a chat app would. */
export function reencodedAsJpeg(png: Buffer, quality = 70): Buffer {
  const image = PNG.sync.read(png);
  return jpeg.encode({ width: image.width, height: image.height, data: image.data }, quality).data;
}
