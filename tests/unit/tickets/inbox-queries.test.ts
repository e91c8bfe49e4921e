// The inbox's list over a real cache: views and their counts, filters, search with marks,
// sort, paging, and the marks a row carries (unread, screenshot, pending).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordTicketEdit, recordTicketMessage } from '../../../src/main/outbox/ticket-writes';
import { createInboxList, type ParsedInboxQuery } from '../../../src/main/tickets/inbox-list';
import { InboxQuery } from '../../../src/shared/channels/tickets';
import { at, attachment, closeAll, message, openTestCache, seedCatalog, ticket, type TestCache } from './cache-fixtures';

const caches: TestCache[] = [];
afterEach(() => closeAll(caches));

let cache: TestCache;
const ME = 'agt_me';
const query = (q: Partial<ParsedInboxQuery> = {}) => InboxQuery.parse(q);

beforeEach(() => {
  cache = openTestCache();
  caches.push(cache);
  seedCatalog(cache);
  cache.apply('ticket', [
    ticket('t1', { subject: 'Door closers module 2 not completing', status: 'new', moduleId: 'mod_12', learnerId: 'lrn_1', fromEmail: 'maria@crosscreek.test', createdAt: at(1), updatedAt: at(9), tags: ['completion'] }),
    ticket('t2', { subject: 'password reset', status: 'open', assigneeId: ME, createdAt: at(2), updatedAt: at(3), tags: ['account'] }),
    ticket('t3', { subject: 'Mini split course froze', status: 'waiting', assigneeId: 'agt_other', moduleId: 'mod_31', createdAt: at(3), updatedAt: at(8), tags: ['completion', 'screenshot'] }),
    ticket('t4', { subject: 'thanks!', status: 'resolved', assigneeId: ME, createdAt: at(4), updatedAt: at(5) }),
    ticket('t5', { subject: 'Exit devices', status: 'open', moduleId: 'mod_21', fromEmail: 'jose@crosscreek.test', createdAt: at(5), updatedAt: at(6) }),
  ]);
  cache.apply('message', [
    message('m1', 't1', 'I finished module 2 of the door closers course and it says incomplete'),
    message('m2', 't2', 'The reset e-mail never comes'),
    message('m3', 't2', 'Sent you a new link', { author: 'agent', authorId: ME, createdAt: at(3) }),
    message('m4', 't3', 'The Mini-Split course froze at the end, here is a photo', { createdAt: at(8) }),
    message('m5', 't4', 'thanks!'),
    message('m6', 't5', 'Où est le cours? Müller hat das Modul beendet.'),
  ]);
  cache.apply('attachment', [attachment('a1', 't3', 'm4')]);
});

describe('views and counts', () => {
  it('counts each view under the same filters, and the views add up', () => {
    const page = createInboxList(cache.db).list(query({ view: 'all' }), ME, 0);
    expect(page.counts).toEqual({ new: 1, open: 2, waiting: 1, resolved: 1, mine: 1, unassigned: 2, all: 5 });
    expect(page.total).toBe(5);
  });

  it('Mine and Unassigned hold the work still to do, not resolved tickets', () => {
    const list = createInboxList(cache.db);
    expect(list.list(query({ view: 'mine' }), ME, 0).rows.map((r) => r.id)).toEqual(['t2']);
    expect(list.list(query({ view: 'unassigned' }), ME, 0).rows.map((r) => r.id)).toEqual(['t1', 't5']);
    expect(list.list(query({ view: 'mine' }), null, 0).rows).toEqual([]);
  });

  it('sorts by last activity (newest first) or by age (oldest first), and pages through', () => {
    const list = createInboxList(cache.db);
    expect(list.list(query({ view: 'all' }), ME, 0).rows.map((r) => r.id)).toEqual(['t1', 't3', 't5', 't4', 't2']);
    expect(list.list(query({ view: 'all', sort: 'age' }), ME, 0).rows.map((r) => r.id)).toEqual(['t1', 't2', 't3', 't4', 't5']);
    const second = list.list(query({ view: 'all', sort: 'age', offset: 2, limit: 2 }), ME, 0);
    expect(second.rows.map((r) => r.id)).toEqual(['t3', 't4']);
    expect(second.offset).toBe(2);
  });
});

describe('filters', () => {
  const ids = (q: Partial<ParsedInboxQuery>) => createInboxList(cache.db).list(query({ view: 'all', ...q }), ME, 0).rows.map((r) => r.id).sort();
  const filters = (f: Partial<ParsedInboxQuery['filters']>) => ({ filters: { categoryId: null, courseId: null, moduleId: null, tag: null, assigneeId: null, hasScreenshot: null, ...f } });

  it('by course category, course and module', () => {
    expect(ids(filters({ categoryId: 'cat_1' }))).toEqual(['t1', 't5']);
    expect(ids(filters({ courseId: 'crs_1' }))).toEqual(['t1']);
    expect(ids(filters({ moduleId: 'mod_31' }))).toEqual(['t3']);
  });

  it('by tag, assignee and screenshot', () => {
    expect(ids(filters({ tag: 'completion' }))).toEqual(['t1', 't3']);
    expect(ids(filters({ tag: 'complet' }))).toEqual([]);
    expect(ids(filters({ assigneeId: ME }))).toEqual(['t2', 't4']);
    expect(ids(filters({ hasScreenshot: true }))).toEqual(['t3']);
    expect(ids(filters({ hasScreenshot: false }))).toEqual(['t1', 't2', 't4', 't5']);
  });

  it('narrow the counts too', () => {
    const page = createInboxList(cache.db).list(query({ view: 'new', ...filters({ tag: 'completion' }) }), ME, 0);
    expect(page.counts).toMatchObject({ all: 2, new: 1, waiting: 1, open: 0 });
  });
});

describe('search', () => {
  it('finds words in the subject, the messages and the sender, as prefixes, combined with the view', () => {
    const list = createInboxList(cache.db);
    expect(list.list(query({ view: 'all', search: 'froze' }), ME, 0).rows.map((r) => r.id)).toEqual(['t3']);
    expect(list.list(query({ view: 'all', search: 'never com' }), ME, 0).rows.map((r) => r.id)).toEqual(['t2']);
    expect(list.list(query({ view: 'all', search: 'crosscreek' }), ME, 0).rows.map((r) => r.id).sort()).toEqual(['t1', 't5']);
    expect(list.list(query({ view: 'open', search: 'crosscreek' }), ME, 0).rows.map((r) => r.id)).toEqual(['t5']);
    expect(list.list(query({ view: 'all', search: 'muller' }), ME, 0).rows.map((r) => r.id)).toEqual(['t5']);
  });

  it('marks the matches in subject, sender and snippet', () => {
    const [row] = createInboxList(cache.db).list(query({ view: 'all', search: 'door clos' }), ME, 0).rows;
    expect(row?.id).toBe('t1');
    const marked = (text: string, marks: [number, number][]) => marks.map(([s, e]) => text.slice(s, e));
    expect(marked(row!.subject, row!.subjectMarks)).toEqual(['Door', 'closers']);
    expect(marked(row!.snippet, row!.snippetMarks)).toEqual(['door', 'closers']);
    expect(createInboxList(cache.db).list(query({ view: 'all', search: 'door clos' }), ME, 0).searchTerms).toEqual(['door', 'clos']);
  });

  it('keeps up with the cache: new messages, this desk’s pending replies and edits, from the next revision on', () => {
    const list = createInboxList(cache.db);
    expect(list.list(query({ view: 'all', search: 'zeppelin' }), ME, 0).total).toBe(0);
    cache.apply('message', [message('m7', 't2', 'A zeppelin flew over the counter')]);
    recordTicketMessage(cache.db, { ticketId: 't4', body: 'Pending zeppelin reply', author: 'agent', authorId: ME });
    recordTicketEdit(cache.db, { ticketId: 't2', changes: { status: 'resolved' }, agentId: ME });
    const page = list.list(query({ view: 'all', search: 'zeppelin' }), ME, 1);
    expect(page.rows.map((r) => r.id).sort()).toEqual(['t2', 't4']);
    expect(page.counts).toMatchObject({ all: 2, resolved: 2, open: 0 });
    expect(list.list(query({ view: 'open', search: 'zeppelin' }), ME, 1).total).toBe(0);
    // The pending reply is confirmed: its local row goes, the LMS's own message comes.
    cache.db.prepare("DELETE FROM message WHERE pending_write_id IS NOT NULL").run();
    cache.apply('message', [message('m8', 't5', 'zeppelin again, on another ticket')]);
    expect(list.list(query({ view: 'all', search: 'zeppelin' }), ME, 2).rows.map((r) => r.id).sort()).toEqual(['t2', 't5']);
  });

  it('combines search with filters, in the counts too', () => {
    const page = createInboxList(cache.db).list(query({ view: 'all', search: 'crosscreek', filters: { categoryId: 'cat_1', courseId: null, moduleId: null, tag: 'completion', assigneeId: null, hasScreenshot: null } }), ME, 0);
    expect(page.rows.map((r) => r.id)).toEqual(['t1']);
    expect(page.counts).toMatchObject({ all: 1, new: 1 });
  });

  it('treats FTS5 syntax as plain words', () => {
    const list = createInboxList(cache.db);
    for (const search of ['"', 'NEAR(door closers)', 'door OR reset', '*', 'subject:door', '^door', '-door']) {
      expect(() => list.list(query({ view: 'all', search }), ME, 0), search).not.toThrow();
    }
    expect(list.list(query({ view: 'all', search: 'door OR reset' }), ME, 0).rows).toEqual([]);
  });
});

describe('what a row shows', () => {
  it('names the module and course, the assignee, the screenshot, and whether the learner wrote last', () => {
    const rows = createInboxList(cache.db).list(query({ view: 'all' }), ME, 0).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('t1')).toMatchObject({ moduleName: 'Module 2: Field Adjustments', courseName: 'Door Closers', learnerName: 'Maria Lopez', unread: true, attachments: 0 });
    expect(byId.get('t2')).toMatchObject({ assigneeName: 'Marcus Bell', unread: false });
    expect(byId.get('t3')).toMatchObject({ hasScreenshot: true, attachments: 1, assigneeName: 'Priya Raman' });
  });

  it('shows this desk’s unconfirmed writes as pending, with the edit already applied', () => {
    recordTicketMessage(cache.db, { ticketId: 't4', body: 'Glad it worked', author: 'agent', authorId: ME });
    recordTicketEdit(cache.db, { ticketId: 't1', changes: { status: 'waiting' }, agentId: ME });
    const page = createInboxList(cache.db).list(query({ view: 'all' }), ME, 1);
    const byId = new Map(page.rows.map((r) => [r.id, r]));
    expect(byId.get('t4')).toMatchObject({ pending: true, unread: false });
    expect(byId.get('t1')).toMatchObject({ pending: true, status: 'waiting' });
    expect(page.counts).toMatchObject({ new: 0, waiting: 2 });
  });
});
