// What the learner's screenshots prove for this module. Only a review counts — the bytes
// reviewed must be the bytes on file, and the course and module it shows must be this
// one. A screenshot that shows no pass and no score proves nothing either way.
import type { LearnerScreenshot, ScreenshotReview } from '../../shared/verdict';
import { formatPercent } from './score-percent';

export type ScreenshotStanding = 'unreviewed' | 'passing' | 'failing' | 'inconclusive';

export interface ScreenshotReading {
  screenshot: LearnerScreenshot;
  standing: ScreenshotStanding;
  review: ScreenshotReview | null;
  /** One sentence: what the review says, or why it does not count. */
  why: string;
}

export interface ScreenshotEvidence {
  /** The most recently reviewed screenshot showing a pass on this module. */
  passing: ScreenshotReading | null;
  /** The most recently reviewed screenshot showing a failing score on this module. */
  failing: ScreenshotReading | null;
  unreviewed: ScreenshotReading[];
  inconclusive: ScreenshotReading[];
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}

function runOf(part: readonly string[], whole: readonly string[]): boolean {
  if (part.length === 0) return false;
  for (let start = 0; start + part.length <= whole.length; start += 1) if (part.every((p, i) => whole[start + i] === p)) return true;
  return false;
}

/**
 * A name read off a screenshot agrees with the real one when either is a run of the other's
 * words: "Module 2" and "Installation and Code Compliance" both agree with
 * "Module 2: Installation and Code Compliance"; "Module 1" does not agree with "Module 10: …".
 */
export function namesAgree(shown: string, actual: string): boolean {
  const a = words(shown);
  const b = words(actual);
  return runOf(a, b) || runOf(b, a);
}

export function readScreenshot(s: LearnerScreenshot, target: { courseName: string; moduleName: string; passingScore: number }): ScreenshotReading {
  const review = s.review;
  if (!review) return { screenshot: s, standing: 'unreviewed', review: null, why: `Screenshot ${s.attachmentId} has not been reviewed yet.` };
  if (review.sha256 !== s.sha256) {
    return { screenshot: s, standing: 'unreviewed', review: null, why: `Screenshot ${s.attachmentId} changed since it was reviewed (the reviewed file had another sha256); it must be reviewed again.` };
  }
  if (review.courseShown !== null && !namesAgree(review.courseShown, target.courseName)) {
    return { screenshot: s, standing: 'inconclusive', review, why: `Screenshot ${s.attachmentId} shows another course (“${review.courseShown}”), not ${target.courseName}.` };
  }
  if (review.moduleShown !== null && !namesAgree(review.moduleShown, target.moduleName)) {
    return { screenshot: s, standing: 'inconclusive', review, why: `Screenshot ${s.attachmentId} shows another module (“${review.moduleShown}”), not ${target.moduleName}.` };
  }
  const passLine = formatPercent(target.passingScore);
  if (review.scoreRead !== null && review.scoreRead < target.passingScore) {
    return { screenshot: s, standing: 'failing', review, why: `The reviewed screenshot ${s.attachmentId} shows ${formatPercent(review.scoreRead)}, below the passing score of ${passLine}.` };
  }
  if (review.showsPassingScore) {
    const what = review.scoreRead !== null ? `a passing score of ${formatPercent(review.scoreRead)} (passing is ${passLine})` : 'the course’s completion screen';
    return { screenshot: s, standing: 'passing', review, why: `The reviewed screenshot ${s.attachmentId} shows ${what}.` };
  }
  return { screenshot: s, standing: 'inconclusive', review, why: `The reviewed screenshot ${s.attachmentId} does not show a passing score or a completion.` };
}

export function weighScreenshots(screenshots: readonly LearnerScreenshot[], target: { courseName: string; moduleName: string; passingScore: number }): ScreenshotEvidence {
  // Oldest first, so reasons read in the order the screenshots arrived, whatever order they were passed in.
  const ordered = [...screenshots].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.attachmentId.localeCompare(b.attachmentId));
  const readings = ordered.map((s) => readScreenshot(s, target));
  const newer = (a: ScreenshotReading, b: ScreenshotReading) => {
    const diff = Date.parse(a.review?.reviewedAt ?? '') - Date.parse(b.review?.reviewedAt ?? '');
    return diff !== 0 ? diff > 0 : a.screenshot.attachmentId > b.screenshot.attachmentId;
  };
  const newestReview = (list: ScreenshotReading[]) => list.reduce<ScreenshotReading | null>((best, r) => (!best || newer(r, best) ? r : best), null);
  return {
    passing: newestReview(readings.filter((r) => r.standing === 'passing')),
    failing: newestReview(readings.filter((r) => r.standing === 'failing')),
    unreviewed: readings.filter((r) => r.standing === 'unreviewed'),
    inconclusive: readings.filter((r) => r.standing === 'inconclusive'),
  };
}
