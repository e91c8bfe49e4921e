// The inbox's list: one view (New, Open, Waiting on learner, Resolved, Mine, Unassigned, All)
// with filters, full-text search and a sort, a page at a time for the virtualized list, and
// every view's count under the same filters and search. Reads the cache only.
import type { Database, Statement } from 'better-sqlite3';
import type { InboxPage, InboxRow, InboxView, ViewCounts } from '../../shared/channels/tickets';
import { TicketStatus, type MessageAuthor } from '../../shared/lms/entities';
import type { z } from 'zod';
import type { InboxQuery } from '../../shared/channels/tickets';
import { matchesAll, matchMarks, snippetOf } from './match-marks';
import { createSearchIndex } from './search-index';
import { parseSearch, type SearchTerms } from './search-terms';

export type ParsedInboxQuery = z.output<typeof InboxQuery>;

/** Characters of each message read for a row's snippet; a match further into a huge body shows its start. */
const SNIPPET_SOURCE_CHARS = 4000;

type Params = Record<string, string | number>;

interface Condition {
  sql: string;
  params: Params;
}

/** The view as SQL on the ticket (alias t). Mine and Unassigned are the work still to do. */
export function viewCondition(view: InboxView, me: string | null): Condition {
  switch (view) {
    case 'new':
    case 'open':
    case 'waiting':
    case 'resolved':
      return { sql: 't.status = @viewStatus', params: { viewStatus: view } };
    case 'mine':
      return me === null ? { sql: '0', params: {} } : { sql: "t.assignee_id = @me AND t.status <> 'resolved'", params: { me } };
    case 'unassigned':
      return { sql: "t.assignee_id IS NULL AND t.status <> 'resolved'", params: {} };
    case 'all':
      return { sql: '1', params: {} };
  }
}

function filterConditions(query: ParsedInboxQuery): Condition[] {
  const f = query.filters;
  const out: Condition[] = [];
  if (f.moduleId !== null) out.push({ sql: 't.module_id = @moduleId', params: { moduleId: f.moduleId } });
  else if (f.courseId !== null) out.push({ sql: 't.module_id IN (SELECT id FROM module WHERE course_id = @courseId)', params: { courseId: f.courseId } });
  else if (f.categoryId !== null) {
    out.push({
      sql: 't.module_id IN (SELECT mo.id FROM course co JOIN module mo ON mo.course_id = co.id WHERE co.category_id = @categoryId)',
      params: { categoryId: f.categoryId },
    });
  }
  // Tags are a JSON array of strings; a quoted tag occurs in it exactly when the tag is there.
  if (f.tag !== null) out.push({ sql: 'instr(t.tags, json_quote(@tag)) > 0', params: { tag: f.tag } });
  if (f.assigneeId !== null) out.push({ sql: 't.assignee_id = @assigneeId', params: { assigneeId: f.assigneeId } });
  if (f.hasScreenshot !== null) {
    const exists = "EXISTS (SELECT 1 FROM attachment a WHERE a.ticket_id = t.id AND a.content_type LIKE 'image/%')";
    out.push({ sql: f.hasScreenshot ? exists : `NOT ${exists}`, params: {} });
  }
  return out;
}

function combine(conditions: readonly Condition[]): Condition {
  if (conditions.length === 0) return { sql: '1', params: {} };
  return { sql: conditions.map((c) => `(${c.sql})`).join(' AND '), params: Object.assign({}, ...conditions.map((c) => c.params)) as Params };
}

const ORDER: Record<ParsedInboxQuery['sort'], string> = {
  activity: 't.updated_at DESC, t.id DESC',
  age: 't.created_at ASC, t.id ASC',
};

interface TicketRowData {
  id: string;
  subject: string;
  from_email: string;
  learner_id: string | null;
  module_id: string | null;
  status: string;
  assignee_id: string | null;
  tags: string;
  created_at: string;
  updated_at: string;
  pending_edits: number;
}

interface MessageRowData {
  ticket_id: string;
  author: MessageAuthor;
  body: string;
  pending_write_id: string | null;
}

function placeholders(n: number): string {
  return new Array<string>(n).fill('?').join(', ');
}

function parseTags(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export interface InboxList {
  list(query: ParsedInboxQuery, me: string | null, revision: number): InboxPage;
  /** Reads what the search index keeps in memory, so the first search of the day is as quick as the rest. */
  warm(revision: number): void;
}

const ROW_COLUMNS =
  'SELECT t.row_no, t.id, t.subject, t.from_email, t.learner_id, t.module_id, t.status, t.assignee_id, t.tags, t.created_at, t.updated_at, t.pending_edits FROM ticket t';

export function createInboxList(db: Database): InboxList {
  const index = createSearchIndex(db);
  const agents: Statement<[], { id: string; name: string }> = db.prepare('SELECT id, name FROM agent');
  const statements = new Map<string, Statement>();
  function prepared(sql: string): Statement {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  // The rows the filters leave, as a bitmap for the search to narrow with, kept per revision.
  let filtered: { key: string; revision: number; bitmap: Uint8Array } | null = null;
  function filterBitmap(conditions: Condition, key: string, revision: number, size: number): Uint8Array {
    if (filtered?.key === key && filtered.revision === revision && filtered.bitmap.length >= size) return filtered.bitmap;
    const bitmap = new Uint8Array(size);
    for (const row of (prepared(`SELECT t.row_no FROM ticket t WHERE ${conditions.sql}`).pluck(true).all(conditions.params) as number[])) if (row < size) bitmap[row] = 1;
    filtered = { key, revision, bitmap };
    return bitmap;
  }

  function counts(filters: Condition, me: string | null): ViewCounts {
    const row = prepared(
      `SELECT count(*) AS total,
              coalesce(sum(t.status = 'new'), 0) AS new,
              coalesce(sum(t.status = 'open'), 0) AS open,
              coalesce(sum(t.status = 'waiting'), 0) AS waiting,
              coalesce(sum(t.status = 'resolved'), 0) AS resolved,
              coalesce(sum(t.assignee_id = @countMe AND t.status <> 'resolved'), 0) AS mine,
              coalesce(sum(t.assignee_id IS NULL AND t.status <> 'resolved'), 0) AS unassigned
         FROM ticket t WHERE ${filters.sql}`,
    ).get({ ...filters.params, countMe: me ?? '' }) as Record<string, number>;
    return {
      new: row.new ?? 0,
      open: row.open ?? 0,
      waiting: row.waiting ?? 0,
      resolved: row.resolved ?? 0,
      mine: me === null ? 0 : (row.mine ?? 0),
      unassigned: row.unassigned ?? 0,
      all: row.total ?? 0,
    };
  }

  function decorate(rows: TicketRowData[], terms: SearchTerms): InboxRow[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const moduleIds = [...new Set(rows.flatMap((r) => (r.module_id ? [r.module_id] : [])))];
    const learnerIds = [...new Set(rows.flatMap((r) => (r.learner_id ? [r.learner_id] : [])))];
    const places = new Map(
      (moduleIds.length
        ? (prepared(`SELECT mo.id, mo.name AS module_name, co.name AS course_name FROM module mo LEFT JOIN course co ON co.id = mo.course_id WHERE mo.id IN (${placeholders(moduleIds.length)})`).all(
            ...moduleIds,
          ) as { id: string; module_name: string; course_name: string | null }[])
        : []
      ).map((p) => [p.id, p]),
    );
    const learners = new Map(
      (learnerIds.length ? (prepared(`SELECT id, name FROM learner WHERE id IN (${placeholders(learnerIds.length)})`).all(...learnerIds) as { id: string; name: string }[]) : []).map((l) => [l.id, l.name]),
    );
    const agentNames = new Map(agents.all().map((a) => [a.id, a.name]));
    const files = new Map(
      (
        prepared(
          `SELECT ticket_id, count(*) AS n, coalesce(sum(content_type LIKE 'image/%'), 0) AS images FROM attachment WHERE ticket_id IN (${placeholders(ids.length)}) GROUP BY ticket_id`,
        ).all(...ids) as { ticket_id: string; n: number; images: number }[]
      ).map((f) => [f.ticket_id, f]),
    );
    const messages = new Map<string, MessageRowData[]>();
    for (const m of prepared(
      `SELECT ticket_id, author, substr(body, 1, ${SNIPPET_SOURCE_CHARS}) AS body, pending_write_id FROM message WHERE ticket_id IN (${placeholders(ids.length)}) ORDER BY created_at, row_no`,
    ).all(...ids) as MessageRowData[]) {
      const list = messages.get(m.ticket_id) ?? [];
      list.push(m);
      messages.set(m.ticket_id, list);
    }
    const writes = new Map<string, string[]>();
    for (const w of prepared(
      `SELECT entity_id, state FROM outbox WHERE entity = 'ticket' AND entity_id IN (${placeholders(ids.length)}) AND state IN ('queued', 'sending', 'sent', 'conflict')`,
    ).all(...ids) as { entity_id: string; state: string }[]) {
      writes.set(w.entity_id, [...(writes.get(w.entity_id) ?? []), w.state]);
    }

    return rows.map((r) => {
      const thread = messages.get(r.id) ?? [];
      const last = thread.at(-1);
      const fromLearner = thread.filter((m) => m.author === 'learner');
      const matching = terms.words.length > 0 ? thread.find((m) => matchesAll(m.body, terms.words)) ?? thread.find((m) => matchMarks(m.body, terms.words).length > 0) : undefined;
      const source = matching ?? fromLearner.at(-1) ?? last;
      const snippet = snippetOf(source?.body ?? '', terms.words);
      const place = r.module_id ? places.get(r.module_id) : undefined;
      const states = writes.get(r.id) ?? [];
      const file = files.get(r.id);
      const status = TicketStatus.safeParse(r.status);
      return {
        id: r.id,
        subject: r.subject,
        subjectMarks: matchMarks(r.subject, terms.words),
        fromEmail: r.from_email,
        fromMarks: matchMarks(r.from_email, terms.words),
        learnerName: r.learner_id ? (learners.get(r.learner_id) ?? null) : null,
        snippet: snippet.text,
        snippetMarks: snippet.marks,
        moduleName: place?.module_name ?? null,
        courseName: place?.course_name ?? null,
        status: status.success ? status.data : 'open',
        assigneeId: r.assignee_id,
        assigneeName: r.assignee_id ? (agentNames.get(r.assignee_id) ?? r.assignee_id) : null,
        tags: parseTags(r.tags),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        attachments: file?.n ?? 0,
        hasScreenshot: (file?.images ?? 0) > 0,
        unread: last?.author === 'learner',
        pending: r.pending_edits > 0 || states.length > 0 || thread.some((m) => m.pending_write_id !== null),
        conflict: states.includes('conflict'),
      };
    });
  }

  return {
    list(query, me, revision) {
      const terms = parseSearch(query.search);
      const conditions = filterConditions(query);
      const filters = combine(conditions);
      if (terms.match !== null) {
        // Searching: the index finds, counts and orders the matches; SQL reads only the page.
        const hits = index.hits(terms.match, revision);
        const only = conditions.length > 0 ? filterBitmap(filters, JSON.stringify(query.filters), revision, hits.bitmap.length) : null;
        const found = index.page(hits, only, query.view, me, query.sort, query.offset, query.limit, revision);
        const rows = found.rowNos.length
          ? (prepared(`${ROW_COLUMNS} WHERE t.row_no IN (${placeholders(found.rowNos.length)})`).all(...found.rowNos) as (TicketRowData & { row_no: number })[])
          : [];
        const byRow = new Map(rows.map((r) => [r.row_no, r]));
        const ordered = found.rowNos.flatMap((n) => byRow.get(n) ?? []);
        return { rows: decorate(ordered, terms), total: found.total, offset: query.offset, counts: found.counts, searchTerms: terms.words, revision };
      }
      const view = viewCondition(query.view, me);
      const where = combine([filters, view]);
      const rows = prepared(`${ROW_COLUMNS} WHERE ${where.sql} ORDER BY ${ORDER[query.sort]} LIMIT @limit OFFSET @offset`).all({ ...where.params, limit: query.limit, offset: query.offset }) as TicketRowData[];
      const viewCounts = counts(filters, me);
      return { rows: decorate(rows, terms), total: viewCounts[query.view], offset: query.offset, counts: viewCounts, searchTerms: terms.words, revision };
    },
    warm(revision) {
      index.hits('"warm"*', revision);
    },
  };
}

