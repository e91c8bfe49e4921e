// What main and the first-sync writer worker say to each other. Main starts one worker per
// run; the worker reports each committed transaction and how the run ended.
import type { EntityCounts } from '../cache/apply-changes';
import type { PullState } from '../cache/sync-state';
import type { LmsError } from '../lms/lms-error';
import type { FeedReaderEntry } from './feed-reader';

export interface FirstSyncRunRequest {
  type: 'run';
  /** The cache file main opened and migrated. */
  file: string;
  nativeBinding: string | null;
  reader: FeedReaderEntry;
  url: string;
  token: string;
  /** Records per page asked of the LMS. */
  pageLimit: number;
  /** Pages the reader may read ahead of the writer. */
  ahead: number;
  /** At most this many records per transaction (one page at least). */
  batchRows: number;
}

export type FirstSyncRequest = FirstSyncRunRequest | { type: 'stop' };

/**
 * done: the feed was read to its end and the first sync is complete.
 * handed_back: the outbox has writes waiting for the feed's confirmation, which main settles
 * in the same transaction as each page: main takes the rest of the first sync over.
 * stopped: main asked it to stop.
 */
export type FirstSyncOutcome = 'done' | 'handed_back' | 'stopped';

export interface FirstSyncCommitted {
  type: 'batch';
  changes: number;
  upserted: EntityCounts;
  deleted: EntityCounts;
  quarantined: number;
  fields: Partial<PullState>;
}

export type FirstSyncReport =
  | FirstSyncCommitted
  | { type: 'finished'; outcome: FirstSyncOutcome }
  | { type: 'failed'; message: string; lmsError: ReturnType<LmsError['toJSON']> | null };
