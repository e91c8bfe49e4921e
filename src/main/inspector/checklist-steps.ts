// Which of the help article's steps each verdict still waits for. The article's order is
// FAQ → details → check the data → (no data) screenshot → pass; a verdict needs the steps
// that lead to it, and a manual pass needs every one of them done.
import type { ChecklistStep, LearnerScreenshot, VerdictKind, VerdictTicket } from '../../shared/verdict';

const screenshotSteps: readonly ChecklistStep[] = ['screenshotRequested', 'screenshotReceived', 'screenshotReviewed'];

/** The steps each verdict rests on, in the article's order. */
export const requiredSteps: Record<VerdictKind, readonly ChecklistStep[]> = {
  not_eligible_not_enrolled: ['detailsReceived'],
  not_eligible_already_complete: ['detailsReceived', 'dataChecked'],
  not_eligible_failing_score: ['detailsReceived', 'dataChecked'],
  check_computer_first: ['faqSent', 'detailsReceived', 'dataChecked'],
  eligible_score_data: ['faqSent', 'detailsReceived', 'dataChecked'],
  needs_screenshot: ['faqSent', 'detailsReceived', 'dataChecked', ...screenshotSteps],
  eligible_screenshot: ['faqSent', 'detailsReceived', 'dataChecked', ...screenshotSteps],
  eligible_known_issue: ['faqSent', 'detailsReceived', 'dataChecked', ...screenshotSteps],
};

/**
 * Without a ticket (an admin opened the learner + module directly) there is no conversation
 * to have had: the FAQ, details and data-check steps count as done, and only the screenshot
 * steps — which rest on files, not on a thread — can be missing.
 */
export function isStepDone(step: ChecklistStep, ticket: VerdictTicket | null, screenshots: readonly LearnerScreenshot[]): boolean {
  const onFile = screenshots.length > 0;
  switch (step) {
    case 'faqSent':
      return ticket?.checklist.faqSent ?? true;
    case 'detailsReceived':
      return ticket?.checklist.detailsReceived ?? true;
    case 'dataChecked':
      return ticket?.checklist.dataChecked ?? true;
    // A learner who sent a screenshot unasked has answered the request before it was made.
    case 'screenshotRequested':
      return ticket?.checklist.screenshotRequested === true || ticket?.checklist.screenshotReceived === true || onFile;
    case 'screenshotReceived':
      return ticket?.checklist.screenshotReceived === true || onFile;
    // Every screenshot on file, not just the passing one: an irreversible pass waits until a
    // person has looked at all of them.
    case 'screenshotReviewed':
      return onFile && screenshots.every((s) => s.review !== null && s.review.sha256 === s.sha256);
  }
}

export function missingSteps(kind: VerdictKind, ticket: VerdictTicket | null, screenshots: readonly LearnerScreenshot[]): ChecklistStep[] {
  return requiredSteps[kind].filter((step) => !isStepDone(step, ticket, screenshots));
}
