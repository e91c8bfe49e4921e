// The pass_request table: reading passes for the panel and the Passes list, and moving a
// pass from one state to the next together with its audit entry. Transitions name the
// states they may start from, so a pass can never go back (a verified pass never becomes
// queued, a cancelled one is never sent).
import type { Database } from 'better-sqlite3';
import { PassBrief, PassListQuery, PassState, PassSummary } from '../../shared/channels/passes';
import { Evidence } from '../../shared/lms/entities';
import { VerdictKind } from '../../shared/verdict';
import type { z } from 'zod';
import type { Actor, AuditLog } from './audit-log';

export interface PassRow {
  id: string;
  idempotency_key: string;
  outbox_id: string;
  batch_id: string;
  learner_id: string;
  learner_name: string;
  module_id: string;
  module_name: string;
  course_name: string;
  blue_bucks: number;
  ticket_id: string | null;
  proposal_id: string | null;
  requested_by: string;
  requested_by_name: string;
  reason: string;
  override: number;
  verdict_kind: string;
  reply_to_learner: number;
  evidence: string;
  state: PassState;
  state_reason: string | null;
  alert: string | null;
  sends: number;
  lms_pass_id: string | null;
  undo_until: string;
  requested_at: string;
  updated_at: string;
  note_write_id: string | null;
}

export const LIVE_STATES: readonly PassState[] = ['queued', 'sending', 'confirmed', 'verified'];
const inList = (states: readonly string[]) => states.map((s) => `'${s}'`).join(', ');

/** Where the pass's outbox write stands, for passes still on their way. */
export interface WriteProgress {
  state: string;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

/** Nothing of the pass has reached the LMS and no send is in flight: it can still be withdrawn. */
export function isCancellable(row: Pick<PassRow, 'state' | 'sends'>, write: WriteProgress | null): boolean {
  if (row.state === 'queued') return write === null || write.state === 'queued';
  return row.state === 'sending' && row.sends === 0 && write !== null && write.state === 'queued';
}

function waitingText(row: PassRow, write: WriteProgress | null, nowMs: number): string | null {
  if (!write || (row.state !== 'queued' && row.state !== 'sending')) return null;
  if (row.state === 'queued' && write.attempts === 0) return Date.parse(row.undo_until) > nowMs ? null : 'Waiting for the LMS to be reachable.';
  if (write.state === 'sending') return 'Being sent to the LMS now.';
  if (write.state === 'queued' && write.lastError) {
    const at = new Date(Math.max(write.nextAttemptAt, nowMs)).toISOString().slice(11, 19);
    return `Not through yet (${write.lastError}) — tried ${write.attempts} time${write.attempts === 1 ? '' : 's'}, next try at ${at} UTC.`;
  }
  return null;
}

export function summaryOf(row: PassRow, write: WriteProgress | null, nowMs: number): PassSummary {
  return {
    id: row.id,
    learnerId: row.learner_id,
    learnerName: row.learner_name,
    moduleId: row.module_id,
    moduleName: row.module_name,
    courseName: row.course_name,
    blueBucks: row.blue_bucks,
    ticketId: row.ticket_id,
    state: row.state,
    stateReason: row.state_reason,
    override: row.override === 1,
    verdictKind: VerdictKind.parse(row.verdict_kind),
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedByName: row.requested_by_name,
    requestedAt: row.requested_at,
    undoUntil: row.undo_until,
    cancellable: isCancellable(row, write),
    waitingFor: waitingText(row, write, nowMs),
    updatedAt: row.updated_at,
    alert: row.alert,
    lmsPassId: row.lms_pass_id,
    evidence: Evidence.parse(JSON.parse(row.evidence)),
  };
}

export function briefOf(row: Pick<PassRow, 'id' | 'state' | 'override' | 'alert'>): PassBrief {
  return { id: row.id, state: row.state, override: row.override === 1, alert: row.alert };
}

export interface Transition {
  from: readonly PassState[];
  to: PassState;
  action: string;
  detail: string;
  actor: Actor;
  stateReason?: string | null;
  alert?: string | null;
  lmsPassId?: string;
}

export interface PassStore {
  get(id: string): PassRow | null;
  byOutboxId(outboxId: string): PassRow | null;
  /** The live pass of this learner on this module, if any. */
  live(learnerId: string, moduleId: string): PassRow | null;
  /** The latest pass of each of these learners on the module. */
  latestFor(moduleId: string, learnerIds: readonly string[]): Map<string, PassRow>;
  /** Moves the pass when it is in one of `from`; returns the row after, or null when it was not. Must run in a transaction. */
  move(id: string, t: Transition, now: Date): PassRow | null;
  countSend(id: string, now: Date): number;
  setAlert(id: string, alert: string | null, now: Date): void;
  setNoteWrite(id: string, writeId: string): void;
  writeOf(row: PassRow): WriteProgress | null;
  summary(row: PassRow, nowMs: number): PassSummary;
  inStates(states: readonly PassState[], limit: number): PassRow[];
  list(query: z.output<typeof PassListQuery>): { rows: PassRow[]; total: number };
  admins(): Array<{ id: string; name: string }>;
  modules(): Array<{ id: string; name: string }>;
}

export function createPassStore(db: Database, audit: AuditLog): PassStore {
  const get = db.prepare<[string], PassRow>('SELECT * FROM pass_request WHERE id = ?');
  const byOutbox = db.prepare<[string], PassRow>('SELECT * FROM pass_request WHERE outbox_id = ?');
  const live = db.prepare<[string, string], PassRow>(
    `SELECT * FROM pass_request WHERE learner_id = ? AND module_id = ? AND state IN (${inList(LIVE_STATES)}) LIMIT 1`,
  );
  const latest = db.prepare<[string, string], PassRow>('SELECT * FROM pass_request WHERE module_id = ? AND learner_id = ? ORDER BY requested_at DESC, rowid DESC LIMIT 1');
  const countSend = db.prepare<[string, string], { sends: number }>('UPDATE pass_request SET sends = sends + 1, updated_at = ? WHERE id = ? RETURNING sends');
  const setAlert = db.prepare<[string | null, string, string]>('UPDATE pass_request SET alert = ?, updated_at = ? WHERE id = ?');
  const setNote = db.prepare<[string, string]>('UPDATE pass_request SET note_write_id = ? WHERE id = ?');
  const write = db.prepare<[string], { state: string; attempts: number; next_attempt_at: number; last_error: string | null }>(
    'SELECT state, attempts, next_attempt_at, last_error FROM outbox WHERE id = ?',
  );
  const writeOf = (row: PassRow): WriteProgress | null => {
    const w = write.get(row.outbox_id);
    return w ? { state: w.state, attempts: w.attempts, nextAttemptAt: w.next_attempt_at, lastError: w.last_error } : null;
  };

  return {
    get: (id) => get.get(id) ?? null,
    byOutboxId: (outboxId) => byOutbox.get(outboxId) ?? null,
    live: (learnerId, moduleId) => live.get(learnerId, moduleId) ?? null,
    latestFor(moduleId, learnerIds) {
      const found = new Map<string, PassRow>();
      for (const learnerId of learnerIds) {
        const row = latest.get(moduleId, learnerId);
        if (row) found.set(learnerId, row);
      }
      return found;
    },
    move(id, t, now) {
      if (!db.inTransaction) throw new Error(`Moving pass ${id} to ${t.to} must happen in a transaction with its audit entry.`);
      const sets = ['state = @to', 'updated_at = @at'];
      const params: Record<string, string | null> = { id, to: t.to, at: now.toISOString() };
      if (t.stateReason !== undefined) {
        sets.push('state_reason = @reason');
        params.reason = t.stateReason;
      }
      if (t.alert !== undefined) {
        sets.push('alert = @alert');
        params.alert = t.alert;
      }
      if (t.lmsPassId !== undefined) {
        sets.push('lms_pass_id = @lmsPassId');
        params.lmsPassId = t.lmsPassId;
      }
      const row = db
        .prepare<Record<string, string | null>, PassRow>(`UPDATE pass_request SET ${sets.join(', ')} WHERE id = @id AND state IN (${inList(t.from)}) RETURNING *`)
        .get(params);
      if (!row) return null;
      audit.append({ at: now, actor: t.actor, action: t.action, passId: id, detail: t.detail });
      return row;
    },
    countSend: (id, now) => countSend.get(now.toISOString(), id)?.sends ?? 0,
    setAlert: (id, alert, now) => void setAlert.run(alert, now.toISOString(), id),
    setNoteWrite: (id, writeId) => void setNote.run(writeId, id),
    writeOf,
    summary: (row, nowMs) => summaryOf(row, writeOf(row), nowMs),
    inStates: (states, limit) =>
      db.prepare<[number], PassRow>(`SELECT * FROM pass_request WHERE state IN (${inList(states)}) ORDER BY requested_at LIMIT ?`).all(limit),
    list(query) {
      const where: string[] = [];
      const params: Record<string, string | number> = {};
      if (query.state) {
        where.push('state = @state');
        params.state = query.state;
      }
      if (query.adminId) {
        where.push('requested_by = @admin');
        params.admin = query.adminId;
      }
      if (query.moduleId) {
        where.push('module_id = @module');
        params.module = query.moduleId;
      }
      if (query.learnerId) {
        where.push('learner_id = @learner');
        params.learner = query.learnerId;
      }
      if (query.ticketId) {
        where.push('ticket_id = @ticket');
        params.ticket = query.ticketId;
      }
      if (query.from) {
        where.push('requested_at >= @from');
        params.from = query.from;
      }
      if (query.to) {
        // Inclusive of the whole "to" day.
        where.push('requested_at < @to');
        params.to = new Date(Date.parse(query.to) + 86_400_000).toISOString().slice(0, 10);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = db.prepare<Record<string, string | number>, { n: number }>(`SELECT count(*) AS n FROM pass_request ${clause}`).get(params)?.n ?? 0;
      const rows = db
        .prepare<Record<string, string | number>, PassRow>(`SELECT * FROM pass_request ${clause} ORDER BY requested_at DESC, rowid DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: query.limit, offset: query.offset });
      return { rows, total };
    },
    modules: () =>
      db.prepare<[], { id: string; name: string }>('SELECT module_id AS id, max(module_name) AS name FROM pass_request GROUP BY module_id ORDER BY name').all(),
    admins: () =>
      db.prepare<[], { id: string; name: string }>('SELECT requested_by AS id, max(requested_by_name) AS name FROM pass_request GROUP BY requested_by ORDER BY name').all(),
  };
}
