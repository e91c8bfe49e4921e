// What the first-sync writer and the feed reader worker say to each other. The writer asks
// once for the feed from a cursor on; the reader streams checked pages back, at most `ahead`
// of them not yet acknowledged, so it keeps working while the writer commits but never
// piles up more pages in memory than that.
import type { PreparedPage } from '../cache/prepared-page';
import type { LmsError } from '../lms/lms-error';

export type FeedReadRequest =
  | { type: 'stream'; url: string; token: string; cursor: string | null; limit: number; ahead: number }
  /** The writer took a page off its queue: room for one more. */
  | { type: 'ack' };

export type FeedReadAnswer =
  | { type: 'page'; page: PreparedPage }
  /** `lmsError` when the failure was the LMS's (the writer rebuilds the LmsError from it), else null. */
  | { type: 'failed'; message: string; lmsError: ReturnType<LmsError['toJSON']> | null };
