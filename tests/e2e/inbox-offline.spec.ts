// Offline: the LMS goes away, the agent keeps working; a reply written meanwhile shows as
// pending, and when the LMS is back it arrives there exactly once.
import { expect, openBySearch, serveInboxForThisFile, test, waitForTickets } from './inbox-fixtures';
import { saveScreen, statusBar } from './fixtures/passdesk-test';

serveInboxForThisFile();

test('a reply sent while the LMS is unreachable waits as pending and arrives once when it is back', async ({ app, lms }) => {
  await waitForTickets(app);
  const created = await lms.inboundEmail({ fromEmail: 'offline.e2e@example.com', subject: 'offlinecheck', body: 'offlinecheck: module 2 still shows incomplete' });
  await openBySearch(app, 'offlinecheck', created.ticket.id);

  await lms.stop();
  await expect(statusBar(app)).toContainText(/offline|unreachable|cannot reach/i, { timeout: 60_000 });

  // The inbox still reads from the cache and takes the reply.
  await app.keyboard.press('Escape');
  await app.keyboard.press('r');
  const text = 'Written while the LMS was unreachable — offlinereply';
  await app.getByRole('textbox', { name: 'Reply text' }).fill(text);
  await app.getByRole('button', { name: 'Send reply' }).click();
  const mine = app.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'offlinereply' });
  await expect(mine).toContainText('pending');
  await expect(app.getByRole('listbox', { name: /^Tickets/ }).locator(`[data-ticket-id="${created.ticket.id}"]`)).toContainText('pending');
  await saveScreen(app, 'inbox-offline-pending');

  await lms.start();
  await expect(mine.locator('.badge-pending')).toHaveCount(0, { timeout: 90_000 });
  await expect(app.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'offlinereply' })).toHaveCount(1);
  const onLms = (await lms.messagesOf(created.ticket.id)).filter((m) => m.body === text);
  expect(onLms).toHaveLength(1);
  expect(onLms[0]).toMatchObject({ author: 'agent', authorId: 'agt_demo_agent' });
});
