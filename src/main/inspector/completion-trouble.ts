// "If the learner is having difficulties with their computer for one course, they may well
// have difficulties with other courses as well" (the help article). This finds those
// difficulties in the learner's other courses — their other tickets, and attempts elsewhere
// with errors, a passing score that never completed, a cut-off session or no data at all —
// and which known issue, if any, explains each one. Trouble a known issue explains is the
// course's, not the computer's.
import type { KnownIssue } from '../../shared/lms/entities';
import type { OtherAttempt, OtherTicket, TroubleSign, TroubleSignKind } from '../../shared/verdict';
import { mayStillBeOpen, sessionCutOff } from './completion-cause';
import { explainingKnownIssue } from './known-issue-match';
import { plainDate } from './plain-time';
import { formatPercent, reachesPassingScore, scorePercent } from './score-percent';

/**
 * Trouble older than this is history, not a persistent problem with today's computer. On the
 * demo data, longer windows flag far more ordinary learners for few more troubled ones
 * (figures in docs/verdict-rules.md).
 */
export const TROUBLE_LOOKBACK_DAYS = 90;
const DAY_MS = 86_400_000;

/** Ticket tags that mean "my completion did not register"; the inbox and the demo data use these. */
export const TROUBLE_TAGS: readonly string[] = ['completion', 'no-data', 'known-issue', 'repeat-trouble'];
/** Tags that mean the ticket was about something else: a failing score, an enrollment, an account question. */
export const NOT_TROUBLE_TAGS: readonly string[] = ['failing-score', 'enrollment', 'account', 'question'];

export interface TroubleContext {
  /** The course the verdict is about: trouble there is this ticket's, not "elsewhere". */
  courseId: string;
  otherTickets: readonly OtherTicket[];
  otherAttempts: readonly OtherAttempt[];
  knownIssues: readonly KnownIssue[];
  nowMs: number;
  /** Defaults to TROUBLE_LOOKBACK_DAYS. */
  lookbackDays?: number;
}

export interface TroubleElsewhere {
  /** Every sign found, explained or not, newest first. */
  signs: TroubleSign[];
  /** Courses with trouble no known issue explains, by name. */
  unexplainedCourses: string[];
  /** The article's "check their computer first" applies. */
  computerSuspected: boolean;
  /** One sentence saying why (or why not). */
  summary: string;
}

function hasTag(tags: readonly string[], wanted: readonly string[]): boolean {
  return tags.some((t) => wanted.includes(t.toLowerCase()));
}

function attemptSpan(a: Pick<OtherAttempt, 'startedAt' | 'lastDataAt'>): { fromMs: number; toMs: number } {
  const fromMs = Date.parse(a.startedAt);
  return { fromMs, toMs: a.lastDataAt === null ? fromMs : Math.max(fromMs, Date.parse(a.lastDataAt)) };
}

/** The one most telling sign an attempt elsewhere shows, if any. */
function attemptSign(a: OtherAttempt, nowMs: number): { kind: TroubleSignKind; text: string } | null {
  const where = `${a.courseName} — ${a.moduleName} (attempt ${a.id}, ${plainDate(a.startedAt)})`;
  if (a.errors.length > 0) {
    const first = a.errors[0];
    return { kind: 'runtime_errors', text: `${where}: the runtime reported ${a.errors.length} error${a.errors.length === 1 ? '' : 's'}${first ? ` (${first.code}: ${first.message})` : ''}.` };
  }
  const { percent } = scorePercent(a);
  const passed = percent !== null ? reachesPassingScore(percent, a.passingScore) : a.successStatus === 'passed';
  if (passed && a.completionStatus !== 'completed' && !mayStillBeOpen(a, nowMs)) {
    return { kind: 'passed_not_completed', text: `${where}: ${percent !== null ? `scored ${formatPercent(percent)}` : 'reported "passed"'} but completion never arrived.` };
  }
  if (sessionCutOff(a, nowMs)) {
    return { kind: 'session_cut_off', text: `${where}: the session was cut off before it finished saving.` };
  }
  if (a.lastDataAt === null && nowMs - Date.parse(a.startedAt) >= DAY_MS) {
    return { kind: 'no_data_came_back', text: `${where}: launched, but no data ever came back.` };
  }
  return null;
}

/** A clean, tracked completion on that module: whatever the ticket was about, it got solved there. */
function cleanlyCompleted(attempts: readonly OtherAttempt[]): boolean {
  return attempts.some((a) => a.completionStatus === 'completed' && a.successStatus !== 'failed' && a.errors.length === 0 && a.enrollmentStatus === 'completed');
}

export function findTroubleElsewhere(ctx: TroubleContext): TroubleElsewhere {
  const lookbackDays = ctx.lookbackDays ?? TROUBLE_LOOKBACK_DAYS;
  const sinceMs = ctx.nowMs - lookbackDays * DAY_MS;
  const signs: TroubleSign[] = [];

  const elsewhere = ctx.otherAttempts.filter((a) => a.courseId !== ctx.courseId);
  for (const a of elsewhere) {
    const span = attemptSpan(a);
    if (span.toMs < sinceMs) continue;
    const sign = attemptSign(a, ctx.nowMs);
    if (!sign) continue;
    const issue = explainingKnownIssue(ctx.knownIssues, { categoryId: a.categoryId, courseId: a.courseId, os: a.environment.os, browser: a.environment.browser, ...span }, ctx.nowMs);
    signs.push({
      kind: sign.kind,
      courseId: a.courseId,
      courseName: a.courseName,
      moduleId: a.moduleId,
      attemptId: a.id,
      ticketId: null,
      at: a.lastDataAt ?? a.startedAt,
      explainedBy: issue?.id ?? null,
      description: issue ? `${sign.text} Explained by known issue ${issue.id}.` : sign.text,
    });
  }

  for (const t of ctx.otherTickets) {
    // An unlinked ticket cannot show trouble *elsewhere*: it may be this very problem, written twice.
    if (t.courseId === null || t.courseId === ctx.courseId) continue;
    if (Date.parse(t.createdAt) < sinceMs) continue;
    if (!hasTag(t.tags, TROUBLE_TAGS) || hasTag(t.tags, NOT_TROUBLE_TAGS)) continue;
    const there = elsewhere.filter((a) => (t.moduleId !== null ? a.moduleId === t.moduleId : a.courseId === t.courseId));
    if (cleanlyCompleted(there)) continue;
    const categoryId = t.categoryId ?? there[0]?.categoryId ?? null;
    let issue: KnownIssue | null = null;
    if (categoryId !== null) {
      const ticketMs = Date.parse(t.createdAt);
      const candidates = [
        ...(t.reportedEnvironment ? [{ os: t.reportedEnvironment.os, browser: t.reportedEnvironment.browser, fromMs: there.length ? Math.min(...there.map((a) => attemptSpan(a).fromMs)) : ticketMs, toMs: ticketMs }] : []),
        ...there.map((a) => ({ os: a.environment.os, browser: a.environment.browser, ...attemptSpan(a) })),
      ];
      for (const c of candidates) {
        issue = explainingKnownIssue(ctx.knownIssues, { categoryId, courseId: t.courseId, ...c }, ctx.nowMs);
        if (issue) break;
      }
    }
    const course = t.courseName ?? 'another course';
    const text = `Ticket ${t.id} (${plainDate(t.createdAt)}, ${t.status}) reports completion trouble in ${course}${t.subject.trim() ? `: “${t.subject.trim().slice(0, 120)}”` : ''}.`;
    signs.push({
      kind: 'other_ticket',
      courseId: t.courseId,
      courseName: course,
      moduleId: t.moduleId,
      attemptId: null,
      ticketId: t.id,
      at: t.createdAt,
      explainedBy: issue?.id ?? null,
      description: issue ? `${text} Explained by known issue ${issue.id}.` : text,
    });
  }

  signs.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.attemptId ?? a.ticketId ?? '').localeCompare(b.attemptId ?? b.ticketId ?? ''));

  const unexplained = signs.filter((s) => s.explainedBy === null);
  const ticketCourses = new Set(unexplained.filter((s) => s.kind === 'other_ticket').map((s) => s.courseId));
  const attemptCourses = new Set(unexplained.filter((s) => s.kind !== 'other_ticket').map((s) => s.courseId));
  // A ticket is the learner saying it out loud; attempt signs alone can be one unlucky course,
  // so those need two different courses before they point at the computer.
  const computerSuspected = ticketCourses.size >= 1 || attemptCourses.size >= 2;
  const names = [...new Map(unexplained.map((s) => [s.courseId, s.courseName])).values()];

  let summary: string;
  if (signs.length === 0) summary = `No completion trouble in the learner's other courses in the last ${lookbackDays} days.`;
  else if (unexplained.length === 0) summary = 'The learner had completion trouble in other courses, but known issues explain all of it.';
  else if (computerSuspected) summary = `The learner has completion trouble in other courses too (${names.join(', ')}) that no known issue explains.`;
  else summary = `One other course shows trouble in the data (${names.join(', ')}), without a ticket; one course alone does not point at the computer.`;

  return { signs, unexplainedCourses: names, computerSuspected, summary };
}
