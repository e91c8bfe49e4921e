// One ticket as the cache holds it: the LMS's record, the same with this desk's unconfirmed
// edits on top, and its thread — learner messages, replies and notes, each with its author,
// its files, and whether it is still waiting for the LMS.
import type { Database, Statement } from 'better-sqlite3';
import type { ThreadAttachment, ThreadMessage } from '../../shared/channels/tickets';
import { OUTBOX_STATES, type OutboxState } from '../outbox/outbox-store';
import { MessageAuthor, Ticket } from '../../shared/lms/entities';

export class TicketNotFound extends Error {
  constructor(readonly ticketId: string) {
    super(`Ticket ${ticketId} is not in this desk's cache. It may not have synced yet, or it was deleted on the LMS.`);
    this.name = 'TicketNotFound';
  }
}

export interface LoadedTicket {
  /** As the agent sees it: the server's record with this desk's unconfirmed edits on top. */
  shown: Ticket;
  confirmed: Ticket;
  pendingEdits: number;
  messages: ThreadMessage[];
}

interface TicketRow {
  data: string;
  status: string;
  assignee_id: string | null;
  learner_id: string | null;
  module_id: string | null;
  tags: string;
  pending_edits: number;
}

interface MessageRow {
  id: string;
  author: string;
  author_id: string | null;
  sender: string;
  body: string;
  created_at: string;
  pending_write_id: string | null;
  state: string | null;
}

const IMAGE = /^image\//i;

export interface TicketThreads {
  load(ticketId: string): LoadedTicket;
  exists(ticketId: string): boolean;
}

function isOutboxState(value: string | null): value is OutboxState {
  return value !== null && (OUTBOX_STATES as readonly string[]).includes(value);
}

export function createTicketThreads(db: Database): TicketThreads {
  const ticket: Statement<[string], TicketRow> = db.prepare('SELECT data, status, assignee_id, learner_id, module_id, tags, pending_edits FROM ticket WHERE id = ?');
  const messages: Statement<[string], MessageRow> = db.prepare(
    `SELECT m.id, m.author, m.author_id, m.sender, m.body, m.created_at, m.pending_write_id, o.state
       FROM message m LEFT JOIN outbox o ON o.id = m.pending_write_id
      WHERE m.ticket_id = ? ORDER BY m.created_at, m.row_no`,
  );
  const attachments: Statement<[string], { id: string; message_id: string; file_name: string; content_type: string; size: number }> = db.prepare(
    'SELECT id, message_id, file_name, content_type, size FROM attachment WHERE ticket_id = ? ORDER BY id',
  );
  const agentName: Statement<[string], { name: string }> = db.prepare('SELECT name FROM agent WHERE id = ?');
  const learnerName: Statement<[string], { name: string }> = db.prepare('SELECT name FROM learner WHERE id = ?');

  return {
    exists: (ticketId) => ticket.get(ticketId) !== undefined,
    load(ticketId) {
      const row = ticket.get(ticketId);
      if (!row) throw new TicketNotFound(ticketId);
      const confirmed = Ticket.parse(JSON.parse(row.data));
      const tags: unknown = JSON.parse(row.tags);
      const shown = Ticket.parse({
        ...confirmed,
        status: row.status,
        assigneeId: row.assignee_id,
        learnerId: row.learner_id,
        moduleId: row.module_id,
        tags: Array.isArray(tags) ? tags : confirmed.tags,
      });
      const files = new Map<string, ThreadAttachment[]>();
      for (const a of attachments.all(ticketId)) {
        files.set(a.message_id, [...(files.get(a.message_id) ?? []), { id: a.id, fileName: a.file_name, contentType: a.content_type, size: a.size, isImage: IMAGE.test(a.content_type) }]);
      }
      const learner = shown.learnerId ? (learnerName.get(shown.learnerId)?.name ?? null) : null;
      const thread: ThreadMessage[] = messages.all(ticketId).map((m) => {
        const author = MessageAuthor.parse(m.author);
        const agent = m.author_id ? agentName.get(m.author_id)?.name : undefined;
        const authorName = author === 'learner' ? (learner ? `${learner} <${confirmed.fromEmail}>` : confirmed.fromEmail) : (agent ?? (m.sender || 'An agent'));
        return {
          id: m.id,
          author,
          authorName,
          body: m.body,
          createdAt: m.created_at,
          pending: m.pending_write_id !== null ? (isOutboxState(m.state) ? m.state : 'queued') : null,
          attachments: files.get(m.id) ?? [],
        };
      });
      return { shown, confirmed, pendingEdits: row.pending_edits, messages: thread };
    },
  };
}
