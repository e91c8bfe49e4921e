// The browser bridge's logic over a real WebSocket on loopback: a services process that
// goes away and comes back on the same port.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createSocketBridge, type ConnectSocket, type SocketBridge } from '../../src/preload/socket-bridge';

const connectWs: ConnectSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.on('open', () => handlers.open());
  socket.on('message', (data, isBinary) => {
    if (!isBinary) handlers.message(data.toString());
  });
  socket.on('close', () => handlers.close());
  // Errors are followed by close; without a listener ws would throw them.
  socket.on('error', () => undefined);
  return { send: (text) => socket.send(text), close: () => socket.close() };
};

interface Frame {
  type: string;
  id: number;
  channel: string;
  payload: unknown;
}

/** A stand-in for the services' /bridge endpoint: answers app.ping, holds settings.get forever. */
async function startServices(port = 0) {
  const server = new WebSocketServer({ host: '127.0.0.1', port });
  await once(server, 'listening');
  const received: Frame[] = [];
  server.on('connection', (socket, request) => {
    if (!request.url?.includes('key=secret')) {
      socket.close(4401, 'missing key');
      return;
    }
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      received.push(frame);
      if (frame.channel === 'app.ping') socket.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, value: { at: frame.id } } }));
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    received,
    async stop() {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    pushEvent(name: string, payload: unknown) {
      for (const client of server.clients) client.send(JSON.stringify({ type: 'event', name, payload }));
    },
  };
}

/** Records the bridge's connection changes and lets a test await the next one it wants. */
function connectionLog() {
  const changes: boolean[] = [];
  let waiters: Array<{ want: boolean; resolve: () => void }> = [];
  return {
    changes,
    record(connected: boolean) {
      changes.push(connected);
      const ready = waiters.filter((w) => w.want === connected);
      waiters = waiters.filter((w) => w.want !== connected);
      for (const w of ready) w.resolve();
    },
    until(want: boolean): Promise<void> {
      if (changes.at(-1) === want) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ want, resolve }));
    },
  };
}

let bridge: SocketBridge | null = null;
let stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  bridge?.dispose();
  bridge = null;
  for (const stop of stops) await stop();
  stops = [];
});

describe('browser bridge over a real WebSocket', () => {
  it('carries calls, answers the one in flight as offline when the services die, and reconnects when they return', async () => {
    let services = await startServices();
    const port = services.port;
    const log = connectionLog();
    bridge = createSocketBridge({
      url: `ws://127.0.0.1:${port}/bridge?key=secret`,
      connect: connectWs,
      backoff: { firstMs: 20, maxMs: 200 },
      onConnectionChange: log.record,
      report: () => undefined,
    });
    const first = await bridge.invoke('app.ping', {});
    expect(first).toEqual({ ok: true, value: { at: 1 } });

    const hanging = bridge.invoke('settings.get', {});
    await services.stop();
    await expect(hanging).resolves.toMatchObject({ ok: false, error: { code: 'offline' } });
    await log.until(false);
    await expect(bridge.invoke('app.ping', {})).resolves.toMatchObject({ ok: false, error: { code: 'offline' } });

    services = await startServices(port);
    stops.push(() => services.stop());
    await log.until(true);
    const again = await bridge.invoke('app.ping', {});
    expect(again.ok).toBe(true);
    expect(log.changes).toEqual([true, false, true]);

    const seen: unknown[] = [];
    bridge.on('status.changed', (p) => seen.push(p));
    services.pushEvent('status.changed', { hello: 1 });
    await expect.poll(() => seen).toEqual([{ hello: 1 }]);
  });

  it('answers offline, rather than hanging, when the services refuse the connection', async () => {
    const services = await startServices();
    stops.push(() => services.stop());
    bridge = createSocketBridge({
      url: `ws://127.0.0.1:${services.port}/bridge?key=wrong`,
      connect: connectWs,
      backoff: { firstMs: 20, maxMs: 200 },
      report: () => undefined,
    });
    const result = await bridge.invoke('app.ping', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
