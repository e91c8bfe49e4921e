// Which of the LMS's known issues explains trouble on a course: same category (and same
// course, when the issue names one), the OS and browser it names, at a time inside its
// since/until window.
import type { KnownIssue } from '../../shared/lms/entities';
import { platformCovers } from './platform-match';

export interface Surroundings {
  categoryId: string;
  courseId: string;
  os: string | null;
  browser: string | null;
  /** When the trouble happened: [start, end] in ms since the epoch (a point when start = end). */
  fromMs: number;
  toMs: number;
}

export function knownIssueCovers(issue: KnownIssue, at: Surroundings, nowMs: number): boolean {
  if (issue.categoryId !== at.categoryId) return false;
  if (issue.courseId !== null && issue.courseId !== at.courseId) return false;
  if (issue.os !== null && !platformCovers(issue.os, at.os)) return false;
  if (issue.browser !== null && !platformCovers(issue.browser, at.browser)) return false;
  const since = Date.parse(issue.since);
  const until = issue.until === null ? nowMs : Date.parse(issue.until);
  // The trouble's time span must overlap the issue's window.
  return at.toMs >= since && at.fromMs <= until;
}

/**
 * The known issue that best explains the trouble: one naming this very course before one
 * for the whole category, then the most specific (naming both OS and browser), then the
 * most recent. Null when none does.
 */
export function explainingKnownIssue(issues: readonly KnownIssue[], at: Surroundings, nowMs: number): KnownIssue | null {
  const matching = issues.filter((issue) => knownIssueCovers(issue, at, nowMs));
  const specificity = (i: KnownIssue) => (i.courseId !== null ? 4 : 0) + (i.os !== null ? 1 : 0) + (i.browser !== null ? 1 : 0);
  matching.sort((a, b) => specificity(b) - specificity(a) || Date.parse(b.since) - Date.parse(a.since) || a.id.localeCompare(b.id));
  return matching[0] ?? null;
}
