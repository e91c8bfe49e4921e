// The inbox's services over a cache synced from the demo LMS: a learner writes in, the agent
// triages through the article's checklist, the writes reach the LMS once, an edit that
// collides with someone else's is held for the agent to decide, bulk edits, the learner panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoInboundEmailResponse } from '../../../src/shared/lms/api';
import { DEMO_AGENT, startInbox, type InboxUnderTest } from './inbox-fixtures';

let inbox: InboxUnderTest;
beforeAll(async () => {
  inbox = await startInbox(11);
});
afterAll(async () => {
  await inbox.close();
});

function getDetail(ticketId: string) {
  const value = inbox.service.handlers['tickets.detail']({ ticketId });
  if (value instanceof Promise) throw new Error('tickets.detail reads the cache synchronously');
  return value;
}

/** A learner enrolled in a course of several modules, and one of those modules, from the synced cache. */
function enrolledLearner(): { learnerId: string; email: string; firstName: string; moduleId: string; moduleName: string; courseName: string; number: number } {
  const row = inbox.db
    .prepare<[], { learner_id: string; email: string; name: string; module_id: string; module_name: string; course_name: string }>(
      `SELECT e.learner_id, l.email, l.name, e.module_id, mo.name AS module_name, co.name AS course_name
         FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN module mo ON mo.id = e.module_id JOIN course co ON co.id = mo.course_id
        WHERE e.status <> 'completed' AND mo.name LIKE 'Module 2:%' AND co.name NOT LIKE '%(%'
          AND NOT EXISTS (SELECT 1 FROM attempt a WHERE a.learner_id = e.learner_id AND a.module_id = e.module_id)
        ORDER BY e.id LIMIT 1`,
    )
    .get();
  if (!row) throw new Error('The demo data has no enrolled learner on a module 2.');
  return { learnerId: row.learner_id, email: row.email, firstName: row.name.split(' ')[0]!, moduleId: row.module_id, moduleName: row.module_name, courseName: row.course_name, number: 2 };
}

async function learnerWritesIn(fromEmail: string, body: string, subject?: string): Promise<string> {
  const created = DemoInboundEmailResponse.parse(await inbox.demo.admin('/__demo/inbound-email', { fromEmail, body, ...(subject ? { subject } : {}) }));
  await inbox.until(() => getDetailSafe(created.ticket.id) !== null);
  return created.ticket.id;
}

function getDetailSafe(ticketId: string) {
  try {
    return getDetail(ticketId);
  } catch {
    return null;
  }
}

const confirmedOnLms = (ticketId: string) => getDetail(ticketId).writes.length === 0;

describe('a new ticket, triaged through the checklist', () => {
  it('suggests the learner and module from the e-mail, then walks FAQ → link → data check → screenshot → waiting on the learner', async () => {
    const who = enrolledLearner();
    const ticketId = await learnerWritesIn(who.email, `Hi,\n\nI finished ${who.courseName.toLowerCase()} module 2 and it still says incomplete. I got 88%\n\nThanks,\n${who.firstName}`, 'course says incomplete');

    let d = getDetail(ticketId);
    expect(d.ticket.status).toBe('new');
    expect(d.learner?.id ?? d.suggestion.learner?.id).toBe(who.learnerId);
    expect(d.suggestion.module?.id).toBe(who.moduleId);
    expect(d.suggestion.moduleReason).toContain('module 2');
    expect(d.checklist.steps.map((s) => [s.step, s.done])).toEqual([
      ['faqSent', false],
      ['detailsReceived', false],
      ['dataChecked', false],
      ['screenshotRequested', false],
      ['screenshotReceived', false],
      ['verdict', false],
    ]);
    expect(d.checklist.next).toMatchObject({ kind: 'send', cannedId: 'faq' });
    const faq = d.cannedReplies.find((c) => c.id === 'faq')!;
    expect(faq.body).toContain(`Hi ${who.firstName},`);
    expect(faq.body).toContain(`${who.moduleName} of ${who.courseName}`);

    // Step 1: the FAQ, and the ticket waits on the learner. Shown at once, pending until the LMS confirms.
    inbox.reply({ ticketId, body: faq.body, author: 'agent', setStatus: faq.setsStatus });
    d = getDetail(ticketId);
    expect(d.ticket.status).toBe('waiting');
    expect(d.messages.at(-1)).toMatchObject({ author: 'agent', pending: expect.stringMatching(/queued|sending|sent/), authorName: DEMO_AGENT.name });
    expect(d.checklist.steps[0]).toMatchObject({ step: 'faqSent', done: true });
    await inbox.until(() => confirmedOnLms(ticketId));
    d = getDetail(ticketId);
    expect(d.confirmed.status).toBe('waiting');
    expect(d.messages.filter((m) => m.author === 'agent')).toHaveLength(1);
    expect(d.messages.at(-1)?.pending).toBeNull();

    // Step 2: the suggestion, confirmed.
    expect(d.checklist.next).toMatchObject({ kind: 'link', moduleId: who.moduleId });
    inbox.edit({ ticketIds: [ticketId], changes: { learnerId: who.learnerId, moduleId: who.moduleId } });
    await inbox.until(() => confirmedOnLms(ticketId));
    d = getDetail(ticketId);
    expect(d.module?.id).toBe(who.moduleId);
    expect(d.checklist.steps[1]).toMatchObject({ step: 'detailsReceived', done: true });
    expect(d.checklist.verdict?.kind).toBe('needs_screenshot');

    // Step 3: the data check, written from the cache: no attempt came back.
    expect(d.checklist.next).toMatchObject({ kind: 'send', cannedId: 'data_check' });
    const note = d.cannedReplies.find((c) => c.id === 'data_check')!;
    expect(note.body).toMatch(/^Checked the data: no data came back from Module 2/);
    inbox.reply({ ticketId, body: note.body, author: 'note', setStatus: null });

    // Step 4: the screenshot request; the ticket stays waiting on the learner.
    d = getDetail(ticketId);
    expect(d.checklist.next).toMatchObject({ kind: 'send', cannedId: 'screenshot' });
    const ask = d.cannedReplies.find((c) => c.id === 'screenshot')!;
    inbox.reply({ ticketId, body: ask.body, author: 'agent', setStatus: ask.setsStatus });
    await inbox.until(() => confirmedOnLms(ticketId));
    d = getDetail(ticketId);
    expect(d.checklist.steps.filter((s) => s.done).map((s) => s.step)).toEqual(['faqSent', 'detailsReceived', 'dataChecked', 'screenshotRequested']);
    expect(d.checklist.next).toBeNull();
    expect(d.confirmed.status).toBe('waiting');
    const waiting = inbox.list({ view: 'waiting', search: who.email });
    expect(waiting.rows.map((r) => r.id)).toContain(ticketId);
  });
});

describe('someone else changed the ticket first', () => {
  it('holds the edit as a conflict with both versions until the agent chooses, and "mine" then wins', async () => {
    const [target] = inbox.list({ view: 'open', limit: 1 }).rows;
    expect(target).toBeDefined();
    const ticketId = target!.id;
    // The feed stalls, so this desk does not see the other edit before making its own.
    await inbox.demo.setFaults({ error500: 1, paths: ['/changes'] });
    inbox.run.engine.syncNow();
    const theirs = await inbox.patchAsSomeoneElse(ticketId, { status: 'waiting', tags: ['theirs'] });
    inbox.edit({ ticketIds: [ticketId], changes: { status: 'resolved' } });
    await inbox.until(() => getDetail(ticketId).conflicts.length > 0);
    let d = getDetail(ticketId);
    expect(d.conflicts[0]).toMatchObject({ ticketId, mine: { status: 'resolved' }, theirs: { status: 'waiting', tags: ['theirs'], version: theirs.version } });
    expect(d.writes.map((w) => w.state)).toEqual(['conflict']);
    expect(inbox.list({ view: 'all', limit: 500 }).rows.find((r) => r.id === ticketId)).toMatchObject({ conflict: true, pending: true });

    await inbox.demo.setFaults({ error500: 0, paths: [] });
    inbox.run.engine.handlers['sync.resolveConflict']({ writeId: d.conflicts[0]!.writeId, choice: 'mine' });
    await inbox.until(() => confirmedOnLms(ticketId) && getDetail(ticketId).confirmed.status === 'resolved');
    d = getDetail(ticketId);
    expect(d.conflicts).toEqual([]);
    // Their tag stays: only the field this desk changed was sent again.
    expect(d.confirmed).toMatchObject({ status: 'resolved', tags: ['theirs'] });
  });
});

describe('bulk changes', () => {
  it('tags, assigns and resolves many tickets at once, each once on the LMS, skipping what is already so', async () => {
    const rows = inbox.list({ view: 'new', limit: 3 }).rows;
    const ids = rows.map((r) => r.id);
    const result = inbox.edit({ ticketIds: ids, changes: { addTags: ['bulk-test'], assignToMe: true } });
    expect(result.queued.sort()).toEqual([...ids].sort());
    await inbox.until(() => ids.every(confirmedOnLms));
    for (const id of ids) expect(getDetail(id).confirmed).toMatchObject({ assigneeId: DEMO_AGENT.id, tags: expect.arrayContaining(['bulk-test']) });
    const again = inbox.edit({ ticketIds: ids, changes: { addTags: ['bulk-test'] } });
    expect(again.queued).toEqual([]);
    expect(again.skipped).toHaveLength(ids.length);
    const tagged = inbox.list({ view: 'all', filters: { categoryId: null, courseId: null, moduleId: null, tag: 'bulk-test', assigneeId: null, hasScreenshot: null } });
    expect(tagged.total).toBe(ids.length);
  });
});

describe('the learner panel', () => {
  it('shows a learner’s courses with enrollments and recent attempts, and their trouble in other courses', () => {
    const troubled = inbox.db
      .prepare<[], { id: string; learner_id: string }>(
        "SELECT id, learner_id FROM ticket WHERE learner_id IS NOT NULL AND module_id IS NOT NULL AND tags LIKE '%repeat-trouble%' ORDER BY created_at DESC LIMIT 1",
      )
      .get();
    expect(troubled).toBeDefined();
    const panel = inbox.service.handlers['tickets.learnerPanel']({ learnerId: troubled!.learner_id, ticketId: troubled!.id });
    if (panel instanceof Promise) throw new Error('synchronous');
    expect(panel.courses.length).toBeGreaterThan(1);
    expect(panel.courses[0]?.current).toBe(true);
    expect(panel.courses.flatMap((c) => c.modules).some((m) => m.attempts.length > 0)).toBe(true);
    expect(panel.tickets.map((t) => t.id)).toContain(troubled!.id);
    expect(panel.warning).not.toBeNull();
    expect(panel.courses.filter((c) => !c.current && c.trouble.length > 0).length).toBeGreaterThan(0);
  });
});
