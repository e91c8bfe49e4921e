// Reads the change feed from a cursor to its end, page after page, and hands each page on
// checked and shaped for the cache. The request for the next page goes out as soon as this
// page's cursor is known, before this page is checked: the LMS prepares page N+1 while this
// thread checks page N. `room` holds the stream back while the consumer has enough pages
// waiting; a consumer that stops listening ends the worker the stream runs in (the feed
// reader worker). Pure apart from the client it is given.
import type { ReceivedChangesPage } from '../../shared/lms/api';
import { preparePage, type PreparedPage } from '../cache/prepared-page';

export interface FeedStreamOptions {
  changes(cursor: string | null, limit: number): Promise<ReceivedChangesPage>;
  cursor: string | null;
  limit: number;
  /** Resolves when the consumer has room for another page. */
  room(): Promise<void>;
  send(page: PreparedPage): void;
}

export async function streamFeed(options: FeedStreamOptions): Promise<void> {
  const fetchAfter = (cursor: string | null) => {
    const request = options.changes(cursor, options.limit);
    // Awaited on the next turn of the loop; until then a failure must not count as unhandled.
    request.catch(() => undefined);
    return request;
  };
  let next: Promise<ReceivedChangesPage> | null = fetchAfter(options.cursor);
  while (next) {
    const page: ReceivedChangesPage = await next;
    next = page.hasMore ? fetchAfter(page.cursor) : null;
    const prepared = preparePage(page);
    await options.room();
    options.send(prepared);
  }
}
