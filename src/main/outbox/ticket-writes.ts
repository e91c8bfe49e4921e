// The two ticket writes an agent makes — a reply or note, and an edit of status, assignee,
// tags or the linked learner and module — recorded locally first and sent by the outbox.
// Each shows at once in the cache (a pending message row; the edit laid over the ticket) and
// gives way to the server's truth when the change feed brings the record the LMS made.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { PatchTicketBody, PostMessageBody } from '../../shared/lms/api';
import { Id, Ticket, type Message } from '../../shared/lms/entities';
import { isLmsError } from '../lms/lms-error';
import { enqueueWrite, unconfirmedEntriesOf, updateEntry, type OutboxEntry, type OutboxState } from './outbox-store';
import { defineWriteKind } from './write-kinds';

export const TICKET_MESSAGE = 'ticket.message';
export const TICKET_PATCH = 'ticket.patch';

/** Both kinds queue on the ticket, so an edit never overtakes the reply written before it. */
export const ORDERING_ENTITY = 'ticket';

export const TicketMessagePayload = z.object({
  ticketId: Id,
  message: PostMessageBody,
  authorId: Id.nullable(),
  /** The server's ticket version when the reply was written (null if the ticket was not cached). */
  seenVersion: z.number().int().min(1).nullable().default(null),
});
export type TicketMessagePayload = z.infer<typeof TicketMessagePayload>;

export const TicketPatchPayload = z.object({
  ticketId: Id,
  changes: PatchTicketBody,
  /** The server's ticket version this edit was made on; sent as If-Match. */
  baseVersion: z.number().int().min(1),
});
export type TicketPatchPayload = z.infer<typeof TicketPatchPayload>;

const localMessageId = (writeId: string) => `local:${writeId}`;

function serverTicket(db: Database, ticketId: string): Ticket | null {
  const row = db.prepare<[string], { data: string }>('SELECT data FROM ticket WHERE id = ?').get(ticketId);
  if (!row) return null;
  const parsed = Ticket.safeParse(JSON.parse(row.data));
  return parsed.success ? parsed.data : null;
}

/**
 * Lays this desk's unconfirmed edits over the server's ticket, in the order they were made,
 * so every screen shows what the agent did while the LMS has not confirmed it yet.
 */
export function refreshTicketOverlay(db: Database, ticketId: string): void {
  const server = serverTicket(db, ticketId);
  if (!server) return;
  const edits = unconfirmedEntriesOf(db, TICKET_PATCH, ORDERING_ENTITY, ticketId)
    .map((entry) => TicketPatchPayload.safeParse(entry.payload))
    .flatMap((parsed) => (parsed.success ? [parsed.data.changes] : []));
  const shown = edits.reduce<Ticket>((ticket, changes) => ({ ...ticket, ...changes }), server);
  db.prepare<[string, string | null, string | null, string | null, string, number, string]>(
    'UPDATE ticket SET status = ?, assignee_id = ?, learner_id = ?, module_id = ?, tags = ?, pending_edits = ? WHERE id = ?',
  ).run(shown.status, shown.assigneeId, shown.learnerId, shown.moduleId, JSON.stringify(shown.tags), edits.length, ticketId);
}

/** Tickets that have edits the LMS has not confirmed yet. */
export function ticketsWithUnconfirmedEdits(db: Database): Set<string> {
  const rows = db
    .prepare<[string], { entity_id: string }>(
      "SELECT DISTINCT entity_id FROM outbox WHERE kind = ? AND state IN ('queued', 'sending', 'sent', 'conflict')",
    )
    .all(TICKET_PATCH);
  return new Set(rows.map((r) => r.entity_id));
}

/**
 * After a write on a ticket went through and moved it from version `since` to `version`,
 * writes queued behind it that were made on `since` were made on what we ourselves changed,
 * not on someone else's change: they move to the new version instead of being refused as
 * conflicts. A jump of more than one version means someone else wrote in between, and the
 * conflict is real.
 */
export function rebaseQueuedWrites(db: Database, ticketId: string, since: number, version: number, now: Date): number {
  if (version !== since + 1) return 0;
  let moved = 0;
  const queued = db
    .prepare<[string, string], { id: string; kind: string; payload: string }>(
      "SELECT id, kind, payload FROM outbox WHERE entity = ? AND entity_id = ? AND state = 'queued' ORDER BY position",
    )
    .all(ORDERING_ENTITY, ticketId);
  for (const row of queued) {
    const raw: unknown = JSON.parse(row.payload);
    if (row.kind === TICKET_PATCH) {
      const parsed = TicketPatchPayload.safeParse(raw);
      if (!parsed.success || parsed.data.baseVersion !== since) continue;
      updateEntry(db, row.id, { state: 'queued', payload: { ...parsed.data, baseVersion: version } }, now);
      moved += 1;
    } else if (row.kind === TICKET_MESSAGE) {
      const parsed = TicketMessagePayload.safeParse(raw);
      if (!parsed.success || parsed.data.seenVersion !== since) continue;
      updateEntry(db, row.id, { state: 'queued', payload: { ...parsed.data, seenVersion: version } }, now);
      moved += 1;
    }
  }
  return moved;
}

export interface ReplyToRecord {
  ticketId: string;
  body: string;
  author: 'agent' | 'note';
  /** The agent writing it. */
  authorId: string | null;
  /** How the agent appears as the message's sender in search. */
  senderName?: string;
}

/** Records a reply or an internal note: a pending message in the thread and its outbox write, in one transaction. */
export function recordTicketMessage(db: Database, reply: ReplyToRecord, now: Date = new Date()): { writeId: string; messageId: string } {
  return db.transaction(() => {
    const payload = TicketMessagePayload.parse({
      ticketId: reply.ticketId,
      message: { body: reply.body, author: reply.author },
      authorId: reply.authorId,
      seenVersion: serverTicket(db, reply.ticketId)?.version ?? null,
    });
    const entry = enqueueWrite(db, { kind: TICKET_MESSAGE, entity: ORDERING_ENTITY, entityId: payload.ticketId, payload, queuedBy: payload.authorId }, now);
    const messageId = localMessageId(entry.id);
    const message: Message = {
      id: messageId,
      ticketId: payload.ticketId,
      author: payload.message.author,
      authorId: payload.authorId,
      body: payload.message.body,
      createdAt: now.toISOString(),
    };
    db.prepare<[string, string, string, string | null, string, string, string, string, string]>(
      `INSERT INTO message (id, ticket_id, author, author_id, sender, body, created_at, pending_write_id, data, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    ).run(messageId, message.ticketId, message.author, message.authorId, reply.senderName ?? message.authorId ?? '', message.body, message.createdAt, entry.id, JSON.stringify(message));
    return { writeId: entry.id, messageId };
  })();
}

export interface EditToRecord {
  ticketId: string;
  changes: z.input<typeof PatchTicketBody>;
  /** The agent making the change. */
  agentId: string | null;
}

export class TicketNotInCache extends Error {
  constructor(readonly ticketId: string) {
    super(`Ticket ${ticketId} is not in this desk's cache yet; wait for the sync to bring it, then try again.`);
    this.name = 'TicketNotInCache';
  }
}

/** Records an edit of a ticket: shown at once over the server's ticket, sent with If-Match. */
export function recordTicketEdit(db: Database, edit: EditToRecord, now: Date = new Date()): { writeId: string } {
  const changes = PatchTicketBody.parse(edit.changes);
  return db.transaction(() => {
    const server = serverTicket(db, edit.ticketId);
    if (!server) throw new TicketNotInCache(edit.ticketId);
    const payload: TicketPatchPayload = { ticketId: server.id, changes, baseVersion: server.version };
    const entry = enqueueWrite(db, { kind: TICKET_PATCH, entity: ORDERING_ENTITY, entityId: server.id, payload, queuedBy: edit.agentId }, now);
    refreshTicketOverlay(db, server.id);
    return { writeId: entry.id };
  })();
}

/**
 * The pending message row of a reply: dropped once the LMS's own message is in the cache, or the
 * write is withdrawn. A refused reply keeps its row (shown as not sent), dismissed or not, so
 * the thread never pretends the learner got it — nor hides that the agent wrote it.
 */
function settleMessage(db: Database, entry: OutboxEntry, state: OutboxState): void {
  if (state === 'confirmed' || state === 'discarded') {
    db.prepare<[string]>('DELETE FROM message WHERE id = ? AND pending_write_id IS NOT NULL').run(localMessageId(entry.id));
  }
}

export const ticketMessageKind = defineWriteKind<TicketMessagePayload>({
  kind: TICKET_MESSAGE,
  payload: TicketMessagePayload,
  describe: (p) => `${p.message.author === 'note' ? 'Internal note' : 'Reply'} on ticket ${p.ticketId}`,
  // A refused reply still has its pending row in the thread: a new try picks it up as it is.
  afterRefusal: { tryAgain: true },
  async send({ client, payload, idempotencyKey }) {
    const answer = await client.postMessage(payload.ticketId, payload.message, { idempotencyKey });
    return {
      outcome: 'sent',
      result: { messageId: answer.message.id, ticketVersion: answer.ticket.version },
      confirm: { entity: 'message', id: answer.message.id, version: null },
    };
  },
  settle(db, entry, state, now) {
    settleMessage(db, entry, state);
    if (state === 'sent') {
      const result = z.object({ ticketVersion: z.number().int() }).safeParse(entry.result);
      const payload = TicketMessagePayload.safeParse(entry.payload);
      if (result.success && payload.success && payload.data.seenVersion !== null) {
        rebaseQueuedWrites(db, payload.data.ticketId, payload.data.seenVersion, result.data.ticketVersion, now);
      }
    }
  },
});

export const ticketPatchKind = defineWriteKind<TicketPatchPayload>({
  kind: TICKET_PATCH,
  payload: TicketPatchPayload,
  describe: (p) => {
    const what = Object.entries(p.changes).map(([field, value]) => `${field} → ${Array.isArray(value) ? value.join(', ') || '(none)' : (value ?? '(none)')}`);
    return `Change on ticket ${p.ticketId}: ${what.join('; ')}`;
  },
  // A new try still carries If-Match: if the ticket moved on meanwhile, it becomes a conflict
  // the agent resolves, never an overwrite.
  afterRefusal: { tryAgain: true },
  async send({ client, payload, idempotencyKey }) {
    try {
      const ticket = await client.patchTicket(payload.ticketId, payload.changes, { ifMatch: payload.baseVersion, idempotencyKey });
      return { outcome: 'sent', result: { version: ticket.version, baseVersion: payload.baseVersion }, confirm: { entity: 'ticket', id: ticket.id, version: ticket.version } };
    } catch (error) {
      if (isLmsError(error) && error.status === 412) {
        const current = error.current ?? (await client.ticket(payload.ticketId));
        return {
          outcome: 'conflict',
          message: `Someone else changed ticket ${payload.ticketId} first (it is now at version ${current.version}); choose whether your change or theirs stands.`,
          current,
        };
      }
      throw error;
    }
  },
  settle(db, entry, state, now) {
    const parsed = TicketPatchPayload.safeParse(entry.payload);
    if (!parsed.success) return;
    if (state === 'sent') {
      const result = z.object({ version: z.number().int() }).safeParse(entry.result);
      if (result.success) rebaseQueuedWrites(db, parsed.data.ticketId, parsed.data.baseVersion, result.data.version, now);
    }
    refreshTicketOverlay(db, parsed.data.ticketId);
  },
});
