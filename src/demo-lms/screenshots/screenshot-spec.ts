// What a demo screenshot shows, checked before anything is drawn. The seed asks for tens of
// these; a contradictory spec (a "passing" screen with a failing score) would plant evidence
// that disagrees with itself, so it is refused with a message that says what to change.
import { z } from 'zod';
import { PassdeskError, describeIssues } from '../../shared/ipc-result';

export const ScreenshotKind = z.enum(['passing', 'failing', 'completion', 'phone_photo']);
export type ScreenshotKind = z.infer<typeof ScreenshotKind>;

/** What the course player's screen itself says (a phone photo shows one of these). */
export type ResultKind = Exclude<ScreenshotKind, 'phone_photo'>;

export const DEFAULT_PASSING_SCORE = 80;
export const SCREEN_SIZE = { width: 1280, height: 800 } as const;
export const PHONE_PHOTO_SIZE = { width: 1600, height: 1200 } as const;
const MIN_SIDE = 320;
const MAX_SIDE = 4096;

const Side = z.number().int().min(MIN_SIDE).max(MAX_SIDE);
const Text = z.string().trim().min(1).max(300);

export const ScreenshotSpec = z
  .object({
    kind: ScreenshotKind,
    learnerName: Text,
    courseName: Text,
    moduleName: Text,
    /** Percent 0–100; null on completion-only screens (and on a phone photo of one). */
    score: z.number().min(0).max(100).nullable(),
    /** The module's passing score, shown on the screen; defaults to 80. */
    passingScore: z.number().min(0).max(100).optional(),
    takenAt: z.date(),
    /** Phone photos are always JPEG, as a phone saves them; this applies to screen captures. */
    format: z.enum(['png', 'jpeg']),
    width: Side.optional(),
    height: Side.optional(),
  })
  .superRefine((spec, ctx) => {
    const passingScore = spec.passingScore ?? DEFAULT_PASSING_SCORE;
    if (spec.kind === 'passing' || spec.kind === 'failing') {
      if (spec.score === null) {
        ctx.addIssue({ code: 'custom', path: ['score'], message: `a ${spec.kind} screen shows a score: give a number from 0 to 100, or use kind "completion"` });
      } else if (spec.kind === 'passing' && spec.score < passingScore) {
        ctx.addIssue({ code: 'custom', path: ['score'], message: `${spec.score} is below the passing score ${passingScore}: use kind "failing", or set passingScore` });
      } else if (spec.kind === 'failing' && spec.score >= passingScore) {
        ctx.addIssue({ code: 'custom', path: ['score'], message: `${spec.score} reaches the passing score ${passingScore}: use kind "passing", or set passingScore` });
      }
    }
    if (spec.kind === 'completion' && spec.score !== null) {
      ctx.addIssue({ code: 'custom', path: ['score'], message: 'a completion-only screen shows no score: pass null, or use kind "passing"/"failing"' });
    }
  });
export type ScreenshotSpecInput = z.input<typeof ScreenshotSpec>;

/** A validated spec with every default filled in. */
export interface ScreenshotPlan {
  readonly kind: ScreenshotKind;
  /** What the player's screen says; for a phone photo, derived from the score. */
  readonly result: ResultKind;
  readonly learnerName: string;
  readonly courseName: string;
  readonly moduleName: string;
  readonly score: number | null;
  readonly passingScore: number;
  readonly takenAt: Date;
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
}

export function planScreenshot(input: unknown): ScreenshotPlan {
  const parsed = ScreenshotSpec.safeParse(input);
  if (!parsed.success) throw new PassdeskError(describeIssues(parsed.error, 'The screenshot spec'));
  const spec = parsed.data;
  const passingScore = spec.passingScore ?? DEFAULT_PASSING_SCORE;
  const isPhoto = spec.kind === 'phone_photo';
  const size = isPhoto ? PHONE_PHOTO_SIZE : SCREEN_SIZE;
  const result: ResultKind =
    spec.kind !== 'phone_photo' ? spec.kind : spec.score === null ? 'completion' : spec.score >= passingScore ? 'passing' : 'failing';
  return {
    kind: spec.kind,
    result,
    learnerName: spec.learnerName,
    courseName: spec.courseName,
    moduleName: spec.moduleName,
    score: spec.score,
    passingScore,
    takenAt: spec.takenAt,
    format: isPhoto ? 'jpeg' : spec.format,
    width: spec.width ?? size.width,
    height: spec.height ?? size.height,
  };
}
