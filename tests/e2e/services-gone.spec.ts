// Browser mode's services stop while the page is open (a crash, a closed terminal): the page
// must say so, answer every call, and let the person dismiss the failures it reports.
import { expect, nav, saveScreen, servePassdeskForThisFile, statusBar, test, type WindowWithBridge } from './fixtures/passdesk-test';

servePassdeskForThisFile();

test('when the services stop, the status bar says so, calls answer offline, and a failed action shows a dismissible alert', async ({ app, passdesk }) => {
  await expect(statusBar(app)).toContainText('Online');
  await nav(app).getByRole('button', { name: 'Settings' }).click();
  await expect(app.getByRole('radio', { name: 'Demo admin' })).toBeChecked();

  await passdesk.stop();
  await expect(statusBar(app)).toContainText('Passdesk services unreachable');

  const call = await app.evaluate(() => (window as unknown as WindowWithBridge).passdesk.invoke('app.ping', {}));
  expect(call).toMatchObject({ ok: false, error: { code: 'offline' } });

  await app.getByRole('radio', { name: 'Demo agent' }).click();
  const alert = app.getByRole('main').getByRole('alert').filter({ hasText: 'Signing in as the demo agent failed.' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Passdesk's services cannot be reached");
  // Nothing changed, so the radio shows the role that is still in force.
  await expect(app.getByRole('radio', { name: 'Demo admin' })).toBeChecked();
  await saveScreen(app, 'services-gone');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);

  // The rest of the app keeps working without its services.
  await nav(app).getByRole('button', { name: 'Inbox' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
});
