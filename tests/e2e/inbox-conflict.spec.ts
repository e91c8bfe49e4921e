// Two desks, one ticket: someone else's edit reaches the LMS first. The agent's own edit is
// not silently dropped or forced through; both versions are shown and the agent picks.
import { expect, openBySearch, serveInboxForThisFile, test, waitForTickets } from './inbox-fixtures';
import { saveScreen, type WindowWithBridge } from './fixtures/passdesk-test';

serveInboxForThisFile();

test('an edit that collides with someone else’s (412) shows both versions, and the agent’s choice stands', async ({ app, lms }) => {
  await waitForTickets(app);
  const created = await lms.inboundEmail({ fromEmail: 'conflict.e2e@example.com', subject: 'conflictcheck', body: 'conflictcheck: the final test froze' });
  await openBySearch(app, 'conflictcheck', created.ticket.id);
  const status = app.getByRole('combobox', { name: 'Status', exact: true });
  await expect(status).toHaveValue('new');

  // This desk stops hearing about changes, so it edits the version it last saw.
  await lms.setFaults({ error500: 1, paths: ['/changes'] });
  // End the long-poll already waiting, so the next one meets the fault.
  await app.evaluate(() => (window as unknown as WindowWithBridge).passdesk.invoke('sync.now', {}));
  const theirs = await lms.patchTicket(created.ticket.id, { status: 'open', assigneeId: 'agt_demo_admin', tags: ['escalated'] });
  expect(theirs.version).toBe(2);
  await status.selectOption('resolved');

  const banner = app.getByRole('alert').filter({ hasText: 'Someone else changed this ticket' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await banner.getByRole('button', { name: 'Compare and choose…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Someone else changed this ticket first' });
  await expect(dialog).toBeVisible();
  const rowOf = (field: string) => dialog.getByRole('row').filter({ has: app.getByRole('rowheader', { name: field, exact: true }) });
  await expect(rowOf('Status')).toContainText('Resolved');
  await expect(rowOf('Status')).toContainText('Open');
  await expect(rowOf('Assignee')).toContainText('Dana Whitfield');
  await expect(rowOf('Tags')).toContainText('escalated');
  await saveScreen(app, 'inbox-conflict');

  await lms.setFaults({ error500: 0, paths: [] });
  await dialog.getByRole('button', { name: 'Keep my version' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await lms.ticket(created.ticket.id)).status, { timeout: 30_000 }).toBe('resolved');
  const final = await lms.ticket(created.ticket.id);
  // Only the field this desk changed went again; their assignee and tag stand.
  expect(final).toMatchObject({ status: 'resolved', assigneeId: 'agt_demo_admin', tags: ['escalated'] });
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expect(status).toHaveValue('resolved');
});
