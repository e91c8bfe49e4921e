// Browser mode over real HTTP and a real WebSocket on 127.0.0.1: the launch key and the
// page's origin guard everything, the page gets the bridge and a strict CSP, and the socket
// speaks the contract and survives bad frames.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPassdesk, type Passdesk } from '../../../src/main/app/create-passdesk';
import { createSecretFileStore, plainFileCipher } from '../../../src/main/app/secret-store';
import { startBrowserServer, type BrowserServer } from '../../../src/main/serve/browser-server';

let root: string;
let passdesk: Passdesk;
let server: BrowserServer;
const TOKEN = 'tok_live_never_in_a_response';

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'passdesk-serve-'));
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html>\n<html>\n  <head>\n    <title>Passdesk</title>\n    <script type="module" crossorigin src="/assets/app.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n',
  );
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("shell");\n');
  writeFileSync(path.join(root, 'bridge.js'), 'window.passdesk = {};\n');
  // Beside the renderer folder, where a traversal would find it.
  writeFileSync(path.join(root, 'secrets.json'), JSON.stringify({ 'lms.token': TOKEN }));
  const dataDir = path.join(root, 'data');
  passdesk = createPassdesk({
    dataDir,
    // Nothing listens on port 9: the LMS is offline, which the bridge does not care about.
    lms: { url: 'http://127.0.0.1:9', token: TOKEN },
    secrets: createSecretFileStore(path.join(dataDir, 'secrets.json'), plainFileCipher),
    demoLmsEntry: { modulePath: path.join(root, 'no-demo-lms.js'), execArgv: [] },
    log: () => undefined,
    appVersion: '0.1.0',
    offlineRetryMs: 50,
  });
  server = await startBrowserServer({
    port: 0,
    rendererDir,
    bridgeScript: path.join(root, 'bridge.js'),
    dispatcher: passdesk.dispatcher,
    subscribe: passdesk.subscribe,
    log: () => undefined,
    maxFrameBytes: 64 * 1024,
  });
});

afterAll(async () => {
  await server.close();
  await passdesk.close();
  rmSync(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent exactly as given, never normalised by a URL parser. */
function get(rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const keyed = (p: string) => `${p}${p.includes('?') ? '&' : '?'}key=${server.key}`;
const cookie = () => ({ Cookie: `passdesk_key_${server.port}=${server.key}` });

function expectedCsp(): string {
  return `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' ws://127.0.0.1:${server.port}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`;
}

describe('HTTP', () => {
  it('prints a keyed address on loopback with a 256-bit key', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?key=${server.key}`);
    expect(server.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a request without the key with 401', async () => {
    const answer = await get('/');
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('needs the key');
    expect(answer.headers['content-security-policy']).toBe(expectedCsp());
    expect((await get('/assets/app.js')).status).toBe(401);
    expect((await get('/bridge.js')).status).toBe(401);
  });

  it('refuses a wrong key with 401, in the query or in the cookie', async () => {
    expect((await get(`/?key=${server.key.slice(0, -1)}A`)).status).toBe(401);
    expect((await get('/?key=')).status).toBe(401);
    expect((await get('/', { Cookie: `passdesk_key_${server.port}=nope` })).status).toBe(401);
    // A cookie for another Passdesk on another port does not open this one.
    expect((await get('/', { Cookie: `passdesk_key_1=${server.key}` })).status).toBe(401);
  });

  it('refuses a foreign Origin with 403, even with the key', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null', `http://localhost.evil.example:${server.port}`]) {
      expect((await get(keyed('/'), { Origin: origin })).status, origin).toBe(403);
    }
    expect((await get(keyed('/'), { Origin: server.origin })).status).toBe(200);
  });

  it('refuses a Host that is not this loopback address (DNS rebinding) with 403', async () => {
    expect((await get(keyed('/'), { Host: `passdesk.evil.example:${server.port}` })).status).toBe(403);
  });

  it('serves index.html with the bridge first, the CSP, the hardening headers and the key cookie', async () => {
    const answer = await get(keyed('/'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const bridgeAt = answer.body.indexOf('<script src="/bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(answer.body.indexOf('<script type="module"'));
    expect(answer.headers['content-security-policy']).toBe(expectedCsp());
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
    const setCookie = String(answer.headers['set-cookie']);
    expect(setCookie).toContain(`passdesk_key_${server.port}=${server.key}`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
  });

  it('serves the page’s assets and the bridge to the cookie alone', async () => {
    const app = await get('/assets/app.js', cookie());
    expect(app.status).toBe(200);
    expect(app.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(app.body).toContain('shell');
    const bridge = await get('/bridge.js', cookie());
    expect(bridge.status).toBe(200);
    expect(bridge.body).toContain('window.passdesk');
    // An in-app route reloads into the app; a missing file is a 404.
    expect((await get('/inbox', cookie())).body).toContain('<div id="root">');
    expect((await get('/assets/missing.js', cookie())).status).toBe(404);
  });

  it('refuses path traversal and never shows what lies outside the app folder', async () => {
    for (const raw of ['/../secrets.json', '/assets/../../secrets.json', '/%2e%2e/secrets.json', '/assets/%2e%2e%2f%2e%2e%2fsecrets.json', '/..%5csecrets.json', '/assets/app.js%00.png', '/%E0%A4%A']) {
      const answer = await get(raw, cookie());
      expect(answer.status, raw).toBeGreaterThanOrEqual(400);
      expect(answer.body, raw).not.toContain(TOKEN);
    }
    expect((await get('/../secrets.json', cookie())).status).toBe(403);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('/', cookie(), 'POST')).status).toBe(405);
    const head = await get('/', cookie(), 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

/** Opens a socket and resolves once it is open, or with the HTTP status that refused it. */
function connect(pathAndQuery: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}${pathAndQuery}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => {
      if (socket.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}

async function openSocket(): Promise<WebSocket> {
  const socket = await connect('/bridge', { ...cookie(), Origin: server.origin });
  if (typeof socket === 'number') throw new Error(`the socket was refused with ${socket}`);
  return socket;
}

/** Frames as they arrive; `next` waits for the next one matching. */
function frames(socket: WebSocket) {
  const seen: unknown[] = [];
  const waiting: Array<{ test: (f: Record<string, unknown>) => boolean; resolve: (f: Record<string, unknown>) => void }> = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    seen.push(frame);
    const i = waiting.findIndex((w) => w.test(frame));
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve(frame);
  });
  return {
    seen,
    next(test: (f: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
      const found = seen.find((f) => test(f as Record<string, unknown>));
      if (found) return Promise.resolve(found as Record<string, unknown>);
      return new Promise((resolve) => waiting.push({ test, resolve }));
    },
  };
}

describe('the bridge socket', () => {
  it('refuses a socket without the key, with a wrong key, or from a foreign origin', async () => {
    expect(await connect('/bridge')).toBe(401);
    expect(await connect('/bridge?key=wrong')).toBe(401);
    expect(await connect('/bridge', { Cookie: `passdesk_key_${server.port}=wrong` })).toBe(401);
    expect(await connect('/bridge', { ...cookie(), Origin: 'https://evil.example' })).toBe(403);
    expect(await connect(`/bridge?key=${server.key}`, { Origin: 'http://localhost:1' })).toBe(403);
    expect(await connect('/elsewhere', cookie())).toBe(404);
  });

  it('accepts the key in the socket address, as the bridge script may send it', async () => {
    const socket = await connect(`/bridge?key=${server.key}`, { Origin: server.origin });
    expect(typeof socket).not.toBe('number');
    if (typeof socket !== 'number') socket.close();
  });

  it('answers app.ping over the contract', async () => {
    const socket = await openSocket();
    const inbox = frames(socket);
    socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app.ping', payload: {} }));
    const answer = await inbox.next((f) => f.type === 'result' && f.id === 1);
    expect(answer).toEqual({ type: 'result', id: 1, result: { ok: true, value: { at: expect.any(Number) } } });
    socket.close();
  });

  it('answers bad frames with an error frame and keeps serving', async () => {
    const socket = await openSocket();
    const inbox = frames(socket);
    socket.send('{"type":"invoke",');
    expect(await inbox.next((f) => f.type === 'error')).toMatchObject({ type: 'error', id: null, error: { code: 'invalid_payload' } });
    socket.send(JSON.stringify({ type: 'subscribe', id: 7 }));
    expect(await inbox.next((f) => f.type === 'error' && f.id === 7)).toMatchObject({ error: { code: 'invalid_payload', message: expect.stringContaining('type') } });
    socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await inbox.next((f) => f.type === 'error' && String((f.error as { message: string }).message).includes('Binary'))).toBeTruthy();
    socket.send(JSON.stringify({ type: 'invoke', id: 'a', channel: 'settings.setDemoRole', payload: { role: 'owner' } }));
    expect(await inbox.next((f) => f.id === 'a')).toMatchObject({ type: 'result', result: { ok: false, error: { code: 'invalid_payload', message: expect.stringContaining('role') } } });
    socket.send(JSON.stringify({ type: 'invoke', id: 'b', channel: 'fs.read', payload: {} }));
    expect(await inbox.next((f) => f.id === 'b')).toMatchObject({ result: { ok: false, error: { code: 'unknown_channel' } } });
    socket.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'app.ping', payload: {} }));
    expect(await inbox.next((f) => f.id === 2)).toMatchObject({ result: { ok: true } });
    socket.close();
  });

  it('closes a socket that sends an oversized frame, and the server keeps serving', async () => {
    const socket = await openSocket();
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'invoke', id: 3, channel: 'app.ping', payload: { pad: 'x'.repeat(100 * 1024) } }));
    expect(await closed).toBe(1009);
    const again = await openSocket();
    const inbox = frames(again);
    again.send(JSON.stringify({ type: 'invoke', id: 4, channel: 'app.ping', payload: {} }));
    expect(await inbox.next((f) => f.id === 4)).toMatchObject({ result: { ok: true } });
    again.close();
  });

  it('pushes status events, and never the token', async () => {
    const socket = await openSocket();
    const inbox = frames(socket);
    // The LMS is offline and checked every 50 ms in this test, so a status event comes soon.
    const event = await inbox.next((f) => f.type === 'event');
    expect(event).toMatchObject({ type: 'event', name: 'status.changed', payload: { lms: { mode: 'configured', url: 'http://127.0.0.1:9', online: false } } });
    socket.send(JSON.stringify({ type: 'invoke', id: 5, channel: 'settings.get', payload: {} }));
    await inbox.next((f) => f.id === 5);
    expect(JSON.stringify(inbox.seen)).not.toContain(TOKEN);
    socket.close();
  });
});
