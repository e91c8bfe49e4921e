import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../src/shared/contract';
import { PassdeskError, type InvokeResult, type PassdeskBridge } from '../../../src/shared/ipc-result';
import { createPassdeskClient } from '../../../src/renderer/passdesk-client';

const status: AppStatus = {
  lms: { mode: 'demo', url: 'http://127.0.0.1:4100', online: true, checkedAt: '2025-01-06T09:00:00.000Z', error: null },
  user: { id: 'ag_1', name: 'Dana Whitfield', email: 'dana@example.com', role: 'admin' },
  appVersion: '0.1.0',
};

function bridgeAnswering(answer: (channel: string, payload: unknown) => unknown) {
  const calls: Array<{ channel: string; payload: unknown }> = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const bridge: PassdeskBridge = {
    invoke: async (channel, payload) => {
      calls.push({ channel, payload });
      return answer(channel, payload) as InvokeResult;
    },
    on: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return { bridge, calls, listeners };
}

async function failureOf(promise: Promise<unknown>): Promise<PassdeskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PassdeskError)) throw new Error(`expected a PassdeskError, got ${String(error)}`);
  return error;
}

describe('the renderer client', () => {
  it('sends the call over the bridge and returns the value the contract describes', async () => {
    const { bridge, calls } = bridgeAnswering(() => ({ ok: true, value: status }));
    const client = createPassdeskClient(() => bridge);
    await expect(client.call('settings.setDemoRole', { role: 'agent' })).resolves.toEqual(status);
    expect(calls).toEqual([{ channel: 'settings.setDemoRole', payload: { role: 'agent' } }]);
  });

  it('throws the error main reported, with its code, message and field issues', async () => {
    const { bridge } = bridgeAnswering(() => ({
      ok: false,
      error: { code: 'invalid_payload', message: 'The request to settings.connectLms was refused — url: bad.', issues: [{ path: 'url', message: 'bad' }] },
    }));
    const client = createPassdeskClient(() => bridge);
    const error = await failureOf(client.call('settings.connectLms', { url: 'x', token: 't' }));
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toContain('url: bad');
    expect(error.issues).toEqual([{ path: 'url', message: 'bad' }]);
  });

  it('refuses a value outside the channel\'s output schema rather than showing it', async () => {
    const problems: string[] = [];
    const { bridge } = bridgeAnswering(() => ({ ok: true, value: { ...status, user: { name: 'No id' } } }));
    const client = createPassdeskClient(() => bridge, (p) => problems.push(p));
    const error = await failureOf(client.call('app.status', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/did not match the contract/);
    expect(problems).toHaveLength(1);
  });

  it('refuses an answer that is not an envelope at all', async () => {
    const { bridge } = bridgeAnswering(() => status);
    const error = await failureOf(createPassdeskClient(() => bridge).call('app.status', {}));
    expect(error.code).toBe('internal');
  });

  it('turns a bridge that throws into a PassdeskError naming the channel', async () => {
    const bridge: PassdeskBridge = {
      invoke: () => Promise.reject(new Error('An object could not be cloned.')),
      on: () => () => undefined,
    };
    const error = await failureOf(createPassdeskClient(() => bridge).call('app.ping', {}));
    expect(error.message).toBe('Passdesk could not send app.ping: An object could not be cloned.');
  });

  it('says how to open Passdesk when the page has no bridge', async () => {
    const client = createPassdeskClient(() => undefined);
    const error = await failureOf(client.call('app.status', {}));
    expect(error.message).toMatch(/npm start/);
    expect(() => client.on('status.changed', () => undefined)).toThrow(/npm run serve/);
  });

  it('passes events that match their schema and drops, and reports, those that do not', () => {
    const problems: string[] = [];
    const { bridge, listeners } = bridgeAnswering(() => null);
    const client = createPassdeskClient(() => bridge, (p) => problems.push(p));
    const seen: AppStatus[] = [];
    const stop = client.on('status.changed', (s) => seen.push(s));
    const push = listeners.get('status.changed');
    push?.(status);
    push?.({ lms: 'online' });
    expect(seen).toEqual([status]);
    expect(problems).toHaveLength(1);
    stop();
    expect(listeners.has('status.changed')).toBe(false);
  });
});
