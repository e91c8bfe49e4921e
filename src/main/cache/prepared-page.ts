// A page of the change feed with each change already checked — first whether it can be read at
// all (change-check.ts), then its record (record-check.ts) — and turned into the row it becomes
// or the quarantine entry that says why not. Checking and shaping is the costly, pure part of
// applying a page; the feed reader worker does it beside the writer that commits the rows
// (see feed-reader-worker.ts). Pure.
import { FEED_CHANGE, type QuarantinedEntity } from '../../shared/channels/sync';
import type { Change, ReceivedChangesPage } from '../../shared/lms/api';
import type { EntityName, EntityRecord } from '../../shared/lms/entities';
import { checkChange } from './change-check';
import { entityTables, type SenderDirectory, type SqlValue } from './entity-tables';
import { checkRecord } from './record-check';

export type PreparedChange =
  | { op: 'delete'; entity: EntityName; id: string; seq: number }
  /** The row's parameters for upsertSql, in order. */
  | { op: 'upsert'; entity: EntityName; id: string; seq: number; params: SqlValue[] }
  /** A message's sender column depends on rows already in the cache, so main finishes it. */
  | { op: 'upsert_message'; entity: 'message'; id: string; seq: number; record: EntityRecord<'message'>; data: string }
  /** A record that failed its checks, or (entity FEED_CHANGE) a change that could not be read at all. */
  | { op: 'quarantine'; entity: QuarantinedEntity; id: string; seq: number; raw: string; reason: string };

export interface PreparedPage {
  changes: PreparedChange[];
  cursor: string;
  hasMore: boolean;
  totals?: ReceivedChangesPage['totals'];
}

/** The record as the LMS sent it, for the quarantine; a value JSON cannot hold is described instead. */
export function rawText(data: unknown): string {
  try {
    return JSON.stringify(data) ?? 'undefined';
  } catch (error) {
    return `(not representable as JSON: ${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Sender columns are filled in by main; a row prepared here never reads them. */
const noSenders: SenderDirectory = { ticketSender: () => null, agentSender: () => null };

/**
 * One change as the LMS sent it, checked and shaped; never throws. A change that cannot be read
 * is quarantined under `nearSeq` when its own seq is unusable (0 when nothing better is known).
 */
export function prepareChange(change: unknown): PreparedChange {
  return prepareReceived(change, 0);
}

function prepareReceived(change: unknown, nearSeq: number): PreparedChange {
  const checked = checkChange(change);
  if (checked.ok) return prepareReadable(checked.change);
  return { op: 'quarantine', entity: FEED_CHANGE, id: checked.key, seq: checked.seq ?? nearSeq, raw: rawText(change), reason: checked.reason };
}

function prepareReadable(change: Change): PreparedChange {
  const { entity, id, seq } = change;
  if (change.op === 'delete') return { op: 'delete', entity, id, seq };
  const checked = checkRecord(entity, id, change.data);
  if (!checked.ok) return { op: 'quarantine', entity, id, seq, raw: rawText(change.data), reason: checked.reason };
  const data = JSON.stringify(checked.record);
  if (entity === 'message') return { op: 'upsert_message', entity, id, seq, record: checked.record as EntityRecord<'message'>, data };
  const spec = entityTables[entity] as { values(record: EntityRecord<EntityName>, senders: SenderDirectory): SqlValue[] };
  return { op: 'upsert', entity, id, seq, params: [checked.record.id, ...spec.values(checked.record, noSenders), data, seq] };
}

/** Stands for "the seq of the nearest change" until the whole page is prepared. */
const SEQ_OF_NEIGHBOUR = -1;

/**
 * A change whose own seq is unusable is listed at the seq of the change before it (else the
 * first one after it), so the Sync panel shows it where it stood in the feed.
 */
function placeBetweenNeighbours(changes: PreparedChange[]): PreparedChange[] {
  let near = changes.find((c) => c.seq !== SEQ_OF_NEIGHBOUR)?.seq ?? 0;
  return changes.map((c) => {
    if (c.seq !== SEQ_OF_NEIGHBOUR) {
      near = c.seq;
      return c;
    }
    return { ...c, seq: near };
  });
}

/** Accepts a page as the client received it or one already checked whole (ChangesPage fits both). */
export function preparePage(page: ReceivedChangesPage): PreparedPage {
  let unplaced = false;
  const prepared = page.changes.map((change) => {
    const one = prepareReceived(change, SEQ_OF_NEIGHBOUR);
    if (one.seq === SEQ_OF_NEIGHBOUR) unplaced = true;
    return one;
  });
  return {
    changes: unplaced ? placeBetweenNeighbours(prepared) : prepared,
    cursor: page.cursor,
    hasMore: page.hasMore,
    ...(page.totals ? { totals: page.totals } : {}),
  };
}
