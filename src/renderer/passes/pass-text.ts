// The words and small judgements the pass screens share: what each state is called, how a
// verdict is coloured, how a countdown reads. Pure, so it is tested without a browser.
import type { EnrolledUser, EvidenceFacts, LearnerReview, PassState, PassSummary } from '../../shared/channels/passes';
import type { Evidence } from '../../shared/lms/entities';
import type { VerdictKind } from '../../shared/verdict';
import { percentText } from '../inspector/plain-figures';

export const passStateLabels: Record<PassState, string> = {
  queued: 'Queued — can be cancelled',
  sending: 'Sending to the LMS',
  confirmed: 'Recorded by the LMS — checking the transcript',
  verified: 'Verified in the transcript',
  rejected: 'Rejected by the LMS',
  superseded: 'Superseded — not sent',
  cancelled: 'Cancelled — not sent',
};

export const passStateShort: Record<PassState, string> = {
  queued: 'Queued',
  sending: 'Sending',
  confirmed: 'Confirmed',
  verified: 'Verified',
  rejected: 'Rejected',
  superseded: 'Superseded',
  cancelled: 'Cancelled',
};

export type Tone = 'good' | 'warn' | 'bad' | 'neutral' | 'busy';

export function stateTone(state: PassState, alert: string | null = null): Tone {
  if (alert) return 'bad';
  switch (state) {
    case 'verified':
      return 'good';
    case 'queued':
    case 'sending':
    case 'confirmed':
      return 'busy';
    case 'rejected':
      return 'bad';
    case 'superseded':
    case 'cancelled':
      return 'neutral';
  }
}

export function verdictTone(kind: VerdictKind, passAllowed: boolean): Tone {
  if (passAllowed) return 'good';
  if (kind.startsWith('eligible')) return 'warn';
  if (kind === 'needs_screenshot' || kind === 'check_computer_first') return 'warn';
  return 'bad';
}

export const enrollmentLabels: Record<EnrolledUser['status'], string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
};

export function enrollmentText(user: Pick<EnrolledUser, 'status' | 'completionSource'>): string {
  if (user.status !== 'completed') return enrollmentLabels[user.status];
  return user.completionSource === 'manual' ? 'Completed (manual pass)' : 'Completed';
}

/** "9 s", "1 min 05 s"; never negative. */
export function secondsLeft(untilIso: string, nowMs: number): number {
  return Math.max(0, Math.ceil((Date.parse(untilIso) - nowMs) / 1000));
}

export function countdownText(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function blueBucksText(amount: number): string {
  return amount === 0 ? 'no $BlueBucks' : `${amount.toLocaleString('en-US')} $BlueBucks`;
}

/** One line per piece of evidence, in the words an admin checks them by. */
export function evidenceLines(facts: EvidenceFacts): string[] {
  const lines: string[] = [];
  if (facts.attempt) {
    const a = facts.attempt;
    const score = a.scorePercent === null ? 'no score' : percentText(a.scorePercent);
    lines.push(`Attempt ${a.id}: ${score}, ${a.completionStatus ?? 'no completion status'} / ${a.successStatus ?? 'no success status'}, data last ${a.lastDataAt ? a.lastDataAt.slice(0, 16).replace('T', ' ') : 'never'} (${a.os}, ${a.browser})`);
  }
  if (facts.screenshot) {
    const s = facts.screenshot;
    const review = s.review
      ? `reviewed by ${s.review.reviewedBy}: ${s.review.showsPassingScore ? 'shows a pass' : 'does not show a pass'}${s.review.scoreRead === null ? '' : ` (${s.review.scoreRead}%)`}`
      : 'not reviewed';
    lines.push(`Screenshot ${s.fileName} on ticket ${s.ticketId}, sha256 ${s.sha256.slice(0, 12)}…, ${review}`);
  }
  if (facts.knownIssue) {
    const k = facts.knownIssue;
    const on = [k.os, k.browser].filter(Boolean).join(' / ') || 'any platform';
    lines.push(`Known issue ${k.id} (${on}): ${k.description}`);
  }
  if (lines.length === 0) lines.push(`${facts.evidence.kind.replace('_', ' ')} evidence`);
  return lines;
}

export function passHeadline(pass: Pick<PassSummary, 'learnerName' | 'moduleName'>): string {
  return `${pass.learnerName} — ${pass.moduleName}`;
}

/**
 * The evidence a pass on this learner would rest on: the verdict's own; for an override, the
 * strongest thing on file (newest attempt, the reviewed screenshot, the known issue); null
 * when nothing is on file at all.
 */
export function defaultEvidence(learner: Pick<LearnerReview, 'proposed' | 'verdict'>): Evidence | null {
  if (learner.proposed) return learner.proposed.evidence;
  const v = learner.verdict;
  if (v.passEvidence) return v.passEvidence;
  const attemptId = v.evidence.attemptIds[0];
  if (attemptId) return { kind: 'score_data', attemptId };
  if (v.evidence.screenshotReview) return { kind: 'screenshot', attachmentId: v.evidence.screenshotReview.attachmentId };
  if (v.evidence.knownIssueId) return { kind: 'known_issue', knownIssueId: v.evidence.knownIssueId };
  return null;
}
