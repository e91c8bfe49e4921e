// A tiny LMS that serves only a change feed, from pages the test writes — including records
// no real LMS should send — so the quarantine can be tested against real HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFeed {
  url: string;
  token: string;
  /** How many times the feed was asked for a page. */
  requests(): number;
  close(): Promise<void>;
}

/** Serves `changes` in pages of at most `pageSize`; the cursor is the index of the next change. */
export async function startFakeFeed(changes: readonly unknown[], pageSize: number): Promise<FakeFeed> {
  const token = 'fake-feed-token';
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.headers.authorization !== `Bearer ${token}`) return reply(401, { error: { code: 'unauthorized', message: 'Sign in.' } });
    const from = Number(url.searchParams.get('cursor') ?? '0');
    if (url.pathname === '/api/v1/changes') {
      requests += 1;
      const limit = Math.min(pageSize, Number(url.searchParams.get('limit') ?? pageSize));
      const page = changes.slice(from, from + limit);
      return reply(200, { changes: page, cursor: String(from + page.length), hasMore: from + page.length < changes.length });
    }
    if (url.pathname === '/api/v1/changes/wait') {
      // Nothing ever changes here: answer empty after a short hold, as a long-poll does at its timeout.
      const timer = setTimeout(() => reply(200, { changes: [], cursor: String(from), hasMore: false }), 100);
      req.on('close', () => clearTimeout(timer));
      return;
    }
    return reply(404, { error: { code: 'not_found', message: 'No such path.' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
