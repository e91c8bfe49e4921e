// Applies pages of the LMS change feed to the cache. One page is one transaction together
// with the cursor after it, so a crash or a kill leaves the cache at a page boundary it knows
// how to resume from: no change is applied twice or skipped. A record that fails validation
// is quarantined with the reason, and the page goes on.
import type { Database, Statement } from 'better-sqlite3';
import type { Change } from '../../shared/lms/api';
import type { EntityName, EntityRecord } from '../../shared/lms/entities';
import { deleteSql, entityNames, upsertParams, upsertSql, type SenderDirectory, type SqlValue } from './entity-tables';
import { prepareChange, type PreparedChange } from './prepared-page';
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
  /** The same for a page whose records were already checked and shaped (prepared-page.ts). */
  applyPreparedPage(changes: readonly PreparedChange[], state: Partial<PullState>, alsoInTransaction?: (effects: PageEffects) => void): PageEffects;
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
    writeRow(entity, record.id, upsertParams(entity, record, JSON.stringify(record), seq, senders), effects);
  }

  function writeRow(entity: EntityName, id: string, params: SqlValue[], effects: PageEffects): void {
    const statement = upserts.get(entity);
    if (!statement) throw new Error(`No cache table for entity ${entity}.`);
    statement.run(...params);
    quarantine.release(entity, id);
    bump(effects.upserted, entity);
    effects.touchedAny = true;
    if (entity === 'ticket') effects.ticketIds.add(id);
  }

  function applyOne(change: PreparedChange, effects: PageEffects, at: string): void {
    switch (change.op) {
      case 'delete':
        deletes.get(change.entity)?.run(change.id);
        quarantine.release(change.entity, change.id);
        bump(effects.deleted, change.entity);
        effects.touchedAny = true;
        if (change.entity === 'ticket') effects.ticketIds.add(change.id);
        return;
      case 'upsert':
        writeRow(change.entity, change.id, change.params, effects);
        return;
      case 'upsert_message':
        writeRow('message', change.id, upsertParams('message', change.record, change.data, change.seq, senders), effects);
        return;
      case 'quarantine':
        // The older valid version, if any, stays: a stale record is more use to an agent than none.
        quarantine.put({ entity: change.entity, recordId: change.id, seq: change.seq, raw: change.raw, reason: change.reason, fingerprint: options.fingerprint, at });
        effects.quarantined += 1;
        return;
    }
  }

  function inTransaction<T>(work: () => T): T {
    try {
      return db.transaction(work).immediate();
    } catch (error) {
      quarantine.reload();
      throw error;
    }
  }

  function applyPreparedPage(changes: readonly PreparedChange[], state: Partial<PullState>, alsoInTransaction?: (effects: PageEffects) => void): PageEffects {
    const at = options.now().toISOString();
    return inTransaction(() => {
      const effects = emptyEffects();
      for (const change of changes) applyOne(change, effects, at);
      alsoInTransaction?.(effects);
      syncState.write(state);
      return effects;
    });
  }

  return {
    applyPage(changes, state, alsoInTransaction) {
      return applyPreparedPage(changes.map(prepareChange), state, alsoInTransaction);
    },

    applyPreparedPage,

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
