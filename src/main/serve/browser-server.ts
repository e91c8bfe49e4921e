// Browser mode's server: the built renderer and the bridge script over HTTP, the contract
// over a WebSocket at /bridge, on 127.0.0.1 only. Every request needs the launch key and,
// when the browser says where it comes from, this very origin.
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { browserModeContentSecurityPolicy } from '../app/content-security-policy';
import type { PassdeskEventListener } from '../app/event-broadcaster';
import { locateRendererFile } from '../app/renderer-files';
import type { Dispatcher } from '../ipc/dispatcher';
import { accessCookie, accessCookieName, keyMatches, newAccessKey, readCookie } from './access-key';
import { serveBridgeSocket } from './bridge-socket';
import { injectBridgeScript } from './inject-bridge';

export interface BrowserServerOptions {
  /** 0 picks a free port. */
  port: number;
  rendererDir: string;
  bridgeScript: string;
  dispatcher: Dispatcher;
  subscribe(listener: PassdeskEventListener): () => void;
  log: (line: string) => void;
  /** Largest WebSocket frame accepted; a bigger one closes that socket (code 1009). */
  maxFrameBytes?: number;
}

export interface BrowserServer {
  /** The address to open, key included. */
  url: string;
  origin: string;
  port: number;
  key: string;
  close(): Promise<void>;
}

export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

type Verdict = { ok: true; keyFromQuery: boolean } | { ok: false; status: 401 | 403; message: string };

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const key = newAccessKey();
  let port = 0;
  const rendererRoot = path.resolve(options.rendererDir);

  function securityHeaders(): Record<string, string> {
    return {
      'Content-Security-Policy': browserModeContentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      // Behind a key, nothing is worth caching; a rebuild shows on the next reload.
      'Cache-Control': 'no-store',
    };
  }

  /** Who may talk to us: this host and port, this origin, with the key. */
  function judge(req: IncomingMessage): Verdict {
    const host = req.headers.host;
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    // A foreign Host means a DNS name was pointed at 127.0.0.1 (DNS rebinding).
    if (!host || !hosts.includes(host)) return { ok: false, status: 403, message: `Passdesk answers only at http://127.0.0.1:${port}.` };
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      return { ok: false, status: 403, message: 'Requests from other web pages are refused.' };
    }
    const query = new URL(req.url ?? '/', `http://${host}`).searchParams.get('key');
    if (keyMatches(query, key)) return { ok: true, keyFromQuery: true };
    if (keyMatches(readCookie(req.headers.cookie, accessCookieName(port)), key)) return { ok: true, keyFromQuery: false };
    return {
      ok: false,
      status: 401,
      message: 'This Passdesk address needs the key it printed when it started: open the whole "Passdesk is ready: …?key=…" address.',
    };
  }

  function answer(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
    const body = `${message}\n`;
    res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...extra });
    res.end(body);
  }

  async function readInside(file: string): Promise<Buffer | null> {
    try {
      // A symlink inside the renderer folder must not lead out of it either.
      const real = await realpath(file);
      const realRoot = await realpath(rendererRoot);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
      return await readFile(real);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
      throw error;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = judge(req);
    if (!verdict.ok) return answer(res, verdict.status, verdict.message);
    const cookie: Record<string, string> = verdict.keyFromQuery ? { 'Set-Cookie': accessCookie(port, key) } : {};
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Only GET and HEAD are served here; calls go over the bridge.', { Allow: 'GET, HEAD', ...cookie });

    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    let body: Buffer;
    let contentType: string;
    if (pathname === '/bridge.js') {
      try {
        body = await readFile(options.bridgeScript);
      } catch {
        return answer(res, 500, `The bridge script ${options.bridgeScript} is missing; run "npm run build".`, cookie);
      }
      contentType = 'text/javascript; charset=utf-8';
    } else {
      const located = locateRendererFile(rendererRoot, pathname);
      if (located.kind === 'refused') return answer(res, 403, located.reason, cookie);
      if (located.kind === 'app') {
        const index = await readInside(path.join(rendererRoot, 'index.html'));
        if (!index) return answer(res, 500, `The renderer is not built (${path.join(rendererRoot, 'index.html')} is missing); run "npm run build".`, cookie);
        body = Buffer.from(injectBridgeScript(index.toString('utf8')), 'utf8');
        contentType = 'text/html; charset=utf-8';
      } else {
        const file = await readInside(located.file);
        if (!file) return answer(res, 404, `Nothing here: ${pathname.slice(0, 200)}`, cookie);
        body = file;
        contentType = located.contentType;
      }
    }
    res.writeHead(200, { ...securityHeaders(), ...cookie, 'Content-Type': contentType, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log(`[serve] ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) answer(res, 500, 'Passdesk could not answer this request; see the services log.');
      else res.destroy();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES });
  sockets.on('connection', (socket) => serveBridgeSocket(socket, options));

  function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string): void {
    const body = `${message}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    socket.destroy();
  }

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const verdict = judge(req);
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.status === 401 ? 'Unauthorized' : 'Forbidden', verdict.message);
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname !== '/bridge') return refuseUpgrade(socket, 404, 'Not Found', 'The only socket here is /bridge.');
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The browser-mode server has no TCP address.');
  port = address.port;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?key=${key}`,
    origin,
    port,
    key,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
