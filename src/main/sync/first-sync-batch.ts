// How the first-sync writer groups the pages waiting for it into transactions, and what each
// transaction records about where the pull stands. Fewer, larger commits are most of what the
// writer gains over writing page by page (every commit rewrites the index pages it touched);
// `maxRows` bounds how long a write from main may wait behind one. Pure.
import type { PreparedChange, PreparedPage } from '../cache/prepared-page';
import type { PullState } from '../cache/sync-state';

export interface FirstSyncBatch {
  changes: PreparedChange[];
  pages: number;
  /** Written in the same transaction as the changes. */
  fields: Partial<PullState>;
}

/**
 * Takes pages off the front of `queue` (at least one, then more while the rows stay within
 * `maxRows`) and says what the transaction that writes them records. Returns null for an
 * empty queue.
 */
export function takeBatch(queue: PreparedPage[], maxRows: number, state: Pick<PullState, 'totals'>, now: string): FirstSyncBatch | null {
  const first = queue[0];
  if (!first) return null;
  let rows = first.changes.length;
  let count = 1;
  while (count < queue.length && rows + (queue[count]?.changes.length ?? 0) <= maxRows) {
    rows += queue[count]?.changes.length ?? 0;
    count += 1;
  }
  const pages = queue.splice(0, count);
  const last = pages[pages.length - 1] ?? first;
  const fields: Partial<PullState> = { cursor: last.cursor, lastPullAt: now };
  const totals = pages.find((page) => page.totals)?.totals;
  if (totals && state.totals === null) fields.totals = totals;
  if (!last.hasMore) fields.firstSyncCompletedAt = now;
  return { changes: pages.length === 1 ? first.changes : pages.flatMap((page) => page.changes), pages: pages.length, fields };
}
