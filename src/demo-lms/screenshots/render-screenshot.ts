// The demo LMS's ticket attachments: PNG/JPEG screenshots of a course player's result screen,
// and phone photos of one. Pure and deterministic — no I/O, no clock, no Math.random — so the
// seed can regenerate the very same bytes (and sha256) for a given spec.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { drawBrowserWindow, type Browser, type BrowserLook, type Desktop } from './browser-window';
import { phonePhotoFileName, screenCaptureFileName } from './capture-file-name';
import { exifSegment, withExif } from './exif-segment';
import { PHONE_DEVICES, photographScreen, screenSizeForPhoto } from './phone-photo';
import { PixelCanvas, rgb } from './pixel-canvas';
import { drawResultScreen, type PlayerLayout, type PlayerLook } from './result-screen';
import { diceFor, type Dice } from './screen-variety';
import { initialsOf, resultWording, slugOf, type DateStyle } from './screen-wording';
import { planScreenshot, type ScreenshotPlan, type ScreenshotSpecInput } from './screenshot-spec';

export type { ScreenshotSpecInput as ScreenshotSpec } from './screenshot-spec';

export interface RenderedScreenshot {
  readonly bytes: Buffer;
  readonly contentType: 'image/png' | 'image/jpeg';
  readonly fileName: string;
}

const ACCENTS = ['#1e5aa8', '#0f766e', '#6d28d9', '#b45309', '#9f1239', '#334155', '#0369a1', '#4d7c0f'].map(rgb);
const HOSTS = ['learn.supplieracademy.com', 'training.partnerportal.net', 'academy.bluebucks.com', 'lms.tradeskills.org', 'courses.dealerlearning.com'];
const LESSONS = ['Introduction', 'Product overview', 'Installation basics', 'Knowledge check', 'Summary', 'Resources', 'Case studies', 'Code requirements'];
const JPEG_QUALITY_SCREEN = 90;
const JPEG_QUALITY_PHOTO = 88;

interface ScreenLook {
  readonly browser: BrowserLook;
  readonly player: PlayerLook;
}

function chooseLook(plan: ScreenshotPlan, width: number, height: number, dice: Dice): ScreenLook {
  const unit = Math.min(width / 1280, height / 800);
  const desktop = dice.pick<Desktop>(['windows', 'windows', 'mac', 'window_only']);
  const browser = desktop === 'mac' ? dice.pick<Browser>(['chrome', 'safari']) : dice.pick<Browser>(['chrome', 'chrome', 'edge']);
  const accent = dice.pick(ACCENTS);
  const layout = dice.pick<PlayerLayout>(['card', 'card', 'outline', 'slide']);
  const dateStyle = dice.pick<DateStyle>(['us', 'us', 'uk', 'iso']);
  const lessons = [...LESSONS];
  const outlineLessons: string[] = [];
  for (let i = 0; i < 4; i++) outlineLessons.push(lessons.splice(dice.int(0, lessons.length - 1), 1)[0]!);
  const host = dice.pick(HOSTS);
  const darkFrame = dice.chance(0.25);
  return {
    browser: {
      desktop,
      browser,
      darkChrome: dice.chance(0.2),
      tabTitle: `${plan.courseName} | Course player`,
      host,
      path: `/player/${slugOf(plan.courseName)}/${slugOf(plan.moduleName)}?attempt=${dice.int(10000, 99999)}`,
      faviconColor: accent,
      faviconLetter: host[0]!.toUpperCase(),
      profileLetter: initialsOf(plan.learnerName).slice(0, 1),
      profileColor: dice.pick(ACCENTS),
      takenAt: plan.takenAt,
      unit,
    },
    player: { layout, accent, dateStyle, darkFrame, outlineLessons, unit },
  };
}

/** The course player's screen as the learner's monitor shows it. */
function renderScreen(plan: ScreenshotPlan, width: number, height: number): { canvas: PixelCanvas; desktop: Desktop } {
  const dice = diceFor(plan, 'screen');
  const look = chooseLook(plan, width, height, dice);
  const canvas = new PixelCanvas(width, height, rgb('#ffffff'));
  const area = drawBrowserWindow(canvas, look.browser);
  const wording = resultWording(plan.result, plan.score, plan.passingScore, diceFor(plan, 'wording'));
  drawResultScreen(canvas, area, { ...plan, wording }, look.player);
  return { canvas, desktop: look.browser.desktop };
}

function encodePng(canvas: PixelCanvas): Buffer {
  // Screenshots carry no alpha. Handing pngjs RGB with one fixed filter ("Up", which suits flat
  // UI) is about six times faster than its default of RGBA input and trying all five filters.
  const rgbBytes = Buffer.alloc(canvas.width * canvas.height * 3);
  const rgba = canvas.data;
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgbBytes[j] = rgba[i]!;
    rgbBytes[j + 1] = rgba[i + 1]!;
    rgbBytes[j + 2] = rgba[i + 2]!;
  }
  const png = new PNG({ width: canvas.width, height: canvas.height });
  png.data = rgbBytes;
  return PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false, filterType: 2 });
}

function encodeJpeg(canvas: PixelCanvas, quality: number): Buffer {
  return jpeg.encode({ width: canvas.width, height: canvas.height, data: canvas.data }, quality).data;
}

/**
 * Renders one demo screenshot. Same spec → the same bytes. Refuses a spec that contradicts
 * itself (e.g. a "passing" screen with a score under the passing score) with a PassdeskError
 * that names the field.
 */
export function renderScreenshot(spec: ScreenshotSpecInput): RenderedScreenshot {
  const plan = planScreenshot(spec);
  if (plan.kind !== 'phone_photo') {
    const { canvas, desktop } = renderScreen(plan, plan.width, plan.height);
    const fileName = screenCaptureFileName(desktop, plan.format, plan.takenAt, diceFor(plan, 'file'));
    return plan.format === 'png'
      ? { bytes: encodePng(canvas), contentType: 'image/png', fileName }
      : { bytes: encodeJpeg(canvas, JPEG_QUALITY_SCREEN), contentType: 'image/jpeg', fileName };
  }
  const dice = diceFor(plan, 'photo');
  const screenSize = screenSizeForPhoto(plan.width, plan.height);
  const { canvas: screen } = renderScreen(plan, screenSize.width, screenSize.height);
  const photo = photographScreen(screen, plan.width, plan.height, dice);
  const device = dice.pick(PHONE_DEVICES);
  const exposure: [number, number] = [1, dice.pick([30, 40, 50, 60, 100, 120])];
  const app1 = exifSegment({ camera: device.camera, takenAt: plan.takenAt, width: plan.width, height: plan.height, exposureTime: exposure, iso: dice.pick([64, 80, 100, 125, 160, 200, 320]) });
  return {
    bytes: withExif(encodeJpeg(photo, JPEG_QUALITY_PHOTO), app1),
    contentType: 'image/jpeg',
    fileName: phonePhotoFileName(device.fileStyle, plan.takenAt, dice),
  };
}
