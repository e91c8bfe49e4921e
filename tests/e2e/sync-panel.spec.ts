// The Sync panel in real Chromium against browser mode and its demo LMS: a write the LMS refuses
// for good is listed with the LMS's reason until the person has read it and dismisses it; "Try
// again" sends it once more, and the LMS's answer is shown again.
import type { Page } from '@playwright/test';
import type { InboxPage } from '../../src/shared/channels/tickets';
import type { SyncStatus } from '../../src/shared/channels/sync';
import { expect, nav, saveScreen, servePassdeskForThisFile, statusBar, test, type WindowWithBridge } from './fixtures/passdesk-test';

servePassdeskForThisFile();

async function invoke<T>(page: Page, channel: string, payload: unknown): Promise<T> {
  const result = await page.evaluate(([c, p]) => (window as unknown as WindowWithBridge).passdesk.invoke(c as string, p), [channel, payload] as const);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const syncStatus = (page: Page) => invoke<SyncStatus>(page, 'sync.status', {});

test('a write the LMS refused is listed with its reason, can be tried again, and is gone from the list and the counts once dismissed', async ({ app }) => {
  await expect.poll(async () => (await syncStatus(app)).phase, { timeout: 90_000 }).toBe('live');
  const { rows } = await invoke<InboxPage>(app, 'tickets.list', { view: 'all', limit: 1 });
  const ticketId = rows[0]?.id;
  if (!ticketId) throw new Error('The demo LMS synced no tickets.');

  // An assignee who has since left: the LMS refuses the edit for good (400), no retry can fix it.
  await invoke(app, 'tickets.edit', { ticketIds: [ticketId], changes: { assigneeId: 'agt_left_the_company' } });
  await expect.poll(async () => (await syncStatus(app)).failedWrites, { timeout: 30_000 }).toBe(1);

  await nav(app).getByRole('button', { name: 'Settings' }).click();
  const panel = app.getByRole('region', { name: 'Sync', exact: true });
  const summary = `Change on ticket ${ticketId}: assigneeId → agt_left_the_company`;
  const refused = panel.getByRole('list', { name: /^Refused by the LMS/ });
  const row = refused.getByRole('listitem').filter({ hasText: summary });
  await expect(row).toBeVisible();
  await expect(row).toContainText('agt_left_the_company');
  await expect(panel.getByRole('heading', { name: 'Refused by the LMS (1)' })).toBeVisible();
  await expect(statusBar(app)).toContainText('1 refused');
  await row.scrollIntoViewIfNeeded();
  await saveScreen(app, 'sync-panel-refused-write');

  // Sent once more with the same key; the LMS still refuses it, and says so again.
  await row.getByRole('button', { name: `Try failed write again: ${summary}` }).click();
  // Focus lands on the list's heading once main has queued it again and the lists are read.
  await expect(panel.getByRole('heading', { name: /^Refused by the LMS/ })).toBeFocused();
  await expect.poll(async () => (await syncStatus(app)).failedWrites, { timeout: 30_000 }).toBe(1);
  await expect(row).toContainText('there is no agent agt_left_the_company');

  await row.getByRole('button', { name: `Dismiss failed write: ${summary}` }).click();
  await expect(row).toHaveCount(0);
  const heading = panel.getByRole('heading', { name: 'Refused by the LMS (0)' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(statusBar(app)).not.toContainText('refused');
  expect((await syncStatus(app)).failedWrites).toBe(0);

  // Kept by main, not listed: a reload shows the same.
  await app.reload();
  await nav(app).getByRole('button', { name: 'Settings' }).click();
  await expect(app.getByRole('region', { name: 'Sync', exact: true }).getByRole('heading', { name: 'Refused by the LMS (0)' })).toBeVisible();
});

test('dismissing a write that is not refused is refused by main with a reason, and changes nothing', async ({ app }) => {
  const result = await app.evaluate(() => (window as unknown as WindowWithBridge).passdesk.invoke('sync.dismissWrite', { writeId: 'no-such-write-0001' }));
  expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no-such-write-0001') } });
  const forged = await app.evaluate(() => (window as unknown as WindowWithBridge).passdesk.invoke('sync.dismissWrite', { writeId: '' }));
  expect(forged).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
});
