// Full-text search over 50,000 tickets and their 200,000 messages in a few milliseconds. The
// FTS5 indexes find the matching subjects, senders and messages; what a plain SQL join would
// then spend — turning each of up to 100,000 message matches into its ticket, and counting
// the tickets per view — is done here on arrays kept in step with the cache: message row →
// ticket row, and each ticket's status, assignee and place in both sort orders. The arrays are
// read again only when the inbox revision moves, and messages only from where they may have.
import type { Database, Statement } from 'better-sqlite3';
import type { InboxView, ViewCounts } from '../../shared/channels/tickets';

const STATUS_CODES = { new: 1, open: 2, waiting: 3, resolved: 4 } as const;
type StatusName = keyof typeof STATUS_CODES;

interface TicketArrays {
  revision: number;
  /** By ticket row number: 0 = no such row, else STATUS_CODES. */
  status: Uint8Array;
  assignee: (string | null)[];
  /** Ticket row numbers, most recent activity first (updated_at DESC, id DESC). */
  byActivity: Int32Array;
  /** Ticket row numbers, oldest first (created_at ASC, id ASC). */
  byAge: Int32Array;
}

export interface SearchHits {
  /** By ticket row number: 1 when the ticket matches. */
  bitmap: Uint8Array;
  count: number;
}

export interface SearchPage {
  rowNos: number[];
  total: number;
  counts: ViewCounts;
}

export interface SearchIndex {
  hits(match: string, revision: number): SearchHits;
  /** Narrows hits to a set of ticket rows (the filters), counts every view, and pages through one. */
  page(hits: SearchHits, only: Uint8Array | null, view: InboxView, me: string | null, sort: 'activity' | 'age', offset: number, limit: number, revision: number): SearchPage;
}

export function createSearchIndex(db: Database): SearchIndex {
  const ticketRows: Statement<[], [number, string, string | null]> = db.prepare('SELECT row_no, status, assignee_id FROM ticket').raw(true) as Statement<[], [number, string, string | null]>;
  const activityOrder: Statement<[], number> = db.prepare('SELECT row_no FROM ticket ORDER BY updated_at DESC, id DESC').pluck(true) as Statement<[], number>;
  const ageOrder: Statement<[], number> = db.prepare('SELECT row_no FROM ticket ORDER BY created_at ASC, id ASC').pluck(true) as Statement<[], number>;
  const maxTicketRow: Statement<[], number | null> = db.prepare('SELECT max(row_no) FROM ticket').pluck(true) as Statement<[], number | null>;
  const messagesFrom: Statement<[number], [number, number | null, number]> = db
    .prepare('SELECT m.row_no, t.row_no, m.pending_write_id IS NOT NULL FROM message m LEFT JOIN ticket t ON t.id = m.ticket_id WHERE m.row_no >= ?')
    .raw(true) as Statement<[number], [number, number | null, number]>;
  const ticketMatches: Statement<[string], number> = db.prepare('SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?').pluck(true) as Statement<[string], number>;
  const messageMatches: Statement<[string], number> = db.prepare('SELECT rowid FROM message_fts WHERE message_fts MATCH ?').pluck(true) as Statement<[string], number>;

  let tickets: TicketArrays | null = null;
  function ticketArrays(revision: number): TicketArrays {
    if (tickets?.revision === revision) return tickets;
    const size = (maxTicketRow.get() ?? 0) + 1;
    const status = new Uint8Array(size);
    const assignee = new Array<string | null>(size).fill(null);
    for (const [rowNo, s, a] of ticketRows.all()) {
      status[rowNo] = STATUS_CODES[s as StatusName] ?? STATUS_CODES.open;
      assignee[rowNo] = a;
    }
    tickets = { revision, status, assignee, byActivity: Int32Array.from(activityOrder.all()), byAge: Int32Array.from(ageOrder.all()) };
    return tickets;
  }

  // Message row → ticket row. A message never moves to another ticket, so only rows from the
  // last known end — and this desk's pending rows, whose numbers are given out again once
  // they are deleted — need reading after a change.
  let messageTicket = new Int32Array(0);
  let messagesKnown: { revision: number; refreshFrom: number } | null = null;
  function messageMap(revision: number): Int32Array {
    if (messagesKnown?.revision === revision) return messageTicket;
    const from = messagesKnown?.refreshFrom ?? 0;
    let refreshFrom = Number.POSITIVE_INFINITY;
    let last = from - 1;
    for (const [rowNo, ticketRow, pending] of messagesFrom.all(from)) {
      if (rowNo >= messageTicket.length) {
        const grown = new Int32Array(Math.max(rowNo + 1, Math.ceil(messageTicket.length * 1.5) + 1024));
        grown.set(messageTicket);
        messageTicket = grown;
      }
      messageTicket[rowNo] = ticketRow ?? 0;
      if (pending === 1) refreshFrom = Math.min(refreshFrom, rowNo);
      last = Math.max(last, rowNo);
    }
    messagesKnown = { revision, refreshFrom: Math.min(refreshFrom, Math.max(0, last)) };
    return messageTicket;
  }

  let lastHits: { match: string; revision: number; hits: SearchHits } | null = null;

  return {
    hits(match, revision) {
      if (lastHits?.match === match && lastHits.revision === revision) return lastHits.hits;
      const size = ticketArrays(revision).status.length;
      const map = messageMap(revision);
      const bitmap = new Uint8Array(size);
      let count = 0;
      const mark = (row: number) => {
        if (row > 0 && row < size && bitmap[row] === 0) {
          bitmap[row] = 1;
          count += 1;
        }
      };
      for (const row of ticketMatches.all(match)) mark(row);
      for (const messageRow of messageMatches.all(match)) mark(messageRow < map.length ? (map[messageRow] ?? 0) : 0);
      const hits = { bitmap, count };
      lastHits = { match, revision, hits };
      return hits;
    },

    page(hits, only, view, me, sort, offset, limit, revision) {
      const t = ticketArrays(revision);
      const counts: ViewCounts = { new: 0, open: 0, waiting: 0, resolved: 0, mine: 0, unassigned: 0, all: 0 };
      const inView = (row: number): boolean => {
        const s = t.status[row] ?? 0;
        switch (view) {
          case 'all':
            return true;
          case 'mine':
            return me !== null && t.assignee[row] === me && s !== STATUS_CODES.resolved;
          case 'unassigned':
            return t.assignee[row] === null && s !== STATUS_CODES.resolved;
          default:
            return s === STATUS_CODES[view];
        }
      };
      const order = sort === 'activity' ? t.byActivity : t.byAge;
      const rowNos: number[] = [];
      let seen = 0;
      for (const row of order) {
        if (hits.bitmap[row] !== 1 || (only !== null && only[row] !== 1)) continue;
        const s = t.status[row] ?? 0;
        counts.all += 1;
        if (s === STATUS_CODES.new) counts.new += 1;
        else if (s === STATUS_CODES.open) counts.open += 1;
        else if (s === STATUS_CODES.waiting) counts.waiting += 1;
        else if (s === STATUS_CODES.resolved) counts.resolved += 1;
        if (s !== STATUS_CODES.resolved) {
          if (t.assignee[row] === null) counts.unassigned += 1;
          else if (me !== null && t.assignee[row] === me) counts.mine += 1;
        }
        if (!inView(row)) continue;
        if (seen >= offset && rowNos.length < limit) rowNos.push(row);
        seen += 1;
      }
      return { rowNos, total: counts[view], counts };
    },
  };
}
