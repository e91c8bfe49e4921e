import { expect, servePassdeskForThisFile, statusBar, test, type WindowWithBridge } from './fixtures/passdesk-test';

servePassdeskForThisFile();

test('the page cannot reach another origin: fetch is blocked by the Content-Security-Policy', async ({ app }) => {
  const outcome = await app.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`), { once: true }),
    );
    const fetched = await fetch('http://127.0.0.2:9/').then(
      () => 'resolved',
      (error: unknown) => `rejected: ${String(error)}`,
    );
    return { fetched, violation: await violation };
  });
  expect(outcome.fetched).toMatch(/^rejected: TypeError/);
  expect(outcome.violation).toMatch(/^connect-src http:\/\/127\.0\.0\.2:9/);
});

test('the page has no Node: no require, no process, no Buffer', async ({ app }) => {
  const globals = await app.evaluate(() => ({
    require: typeof Reflect.get(window, 'require'),
    process: typeof Reflect.get(window, 'process'),
    module: typeof Reflect.get(window, 'module'),
    Buffer: typeof Reflect.get(window, 'Buffer'),
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
});

test('window.passdesk is exactly the contract, and cannot be replaced', async ({ app }) => {
  const shape = await app.evaluate(() => {
    const w = window as unknown as WindowWithBridge;
    const before = w.passdesk;
    try {
      Reflect.set(w, 'passdesk', { invoke: () => Promise.resolve({ ok: true, value: 'forged' }) });
    } catch {
      // Refused either way: in strict code it throws, otherwise it is ignored.
    }
    return { keys: Object.keys(w.passdesk).sort(), same: w.passdesk === before, frozen: Object.isFrozen(w.passdesk) };
  });
  expect(shape).toEqual({ keys: ['invoke', 'on'], same: true, frozen: true });
});

test('inline script injected into the page does not run', async ({ app }) => {
  const ran = await app.evaluate(async () => {
    const img = document.createElement('img');
    const failed = new Promise((resolve) => img.addEventListener('error', resolve, { once: true }));
    img.setAttribute('onerror', 'window.__injected = true');
    img.src = 'data:image/png;base64,AAAA';
    document.body.append(img);
    await failed;
    img.remove();
    return Reflect.get(window, '__injected') === true;
  });
  expect(ran).toBe(false);
});

test('a bad payload is refused with an invalid_payload error that names the field, and changes nothing', async ({ app }) => {
  await expect(statusBar(app)).toContainText('· admin');
  const result = await app.evaluate(() => (window as unknown as WindowWithBridge).passdesk.invoke('settings.setDemoRole', { role: 'root' }));
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid_payload');
  expect(result.error.message).toContain('role');
  expect(result.error.issues?.map((i) => i.path)).toEqual(['role']);

  const extra = await app.evaluate(() => (window as unknown as WindowWithBridge).passdesk.invoke('settings.setDemoRole', { role: 'agent', admin: true }));
  expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  await app.reload();
  await expect(statusBar(app)).toContainText('· admin');
});

test('an unknown channel or event is refused', async ({ app }) => {
  const outcome = await app.evaluate(async () => {
    const bridge = (window as unknown as WindowWithBridge).passdesk;
    const call = await bridge.invoke('passes.deleteEverything', {});
    let subscribe = 'accepted';
    try {
      bridge.on('passes.everything', () => undefined);
    } catch (error) {
      subscribe = error instanceof Error ? error.message : String(error);
    }
    return { call, subscribe };
  });
  expect(outcome.call).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  expect(outcome.call.ok === false && outcome.call.error.message).toContain('passes.deleteEverything');
  expect(outcome.subscribe).toContain('no event named "passes.everything"');
});
