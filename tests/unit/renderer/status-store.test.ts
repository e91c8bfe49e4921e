import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../src/shared/contract';
import { BRIDGE_CONNECTION_EVENT } from '../../../src/shared/bridge-connection';
import type { InvokeResult, PassdeskBridge } from '../../../src/shared/ipc-result';
import { createPassdeskClient } from '../../../src/renderer/passdesk-client';
import { createStatusStore, followStatus } from '../../../src/renderer/stores/status-store';

function statusAs(name: string, role: 'admin' | 'agent'): AppStatus {
  return {
    lms: { mode: 'demo', url: 'http://127.0.0.1:4100', online: true, checkedAt: '2025-01-06T09:00:00.000Z', error: null },
    user: { id: `u_${role}`, name, email: `${role}@example.com`, role },
    appVersion: '0.1.0',
  };
}

/** A bridge whose app.status answers wait until the test releases them. */
function slowBridge() {
  const waiting: Array<(r: InvokeResult) => void> = [];
  let push: ((payload: unknown) => void) | null = null;
  const bridge: PassdeskBridge = {
    invoke: () => new Promise((resolve) => waiting.push(resolve)),
    on: (_event, listener) => {
      push = listener;
      return () => {
        push = null;
      };
    },
  };
  return {
    client: createPassdeskClient(() => bridge),
    answer: (r: InvokeResult) => waiting.shift()?.(r),
    waiting: () => waiting.length,
    push: (payload: unknown) => push?.(payload),
    subscribed: () => push !== null,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('status store', () => {
  it('is loading until the first status arrives', async () => {
    const fake = slowBridge();
    const store = createStatusStore(fake.client);
    const stop = followStatus(store, fake.client, new EventTarget());
    expect(store.getState().loading).toBe(true);
    fake.answer({ ok: true, value: statusAs('Dana Whitfield', 'admin') });
    await tick();
    expect(store.getState()).toMatchObject({ loading: false, status: { user: { role: 'admin' } } });
    stop();
    expect(fake.subscribed()).toBe(false);
  });

  it('keeps a pushed status over an older load that answers later', async () => {
    const fake = slowBridge();
    const store = createStatusStore(fake.client);
    followStatus(store, fake.client, new EventTarget());
    fake.push(statusAs('Sam Ortiz', 'agent'));
    fake.answer({ ok: true, value: statusAs('Dana Whitfield', 'admin') });
    await tick();
    expect(store.getState().status?.user?.name).toBe('Sam Ortiz');
  });

  it('says why when the status cannot be loaded', async () => {
    const fake = slowBridge();
    const store = createStatusStore(fake.client);
    followStatus(store, fake.client, new EventTarget());
    fake.answer({ ok: false, error: { code: 'offline', message: "Passdesk's services cannot be reached right now." } });
    await tick();
    expect(store.getState()).toMatchObject({ loading: false, status: null, loadError: "Passdesk's services cannot be reached right now." });
  });

  it('marks the services unreachable when the bridge drops and reads the status again when it is back', async () => {
    const fake = slowBridge();
    const store = createStatusStore(fake.client);
    const window = new EventTarget();
    followStatus(store, fake.client, window);
    fake.answer({ ok: true, value: statusAs('Dana Whitfield', 'admin') });
    await tick();
    window.dispatchEvent(new CustomEvent(BRIDGE_CONNECTION_EVENT, { detail: { connected: false } }));
    expect(store.getState().servicesReachable).toBe(false);
    window.dispatchEvent(new CustomEvent(BRIDGE_CONNECTION_EVENT, { detail: { connected: true } }));
    expect(store.getState().servicesReachable).toBe(true);
    expect(fake.waiting()).toBe(1);
    fake.answer({ ok: true, value: statusAs('Sam Ortiz', 'agent') });
    await tick();
    expect(store.getState().status?.user?.role).toBe('agent');
  });
});
