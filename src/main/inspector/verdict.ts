// The verdict on one learner + module: the help article's procedure as a pure function.
// No I/O and no clock — `now` comes in with the input — so the inspector, the pass panel
// and main's re-check at pass time all reach the same verdict from the same facts. The
// rules and their precedence are written out in docs/verdict-rules.md; keep the two in step.
import type { Attempt, Evidence, KnownIssue } from '../../shared/lms/entities';
import { PassdeskError, describeIssues } from '../../shared/ipc-result';
import {
  VerdictInput,
  checklistStepLabels,
  completionCauseLabels,
  verdictKindLabels,
  type CompletionCause,
  type ParsedVerdictInput,
  type Verdict,
  type VerdictKind,
} from '../../shared/verdict';
import { missingSteps } from './checklist-steps';
import { likelyCompletionCause, mayStillBeOpen } from './completion-cause';
import { findTroubleElsewhere, type TroubleElsewhere } from './completion-trouble';
import { explainingKnownIssue } from './known-issue-match';
import { plainAge, plainDate, plainTime } from './plain-time';
import { bestScoredAttempt, formatPercent, reachesPassingScore, scorePercent, type ScoredAttempt } from './score-percent';
import { weighScreenshots, type ScreenshotEvidence, type ScreenshotReading } from './screenshot-evidence';

/** Validates raw input (from the cache, a contract payload, a test) into what computeVerdict takes. */
export function parseVerdictInput(raw: unknown): ParsedVerdictInput {
  const parsed = VerdictInput.safeParse(raw);
  if (!parsed.success) throw new PassdeskError(describeIssues(parsed.error, 'The verdict input'));
  return parsed.data;
}

/** What the score data on this module says, before anything else is weighed. */
type DataState =
  | { kind: 'passing'; best: ScoredAttempt<Attempt> }
  | { kind: 'failing'; best: ScoredAttempt<Attempt> }
  /** Every score failed, but a later attempt came back without one: the data cannot tell how the retake went. */
  | { kind: 'unscored_after_failing'; best: ScoredAttempt<Attempt>; later: Attempt }
  | { kind: 'no_score'; withData: Attempt[] }
  | { kind: 'no_data' };

function newestFirst<A extends { startedAt: string; id: string }>(list: readonly A[]): A[] {
  return [...list].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || b.id.localeCompare(a.id));
}

function readData(attempts: readonly Attempt[], passingScore: number): DataState {
  const best = bestScoredAttempt(attempts);
  if (best && reachesPassingScore(best.percent, passingScore)) return { kind: 'passing', best };
  if (best) {
    const newestScored = newestFirst(attempts.filter((a) => scorePercent(a).percent !== null))[0];
    const later = newestFirst(attempts).find((a) => newestScored && Date.parse(a.startedAt) > Date.parse(newestScored.startedAt) && scorePercent(a).percent === null);
    return later ? { kind: 'unscored_after_failing', best, later } : { kind: 'failing', best };
  }
  const withData = attempts.filter((a) => a.lastDataAt !== null);
  return withData.length > 0 ? { kind: 'no_score', withData } : { kind: 'no_data' };
}

/** The known issue that explains trouble on this module: the attempts' environments first, then what the ticket says. */
function knownIssueHere(input: ParsedVerdictInput, nowMs: number): KnownIssue | null {
  const place = { categoryId: input.category.id, courseId: input.course.id };
  const spans = newestFirst(input.attempts).map((a) => {
    const fromMs = Date.parse(a.startedAt);
    return { attempt: a, fromMs, toMs: a.lastDataAt === null ? fromMs : Math.max(fromMs, Date.parse(a.lastDataAt)) };
  });
  for (const s of spans) {
    const issue = explainingKnownIssue(input.knownIssues, { ...place, os: s.attempt.environment.os, browser: s.attempt.environment.browser, fromMs: s.fromMs, toMs: s.toMs }, nowMs);
    if (issue) return issue;
  }
  const reported = input.ticket?.reportedEnvironment;
  if (input.ticket && reported) {
    const ticketMs = Date.parse(input.ticket.createdAt);
    // The learner's own words describe the machine they used for these attempts; with no attempt on file, the ticket's date stands in.
    const when = spans.length > 0 ? spans.map((s) => ({ fromMs: s.fromMs, toMs: s.toMs })) : [{ fromMs: ticketMs, toMs: ticketMs }];
    for (const w of when) {
      const issue = explainingKnownIssue(input.knownIssues, { ...place, os: reported.os, browser: reported.browser, ...w }, nowMs);
      if (issue) return issue;
    }
  }
  return null;
}

function describeIssue(issue: KnownIssue): string {
  const on = [issue.os, issue.browser].filter((x): x is string => x !== null).join(' / ') || 'any OS or browser';
  const until = issue.until ? ` until ${plainDate(issue.until)}` : '';
  return `known issue ${issue.id} (${on}, since ${plainDate(issue.since)}${until})`;
}

function attemptLine(scored: ScoredAttempt<Attempt>, passingScore: number): string {
  const a = scored.attempt;
  const when = a.lastDataAt ? `data last came back ${plainTime(a.lastDataAt)}` : `started ${plainTime(a.startedAt)}`;
  return `Attempt ${a.id} (${when}) scored ${formatPercent(scored.percent)}; the passing score is ${formatPercent(passingScore)}.`;
}

interface Draft {
  kind: VerdictKind;
  reasons: string[];
  warnings: string[];
  likelyCause: CompletionCause | null;
  screenshot: ScreenshotReading | null;
  knownIssue: KnownIssue | null;
  passEvidence: Evidence | null;
  /** The next step when no checklist step is missing. */
  then: string;
}

function screenshotWarnings(reading: ScreenshotReading | null): string[] {
  if (!reading?.review) return [];
  const warnings: string[] = [];
  if (reading.screenshot.reuseFlagged) {
    warnings.push(`The reuse check flagged screenshot ${reading.screenshot.attachmentId} as the same picture another learner sent. The flag is advisory — ask for the learner's own screenshot before relying on it.`);
  }
  const missing = [reading.review.courseShown === null ? 'course' : null, reading.review.moduleShown === null ? 'module' : null].filter((x) => x !== null);
  if (missing.length > 0) warnings.push(`The reviewed screenshot does not show the ${missing.join(' or ')} name, so it cannot prove it is this module.`);
  return warnings;
}

function unscoredReasons(data: DataState, passingScore: number): string[] {
  switch (data.kind) {
    case 'no_data':
      return ['No data came back from this module: the system has no score or status for any attempt.'];
    case 'no_score':
      return [`Data came back (${data.withData.length} attempt${data.withData.length === 1 ? '' : 's'}), but none with a score.`];
    case 'unscored_after_failing':
      return [
        `${attemptLine(data.best, passingScore)} A later attempt, ${data.later.id} (started ${plainTime(data.later.startedAt)}), came back without a score, so the data cannot say how the retake went.`,
      ];
    default:
      return [];
  }
}

function decide(input: ParsedVerdictInput, nowMs: number, data: DataState, shots: ScreenshotEvidence, issue: KnownIssue | null, trouble: TroubleElsewhere): Draft {
  const { course, module, category, enrollment, learner } = input;
  const passLine = formatPercent(module.passingScore);
  const panelPath = `Admin > Training > Manual Pass → ${category.name} → ${module.name} → ${learner.name} → Mark Complete, then double-check the transcript.`;
  const draft = (d: Omit<Draft, 'warnings' | 'likelyCause' | 'screenshot' | 'knownIssue' | 'passEvidence'> & Partial<Draft>): Draft => ({
    warnings: [],
    likelyCause: null,
    screenshot: null,
    knownIssue: null,
    passEvidence: null,
    ...d,
  });

  // 1. Not enrolled: the LMS's Manual Pass lists enrolled users only.
  if (!enrollment) {
    return draft({
      kind: 'not_eligible_not_enrolled',
      reasons: [`${learner.name} is not enrolled in ${module.name} of ${course.name}, so there is nothing to pass; the Manual Pass list shows enrolled users only.`],
      then: `Tell the learner they are not enrolled in ${course.name}; enrollment comes from their workplace's training admin.`,
    });
  }

  // 2. Already complete: a second pass is impossible, and a completed module can no longer be checked for trouble.
  if (enrollment.status === 'completed') {
    const how = enrollment.completionSource === 'manual' ? 'by a manual pass' : enrollment.completionSource === 'tracked' ? 'by the course itself' : 'by an unrecorded route';
    const when = enrollment.completedAt ? ` on ${plainTime(enrollment.completedAt)}` : '';
    return draft({
      kind: 'not_eligible_already_complete',
      reasons: [`${module.name} is already complete on ${learner.name}'s transcript${when}, ${how}. Nothing to pass.`],
      then: `Tell the learner ${module.name} shows as completed on their transcript${enrollment.completedAt ? ` since ${plainDate(enrollment.completedAt)}` : ''}.`,
    });
  }

  // 3. A failing score the data (or, with no data, a reviewed screenshot) shows: the learner retakes, whatever their computer does.
  if (data.kind === 'failing') {
    const warnings = shots.passing
      ? [`A reviewed screenshot (${shots.passing.screenshot.attachmentId}) shows a pass, but the data the course sent says ${formatPercent(data.best.percent)}. The data is what the course recorded; ask the learner which attempt the screenshot is from.`]
      : [];
    const a = data.best.attempt;
    if (a.successStatus === 'passed') warnings.push(`The course itself reported "passed" for attempt ${a.id}; its own pass mark may differ from this module's ${passLine}.`);
    const count = input.attempts.filter((x) => scorePercent(x).percent !== null).length;
    return draft({
      kind: 'not_eligible_failing_score',
      reasons: [
        `${attemptLine(data.best, module.passingScore)}${count > 1 ? ` That is the best of ${count} scored attempts.` : ''}`,
        'A failing score is not a completion problem: the learner needs to retake the module.',
      ],
      warnings,
      then: `Tell the learner their best score (${formatPercent(data.best.percent)}) is below the ${passLine} needed, and that they can retake ${module.name}.`,
    });
  }
  if (data.kind !== 'passing' && !shots.passing && shots.failing?.review) {
    return draft({
      kind: 'not_eligible_failing_score',
      reasons: [...unscoredReasons(data, module.passingScore), shots.failing.why, 'A failing score is not a completion problem: the learner needs to retake the module.'],
      warnings: screenshotWarnings(shots.failing),
      screenshot: shots.failing,
      then: `Tell the learner the score on their screenshot is below the ${passLine} needed, and that they can retake ${module.name}.`,
    });
  }

  // 4. A known issue explains trouble here: the article's exception to "check their computer first".
  if (issue) {
    const issueLine = `This matches ${describeIssue(issue)}: ${issue.description}`;
    const elsewhere = trouble.computerSuspected
      ? [`The learner also has unexplained completion trouble in other courses (${trouble.unexplainedCourses.join(', ')}). The known issue explains this module, so it does not block the pass, but their computer is worth a look.`]
      : [];
    if (data.kind === 'passing') {
      const a = data.best.attempt;
      return draft({
        kind: 'eligible_score_data',
        reasons: [attemptLine(data.best, module.passingScore), `Its completion did not register. Likely cause: ${completionCauseLabels.known_issue}.`, issueLine],
        warnings: [...elsewhere, ...freshDataWarning(a, nowMs)],
        likelyCause: 'known_issue',
        knownIssue: issue,
        passEvidence: { kind: 'score_data', attemptId: a.id, knownIssueId: issue.id },
        then: panelPath,
      });
    }
    if (shots.passing?.review) {
      return draft({
        kind: 'eligible_known_issue',
        reasons: [issueLine, ...unscoredReasons(data, module.passingScore), shots.passing.why],
        warnings: [...elsewhere, ...screenshotWarnings(shots.passing)],
        screenshot: shots.passing,
        knownIssue: issue,
        passEvidence: { kind: 'known_issue', knownIssueId: issue.id, attachmentId: shots.passing.screenshot.attachmentId },
        then: panelPath,
      });
    }
    return draft({
      kind: 'needs_screenshot',
      reasons: [issueLine, ...unscoredReasons(data, module.passingScore), ...screenshotGaps(shots), 'A known issue is passed on a reviewed screenshot of the passing score.'],
      warnings: elsewhere,
      knownIssue: issue,
      then: screenshotNextStep(shots, module.name),
    });
  }

  // 5. Trouble in other courses that no known issue explains: troubleshoot before any pass.
  if (trouble.computerSuspected) {
    const here =
      data.kind === 'passing'
        ? `${attemptLine(data.best, module.passingScore)} Once the computer is sorted, this data would support a pass.`
        : `${unscoredReasons(data, module.passingScore).join(' ')} A screenshot will be needed once the computer is sorted.`;
    return draft({
      kind: 'check_computer_first',
      reasons: [
        trouble.summary,
        ...trouble.signs.filter((s) => s.explainedBy === null).slice(0, 5).map((s) => s.description),
        'The help article: trouble on one course often means trouble on others, and once a module is complete it can no longer be checked — troubleshoot the computer before a manual pass.',
        here,
      ],
      then: 'Troubleshoot the learner’s computer first: go through the Technical Issues FAQ with them (pop-up blocker, browser, closing the course window before it saves), then have them retry.',
    });
  }

  // 6. Passing score in the data, completion never registered.
  if (data.kind === 'passing') {
    const a = data.best.attempt;
    const cause = likelyCompletionCause(a, nowMs);
    const older = newestFirst(input.attempts)[0]?.id !== a.id ? [`It is not the latest attempt; an older passing attempt counts.`] : [];
    const warnings = [...freshDataWarning(a, nowMs), ...unexplainedNote(trouble)];
    if (a.successStatus === 'failed') warnings.push(`The course itself reported "failed" for attempt ${a.id}; this module's passing score of ${passLine} is what counts.`);
    return draft({
      kind: 'eligible_score_data',
      reasons: [attemptLine(data.best, module.passingScore), ...older, `Its completion did not register. Likely cause: ${completionCauseLabels[cause.cause]}. ${cause.detail}`],
      warnings,
      likelyCause: cause.cause,
      passEvidence: { kind: 'score_data', attemptId: a.id },
      then: panelPath,
    });
  }

  // 7. No usable score data, and a reviewed screenshot shows the pass.
  if (shots.passing?.review) {
    const warnings = [...screenshotWarnings(shots.passing), ...unexplainedNote(trouble)];
    if (course.blueBucks > 0) {
      warnings.unshift(`${course.name} pays ${course.blueBucks} $BlueBucks on completion, and this pass rests on a screenshot alone. Make sure it is the learner's own (their name shows) and of ${module.name}.`);
    }
    return draft({
      kind: 'eligible_screenshot',
      reasons: [...unscoredReasons(data, module.passingScore), shots.passing.why, `Reviewed by ${shots.passing.review.reviewedBy} on ${plainTime(shots.passing.review.reviewedAt)}.`],
      warnings,
      screenshot: shots.passing,
      passEvidence: { kind: 'screenshot', attachmentId: shots.passing.screenshot.attachmentId },
      then: panelPath,
    });
  }

  // 8. No usable score data and no reviewed passing screenshot yet.
  return draft({
    kind: 'needs_screenshot',
    reasons: [...unscoredReasons(data, module.passingScore), ...screenshotGaps(shots), 'The help article: if there is no data, ask the learner for a screenshot of their passing score or completion.'],
    warnings: unexplainedNote(trouble),
    then: screenshotNextStep(shots, module.name),
  });
}

function freshDataWarning(a: Attempt, nowMs: number): string[] {
  return mayStillBeOpen(a, nowMs) && a.lastDataAt
    ? [`Data last came back ${plainAge(Date.parse(a.lastDataAt), nowMs)} ago: the course may still be open and send its completion. Give it a little while before passing.`]
    : [];
}

function unexplainedNote(trouble: TroubleElsewhere): string[] {
  return trouble.unexplainedCourses.length > 0 && !trouble.computerSuspected ? [trouble.summary] : [];
}

function screenshotGaps(shots: ScreenshotEvidence): string[] {
  const lines = [...shots.unreviewed, ...shots.inconclusive].map((r) => r.why);
  return lines.length > 0 ? lines : ['No reviewed screenshot shows a passing score yet.'];
}

function screenshotNextStep(shots: ScreenshotEvidence, moduleName: string): string {
  if (shots.unreviewed.length > 0) return `Review the screenshot${shots.unreviewed.length > 1 ? 's' : ''} on file: record whether it shows a pass, the score, and the course and module shown.`;
  if (shots.inconclusive.length > 0) return `Ask the learner for another screenshot: it must show their passing score (or completion) on ${moduleName}.`;
  return `Ask the learner for a screenshot of their passing score or completion on ${moduleName}.`;
}

const eligibleKinds: ReadonlySet<VerdictKind> = new Set(['eligible_score_data', 'eligible_known_issue', 'eligible_screenshot']);

export function isEligibleKind(kind: VerdictKind): boolean {
  return eligibleKinds.has(kind);
}

/** The verdict for this learner on this module, from validated input. */
export function computeVerdict(input: ParsedVerdictInput): Verdict {
  const nowMs = Date.parse(input.now);
  const data = readData(input.attempts, input.module.passingScore);
  const shots = weighScreenshots(input.screenshots, { courseName: input.course.name, moduleName: input.module.name, passingScore: input.module.passingScore });
  const issue = knownIssueHere(input, nowMs);
  const trouble = findTroubleElsewhere({ courseId: input.course.id, otherTickets: input.otherTickets, otherAttempts: input.otherAttempts, knownIssues: input.knownIssues, nowMs });

  const d = decide(input, nowMs, data, shots, issue, trouble);
  const missing = missingSteps(d.kind, input.ticket, input.screenshots);
  const eligible = isEligibleKind(d.kind);
  const passAllowed = eligible && missing.length === 0;
  const reasons = [...d.reasons];
  if (eligible && missing.length > 0) {
    reasons.push(`Not yet: the help article's steps before a manual pass are not all done — ${missing.map((s) => checklistStepLabels[s].toLowerCase()).join('; ')}.`);
  }
  const first = missing[0];
  const best = data.kind === 'no_score' || data.kind === 'no_data' ? null : data.best;

  return {
    kind: d.kind,
    headline: verdictKindLabels[d.kind],
    reasons,
    warnings: d.warnings,
    missingSteps: missing,
    nextStep: first !== undefined && (eligible || d.kind === 'check_computer_first' || d.kind === 'needs_screenshot') ? `${checklistStepLabels[first]}.` : d.then,
    passAllowed,
    blueBucks: input.course.blueBucks,
    likelyCause: d.likelyCause,
    evidence: {
      attemptIds: newestFirst(input.attempts).map((a) => a.id),
      bestScore: best ? { attemptId: best.attempt.id, percent: best.percent, passingScore: input.module.passingScore } : null,
      screenshotReview: d.screenshot?.review ?? null,
      knownIssueId: d.knownIssue?.id ?? null,
      troubleElsewhere: trouble.signs,
    },
    passEvidence: eligible ? d.passEvidence : null,
  };
}

/** Validates and computes in one call, for callers holding unchecked data. */
export function verdictFor(raw: unknown): Verdict {
  return computeVerdict(parseVerdictInput(raw));
}
