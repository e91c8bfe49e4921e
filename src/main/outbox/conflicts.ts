// Ticket edits the LMS refused because someone changed the ticket first (412). The user's
// change is kept and shown next to the LMS's version; the user picks: "mine" sends the change
// again on top of their version, "theirs" drops it. Nothing is overwritten without a choice.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ConflictChoice, TicketConflict } from '../../shared/channels/sync';
import { Ticket } from '../../shared/lms/entities';
import { entriesInStates, entriesOfRecord, outboxEntry, updateEntry } from './outbox-store';
import { ORDERING_ENTITY, TICKET_PATCH, TicketPatchPayload } from './ticket-writes';
import type { WriteKinds } from './write-kinds';

export class ConflictNotFound extends Error {
  constructor(readonly writeId: string) {
    super(`There is no open conflict for write ${writeId}; it may have been resolved already. Reload the Sync panel.`);
    this.name = 'ConflictNotFound';
  }
}

/** Every ticket's conflicts (up to `limit`), or all of one ticket's. */
export function listTicketConflicts(db: Database, limit = 200, ticketId?: string): TicketConflict[] {
  const entries = ticketId === undefined ? entriesInStates(db, ['conflict'], limit) : entriesOfRecord(db, ORDERING_ENTITY, ticketId, ['conflict']);
  return entries.flatMap((entry) => {
    if (entry.kind !== TICKET_PATCH) return [];
    const payload = TicketPatchPayload.safeParse(entry.payload);
    const theirs = Ticket.safeParse(entry.conflict);
    if (!payload.success || !theirs.success) return [];
    return [{
      writeId: entry.id,
      ticketId: payload.data.ticketId,
      subject: theirs.data.subject,
      mine: payload.data.changes,
      baseVersion: payload.data.baseVersion,
      theirs: theirs.data,
      detectedAt: entry.updatedAt,
    }];
  });
}

export function resolveTicketConflict(db: Database, kinds: WriteKinds, writeId: string, choice: ConflictChoice, now: Date): void {
  db.transaction(() => {
    const entry = outboxEntry(db, writeId);
    if (!entry || entry.state !== 'conflict' || entry.kind !== TICKET_PATCH) throw new ConflictNotFound(writeId);
    const payload = TicketPatchPayload.parse(entry.payload);
    if (choice === 'theirs') {
      updateEntry(db, entry.id, { state: 'discarded', lastError: 'Dropped: their version was kept.', conflict: null }, now);
    } else {
      const theirs = Ticket.parse(entry.conflict);
      // A new key: the LMS remembers the refused try under the old one.
      updateEntry(
        db,
        entry.id,
        {
          state: 'queued',
          payload: { ...payload, baseVersion: theirs.version },
          idempotencyKey: `${entry.id}.${randomUUID().slice(0, 8)}`,
          nextAttemptAt: now.getTime(),
          lastError: null,
          conflict: null,
        },
        now,
      );
    }
    const updated = outboxEntry(db, entry.id);
    if (updated) kinds.get(entry.kind)?.settle?.(db, updated, updated.state, now);
  })();
}
