// The Electron preload exposes window.passdesk — invoke and on, nothing else — and refuses
// names outside the contract before anything reaches main.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PassdeskBridge } from '../../../src/shared/ipc-result';

const exposed = new Map<string, unknown>();
type Forward = (event: unknown, message: unknown) => void;
const ipc = {
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
  on: vi.fn<(channel: string, listener: Forward) => void>(),
  removeListener: vi.fn<(channel: string, listener: Forward) => void>(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: ipc,
}));

async function loadBridge(): Promise<PassdeskBridge> {
  exposed.clear();
  vi.resetModules();
  await import('../../../src/preload/index');
  return exposed.get('passdesk') as PassdeskBridge;
}

beforeEach(() => {
  ipc.invoke.mockReset();
  ipc.on.mockReset();
  ipc.removeListener.mockReset();
});

describe('preload', () => {
  it('exposes exactly window.passdesk with invoke and on', async () => {
    const bridge = await loadBridge();
    expect([...exposed.keys()]).toEqual(['passdesk']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('refuses an unknown channel without calling main', async () => {
    const bridge = await loadBridge();
    expect(await bridge.invoke('fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('sends a known channel over passdesk:invoke and returns main’s envelope', async () => {
    const bridge = await loadBridge();
    ipc.invoke.mockResolvedValue({ ok: true, value: { at: 1736150400000 } });
    expect(await bridge.invoke('app.ping', {})).toEqual({ ok: true, value: { at: 1736150400000 } });
    expect(ipc.invoke).toHaveBeenCalledWith('passdesk:invoke', 'app.ping', {});
  });

  it('answers a payload IPC cannot carry with invalid_payload', async () => {
    const bridge = await loadBridge();
    ipc.invoke.mockRejectedValue(new Error('An object could not be cloned.'));
    const result = await bridge.invoke('settings.setDemoRole', { role: () => 'admin' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('does not pass on an answer outside the envelope', async () => {
    const bridge = await loadBridge();
    ipc.invoke.mockResolvedValue({ surprise: true });
    expect(await bridge.invoke('app.status', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers only the named event, and unsubscribes', async () => {
    const bridge = await loadBridge();
    const heard: unknown[] = [];
    const stop = bridge.on('status.changed', (payload) => heard.push(payload));
    const forward = ipc.on.mock.calls[0]?.[1];
    expect(ipc.on.mock.calls[0]?.[0]).toBe('passdesk:event');
    forward?.({}, { name: 'sync.changed', payload: { other: true } });
    forward?.({}, { name: 'status.changed', payload: { online: true } });
    expect(heard).toEqual([{ online: true }]);
    stop();
    expect(ipc.removeListener).toHaveBeenCalledWith('passdesk:event', forward);
  });

  it('refuses to subscribe to an event outside the contract', async () => {
    const bridge = await loadBridge();
    expect(() => bridge.on('ipc.raw', () => undefined)).toThrow(/no event named "ipc.raw"/);
    expect(ipc.on).not.toHaveBeenCalled();
  });
});
