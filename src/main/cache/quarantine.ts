// Feed records that failed validation, and feed changes that could not be read at all (kept
// under FEED_CHANGE). The cache keeps the latest version of each such record with the reason, so
// the Sync panel can show it and a later Passdesk, whose rules may accept it, can try it again.
// A later valid version or a delete of the same record releases it — and a broken change that
// named that record ("<entity>/<id>"), since the feed has moved past it.
import type { Database, Statement } from 'better-sqlite3';
import { FEED_CHANGE, QuarantinedEntity } from '../../shared/channels/sync';
import { EntityName } from '../../shared/lms/entities';

export interface QuarantinedRecord {
  entity: QuarantinedEntity;
  recordId: string;
  seq: number;
  reason: string;
  quarantinedAt: string;
  /** The record as the LMS sent it, cut to a preview for the panel. */
  preview: string;
}

export interface StaleQuarantinedRecord {
  entity: EntityName;
  recordId: string;
  seq: number;
  raw: string;
}

const PREVIEW_CHARS = 300;

export interface QuarantineStore {
  has(entity: EntityName, recordId: string): boolean;
  put(entry: { entity: QuarantinedEntity; recordId: string; seq: number; raw: string; reason: string; fingerprint: string; at: string }): void;
  release(entity: EntityName, recordId: string): void;
  count(): number;
  list(limit: number): QuarantinedRecord[];
  /**
   * Records checked against other rules than `fingerprint`: the ones worth trying again. Never
   * feed changes: what was broken is their envelope, which no record check can mend.
   */
  checkedUnderOtherRules(fingerprint: string): StaleQuarantinedRecord[];
  /** Re-reads which records are held, after a transaction that touched them rolled back. */
  reload(): void;
  clear(): void;
}

const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;

export function createQuarantineStore(db: Database): QuarantineStore {
  const selectKeys: Statement<[], { entity: string; record_id: string }> = db.prepare('SELECT entity, record_id FROM quarantine');
  const upsert: Statement<[string, string, number, string, string, string, string]> = db.prepare(`
    INSERT INTO quarantine (entity, record_id, seq, raw, reason, schema_fingerprint, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (entity, record_id) DO UPDATE SET seq = excluded.seq, raw = excluded.raw, reason = excluded.reason,
      schema_fingerprint = excluded.schema_fingerprint, quarantined_at = excluded.quarantined_at`);
  const remove: Statement<[string, string]> = db.prepare('DELETE FROM quarantine WHERE entity = ? AND record_id = ?');
  const countAll: Statement<[], { n: number }> = db.prepare('SELECT count(*) AS n FROM quarantine');
  const selectList: Statement<[number, number], { entity: string; record_id: string; seq: number; reason: string; quarantined_at: string; preview: string }> = db.prepare(
    'SELECT entity, record_id, seq, reason, quarantined_at, substr(raw, 1, ?) AS preview FROM quarantine ORDER BY seq DESC LIMIT ?',
  );
  const selectStale: Statement<[string, string], { entity: string; record_id: string; seq: number; raw: string }> = db.prepare(
    'SELECT entity, record_id, seq, raw FROM quarantine WHERE schema_fingerprint <> ? AND entity <> ? ORDER BY seq',
  );
  const removeAll = db.prepare('DELETE FROM quarantine');

  // Nearly every record is fine; a set in memory spares a DELETE per applied record.
  let held = new Set<string>();
  /** Record ids of the broken feed changes held, e.g. "ticket/tkt-9"; nearly always none. */
  let heldChanges = new Set<string>();
  const reload = () => {
    const rows = selectKeys.all();
    held = new Set(rows.map((row) => keyOf(row.entity, row.record_id)));
    heldChanges = new Set(rows.filter((row) => row.entity === FEED_CHANGE).map((row) => row.record_id));
  };
  reload();

  return {
    has: (entity, recordId) => held.has(keyOf(entity, recordId)),
    put(entry) {
      upsert.run(entry.entity, entry.recordId, entry.seq, entry.raw, entry.reason, entry.fingerprint, entry.at);
      held.add(keyOf(entry.entity, entry.recordId));
      if (entry.entity === FEED_CHANGE) heldChanges.add(entry.recordId);
    },
    release(entity, recordId) {
      if (heldChanges.size > 0) {
        const change = `${entity}/${recordId}`;
        if (heldChanges.delete(change)) {
          remove.run(FEED_CHANGE, change);
          held.delete(keyOf(FEED_CHANGE, change));
        }
      }
      const key = keyOf(entity, recordId);
      if (!held.has(key)) return;
      remove.run(entity, recordId);
      held.delete(key);
    },
    count: () => countAll.get()?.n ?? 0,
    list: (limit) =>
      selectList.all(PREVIEW_CHARS, limit).map((row) => ({
        // Only this store writes the table; a name it does not know is shown as a feed change, not a failed list.
        entity: QuarantinedEntity.catch(FEED_CHANGE).parse(row.entity),
        recordId: row.record_id,
        seq: row.seq,
        reason: row.reason,
        quarantinedAt: row.quarantined_at,
        preview: row.preview,
      })),
    checkedUnderOtherRules: (fingerprint) =>
      selectStale.all(fingerprint, FEED_CHANGE).flatMap((row) => {
        const entity = EntityName.safeParse(row.entity);
        return entity.success ? [{ entity: entity.data, recordId: row.record_id, seq: row.seq, raw: row.raw }] : [];
      }),
    reload,
    clear() {
      removeAll.run();
      held.clear();
      heldChanges.clear();
    },
  };
}
