// A tiny real HTTP server on 127.0.0.1 whose answers each test scripts, so the client's
// error mapping is exercised over real sockets (resets, partial bodies, silence) rather than mocks.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Answer = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface FakeLms {
  url: string;
  seen: SeenRequest[];
  answer(handler: Answer): void;
  /** Resolves when the server sees a request's connection close (for "stopped reading early"). */
  nextClose(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeLms(): Promise<FakeLms> {
  let handler: Answer = (_req, res) => {
    res.writeHead(500).end();
  };
  const seen: SeenRequest[] = [];
  const closeWaiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.on('close', () => closeWaiters.splice(0).forEach((w) => w()));
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    answer(next) {
      handler = next;
    },
    nextClose: () => new Promise<void>((resolve) => closeWaiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
