import { createServer } from 'node:net';
import { currentStatus, expect, nav, saveScreen, servePassdeskForThisFile, statusBar, test } from './fixtures/passdesk-test';

servePassdeskForThisFile();

/** A loopback port with nothing listening on it: an LMS that cannot be reached. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

test('Settings switches between the demo admin and the demo agent, and the status bar follows', async ({ app }) => {
  await nav(app).getByRole('button', { name: 'Settings' }).click();
  const signInAs = app.getByRole('group', { name: 'Sign in as' });
  await expect(signInAs.getByRole('radio', { name: 'Demo admin' })).toBeChecked();
  await expect(statusBar(app)).toContainText('· admin');

  await signInAs.getByRole('radio', { name: 'Demo agent' }).click();
  await expect(statusBar(app)).toContainText('· agent');
  await expect(signInAs.getByRole('radio', { name: 'Demo agent' })).toBeChecked();
  const asAgent = await currentStatus(app);
  expect(asAgent.user?.role).toBe('agent');
  await expect(statusBar(app)).toContainText(`${asAgent.user?.name} · agent`);
  await expect(statusBar(app)).toContainText('Demo LMS');

  // The choice is kept by main: a reload still shows the agent.
  await app.reload();
  await expect(statusBar(app)).toContainText('· agent');

  await nav(app).getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Demo admin' }).click();
  await expect(statusBar(app)).toContainText('· admin');
});

test('connecting to an LMS that cannot be reached shows a clear error and keeps the app working', async ({ app }) => {
  const port = await closedPort();
  await nav(app).getByRole('button', { name: 'Settings' }).click();
  const form = app.getByRole('region', { name: 'Connect to an LMS' });
  await form.getByLabel('LMS URL').fill(`http://127.0.0.1:${port}/`);
  await form.getByLabel('API token').fill('pd_test_token_1234');
  await expect(form.getByLabel('API token')).toHaveAttribute('type', 'password');
  await form.getByRole('button', { name: 'Connect' }).click();

  const error = form.getByRole('alert');
  await expect(error).toBeVisible();
  await expect(error).toContainText(/LMS URL|LMS/);
  await expect(error).toContainText(String(port));
  await saveScreen(app, 'settings-lms-unreachable');

  // Still on the demo LMS, still signed in, and every screen still opens.
  await expect(statusBar(app)).toContainText('Demo LMS');
  await expect(statusBar(app)).toContainText('Online');
  await nav(app).getByRole('button', { name: 'Inbox' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await nav(app).getByRole('button', { name: 'Settings' }).click();
  await expect(app.getByRole('radio', { name: 'Demo admin' })).toBeChecked();
});

test('the form names what is wrong with the URL and the token before sending anything', async ({ app }) => {
  await nav(app).getByRole('button', { name: 'Settings' }).click();
  const form = app.getByRole('region', { name: 'Connect to an LMS' });
  await form.getByLabel('LMS URL').fill('lms.example.com');
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(form.getByText('LMS URL: The LMS URL must start with http:// or https://.')).toBeVisible();
  await expect(form.getByText('API token: Enter the API token the LMS gave you.')).toBeVisible();
  await expect(form.getByLabel('LMS URL')).toBeFocused();
  await saveScreen(app, 'settings-form-errors');
  await expect(form.getByLabel('LMS URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('textbox', { name: 'LMS URL' })).toHaveAccessibleDescription(/must start with http/);
  await expect(statusBar(app)).toContainText('Demo LMS');
});
