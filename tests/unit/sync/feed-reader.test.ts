import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isLmsError } from '../../../src/main/lms/lms-error';
import { createFeedReader, locateFeedReader, type FeedReader } from '../../../src/main/sync/feed-reader';
import { sample, upsert } from './sample-records';

const token = 'tok_feed_reader_test_1234';
const readers: FeedReader[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function reader(): FeedReader {
  const r = createFeedReader(locateFeedReader(path.resolve(import.meta.dirname, '../../../src/main/sync/feed-reader.ts')), () => undefined);
  readers.push(r);
  return r;
}

/** An LMS whose feed is one page: a valid category and a course missing its name. */
async function oneFeedPage(): Promise<string> {
  const changes = [{ ...upsert('category', sample.category('cat-7')), seq: 1 }, { ...upsert('course', { ...sample.course('crs-9'), name: undefined }), seq: 2 }];
  const server = createServer((req, res) => {
    if (!req.url?.startsWith('/api/v1/changes')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ changes, cursor: 'c2', hasMore: false }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the feed reader worker', () => {
  it('hands main each record of a page checked: rows ready to write, and the broken record with its reason', async () => {
    const url = await oneFeedPage();
    const page = await reader().read({ url, token }, null, 100);
    expect(page.cursor).toBe('c2');
    expect(page.hasMore).toBe(false);
    expect(page.changes[0]).toMatchObject({ op: 'upsert', entity: 'category', id: 'cat-7', params: ['cat-7', 'Allegion Door Hardware', JSON.stringify(sample.category('cat-7')), 1] });
    expect(page.changes[1]).toMatchObject({ op: 'quarantine', entity: 'course', id: 'crs-9' });
    expect(page.changes[1]?.op === 'quarantine' && page.changes[1].reason).toMatch(/course crs-9 .*name/);
  });

  it('reports an unreachable LMS to main as the same LmsError main would have seen itself', async () => {
    const failure = await reader()
      .read({ url: 'http://127.0.0.1:1', token }, null, 100)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isLmsError(failure) && failure.kind).toBe('network');
    expect(isLmsError(failure) && failure.retryable).toBe(true);
  });
});
