// What main and the feed reader worker say to each other: one request per page of the feed.
import type { PreparedPage } from '../cache/prepared-page';
import type { LmsError } from '../lms/lms-error';

export interface FeedReadRequest {
  id: number;
  url: string;
  token: string;
  cursor: string | null;
  limit: number;
}

export type FeedReadAnswer =
  | { id: number; ok: true; page: PreparedPage }
  /** `lmsError` when the failure was the LMS's (main rebuilds the LmsError from it), else null. */
  | { id: number; ok: false; message: string; lmsError: ReturnType<LmsError['toJSON']> | null };
