// The dispatcher's promises to the renderer: a handler's typed refusal arrives as-is, a
// crash arrives as `internal` without taking main down, and a result outside the contract
// is never shown.
import { describe, expect, it } from 'vitest';
import { channelNames, type Channel } from '../../../src/shared/contract';
import { PassdeskError } from '../../../src/shared/ipc-result';
import { createDispatcher, type Handlers } from '../../../src/main/ipc/dispatcher';

const status = {
  lms: { mode: 'demo', url: 'http://127.0.0.1:4100', online: true, checkedAt: '2025-01-06T09:00:00.000Z', error: null },
  user: { id: 'agt_1', name: 'Dana Whitfield', email: 'dana.whitfield@support.example.com', role: 'admin' },
  appVersion: '0.1.0',
} as const;

/** Every channel answers by throwing unless a test gives it a handler. */
function handlersWith(overrides: Partial<Handlers>): Handlers {
  const all = Object.fromEntries(
    channelNames.map((name: Channel) => [
      name,
      () => {
        throw new Error(`${name} was not expected to run`);
      },
    ]),
  );
  return { ...all, ...overrides } as Handlers;
}

describe('dispatcher', () => {
  it('passes a handler’s typed refusal through unchanged', async () => {
    const dispatcher = createDispatcher(
      handlersWith({
        'settings.setDemoRole': () => {
          throw new PassdeskError({ code: 'refused', message: 'Passdesk is connected to https://lms.example.com, not the demo LMS.' });
        },
      }),
      () => undefined,
    );
    expect(await dispatcher.dispatch('settings.setDemoRole', { role: 'agent' })).toEqual({
      ok: false,
      error: { code: 'refused', message: 'Passdesk is connected to https://lms.example.com, not the demo LMS.' },
    });
  });

  it('turns a crash into an internal error and logs it', async () => {
    const lines: string[] = [];
    const dispatcher = createDispatcher(
      handlersWith({
        'app.status': () => {
          throw new TypeError('cannot read properties of undefined');
        },
      }),
      (line) => lines.push(line),
    );
    const result = await dispatcher.dispatch('app.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(lines.join('\n')).toContain('cannot read properties of undefined');
  });

  it('never hands the renderer a result outside the contract', async () => {
    const lines: string[] = [];
    const dispatcher = createDispatcher(
      handlersWith({ 'app.status': () => ({ ...status, lms: { ...status.lms, online: 'yes' } }) as never }),
      (line) => lines.push(line),
    );
    const result = await dispatcher.dispatch('app.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(lines.join('\n')).toContain('outside the contract');
  });

  it('returns the handler’s value when both sides match the contract', async () => {
    const dispatcher = createDispatcher(handlersWith({ 'app.status': () => status }), () => undefined);
    expect(await dispatcher.dispatch('app.status', {})).toEqual({ ok: true, value: status });
  });
});
