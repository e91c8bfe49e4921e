// A page of the change feed with each record already checked and turned into the row it
// becomes. Checking and shaping is the costly, pure part of applying a page; doing it off
// main (see feed-reader-worker.ts) leaves main only the SQLite writes. Pure.
import type { Change, ChangesPage } from '../../shared/lms/api';
import type { EntityName, EntityRecord } from '../../shared/lms/entities';
import { entityTables, type SenderDirectory, type SqlValue } from './entity-tables';
import { checkRecord } from './record-check';

export type PreparedChange =
  | { op: 'delete'; entity: EntityName; id: string; seq: number }
  /** The row's parameters for upsertSql, in order. */
  | { op: 'upsert'; entity: EntityName; id: string; seq: number; params: SqlValue[] }
  /** A message's sender column depends on rows already in the cache, so main finishes it. */
  | { op: 'upsert_message'; entity: 'message'; id: string; seq: number; record: EntityRecord<'message'>; data: string }
  | { op: 'quarantine'; entity: EntityName; id: string; seq: number; raw: string; reason: string };

export interface PreparedPage {
  changes: PreparedChange[];
  cursor: string;
  hasMore: boolean;
  totals?: ChangesPage['totals'];
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

export function prepareChange(change: Change): PreparedChange {
  const { entity, id, seq } = change;
  if (change.op === 'delete') return { op: 'delete', entity, id, seq };
  const checked = checkRecord(entity, id, change.data);
  if (!checked.ok) return { op: 'quarantine', entity, id, seq, raw: rawText(change.data), reason: checked.reason };
  const data = JSON.stringify(checked.record);
  if (entity === 'message') return { op: 'upsert_message', entity, id, seq, record: checked.record as EntityRecord<'message'>, data };
  const spec = entityTables[entity] as { values(record: EntityRecord<EntityName>, senders: SenderDirectory): SqlValue[] };
  return { op: 'upsert', entity, id, seq, params: [checked.record.id, ...spec.values(checked.record, noSenders), data, seq] };
}

export function preparePage(page: ChangesPage): PreparedPage {
  return {
    changes: page.changes.map(prepareChange),
    cursor: page.cursor,
    hasMore: page.hasMore,
    ...(page.totals ? { totals: page.totals } : {}),
  };
}
