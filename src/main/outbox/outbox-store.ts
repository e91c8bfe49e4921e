// The outbox table: writes recorded locally, waiting for the LMS. A feature records a write
// with enqueueWrite INSIDE the transaction that makes its local effect, so either both are
// in the cache or neither is; the sender takes it from there.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { WriteState } from '../../shared/channels/sync';

export const OUTBOX_STATES = WriteState.options;
export type OutboxState = WriteState;

/** States in which a write still holds back later writes on the same record. */
export const BLOCKING_STATES: readonly OutboxState[] = ['queued', 'sending', 'conflict'];
/** States in which a write's local effect is still shown on top of the server's record. */
export const UNCONFIRMED_STATES: readonly OutboxState[] = ['queued', 'sending', 'sent', 'conflict'];

export interface OutboxEntry {
  position: number;
  id: string;
  idempotencyKey: string;
  kind: string;
  entity: string;
  entityId: string;
  payload: unknown;
  state: OutboxState;
  attempts: number;
  /** Epoch milliseconds. */
  nextAttemptAt: number;
  lastError: string | null;
  result: unknown;
  confirmEntity: string | null;
  confirmId: string | null;
  confirmVersion: number | null;
  conflict: unknown;
  queuedBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** When a person dismissed the refused write, and who (an agent id, if known). */
  dismissedAt: string | null;
  dismissedBy: string | null;
  /** Left unsent when Passdesk switched LMS: never to be sent to the LMS it uses now. */
  forPreviousLms: boolean;
}

export interface OutboxRow {
  position: number;
  id: string;
  idempotency_key: string;
  kind: string;
  entity: string;
  entity_id: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  result: string | null;
  confirm_entity: string | null;
  confirm_id: string | null;
  confirm_version: number | null;
  conflict: string | null;
  queued_by: string | null;
  created_at: string;
  updated_at: string;
  dismissed_at: string | null;
  dismissed_by: string | null;
  for_previous_lms: number;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function entryOf(row: OutboxRow): OutboxEntry {
  return {
    position: row.position,
    id: row.id,
    idempotencyKey: row.idempotency_key,
    kind: row.kind,
    entity: row.entity,
    entityId: row.entity_id,
    payload: parseJson(row.payload),
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    result: parseJson(row.result),
    confirmEntity: row.confirm_entity,
    confirmId: row.confirm_id,
    confirmVersion: row.confirm_version,
    conflict: parseJson(row.conflict),
    queuedBy: row.queued_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    dismissedAt: row.dismissed_at,
    dismissedBy: row.dismissed_by,
    forPreviousLms: row.for_previous_lms === 1,
  };
}

export interface WriteToQueue {
  kind: string;
  /** With entityId, the ordering key: writes on one record go out one at a time, in order. */
  entity: string;
  entityId: string;
  payload: unknown;
  /** Who asked for the write (an agent id), for the Sync panel and the audit trail. */
  queuedBy?: string | null;
  /** Not sent before this time (epoch ms): an undo window. Default: at once. */
  notBefore?: number;
  /** A client-generated id; generated when absent. Sent as the Idempotency-Key. */
  id?: string;
}

/**
 * Records a write for the LMS. Must run inside the caller's transaction, together with the
 * write's local effect; refuses otherwise, because a write whose effect could commit
 * without it (or the other way round) is exactly what the outbox exists to prevent.
 */
export function enqueueWrite(db: Database, write: WriteToQueue, now: Date = new Date()): OutboxEntry {
  if (!db.inTransaction) {
    throw new Error(`enqueueWrite(${write.kind}) must run inside the transaction that makes the write's local change, so both commit or neither does.`);
  }
  const id = write.id ?? randomUUID();
  if (!/^[A-Za-z0-9_.:-]{8,120}$/.test(id)) {
    throw new Error(`An outbox id must be 8–120 letters, digits, '_', '.', ':' or '-' (it is sent as the Idempotency-Key); got "${id.slice(0, 40)}".`);
  }
  const payload = JSON.stringify(write.payload);
  if (payload === undefined) throw new Error(`The payload of a ${write.kind} write must be JSON.`);
  const at = now.toISOString();
  const row = db
    .prepare<[string, string, string, string, string, string, number, string | null, string, string], OutboxRow>(
      `INSERT INTO outbox (id, idempotency_key, kind, entity, entity_id, payload, state, next_attempt_at, queued_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?) RETURNING *`,
    )
    .get(id, id, write.kind, write.entity, write.entityId, payload, write.notBefore ?? now.getTime(), write.queuedBy ?? null, at, at);
  if (!row) throw new Error('The outbox did not return the write it recorded.');
  return entryOf(row);
}

export function outboxEntry(db: Database, id: string): OutboxEntry | null {
  const row = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE id = ?').get(id);
  return row ? entryOf(row) : null;
}

/** Withdraws a write that has not gone out yet (an undo); false when it is already on its way. */
export function withdrawWrite(db: Database, id: string, now: Date = new Date()): boolean {
  const changed = db
    .prepare<[string, string]>("UPDATE outbox SET state = 'discarded', last_error = 'Withdrawn before it was sent.', updated_at = ? WHERE id = ? AND state = 'queued'")
    .run(now.toISOString(), id);
  return changed.changes === 1;
}

/**
 * Puts a write the LMS refused aside once a person has read why. The row stays, with the LMS's
 * reason; false when the write is not (or no longer) refused.
 */
export function dismissFailedWrite(db: Database, id: string, by: string | null, now: Date = new Date()): boolean {
  const at = now.toISOString();
  return (
    db
      .prepare<[string, string | null, string, string]>("UPDATE outbox SET state = 'dismissed', dismissed_at = ?, dismissed_by = ?, updated_at = ? WHERE id = ? AND state = 'failed'")
      .run(at, by, at, id).changes === 1
  );
}

/**
 * Queues a refused write again, due now, with a fresh count of tries and the same idempotency
 * key, so however its earlier tries went, the LMS records it at most once. False when the write
 * is not refused, or was meant for the LMS Passdesk used before.
 */
export function requeueFailedWrite(db: Database, id: string, now: Date = new Date()): boolean {
  return (
    db
      .prepare<[number, string, string]>(
        "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = ?, last_error = NULL, updated_at = ? WHERE id = ? AND state = 'failed' AND for_previous_lms = 0",
      )
      .run(now.getTime(), now.toISOString(), id).changes === 1
  );
}

const inList = (states: readonly OutboxState[]) => states.map((s) => `'${s}'`).join(', ');

/**
 * The first due write of each record whose earlier writes are all settled, oldest first.
 * A write in conflict holds back the later ones on its record until a person decides.
 */
export function dueWrites(db: Database, nowMs: number, limit: number, exceptKeys: ReadonlySet<string>): OutboxEntry[] {
  const rows = db
    .prepare<[number, number], OutboxRow>(
      `SELECT o.* FROM outbox o
       WHERE o.state = 'queued' AND o.next_attempt_at <= ?
         AND NOT EXISTS (
           SELECT 1 FROM outbox p
           WHERE p.entity = o.entity AND p.entity_id = o.entity_id AND p.position < o.position
             AND p.state IN (${inList(BLOCKING_STATES)}))
       ORDER BY o.position LIMIT ?`,
    )
    .all(nowMs, limit + exceptKeys.size);
  return rows
    .map(entryOf)
    .filter((e) => !exceptKeys.has(orderingKey(e)))
    .slice(0, limit);
}

export function orderingKey(entry: Pick<OutboxEntry, 'entity' | 'entityId'>): string {
  return `${entry.entity}\u0000${entry.entityId}`;
}

/** When the next queued write becomes due (epoch ms), or null when none waits. */
export function nextDueAt(db: Database): number | null {
  return db.prepare<[], { at: number | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'queued'").get()?.at ?? null;
}

/** Claims a queued write for sending; false if someone else did (or it was withdrawn). */
export function claimWrite(db: Database, id: string, now: Date): boolean {
  return (
    db
      .prepare<[string, string]>("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'")
      .run(now.toISOString(), id).changes === 1
  );
}

/** After a crash, a write caught mid-send goes back to the queue; its key makes the resend safe. */
export function requeueInterruptedSends(db: Database, now: Date): number {
  return db.prepare<[string]>("UPDATE outbox SET state = 'queued', updated_at = ? WHERE state = 'sending'").run(now.toISOString()).changes;
}

/** "Sync now": every queued write is due at once, whatever its backoff said. */
export function makeQueuedWritesDue(db: Database, nowMs: number): number {
  return db.prepare<[number, number]>("UPDATE outbox SET next_attempt_at = ? WHERE state = 'queued' AND next_attempt_at > ?").run(nowMs, nowMs).changes;
}

export interface OutboxCounts {
  /** Not yet confirmed by the LMS's change feed: queued, sending or sent. */
  pending: number;
  failed: number;
  conflicts: number;
}

export function outboxCounts(db: Database): OutboxCounts {
  const rows = db
    .prepare<[], { state: OutboxState; n: number }>(
      "SELECT state, count(*) AS n FROM outbox WHERE state IN ('queued', 'sending', 'sent', 'failed', 'conflict') GROUP BY state",
    )
    .all();
  const n = (s: OutboxState) => rows.find((r) => r.state === s)?.n ?? 0;
  return { pending: n('queued') + n('sending') + n('sent'), failed: n('failed'), conflicts: n('conflict') };
}

export function entriesInStates(db: Database, states: readonly OutboxState[], limit: number): OutboxEntry[] {
  return db
    .prepare<[number], OutboxRow>(`SELECT * FROM outbox WHERE state IN (${inList(states)}) ORDER BY position LIMIT ?`)
    .all(limit)
    .map(entryOf);
}

/** The writes on one record in the given states, oldest first; read through outbox_by_key, however long the outbox. */
export function entriesOfRecord(db: Database, entity: string, entityId: string, states: readonly OutboxState[]): OutboxEntry[] {
  return db
    .prepare<[string, string], OutboxRow>(`SELECT * FROM outbox WHERE entity = ? AND entity_id = ? AND state IN (${inList(states)}) ORDER BY position`)
    .all(entity, entityId)
    .map(entryOf);
}

export function unconfirmedEntriesOf(db: Database, kind: string, entity: string, entityId: string): OutboxEntry[] {
  return db
    .prepare<[string, string, string], OutboxRow>(
      `SELECT * FROM outbox WHERE kind = ? AND entity = ? AND entity_id = ? AND state IN (${inList(UNCONFIRMED_STATES)}) ORDER BY position`,
    )
    .all(kind, entity, entityId)
    .map(entryOf);
}

export interface EntryUpdate {
  state: OutboxState;
  lastError?: string | null;
  nextAttemptAt?: number;
  result?: unknown;
  confirm?: { entity: string; id: string; version: number | null } | null;
  conflict?: unknown;
  payload?: unknown;
  idempotencyKey?: string;
}

export function updateEntry(db: Database, id: string, update: EntryUpdate, now: Date): void {
  const sets: string[] = ['state = @state', 'updated_at = @updatedAt'];
  const params: Record<string, string | number | null> = { id, state: update.state, updatedAt: now.toISOString() };
  if (update.lastError !== undefined) {
    sets.push('last_error = @lastError');
    params.lastError = update.lastError;
  }
  if (update.nextAttemptAt !== undefined) {
    sets.push('next_attempt_at = @nextAttemptAt');
    params.nextAttemptAt = update.nextAttemptAt;
  }
  if (update.result !== undefined) {
    sets.push('result = @result');
    params.result = update.result === null ? null : JSON.stringify(update.result);
  }
  if (update.confirm !== undefined) {
    sets.push('confirm_entity = @confirmEntity', 'confirm_id = @confirmId', 'confirm_version = @confirmVersion');
    params.confirmEntity = update.confirm?.entity ?? null;
    params.confirmId = update.confirm?.id ?? null;
    params.confirmVersion = update.confirm?.version ?? null;
  }
  if (update.conflict !== undefined) {
    sets.push('conflict = @conflict');
    params.conflict = update.conflict === null ? null : JSON.stringify(update.conflict);
  }
  if (update.payload !== undefined) {
    sets.push('payload = @payload');
    params.payload = JSON.stringify(update.payload);
  }
  if (update.idempotencyKey !== undefined) {
    sets.push('idempotency_key = @idempotencyKey');
    params.idempotencyKey = update.idempotencyKey;
  }
  db.prepare(`UPDATE outbox SET ${sets.join(', ')} WHERE id = @id`).run(params);
}
