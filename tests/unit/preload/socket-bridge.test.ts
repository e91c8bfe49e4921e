import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelNames, isChannel, type AppStatus } from '../../../src/shared/contract';
import { createSocketBridge } from '../../../src/preload/socket-bridge';
import { fakeServices, manualClock, sentInvokes } from './fake-socket';

const status: AppStatus = {
  lms: { mode: 'demo', url: 'http://127.0.0.1:4100', online: true, checkedAt: '2025-01-06T09:00:00.000Z', error: null },
  user: { id: 'ag_1', name: 'Dana Whitfield', email: 'dana@example.com', role: 'admin' },
  appVersion: '0.1.0',
};

function setup() {
  const services = fakeServices();
  const clock = manualClock();
  const problems: string[] = [];
  const connection: boolean[] = [];
  const bridge = createSocketBridge({
    url: 'ws://127.0.0.1:5000/bridge?key=k',
    connect: services.connect,
    startTimer: clock.startTimer,
    backoff: { firstMs: 100, maxMs: 1000 },
    connectTimeoutMs: 5000,
    onConnectionChange: (c) => connection.push(c),
    report: (p) => problems.push(p),
  });
  return { services, clock, problems, connection, bridge };
}

describe('browser bridge over a socket', () => {
  it('sends a call made while connecting once the socket opens, and resolves it with the answer', async () => {
    const { services, bridge, connection } = setup();
    expect(services.latest().url).toBe('ws://127.0.0.1:5000/bridge?key=k');
    const answer = bridge.invoke('app.status', {});
    expect(services.latest().sent).toEqual([]);
    services.latest().accept();
    expect(connection).toEqual([true]);
    const [frame] = sentInvokes(services.latest());
    expect(frame).toMatchObject({ type: 'invoke', channel: 'app.status', payload: {} });
    services.latest().push({ type: 'result', id: frame!.id, result: { ok: true, value: status } });
    await expect(answer).resolves.toEqual({ ok: true, value: status });
  });

  it('matches answers to calls by id, whatever order they come back in', async () => {
    const { services, bridge } = setup();
    services.latest().accept();
    const first = bridge.invoke('app.ping', {});
    const second = bridge.invoke('settings.get', {});
    const [a, b] = sentInvokes(services.latest());
    services.latest().push({ type: 'result', id: b!.id, result: { ok: true, value: 'second' } });
    services.latest().push({ type: 'result', id: a!.id, result: { ok: true, value: 'first' } });
    await expect(first).resolves.toEqual({ ok: true, value: 'first' });
    await expect(second).resolves.toEqual({ ok: true, value: 'second' });
  });

  it('answers calls in flight with an offline error when the socket drops, instead of leaving them hanging', async () => {
    const { services, bridge, connection } = setup();
    services.latest().accept();
    const pending = bridge.invoke('settings.setDemoRole', { role: 'agent' });
    services.latest().drop();
    const result = await pending;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('offline');
    expect(result.error.message).toContain('settings.setDemoRole');
    expect(result.error.message).toMatch(/may or may not have been applied/);
    expect(connection).toEqual([true, false]);
  });

  it('answers a call made while the services are down at once, without sending anything', async () => {
    const { services, bridge } = setup();
    services.latest().accept();
    services.latest().drop();
    const socketsBefore = services.sockets.length;
    const result = await bridge.invoke('app.ping', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(services.sockets.length).toBe(socketsBefore);
  });

  it('reconnects with growing waits after drops and carries calls again once back', async () => {
    const { services, bridge, clock, connection } = setup();
    services.latest().accept();
    services.latest().drop();
    // First retry after 100 ms; that attempt fails; the next waits 200 ms.
    clock.advance(99);
    expect(services.sockets.length).toBe(1);
    clock.advance(1);
    expect(services.sockets.length).toBe(2);
    services.latest().drop();
    clock.advance(199);
    expect(services.sockets.length).toBe(2);
    clock.advance(1);
    expect(services.sockets.length).toBe(3);
    services.latest().accept();
    expect(connection).toEqual([true, false, true]);
    expect(bridge.connected).toBe(true);
    const answer = bridge.invoke('app.ping', {});
    const [frame] = sentInvokes(services.latest());
    services.latest().push({ type: 'result', id: frame!.id, result: { ok: true, value: { at: 1 } } });
    await expect(answer).resolves.toEqual({ ok: true, value: { at: 1 } });
    // A successful connection resets the backoff: the next drop retries after 100 ms again.
    services.latest().drop();
    clock.advance(100);
    expect(services.sockets.length).toBe(4);
  });

  it('gives up on a connection attempt that hangs, answers the calls waiting on it, and tries again', async () => {
    const { services, bridge, clock } = setup();
    const waiting = bridge.invoke('app.status', {});
    clock.advance(5000);
    expect(services.sockets[0]!.closedByBridge).toBe(true);
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'offline' } });
    clock.advance(100);
    expect(services.sockets.length).toBe(2);
  });

  it('refuses any name outside the contract locally, sending nothing', async () => {
    const { services, bridge } = setup();
    services.latest().accept();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'app.status ', 'APP.STATUS', 'hasOwnProperty')).filter((n) => !isChannel(n)),
        async (name) => {
          const result = await bridge.invoke(name, {});
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
        },
      ),
    );
    expect(services.latest().sent).toEqual([]);
    // Every real channel is carried.
    for (const name of channelNames) void bridge.invoke(name, {});
    expect(sentInvokes(services.latest()).map((f) => f.channel)).toEqual(channelNames);
  });

  it('refuses a subscription to an event outside the contract', () => {
    const { bridge } = setup();
    expect(() => bridge.on('status.changes', () => undefined)).toThrow(/no event named "status.changes"/);
    expect(() => bridge.on('__proto__', () => undefined)).toThrow(/no event named/);
  });

  it('delivers events to their listeners until they unsubscribe; one failing listener does not stop the others', () => {
    const { services, bridge, problems } = setup();
    services.latest().accept();
    const seen: unknown[] = [];
    bridge.on('status.changed', () => {
      throw new Error('listener broke');
    });
    const stop = bridge.on('status.changed', (p) => seen.push(p));
    services.latest().push({ type: 'event', name: 'status.changed', payload: status });
    expect(seen).toEqual([status]);
    expect(problems.some((p) => p.includes('listener broke'))).toBe(true);
    stop();
    services.latest().push({ type: 'event', name: 'status.changed', payload: status });
    expect(seen).toHaveLength(1);
  });

  it('ignores and reports frames it cannot read, and events outside the contract', () => {
    const { services, bridge, problems } = setup();
    services.latest().accept();
    const seen: unknown[] = [];
    bridge.on('status.changed', (p) => seen.push(p));
    services.latest().pushText('{not json');
    services.latest().push({ type: 'surprise' });
    services.latest().push({ type: 'event', name: 'tickets.deleted', payload: {} });
    services.latest().push({ type: 'result', id: 999, result: { ok: true, value: 1 } });
    expect(seen).toEqual([]);
    expect(problems).toHaveLength(4);
  });

  it('answers a call the services could not read as a call with their error', async () => {
    const { services, bridge, problems } = setup();
    services.latest().accept();
    const answer = bridge.invoke('app.ping', {});
    const [frame] = sentInvokes(services.latest());
    const error = { code: 'invalid_payload', message: 'The frame was refused — payload: too deep.' };
    services.latest().push({ type: 'error', id: frame!.id, error });
    await expect(answer).resolves.toEqual({ ok: false, error });
    services.latest().push({ type: 'error', id: null, error });
    expect(problems).toEqual(['the services refused a frame: The frame was refused — payload: too deep.']);
  });

  it('turns an answer that is not an envelope into an internal error', async () => {
    const { services, bridge } = setup();
    services.latest().accept();
    const answer = bridge.invoke('app.ping', {});
    const [frame] = sentInvokes(services.latest());
    services.latest().push({ type: 'result', id: frame!.id, result: { at: 5 } });
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses a payload that cannot be sent as JSON, as an invalid payload', async () => {
    const { services, bridge } = setup();
    services.latest().accept();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(bridge.invoke('app.ping', circular)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    await expect(bridge.invoke('app.ping', { n: 10n })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(services.latest().sent).toEqual([]);
  });

  it('once disposed, answers what waits and stops reconnecting', async () => {
    const { services, bridge, clock, connection } = setup();
    services.latest().accept();
    const pending = bridge.invoke('app.ping', {});
    bridge.dispose();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(connection).toEqual([true, false]);
    clock.advance(60_000);
    expect(services.sockets.length).toBe(1);
    expect(clock.pending()).toBe(0);
  });
});
