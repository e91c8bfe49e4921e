// Applies pages of the LMS change feed to the cache. One page is one transaction together
// with the cursor after it, so a crash or a kill leaves the cache at a page boundary it knows
// how to resume from: no change is applied twice or skipped. A record that fails validation
// is quarantined with the reason, and the page goes on.
import type { Database, Statement } from 'better-sqlite3';
import type { Change } from '../../shared/lms/api';
import type { EntityName, EntityRecord } from '../../shared/lms/entities';
import { deleteSql, entityNames, upsertParams, upsertSql, type SenderDirectory, type SqlValue } from './entity-tables';
import type { QuarantineStore } from './quarantine';
import { checkRecord } from './record-check';
import type { PullState, SyncStateStore } from './sync-state';

export type EntityCounts = Partial<Record<EntityName, number>>;

export interface PageEffects {
  /** Records written per entity (new or updated). */
  upserted: EntityCounts;
  deleted: EntityCounts;
  quarantined: number;
  /** Tickets whose server record changed: their unconfirmed local edits are laid on again. */
  ticketIds: Set<string>;
  /** Whether any record the outbox waits for may have arrived. */
  touchedAny: boolean;
}

export interface FeedApplier {
  /**
   * Applies the changes in feed order, runs `alsoInTransaction` (the outbox's reconciliation),
   * and records `state` (the new cursor) — all in one transaction.
   */
  applyPage(changes: readonly Change[], state: Partial<PullState>, alsoInTransaction?: (effects: PageEffects) => void): PageEffects;
  /** Tries quarantined records checked under older rules again; returns how many were let in. */
  retryQuarantined(alsoInTransaction?: (effects: PageEffects) => void): { released: number; held: number };
}

export interface FeedApplierOptions {
  quarantine: QuarantineStore;
  syncState: SyncStateStore;
  /** Names the current validation rules (schemaFingerprint). */
  fingerprint: string;
  now: () => Date;
}

function emptyEffects(): PageEffects {
  return { upserted: {}, deleted: {}, quarantined: 0, ticketIds: new Set(), touchedAny: false };
}

function bump(counts: EntityCounts, entity: EntityName): void {
  counts[entity] = (counts[entity] ?? 0) + 1;
}

/** The record as the LMS sent it, for the quarantine; a value JSON cannot hold is described instead. */
function rawText(data: unknown): string {
  try {
    return JSON.stringify(data) ?? 'undefined';
  } catch (error) {
    return `(not representable as JSON: ${error instanceof Error ? error.message : String(error)})`;
  }
}

export function createFeedApplier(db: Database, options: FeedApplierOptions): FeedApplier {
  const upserts = new Map<EntityName, Statement<SqlValue[]>>(entityNames.map((e) => [e, db.prepare<SqlValue[]>(upsertSql(e))]));
  const deletes = new Map<EntityName, Statement<[string]>>(entityNames.map((e) => [e, db.prepare<[string]>(deleteSql(e))]));
  const ticketSender: Statement<[string], { from_email: string }> = db.prepare('SELECT from_email FROM ticket WHERE id = ?');
  const agentSender: Statement<[string], { name: string; email: string }> = db.prepare('SELECT name, email FROM agent WHERE id = ?');
  const senders: SenderDirectory = {
    ticketSender: (id) => ticketSender.get(id)?.from_email ?? null,
    agentSender: (id) => {
      const agent = agentSender.get(id);
      return agent ? `${agent.name} <${agent.email}>` : null;
    },
  };
  const { quarantine, syncState } = options;

  function writeRecord<E extends EntityName>(entity: E, record: EntityRecord<E>, seq: number, effects: PageEffects): void {
    const statement = upserts.get(entity);
    if (!statement) throw new Error(`No cache table for entity ${entity}.`);
    statement.run(...upsertParams(entity, record, JSON.stringify(record), seq, senders));
    quarantine.release(entity, record.id);
    bump(effects.upserted, entity);
    effects.touchedAny = true;
    if (entity === 'ticket') effects.ticketIds.add(record.id);
  }

  function applyOne(change: Change, effects: PageEffects, at: string): void {
    if (change.op === 'delete') {
      deletes.get(change.entity)?.run(change.id);
      quarantine.release(change.entity, change.id);
      bump(effects.deleted, change.entity);
      effects.touchedAny = true;
      if (change.entity === 'ticket') effects.ticketIds.add(change.id);
      return;
    }
    const checked = checkRecord(change.entity, change.id, change.data);
    if (checked.ok) {
      writeRecord(change.entity, checked.record, change.seq, effects);
      return;
    }
    // The older valid version, if any, stays: a stale record is more use to an agent than none.
    quarantine.put({
      entity: change.entity,
      recordId: change.id,
      seq: change.seq,
      raw: rawText(change.data),
      reason: checked.reason,
      fingerprint: options.fingerprint,
      at,
    });
    effects.quarantined += 1;
  }

  function inTransaction<T>(work: () => T): T {
    try {
      return db.transaction(work).immediate();
    } catch (error) {
      quarantine.reload();
      throw error;
    }
  }

  return {
    applyPage(changes, state, alsoInTransaction) {
      const at = options.now().toISOString();
      return inTransaction(() => {
        const effects = emptyEffects();
        for (const change of changes) applyOne(change, effects, at);
        alsoInTransaction?.(effects);
        syncState.write(state);
        return effects;
      });
    },

    retryQuarantined(alsoInTransaction) {
      const stale = quarantine.checkedUnderOtherRules(options.fingerprint);
      if (stale.length === 0) return { released: 0, held: 0 };
      const at = options.now().toISOString();
      return inTransaction(() => {
        const effects = emptyEffects();
        let held = 0;
        for (const entry of stale) {
          let data: unknown;
          try {
            data = JSON.parse(entry.raw);
          } catch {
            data = undefined;
          }
          const checked = checkRecord(entry.entity, entry.recordId, data);
          if (checked.ok) {
            writeRecord(entry.entity, checked.record, entry.seq, effects);
          } else {
            held += 1;
            quarantine.put({ entity: entry.entity, recordId: entry.recordId, seq: entry.seq, raw: entry.raw, reason: checked.reason, fingerprint: options.fingerprint, at });
          }
        }
        alsoInTransaction?.(effects);
        return { released: stale.length - held, held };
      });
    },
  };
}
