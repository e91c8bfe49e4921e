// Connecting Passdesk to an LMS other than its built-in demo, and going back.
import { expect, nav, saveScreen, servePassdeskForThisFile, statusBar, test } from './fixtures/passdesk-test';
import { startStandaloneLms, type StandaloneLms } from './fixtures/standalone-lms';

servePassdeskForThisFile();

let lms: StandaloneLms | null = null;
// eslint-disable-next-line no-empty-pattern -- Playwright reads a hook's fixtures from this pattern.
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  lms = await startStandaloneLms('pd_e2e_admin_token_5f1c2a');
});
test.afterAll(async () => {
  await lms?.stop();
});

function theLms(): StandaloneLms {
  if (!lms) throw new Error('the standalone LMS did not start');
  return lms;
}

test('a token the LMS refuses is shown on the form, and Passdesk stays on the demo LMS', async ({ app }) => {
  await nav(app).getByRole('button', { name: 'Settings' }).click();
  const form = app.getByRole('region', { name: 'Connect to an LMS' });
  await form.getByLabel('LMS URL').fill(theLms().url);
  await form.getByLabel('API token').fill('not-the-right-token');
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.getByRole('alert')).toContainText(/token/i);
  await saveScreen(app, 'settings-token-refused');
  await expect(statusBar(app)).toContainText('Demo LMS');
});

test('connecting to another LMS shows its host and user in the status bar, and "Use the demo LMS" goes back', async ({ app }) => {
  const host = new URL(theLms().url).host;
  await nav(app).getByRole('button', { name: 'Settings' }).click();
  const form = app.getByRole('region', { name: 'Connect to an LMS' });
  await form.getByLabel('LMS URL').fill(theLms().url);
  await form.getByLabel('API token').fill(theLms().adminToken);
  await form.getByRole('button', { name: 'Connect' }).click();

  await expect(form.getByRole('status')).toHaveText(`Connected to ${host}.`);
  await expect(form.getByLabel('API token')).toHaveValue('');
  await expect(statusBar(app)).toContainText(host);
  await expect(statusBar(app)).not.toContainText('Demo LMS');
  await expect(statusBar(app)).toContainText('· admin');
  const panel = app.getByRole('region', { name: 'LMS connection' });
  await expect(panel).toContainText(theLms().url);
  await expect(panel).toContainText('Stored (never shown again)');
  // The demo roles only exist on the demo LMS.
  await expect(app.getByRole('group', { name: 'Sign in as' })).toHaveCount(0);
  await saveScreen(app, 'settings-other-lms');

  await panel.getByRole('button', { name: 'Use the demo LMS' }).click();
  await expect(statusBar(app)).toContainText('Demo LMS');
  await expect(app.getByRole('radio', { name: 'Demo admin' })).toBeChecked();
});
