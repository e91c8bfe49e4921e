// The names learners' attachments actually arrive with: what macOS, Windows and phones call a
// screenshot or photo, or whatever the learner renamed it to.
import type { Desktop } from './browser-window';
import type { Dice } from './screen-variety';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function parts(date: Date): { y: number; mo: string; d: string; h: number; mi: string; s: string } {
  return {
    y: date.getUTCFullYear(),
    mo: pad(date.getUTCMonth() + 1),
    d: pad(date.getUTCDate()),
    h: date.getUTCHours(),
    mi: pad(date.getUTCMinutes()),
    s: pad(date.getUTCSeconds()),
  };
}

/** The name of a screen capture: the OS's default name, or one a learner typed. */
export function screenCaptureFileName(desktop: Desktop, format: 'png' | 'jpeg', takenAt: Date, dice: Dice): string {
  const { y, mo, d, h, mi, s } = parts(takenAt);
  const ext = format === 'png' ? 'png' : dice.pick(['jpg', 'jpeg', 'JPG']);
  const typed = [`score.${ext}`, `my score.${ext}`, `image.${ext}`, `passed.${ext}`, `course completion.${ext}`];
  const byDesktop: Record<Desktop, string[]> = {
    mac: [
      `Screenshot ${y}-${mo}-${d} at ${pad(h)}.${mi}.${s}.${ext}`,
      `Screenshot ${y}-${mo}-${d} at ${h % 12 || 12}.${mi}.${s}\u202F${h < 12 ? 'AM' : 'PM'}.${ext}`,
      `Screen Shot ${y}-${mo}-${d} at ${h % 12 || 12}.${mi}.${s} ${h < 12 ? 'AM' : 'PM'}.${ext}`,
    ],
    windows: [`Screenshot ${y}-${mo}-${d} ${pad(h)}${mi}${s}.${ext}`, `Screenshot (${dice.int(1, 240)}).${ext}`, `image${dice.pick(['', '001', '0'])}.${ext}`],
    window_only: [`Screenshot_${y}${mo}${d}_${pad(h)}${mi}${s}.${ext}`, `capture.${ext}`],
  };
  return dice.chance(0.25) ? dice.pick(typed) : dice.pick(byDesktop[desktop]);
}

export type PhoneFileStyle = 'apple' | 'samsung' | 'pixel';

/** The name a phone gives a photo: "IMG_4821.jpg", "20260314_140211.jpg", "PXL_20260314_140211523.jpg". */
export function phonePhotoFileName(style: PhoneFileStyle, takenAt: Date, dice: Dice): string {
  const { y, mo, d, h, mi, s } = parts(takenAt);
  switch (style) {
    case 'apple':
      return `IMG_${pad(dice.int(1000, 9999), 4)}.jpg`;
    case 'samsung':
      return `${y}${mo}${d}_${pad(h)}${mi}${s}.jpg`;
    case 'pixel':
      return `PXL_${y}${mo}${d}_${pad(h)}${mi}${s}${pad(takenAt.getUTCMilliseconds(), 3)}.jpg`;
  }
}
