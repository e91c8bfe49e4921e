import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PreparedPage } from '../../../src/main/cache/prepared-page';
import { isLmsError } from '../../../src/main/lms/lms-error';
import { locateFeedReader, openFeedStream, type FeedStream } from '../../../src/main/sync/feed-reader';
import { sample, upsert } from './sample-records';

const token = 'tok_feed_reader_test_1234';
const streams: FeedStream[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(streams.splice(0).map((s) => s.close()));
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const entry = locateFeedReader(path.resolve(import.meta.dirname, '../../../src/main/sync/feed-reader.ts'));

/**
 * An LMS whose feed is three pages: a valid category and a course missing its name, then one
 * category per page. Counts the requests it answered.
 */
async function threePageFeed(): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const pages: Record<string, unknown> = {
    start: { changes: [{ ...upsert('category', sample.category('cat-7')), seq: 1 }, { ...upsert('course', { ...sample.course('crs-9'), name: undefined }), seq: 2 }], cursor: 'c2', hasMore: true },
    c2: { changes: [{ ...upsert('category', sample.category('cat-8')), seq: 3 }], cursor: 'c3', hasMore: true },
    c3: { changes: [{ ...upsert('category', sample.category('cat-9')), seq: 4 }], cursor: 'c4', hasMore: false },
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/api/v1/changes') {
      res.writeHead(404).end();
      return;
    }
    const cursor = url.searchParams.get('cursor') ?? 'start';
    requests.push(cursor);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(pages[cursor]));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

function listen(url: string, ahead: number): { stream: FeedStream; pages: PreparedPage[]; next(): Promise<PreparedPage>; failure: Promise<Error> } {
  const pages: PreparedPage[] = [];
  let waiter: ((page: PreparedPage) => void) | null = null;
  let failed: (error: Error) => void = () => undefined;
  const failure = new Promise<Error>((resolve) => {
    failed = resolve;
  });
  const stream = openFeedStream(entry, { url, token, cursor: null, limit: 100, ahead }, {
    page(page) {
      pages.push(page);
      const w = waiter;
      waiter = null;
      w?.(page);
    },
    failed: (error) => failed(error),
  });
  streams.push(stream);
  return {
    stream,
    pages,
    next: () =>
      new Promise((resolve) => {
        waiter = resolve;
      }),
    failure,
  };
}

describe('the feed reader worker', () => {
  it('streams each page checked, rows ready to write and the broken record with its reason, page after page as they are acknowledged', async () => {
    const feed = await threePageFeed();
    const reader = listen(feed.url, 1);
    const first = await reader.next();
    expect(first.cursor).toBe('c2');
    expect(first.changes[0]).toMatchObject({ op: 'upsert', entity: 'category', id: 'cat-7', params: ['cat-7', 'Allegion Door Hardware', JSON.stringify(sample.category('cat-7')), 1] });
    expect(first.changes[1]).toMatchObject({ op: 'quarantine', entity: 'course', id: 'crs-9' });
    expect(first.changes[1]?.op === 'quarantine' && first.changes[1].reason).toMatch(/course crs-9 .*name/);

    // The next page comes once the consumer has taken this one off its queue (feed-stream.test.ts shows it waits for that).
    const second = reader.next();
    reader.stream.ack();
    expect((await second).cursor).toBe('c3');
    reader.stream.ack();
    const third = await reader.next();
    expect(third).toMatchObject({ cursor: 'c4', hasMore: false });
    expect(feed.requests).toEqual(['start', 'c2', 'c3']);
  });

  it('reports an unreachable LMS as the same LmsError the writer would have seen itself', async () => {
    const failure = await listen('http://127.0.0.1:1', 2).failure;
    expect(isLmsError(failure) && failure.kind).toBe('network');
    expect(isLmsError(failure) && failure.retryable).toBe(true);
  });
});
