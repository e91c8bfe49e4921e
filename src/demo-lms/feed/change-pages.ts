// One page of the change feed. Record JSON is spliced in as stored — it was validated when it
// was written — so a page of 5,000 attempts is not parsed and re-encoded for nothing.
import type { ChangesPage } from '../../shared/lms/api';
import type { RecordStore } from '../store/record-store';
import { encodeCursor } from './feed-cursor';

export interface PageText {
  /** The JSON text of a ChangesPage. */
  text: string;
  count: number;
}

/** `withTotals` for the first page of a first sync (no cursor): how many records to expect, for its progress bar. */
export function readChangesPage(store: RecordStore, feedId: string, afterSeq: number, limit: number, withTotals = false): PageText {
  const rows = store.changesAfter(afterSeq, limit + 1);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const lastSeq = page.length ? (page[page.length - 1]?.seq ?? afterSeq) : afterSeq;
  const changes = page.map((row) => `{"seq":${row.seq},"entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.id)},"op":"upsert","data":${row.data}}`);
  const tail: Omit<ChangesPage, 'changes'> = { cursor: encodeCursor(feedId, lastSeq), hasMore, ...(withTotals ? { totals: store.counts() } : {}) };
  const totals = tail.totals ? `,"totals":${JSON.stringify(tail.totals)}` : '';
  return { text: `{"changes":[${changes.join(',')}],"cursor":${JSON.stringify(tail.cursor)},"hasMore":${tail.hasMore}${totals}}`, count: page.length };
}
