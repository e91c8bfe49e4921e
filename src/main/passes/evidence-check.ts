// Whether the evidence a pass names still exists in the cache and is this learner's, on
// this module — and, when it is, the facts a person reads and the pass's snapshot keeps:
// the attempt's data, the screenshot's sha256 and review, the known issue.
import type { Evidence, Learner } from '../../shared/lms/entities';
import type { EvidenceFacts } from '../../shared/channels/passes';
import { isLearnersTicket } from '../inspector/learners-ticket';
import { scorePercent } from '../inspector/score-percent';
import type { ModulePlace, VerdictFacts } from './verdict-facts';

export type EvidenceCheck = { ok: true; facts: EvidenceFacts } | { ok: false; problem: string };

const requiredId: Record<Evidence['kind'], 'attemptId' | 'attachmentId' | 'knownIssueId'> = {
  score_data: 'attemptId',
  screenshot: 'attachmentId',
  known_issue: 'knownIssueId',
};
const requiredLabel: Record<Evidence['kind'], string> = {
  score_data: 'the attempt whose score it rests on',
  screenshot: 'the screenshot it rests on',
  known_issue: 'the known issue it rests on',
};

export function checkEvidence(facts: VerdictFacts, evidence: Evidence, learner: Learner, place: ModulePlace): EvidenceCheck {
  const { module, course } = place;
  if (!evidence[requiredId[evidence.kind]]) {
    return { ok: false, problem: `The ${evidence.kind.replace('_', ' ')} evidence for ${learner.name} must name ${requiredLabel[evidence.kind]}.` };
  }
  let attempt: EvidenceFacts['attempt'] = null;
  if (evidence.attemptId) {
    const found = facts.attempt(evidence.attemptId);
    if (!found) return { ok: false, problem: `Attempt ${evidence.attemptId} is no longer in the data, so it cannot be the evidence for ${learner.name}.` };
    if (found.learnerId !== learner.id || found.moduleId !== module.id) {
      return { ok: false, problem: `Attempt ${found.id} is not ${learner.name}'s attempt on ${module.name}; another learner's or module's score proves nothing here.` };
    }
    attempt = {
      id: found.id,
      startedAt: found.startedAt,
      lastDataAt: found.lastDataAt,
      scorePercent: scorePercent(found).percent,
      completionStatus: found.completionStatus,
      successStatus: found.successStatus,
      os: found.environment.os,
      browser: found.environment.browser,
    };
  }
  let screenshot: EvidenceFacts['screenshot'] = null;
  if (evidence.attachmentId) {
    const found = facts.attachment(evidence.attachmentId);
    if (!found) return { ok: false, problem: `Screenshot ${evidence.attachmentId} is no longer on file, so it cannot be the evidence for ${learner.name}.` };
    const ticket = found.ticket;
    const theirs = ticket !== null && isLearnersTicket(ticket, learner);
    if (!theirs) {
      return {
        ok: false,
        problem: `Screenshot ${found.fileName} came on ticket ${found.ticketId}, which is not ${learner.name}'s; a pass must rest on the learner's own screenshot.`,
      };
    }
    const shot = facts.screenshotsOf(learner.id, module.id).find((s) => s.attachmentId === found.id);
    screenshot = { attachmentId: found.id, ticketId: found.ticketId, fileName: found.fileName, sha256: found.sha256, review: shot?.review ?? null };
  }
  let knownIssue: EvidenceFacts['knownIssue'] = null;
  if (evidence.knownIssueId) {
    const found = facts.knownIssue(evidence.knownIssueId);
    if (!found) return { ok: false, problem: `Known issue ${evidence.knownIssueId} is not in the data, so it cannot be the evidence for ${learner.name}.` };
    if (found.categoryId !== course.categoryId || (found.courseId !== null && found.courseId !== course.id)) {
      return { ok: false, problem: `Known issue ${found.id} does not concern ${course.name}, the course of ${module.name}.` };
    }
    knownIssue = { id: found.id, description: found.description, os: found.os, browser: found.browser };
  }
  return { ok: true, facts: { evidence, attempt, screenshot, knownIssue } };
}
