// What came back from each attempt, and when, in the words an admin scans: "passed at
// 14:02 UTC (85%), completion never arrived". Pure: the inspector's summary lines and its
// timeline are computed here from the attempts, the enrollment and the tickets.
import type { Attempt, Enrollment, Ticket } from '../../shared/lms/entities';
import type { TimelineEvent } from '../../shared/channels/inspector';
import { mayStillBeOpen, standardLabels, suspendDataOverflowed } from './completion-cause';
import { plainAge, plainTime } from './plain-time';
import { formatPercent, reachesPassingScore, scorePercent } from './score-percent';

/** More errors than this on one attempt are summed up in one line instead of listed. */
export const ERRORS_LISTED_PER_ATTEMPT = 5;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line for one attempt, most telling first. */
export function attemptSummary(attempt: Attempt, passingScore: number, nowMs: number): string {
  if (attempt.lastDataAt === null) return `Launched ${plainTime(attempt.startedAt)}; no data came back.`;
  const at = plainTime(attempt.lastDataAt);
  const { percent } = scorePercent(attempt);
  const parts: string[] = [];
  if (percent !== null) {
    parts.push(reachesPassingScore(percent, passingScore) ? `Passed at ${at} (${formatPercent(percent)})` : `Scored ${formatPercent(percent)} at ${at}, below ${formatPercent(passingScore)}`);
  } else if (attempt.successStatus === 'passed') {
    parts.push(`Reported "passed" at ${at}, without a score`);
  } else {
    parts.push(`Data came back at ${at}, without a score`);
  }
  if (attempt.completionStatus === 'completed') parts.push('completion arrived');
  else if (mayStillBeOpen(attempt, nowMs)) parts.push(`no completion yet (data came back ${plainAge(Date.parse(attempt.lastDataAt), nowMs)} ago; the course may still be open)`);
  else parts.push('completion never arrived');
  if (attempt.errors.length > 0) parts.push(plural(attempt.errors.length, 'runtime error'));
  if (suspendDataOverflowed(attempt)) parts.push('suspend data hit its limit');
  if (attempt.sessionTime === null && attempt.completionStatus !== 'completed' && !mayStillBeOpen(attempt, nowMs)) parts.push('no session time (cut off)');
  return `${parts.join(', ')}.`;
}

function dataLine(attempt: Attempt, passingScore: number): string {
  const { percent } = scorePercent(attempt);
  const score = percent === null ? 'no score' : `score ${formatPercent(percent)} (${reachesPassingScore(percent, passingScore) ? 'passing' : `below ${formatPercent(passingScore)}`})`;
  return `Data came back from attempt ${attempt.id}: ${score}, success ${attempt.successStatus ?? 'not sent'}, completion ${attempt.completionStatus ?? 'not sent'}.`;
}

export interface TimelineFacts {
  attempts: readonly Attempt[];
  passingScore: number;
  enrollment: Enrollment | null;
  /** The learner's tickets about this module. */
  tickets: readonly Ticket[];
  nowMs: number;
}

/** Every moment something happened on this learner + module, oldest first. */
export function dataTimeline(facts: TimelineFacts): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const a of facts.attempts) {
    events.push({ at: a.startedAt, kind: 'started', attemptId: a.id, text: `Attempt ${a.id} started (${standardLabels[a.standard]}, ${a.environment.os} · ${a.environment.browser}).` });
    const errors = [...a.errors].sort((x, y) => x.at.localeCompare(y.at));
    for (const e of errors.slice(0, ERRORS_LISTED_PER_ATTEMPT)) {
      events.push({ at: e.at, kind: 'error', attemptId: a.id, text: `Runtime error ${e.code}: ${e.message}` });
    }
    const lastError = errors[errors.length - 1];
    if (lastError && errors.length > ERRORS_LISTED_PER_ATTEMPT) {
      events.push({ at: lastError.at, kind: 'error', attemptId: a.id, text: `…and ${plural(errors.length - ERRORS_LISTED_PER_ATTEMPT, 'more runtime error')} on attempt ${a.id}.` });
    }
    if (a.lastDataAt === null) {
      events.push({ at: a.startedAt, kind: 'no_data', attemptId: a.id, text: `No data came back from attempt ${a.id}.` });
      continue;
    }
    events.push({ at: a.lastDataAt, kind: 'data', attemptId: a.id, text: dataLine(a, facts.passingScore) });
    if (a.completionStatus !== 'completed' && !mayStillBeOpen(a, facts.nowMs)) {
      events.push({ at: a.lastDataAt, kind: 'completion_missing', attemptId: a.id, text: `Completion never arrived for attempt ${a.id}.` });
    }
  }
  for (const t of facts.tickets) {
    events.push({ at: t.createdAt, kind: 'ticket_opened', attemptId: null, text: `Ticket ${t.id} opened: “${t.subject.slice(0, 120)}”.` });
  }
  const e = facts.enrollment;
  if (e?.status === 'completed' && e.completedAt) {
    const how = e.completionSource === 'manual' ? 'by a manual pass' : e.completionSource === 'tracked' ? 'by the course' : 'by an unrecorded route';
    events.push({ at: e.completedAt, kind: 'completed', attemptId: null, text: `Completed on the transcript, ${how}.` });
  }
  const order: Record<TimelineEvent['kind'], number> = { started: 0, error: 1, no_data: 2, data: 3, completion_missing: 4, ticket_opened: 5, completed: 6 };
  return events.sort((x, y) => Date.parse(x.at) - Date.parse(y.at) || order[x.kind] - order[y.kind] || (x.attemptId ?? '').localeCompare(y.attemptId ?? ''));
}
