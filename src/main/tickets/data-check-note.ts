// The internal note that records the article's step 3, "check the data coming back into the
// system": what the attempts on the linked module show, written from the cache so the agent
// only has to read it and send it. Pure.
import type { Attempt, Enrollment } from '../../shared/lms/entities';
import { standardLabels } from '../inspector/completion-cause';
import { plainDate } from '../inspector/plain-time';
import { bestScoredAttempt, formatPercent, reachesPassingScore, scorePercent } from '../inspector/score-percent';

export interface DataCheckFacts {
  moduleName: string;
  passingScore: number;
  enrollment: Pick<Enrollment, 'status' | 'completedAt' | 'completionSource'> | null;
  attempts: readonly Attempt[];
}

export function dataCheckNote(facts: DataCheckFacts): string {
  const { moduleName, passingScore, enrollment } = facts;
  const enrolled = enrollment
    ? `Enrollment: ${enrollment.status.replace('_', ' ')}${enrollment.completedAt ? ` (completed ${plainDate(enrollment.completedAt)}, ${enrollment.completionSource ?? 'tracked'})` : ''}.`
    : 'The learner is not enrolled in this module.';
  const withData = facts.attempts.filter((a) => a.lastDataAt !== null);
  if (withData.length === 0) {
    const launched = facts.attempts.length > 0 ? ` The course was launched ${facts.attempts.length} time${facts.attempts.length === 1 ? '' : 's'}, but nothing came back.` : ' There is no attempt on record.';
    return `Checked the data: no data came back from ${moduleName}.${launched} ${enrolled} Next: ask the learner for a screenshot of their passing score or completion.`;
  }
  const latest = [...withData].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0] as Attempt;
  const best = bestScoredAttempt(withData);
  const latestScore = scorePercent(latest).percent;
  const parts = [
    `Checked the data: ${withData.length} attempt${withData.length === 1 ? '' : 's'} with data on ${moduleName}.`,
    `Latest: ${standardLabels[latest.standard]} on ${plainDate(latest.startedAt)}, ${latestScore === null ? 'no score' : `score ${formatPercent(latestScore)}`}, completion ${latest.completionStatus ?? 'not sent'}, success ${latest.successStatus ?? 'not sent'}${latest.errors.length ? `, ${latest.errors.length} runtime error${latest.errors.length === 1 ? '' : 's'}` : ''}.`,
  ];
  if (best) {
    parts.push(`Best score ${formatPercent(best.percent)} against ${formatPercent(passingScore)} to pass: ${reachesPassingScore(best.percent, passingScore) ? 'passing' : 'not passing'}.`);
  } else {
    parts.push('No score came back.');
  }
  parts.push(enrolled);
  return parts.join(' ');
}
