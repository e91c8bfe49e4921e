// A first sync as a person sees it: the status bar's progress bar fills with the time left,
// and the app answers while it runs.
import { expect, nav, saveScreen, servePassdeskForThisFile, statusBar, test } from './fixtures/passdesk-test';
import { startStandaloneLms, type StandaloneLms } from './fixtures/standalone-lms';

servePassdeskForThisFile();

const adminToken = 'pd_e2e_first_sync_token_8d2e4b';
let lms: StandaloneLms | null = null;
// eslint-disable-next-line no-empty-pattern -- Playwright reads a hook's fixtures from this pattern.
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  // Every page of the feed answers slowly, so the first sync lasts long enough to watch.
  lms = await startStandaloneLms(adminToken, ['--faults', 'latencyMs=400,paths=/changes', '--allow-faults']);
});
test.afterAll(async () => {
  await lms?.stop();
});

test('the status bar shows how far the first sync is and the time left, and the desk stays usable meanwhile', async ({ app }) => {
  if (!lms) throw new Error('the standalone LMS did not start');
  await nav(app).getByRole('button', { name: 'Settings' }).click();
  const form = app.getByRole('region', { name: 'Connect to an LMS' });
  await form.getByLabel('LMS URL').fill(lms.url);
  await form.getByLabel('API token').fill(adminToken);
  await form.getByRole('button', { name: 'Connect' }).click();

  const progress = statusBar(app).getByRole('progressbar', { name: 'First sync progress' });
  await expect(progress).toBeVisible();
  // The LMS said how many records to expect, so the bar has a value and an estimate.
  await expect(progress).toHaveAttribute('aria-valuetext', /^\d+%, (under a minute|about \d+ min) left$/);
  const first = Number(await progress.getAttribute('aria-valuenow'));
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(first);
  await saveScreen(app, 'first-sync-progress');

  // The window answers while the sync runs: another screen opens.
  await nav(app).getByRole('button', { name: 'Inbox' }).click();
  await expect(app.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();

  const faults = await fetch(`${lms.url}/api/v1/__faults`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: 0 }),
  });
  expect(faults.status).toBe(200);
  await expect(progress).toHaveCount(0, { timeout: 60_000 });
  await expect(statusBar(app)).toContainText('Up to date');
});
