// The inspector's view of one learner + module: every attempt with what main read from it
// (score in percent against the passing score, suspend data against its limit, one summary
// line), the timeline of what came back when, and the verdict. Pure: it works on the
// assembled verdict input, so what the inspector shows is exactly what the verdict judged.
import type { Attempt, Ticket } from '../../shared/lms/entities';
import type { DataState, InspectedAttempt, InspectedTicket, Inspection } from '../../shared/channels/inspector';
import type { Verdict } from '../../shared/verdict';
import { attemptSummary, dataTimeline } from './attempt-story';
import { suspendDataLimits, suspendDataOverflowed } from './completion-cause';
import { reachesPassingScore, scorePercent } from './score-percent';
import type { AssembledVerdictInput } from './verdict-input';

function inspectAttempt(attempt: Attempt, passingScore: number, bestId: string | null, nowMs: number): InspectedAttempt {
  const { cmi, learnerId: _learner, moduleId: _module, ...facts } = attempt;
  const score = scorePercent(attempt);
  return {
    ...facts,
    percent: score.percent,
    scoreSource: score.source,
    scoreNote: score.note,
    reachesPassingScore: score.percent === null ? null : reachesPassingScore(score.percent, passingScore),
    suspendDataLimit: suspendDataLimits[attempt.standard],
    suspendDataOverflow: suspendDataOverflowed(attempt),
    rawKeys: Object.keys(cmi).length,
    summary: attemptSummary(attempt, passingScore, nowMs),
    isBest: attempt.id === bestId,
  };
}

function ticketBrief(t: Ticket): InspectedTicket {
  return { id: t.id, subject: t.subject, status: t.status, createdAt: t.createdAt };
}

export function dataStateOf(attempts: readonly Attempt[]): DataState {
  if (attempts.length === 0) return 'no_attempts';
  return attempts.some((a) => a.lastDataAt !== null) ? 'data' : 'no_data';
}

export function buildInspection(assembled: AssembledVerdictInput, verdict: Verdict): Inspection {
  const { input, ticket, tickets } = assembled;
  const nowMs = Date.parse(input.now);
  const passingScore = input.module.passingScore;
  const attempts = [...input.attempts].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
  const aboutThisModule = tickets.filter((t) => t.moduleId === input.module.id || t.id === ticket?.id);
  return {
    target: { learnerId: input.learner.id, moduleId: input.module.id, ticketId: ticket?.id ?? null },
    learner: { id: input.learner.id, name: input.learner.name, email: input.learner.email, workplaceName: assembled.workplaceName },
    module: { id: input.module.id, name: input.module.name, passingScore },
    course: { id: input.course.id, name: input.course.name, blueBucks: input.course.blueBucks },
    category: { id: input.category.id, name: input.category.name },
    enrollment: input.enrollment,
    ticket: ticket ? ticketBrief(ticket) : null,
    checklistKnown: assembled.checklistKnown,
    attempts: attempts.map((a) => inspectAttempt(a, passingScore, verdict.evidence.bestScore?.attemptId ?? null, nowMs)),
    dataState: dataStateOf(attempts),
    timeline: dataTimeline({ attempts, passingScore, enrollment: input.enrollment, tickets: aboutThisModule, nowMs }),
    otherTickets: aboutThisModule.filter((t) => t.id !== ticket?.id).map(ticketBrief),
    verdict,
    computedAt: input.now,
  };
}
