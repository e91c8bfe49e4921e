// Where the pull stands, kept in the cache next to the records it describes, so the cursor
// and the page it belongs to always commit together.
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { EntityName } from '../../shared/lms/entities';

const Totals = z.partialRecord(EntityName, z.number().int().min(0));
export type FeedTotals = z.infer<typeof Totals>;

export interface PullState {
  /** The LMS this cache mirrors (see SyncConnection.lmsId); null before the first pull. */
  lmsId: string | null;
  /** The feed position after the last committed page; null = start from the beginning. */
  cursor: string | null;
  firstSyncStartedAt: string | null;
  /** Set when the first sync read the feed to its end; from then on the pull is live. */
  firstSyncCompletedAt: string | null;
  lastPullAt: string | null;
  /** The feed's per-entity record counts, from its first page, for the progress bar. */
  totals: FeedTotals | null;
}

type Key = 'lms_id' | 'cursor' | 'first_sync_started_at' | 'first_sync_completed_at' | 'last_pull_at' | 'totals';

export interface SyncStateStore {
  read(): PullState;
  /** Writes the given fields; call inside the page's transaction when they belong to it. */
  write(fields: Partial<PullState>): void;
  /** Forgets where the pull stands, e.g. when the cache is pointed at another LMS. */
  clear(): void;
}

export function createSyncStateStore(db: Database): SyncStateStore {
  const selectAll: Statement<[], { key: string; value: string }> = db.prepare('SELECT key, value FROM sync_state');
  const upsert: Statement<[Key, string]> = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const remove: Statement<[Key]> = db.prepare('DELETE FROM sync_state WHERE key = ?');
  const removeAll = db.prepare('DELETE FROM sync_state');

  function set(key: Key, value: string | null): void {
    if (value === null) remove.run(key);
    else upsert.run(key, value);
  }

  return {
    read() {
      const map = new Map(selectAll.all().map((row) => [row.key, row.value]));
      const totals = map.has('totals') ? Totals.safeParse(JSON.parse(map.get('totals') ?? 'null')) : null;
      return {
        lmsId: map.get('lms_id') ?? null,
        cursor: map.get('cursor') ?? null,
        firstSyncStartedAt: map.get('first_sync_started_at') ?? null,
        firstSyncCompletedAt: map.get('first_sync_completed_at') ?? null,
        lastPullAt: map.get('last_pull_at') ?? null,
        totals: totals?.success ? totals.data : null,
      };
    },
    write(fields) {
      if ('lmsId' in fields) set('lms_id', fields.lmsId ?? null);
      if ('cursor' in fields) set('cursor', fields.cursor ?? null);
      if ('firstSyncStartedAt' in fields) set('first_sync_started_at', fields.firstSyncStartedAt ?? null);
      if ('firstSyncCompletedAt' in fields) set('first_sync_completed_at', fields.firstSyncCompletedAt ?? null);
      if ('lastPullAt' in fields) set('last_pull_at', fields.lastPullAt ?? null);
      if ('totals' in fields) set('totals', fields.totals ? JSON.stringify(fields.totals) : null);
    },
    clear() {
      removeAll.run();
    },
  };
}
