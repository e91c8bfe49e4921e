// Where the outbox meets the change feed: a write the LMS accepted stays "sent" (its local
// effect still shown) until the feed brings the record it made; then it is confirmed and the
// local stand-in gives way to the server's truth. Runs inside the transaction of each page.
import type { Database } from 'better-sqlite3';
import { EntityName } from '../../shared/lms/entities';
import { entityTables } from '../cache/entity-tables';
import { entriesInStates, outboxEntry, UNCONFIRMED_STATES, updateEntry, type OutboxEntry } from './outbox-store';
import { refreshTicketOverlay, ticketsWithUnconfirmedEdits } from './ticket-writes';
import type { WriteKinds } from './write-kinds';

/** Whether the cache already holds the record that confirms this write. */
export function confirmationArrived(db: Database, entry: OutboxEntry): boolean {
  if (entry.confirmEntity === null || entry.confirmId === null) return true;
  const entity = EntityName.safeParse(entry.confirmEntity);
  if (!entity.success) return false;
  const table = entityTables[entity.data].table;
  if (entity.data === 'ticket' && entry.confirmVersion !== null) {
    return db.prepare<[string, number]>(`SELECT 1 FROM ${table} WHERE id = ? AND version >= ?`).get(entry.confirmId, entry.confirmVersion) !== undefined;
  }
  return db.prepare<[string]>(`SELECT 1 FROM ${table} WHERE id = ?`).get(entry.confirmId) !== undefined;
}

/** Confirms one sent write if its record is in the cache; returns whether it did. */
export function confirmIfArrived(db: Database, kinds: WriteKinds, entry: OutboxEntry, now: Date): boolean {
  if (entry.state !== 'sent' || !confirmationArrived(db, entry)) return false;
  updateEntry(db, entry.id, { state: 'confirmed', lastError: null }, now);
  const confirmed = outboxEntry(db, entry.id);
  if (confirmed) kinds.get(entry.kind)?.settle?.(db, confirmed, 'confirmed', now);
  return true;
}

const SENT_CHECKED_PER_PAGE = 10_000;

/**
 * Whether the outbox holds writes that reconcileWithFeed may have to settle as pages arrive:
 * a write not yet confirmed by the feed, or one whose local effect is laid over a record the
 * feed may rewrite. While none does, pages can be written without reconcileWithFeed (the
 * first-sync writer checks this in each of its transactions).
 */
export function writesAwaitFeed(db: Database): boolean {
  return entriesInStates(db, UNCONFIRMED_STATES, 1).length > 0;
}

export interface FeedTouch {
  ticketIds: ReadonlySet<string>;
  touchedAny: boolean;
}

/** After a page: confirm what arrived, and lay unconfirmed edits over tickets the page rewrote. */
export function reconcileWithFeed(db: Database, kinds: WriteKinds, touch: FeedTouch, now: Date): { confirmed: number } {
  let confirmed = 0;
  if (touch.touchedAny) {
    for (const entry of entriesInStates(db, ['sent'], SENT_CHECKED_PER_PAGE)) {
      if (confirmIfArrived(db, kinds, entry, now)) confirmed += 1;
    }
  }
  if (touch.ticketIds.size > 0) {
    const edited = ticketsWithUnconfirmedEdits(db);
    for (const ticketId of touch.ticketIds) if (edited.has(ticketId)) refreshTicketOverlay(db, ticketId);
  }
  return { confirmed };
}
