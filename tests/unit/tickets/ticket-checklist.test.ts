// The checklist is read from what happened on the ticket, never ticked by hand.
import { describe, expect, it } from 'vitest';
import { cannedReplies } from '../../../src/main/tickets/canned-replies';
import { checklistState, checklistView, type ChecklistFacts, type ChecklistMessage, type NextActionContext } from '../../../src/main/tickets/ticket-checklist';
import type { Verdict } from '../../../src/shared/verdict';

const learner = (body: string, hasImage = false): ChecklistMessage => ({ author: 'learner', body, hasImage });
const reply = (body: string): ChecklistMessage => ({ author: 'agent', body, hasImage: false });
const note = (body: string): ChecklistMessage => ({ author: 'note', body, hasImage: false });

function facts(messages: ChecklistMessage[], linked = false, status: ChecklistFacts['status'] = 'open'): ChecklistFacts {
  return { messages, learnerId: linked ? 'lrn_1' : null, moduleId: linked ? 'mod_1' : null, moduleName: linked ? 'Module 2: Field Adjustments' : null, status };
}

const noContext: NextActionContext = { suggestedLearnerId: null, suggestedModuleId: null, suggestionLabel: null, verdict: null, verdictPending: 'Link the ticket first.' };
const canned = cannedReplies({ learnerName: 'Maria Lopez', moduleName: 'Module 2: Field Adjustments', courseName: 'Door Closers', agentName: 'Marcus Bell' }, 'Checked the data: no data came back from Module 2.');
const body = (id: string) => canned.find((c) => c.id === id)!.body;

describe('checklistState', () => {
  it('starts with every step missing on a new ticket', () => {
    expect(checklistState(facts([learner('module 2 of door closers says incomplete')]))).toEqual({
      faqSent: false,
      detailsReceived: false,
      dataChecked: false,
      screenshotRequested: false,
      screenshotReceived: false,
    });
  });

  it('counts each canned reply and the data-check note as the step they are for', () => {
    const state = checklistState(facts([learner('help'), reply(body('faq')), learner('still broken, module 2'), note(body('data_check')), reply(body('screenshot')), learner('here', true)], true));
    expect(state).toEqual({ faqSent: true, detailsReceived: true, dataChecked: true, screenshotRequested: true, screenshotReceived: true });
  });

  it('takes the known-issue reply as the screenshot request, and the details request as no step of its own', () => {
    expect(checklistState(facts([reply(body('known_issue'))])).screenshotRequested).toBe(true);
    const asked = checklistState(facts([reply(body('details'))]));
    expect(asked).toMatchObject({ faqSent: false, screenshotRequested: false });
  });

  it('does not take a learner mentioning the FAQ or a screenshot for the agent doing it', () => {
    const state = checklistState(facts([learner('I read the Technical Issues FAQ already and I have a screenshot')]));
    expect(state.faqSent).toBe(false);
    expect(state.screenshotRequested).toBe(false);
    expect(state.screenshotReceived).toBe(false);
  });

  it('needs the link to a learner and a module for "details received"', () => {
    expect(checklistState(facts([learner('Door Closers module 2')], false)).detailsReceived).toBe(false);
    expect(checklistState(facts([learner('Door Closers module 2')], true)).detailsReceived).toBe(true);
  });

  it('only counts an image the learner sent as the screenshot', () => {
    expect(checklistState(facts([{ author: 'agent', body: 'example', hasImage: true }])).screenshotReceived).toBe(false);
  });
});

describe('the next step', () => {
  it('walks the article in order: FAQ, link, data check, screenshot, then wait', () => {
    let messages: ChecklistMessage[] = [learner('door closers module 2 wont complete')];
    const next = (linked: boolean, ctx = noContext) => checklistView(checklistState(facts(messages, linked)), facts(messages, linked), ctx).next;
    expect(next(false)).toMatchObject({ kind: 'send', cannedId: 'faq' });
    messages = [...messages, reply(body('faq'))];
    expect(next(false)).toMatchObject({ kind: 'send', cannedId: 'details' });
    expect(next(false, { ...noContext, suggestedLearnerId: 'lrn_1', suggestedModuleId: 'mod_1', suggestionLabel: 'Maria Lopez · Module 2' })).toMatchObject({ kind: 'link', learnerId: 'lrn_1', moduleId: 'mod_1' });
    expect(next(true)).toMatchObject({ kind: 'send', cannedId: 'data_check' });
    messages = [...messages, note(body('data_check'))];
    expect(next(true)).toMatchObject({ kind: 'send', cannedId: 'screenshot' });
    messages = [...messages, reply(body('screenshot'))];
    expect(next(true)).toMatchObject({ kind: 'status', status: 'waiting' });
    expect(checklistView(checklistState(facts(messages, true, 'waiting')), facts(messages, true, 'waiting'), noContext).next).toBeNull();
    messages = [...messages, learner('here it is', true)];
    expect(next(true)).toMatchObject({ kind: 'inspect', learnerId: 'lrn_1', moduleId: 'mod_1' });
  });

  it('offers nothing on a resolved ticket', () => {
    const f = facts([learner('x')], false, 'resolved');
    expect(checklistView(checklistState(f), f, noContext).next).toBeNull();
  });

  it('marks the screenshot steps not needed when the verdict rests on the data, and answers a known issue in its own words', () => {
    const messages = [learner('x'), reply(body('faq')), note(body('data_check'))];
    const f = facts(messages, true);
    const verdict = (kind: Verdict['kind']): Verdict => ({
      kind,
      headline: kind,
      reasons: ['because'],
      warnings: [],
      missingSteps: [],
      nextStep: 'Pass them.',
      passAllowed: kind === 'eligible_score_data',
      blueBucks: 0,
      likelyCause: null,
      evidence: { attemptIds: [], bestScore: null, screenshotReview: null, knownIssueId: null, troubleElsewhere: [] },
      passEvidence: null,
    });
    const onData = checklistView(checklistState(f), f, { ...noContext, verdict: verdict('eligible_score_data'), verdictPending: null });
    expect(onData.steps.filter((s) => s.skipped).map((s) => s.step)).toEqual(['screenshotRequested', 'screenshotReceived']);
    expect(onData.steps.find((s) => s.step === 'verdict')).toMatchObject({ done: true, detail: 'eligible_score_data' });
    const known = checklistView(checklistState(f), f, { ...noContext, verdict: verdict('eligible_known_issue'), verdictPending: null });
    expect(known.next).toMatchObject({ kind: 'send', cannedId: 'known_issue' });
  });
});

describe('canned replies', () => {
  it('fill in the learner’s first name, the module and its course, and sign with the agent', () => {
    expect(body('faq')).toMatch(/^Hi Maria,/);
    expect(body('faq')).toContain('Technical Issues FAQ under Help');
    expect(body('faq')).toContain('Module 2: Field Adjustments of Door Closers');
    expect(body('faq')).toMatch(/Marcus\nThe support team$/);
    expect(body('screenshot')).toContain('screenshot of your passing score');
    expect(body('details')).toContain('the more details, the better');
  });

  it('still read naturally when nothing is known yet', () => {
    const bare = cannedReplies({ learnerName: null, moduleName: null, courseName: null, agentName: null }, 'note');
    const faq = bare.find((c) => c.id === 'faq')!.body;
    expect(faq).toMatch(/^Hi there,/);
    expect(faq).toContain('trouble with the course');
    expect(faq).not.toMatch(/null|undefined/);
  });
});
