// The words a course player's result screen uses, and how it writes dates. Kept apart from the
// drawing so the OCR work in issue #7 can see exactly which phrases the demo screenshots carry.
import type { Dice } from './screen-variety';
import type { ResultKind } from './screenshot-spec';

export interface ResultWording {
  /** Small heading above the result: "Quiz Results", "Assessment complete" … */
  readonly heading: string;
  /** The big line: "Your score: 90%", "Score: 62%", or "Completed" on completion-only screens. */
  readonly resultLine: string;
  /** "Congratulations, you passed!", "Failed — you need 80% to pass", "You have completed this module." */
  readonly statusLine: string;
  /** A one-word status for a chip or badge label: "Passed", "Failed", "Completed". */
  readonly statusWord: string;
  /** "Passing score: 80%", or null where the screen does not say it. */
  readonly passingLine: string | null;
  readonly primaryButton: string;
  readonly secondaryButton: string | null;
}

/** 90 → "90", 87.5 → "87.5": players print whole scores without decimals. */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function resultWording(result: ResultKind, score: number | null, passingScore: number, dice: Dice): ResultWording {
  const pass = formatPercent(passingScore);
  const exit = dice.pick(['Exit course', 'Close', 'Exit course', 'Return to course list']);
  if (result === 'completion') {
    return {
      heading: dice.pick(['Module complete', 'Lesson complete', 'Course progress']),
      resultLine: 'Completed',
      statusLine: dice.pick(['You have completed this module.', 'Status: Completed', 'You have completed this module.']),
      statusWord: 'Completed',
      passingLine: null,
      primaryButton: exit,
      secondaryButton: dice.pick([null, 'Review module', 'Next module']),
    };
  }
  const scoreText = `${formatPercent(score ?? 0)}%`;
  if (result === 'passing') {
    return {
      heading: dice.pick(['Quiz Results', 'Assessment Results', 'Final Assessment', 'Knowledge Check Results']),
      resultLine: dice.pick([`Your score: ${scoreText}`, `Your score: ${scoreText}`, `Score: ${scoreText}`]),
      statusLine: dice.pick(['Congratulations, you passed!', 'Congratulations, you passed!', 'Passed']),
      statusWord: 'Passed',
      passingLine: dice.chance(0.6) ? `Passing score: ${pass}%` : null,
      primaryButton: exit,
      secondaryButton: dice.pick([null, 'Review answers', 'Print certificate']),
    };
  }
  return {
    heading: dice.pick(['Quiz Results', 'Assessment Results', 'Final Assessment', 'Knowledge Check Results']),
    resultLine: dice.pick([`Your score: ${scoreText}`, `Score: ${scoreText}`]),
    statusLine: `Failed \u2014 you need ${pass}% to pass`,
    statusWord: 'Failed',
    passingLine: dice.chance(0.4) ? `Passing score: ${pass}%` : null,
    primaryButton: dice.pick(['Retake quiz', 'Try again', 'Retry assessment']),
    secondaryButton: exit,
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function clock12(date: Date): string {
  const hours = date.getUTCHours() % 12 || 12;
  return `${hours}:${pad(date.getUTCMinutes())} ${date.getUTCHours() < 12 ? 'AM' : 'PM'}`;
}

export type DateStyle = 'us' | 'uk' | 'iso';

/**
 * How the player prints when the learner finished. Times are the instant's UTC wall clock: the
 * demo LMS has no learner time zones, and EXIF in phone photos says so with an explicit +00:00.
 */
export function formatFinishedAt(date: Date, style: DateStyle): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (style) {
    case 'us':
      return `${MONTHS[m]} ${d}, ${y} ${clock12(date)}`;
    case 'uk':
      return `${pad(d)}/${pad(m + 1)}/${y} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
    case 'iso':
      return `${y}-${pad(m + 1)}-${pad(d)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  }
}

/** The clock in a Windows taskbar: "2:02 PM" over "3/14/2026". */
export function taskbarClock(date: Date): { time: string; date: string } {
  return { time: clock12(date), date: `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}` };
}

/** The clock in a macOS menu bar: "Sat Mar 14  2:02 PM". */
export function menuBarClock(date: Date): string {
  return `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]!.slice(0, 3)} ${date.getUTCDate()}  ${clock12(date)}`;
}

/** Initials for the avatar circle: "Dana Whitfield" → "DW". */
export function initialsOf(name: string): string {
  const parts = name.split(/\s+/).filter((part) => part.length > 0);
  const first = [...(parts[0] ?? '?')][0] ?? '?';
  const last = parts.length > 1 ? ([...(parts[parts.length - 1] ?? '')][0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/** "Fire-Rated Door Hardware" → "fire-rated-door-hardware", for the address bar. */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return slug === '' ? 'course' : slug;
}
