// The help article's checklist for one ticket, read from what happened on it: the replies
// sent, the notes written, the link the agent confirmed, the files the learner sent. Nothing
// is ticked by hand, so the checklist cannot say a step was done that was not. Pure.
import type { ChecklistEntry, NextAction } from '../../shared/channels/tickets';
import type { MessageAuthor, TicketStatus } from '../../shared/lms/entities';
import type { ChecklistState, Verdict } from '../../shared/verdict';
import { requiredSteps } from '../inspector/checklist-steps';

export interface ChecklistMessage {
  author: MessageAuthor;
  body: string;
  /** The message carries an image (a screenshot, a photo of the screen). */
  hasImage: boolean;
}

export interface ChecklistFacts {
  messages: readonly ChecklistMessage[];
  learnerId: string | null;
  moduleId: string | null;
  moduleName: string | null;
  status: TicketStatus;
}

/** Article step 1, as the canned reply and agents word it. */
const FAQ = /technical\s+issues\s+faq|\bfaq\b/i;
/** Article step 3, as the data-check note and agents word it. */
const DATA_CHECK = /\b(checked the (score )?data|no data (at all|came back)|data (came back|shows)|transcript shows)\b/i;
/** Article step 4. */
const SCREENSHOT_ASK = /\b(screen\s?shot|picture of (your|the) (score|screen)|photo of (your|the) (score|screen))/i;

export function checklistState(facts: ChecklistFacts): ChecklistState {
  const replies = facts.messages.filter((m) => m.author === 'agent');
  const notes = facts.messages.filter((m) => m.author === 'note');
  return {
    faqSent: replies.some((m) => FAQ.test(m.body)),
    detailsReceived: facts.learnerId !== null && facts.moduleId !== null,
    dataChecked: notes.some((m) => DATA_CHECK.test(m.body)),
    screenshotRequested: replies.some((m) => SCREENSHOT_ASK.test(m.body)),
    screenshotReceived: facts.messages.some((m) => m.author === 'learner' && m.hasImage),
  };
}

const labels: Record<ChecklistEntry['step'], string> = {
  faqSent: 'FAQ sent',
  detailsReceived: 'Details received',
  dataChecked: 'Data checked',
  screenshotRequested: 'Screenshot requested',
  screenshotReceived: 'Screenshot received',
  verdict: 'Verdict',
};

/** Whether the screenshot steps apply: the verdict needs them, or (before one) always — the article asks when no data came. */
export function screenshotNeeded(verdict: Verdict | null): boolean {
  if (!verdict) return true;
  return requiredSteps[verdict.kind].includes('screenshotRequested');
}

export interface ChecklistView {
  steps: ChecklistEntry[];
  next: NextAction | null;
}

export interface NextActionContext {
  /** The suggested link, when the ticket has none yet. */
  suggestedLearnerId: string | null;
  suggestedModuleId: string | null;
  suggestionLabel: string | null;
  verdict: Verdict | null;
  verdictPending: string | null;
}

/** The steps as the ticket shows them, and the one action that moves it on. */
export function checklistView(state: ChecklistState, facts: ChecklistFacts, ctx: NextActionContext): ChecklistView {
  const needShot = screenshotNeeded(ctx.verdict);
  const steps: ChecklistEntry[] = [
    { step: 'faqSent', label: labels.faqSent, done: state.faqSent, skipped: false, detail: state.faqSent ? 'The learner was pointed to the Technical Issues FAQ under Help.' : 'No reply has pointed the learner to the Technical Issues FAQ yet.' },
    {
      step: 'detailsReceived',
      label: labels.detailsReceived,
      done: state.detailsReceived,
      skipped: false,
      detail: state.detailsReceived ? `Course and module identified: ${facts.moduleName ?? facts.moduleId ?? ''}.` : 'The ticket is not linked to a learner and a module yet.',
    },
    { step: 'dataChecked', label: labels.dataChecked, done: state.dataChecked, skipped: false, detail: state.dataChecked ? 'A note records what the data showed.' : 'No note records a check of the data coming back.' },
    {
      step: 'screenshotRequested',
      label: labels.screenshotRequested,
      done: state.screenshotRequested || state.screenshotReceived,
      skipped: !needShot && !state.screenshotRequested && !state.screenshotReceived,
      detail: state.screenshotRequested ? 'A reply asked for a screenshot of the passing score or completion.' : state.screenshotReceived ? 'The learner sent one without being asked.' : needShot ? 'Nobody has asked for a screenshot yet.' : 'Not needed: the data came back.',
    },
    {
      step: 'screenshotReceived',
      label: labels.screenshotReceived,
      done: state.screenshotReceived,
      skipped: !needShot && !state.screenshotReceived,
      detail: state.screenshotReceived ? 'The learner sent an image.' : needShot ? 'No image from the learner yet.' : 'Not needed: the data came back.',
    },
    {
      step: 'verdict',
      label: labels.verdict,
      done: ctx.verdict !== null && ctx.verdict.missingSteps.length === 0,
      skipped: false,
      detail: ctx.verdict ? ctx.verdict.headline : (ctx.verdictPending ?? 'No verdict yet.'),
    },
  ];
  return { steps, next: nextAction(state, facts, ctx, needShot) };
}

function nextAction(state: ChecklistState, facts: ChecklistFacts, ctx: NextActionContext, needShot: boolean): NextAction | null {
  if (facts.status === 'resolved') return null;
  if (!state.faqSent) {
    return { kind: 'send', label: 'Send the Technical Issues FAQ and wait on the learner', cannedId: 'faq' };
  }
  if (!state.detailsReceived) {
    if (ctx.suggestedModuleId !== null || ctx.suggestedLearnerId !== null) {
      return { kind: 'link', label: `Link to ${ctx.suggestionLabel ?? 'the suggested learner and module'}`, learnerId: ctx.suggestedLearnerId, moduleId: ctx.suggestedModuleId };
    }
    return { kind: 'send', label: 'Ask for the course, module and what happened', cannedId: 'details' };
  }
  if (!state.dataChecked) return { kind: 'send', label: 'Record the data check as a note', cannedId: 'data_check' };
  if (needShot && !state.screenshotRequested && !state.screenshotReceived) {
    return ctx.verdict?.kind === 'eligible_known_issue'
      ? { kind: 'send', label: 'Tell the learner it is a known issue and ask for the screenshot', cannedId: 'known_issue' }
      : { kind: 'send', label: 'Ask for a screenshot and wait on the learner', cannedId: 'screenshot' };
  }
  if (needShot && !state.screenshotReceived) {
    return facts.status === 'waiting' ? null : { kind: 'status', label: 'Wait on the learner’s screenshot', status: 'waiting' };
  }
  if (facts.learnerId !== null && facts.moduleId !== null) return { kind: 'inspect', label: 'Open the verdict in the Inspector', learnerId: facts.learnerId, moduleId: facts.moduleId };
  return null;
}
