// The Electron shell itself: the window opens with the app, cannot be navigated away, and
// main refuses a bad payload over real IPC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { InvokeResult, PassdeskBridge } from '../../src/shared/ipc-result';

const root = path.resolve(__dirname, '..', '..');
let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'passdesk-electron-'));
  app = await electron.launch({
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: root,
    env: { ...process.env, PASSDESK_DATA_DIR: dataDir },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the window opens with the shell, locked down', async () => {
  await expect(page).toHaveURL(/^app:\/\/passdesk\//);
  const nav = page.getByRole('navigation');
  for (const screen of ['Inbox', 'Inspector', 'Screenshots', 'Manual Pass', 'Settings']) {
    await expect(nav.getByText(screen, { exact: true })).toBeVisible();
  }
  expect(await page.evaluate(() => [typeof (window as { require?: unknown }).require, typeof (window as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  expect(await page.evaluate(() => Object.keys((window as unknown as { passdesk: PassdeskBridge }).passdesk).sort())).toEqual(['invoke', 'on']);
});

test('navigation to another origin is blocked, and so are new windows', async () => {
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.evaluate(() => window.open('file:///etc/passwd'));
  // The page still answers as the app after both attempts.
  const ping = await page.evaluate(() => (window as unknown as { passdesk: PassdeskBridge }).passdesk.invoke('app.ping', {}));
  expect(ping.ok).toBe(true);
  await expect(page).toHaveURL(/^app:\/\/passdesk\//);
  expect(app.windows()).toHaveLength(1);
});

test('an IPC call with a bad payload is refused with invalid_payload', async () => {
  const result: InvokeResult = await page.evaluate(() =>
    (window as unknown as { passdesk: PassdeskBridge }).passdesk.invoke('settings.setDemoRole', { role: 'owner' }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  if (!result.ok) expect(result.error.message).toContain('role');
});
