// The inbox in real Chromium, browser mode signed in to a demo LMS as the demo agent: the list
// and its counts, triage of a new ticket through the article's checklist, search with marked
// matches, keyboard navigation, and hostile e-mails that must stay inert text.
import type { Page } from '@playwright/test';
import type { LearnerPanel, LinkedLearner } from '../../src/shared/channels/tickets';
import type { WindowWithBridge } from './fixtures/passdesk-test';
import { saveScreen } from './fixtures/passdesk-test';
import { expect, openBySearch, row, serveInboxForThisFile, test, ticketList, waitForTickets } from './inbox-fixtures';
import { hostileCorpus } from '../unit/tickets/hostile-corpus';

serveInboxForThisFile();

async function invoke<T>(page: Page, channel: string, payload: unknown): Promise<T> {
  const result = await page.evaluate(([c, p]) => (window as unknown as WindowWithBridge).passdesk.invoke(c as string, p), [channel, payload] as const);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** A learner in the synced cache with a module 2 they have not completed and never launched. */
async function learnerWithUntouchedModule(page: Page): Promise<{ learner: LinkedLearner; courseName: string; moduleName: string }> {
  for (const name of ['Maria', 'James', 'Linda', 'Carlos', 'Sarah', 'Kevin', 'Priya', 'Daniel']) {
    const { learners } = await invoke<{ learners: LinkedLearner[] }>(page, 'tickets.findLearners', { query: name, limit: 20 });
    for (const learner of learners) {
      const panel = await invoke<LearnerPanel>(page, 'tickets.learnerPanel', { learnerId: learner.id });
      for (const course of panel.courses) {
        const module = course.modules.find((m) => m.moduleName.startsWith('Module 2:') && m.status !== 'completed' && m.attempts.length === 0);
        if (module && !/\(\d+\)$/.test(course.courseName)) return { learner, courseName: course.courseName, moduleName: module.moduleName };
      }
    }
  }
  throw new Error('No learner in the demo data has an untouched module 2.');
}

async function expectLayoutHolds(page: Page): Promise<void> {
  const fit = await page.evaluate(() => {
    const pane = document.querySelector('.inbox-ticket-pane')!.getBoundingClientRect();
    const widest = Math.max(...[...document.querySelectorAll('.thread .message, .ticket-head, .ticket-link')].map((e) => e.getBoundingClientRect().right));
    const rows = [...document.querySelectorAll('.ticket-row')].map((e) => e.getBoundingClientRect().height);
    return {
      pageOverflowX: document.documentElement.scrollWidth - window.innerWidth,
      pageOverflowY: document.documentElement.scrollHeight - window.innerHeight,
      threadOverflow: Math.max(0, Math.round(widest - pane.right)),
      rowHeights: [...new Set(rows)],
    };
  });
  expect(fit).toEqual({ pageOverflowX: 0, pageOverflowY: 0, threadOverflow: 0, rowHeights: [86] });
}

test('the inbox lists tickets with live counts, and opens one with its checklist and learner', async ({ app }) => {
  await waitForTickets(app);
  const counts = await app.getByRole('group', { name: 'Views' }).getByRole('button').allTextContents();
  const number = (label: string) => Number((counts.find((c) => c.startsWith(label)) ?? '').replace(/\D/g, ''));
  expect(number('New') + number('Open') + number('Waiting on learner') + number('Resolved')).toBe(number('All'));
  await expect(app.getByRole('button', { name: /^New/ })).toHaveAttribute('aria-pressed', 'true');
  await saveScreen(app, 'inbox-list');

  await app.getByRole('button', { name: /^Open/ }).click();
  await waitForTickets(app);
  const first = ticketList(app).getByRole('option').first();
  await first.click();
  await expect(app.getByRole('heading', { name: 'Checklist' })).toBeVisible();
  await expect(app.getByRole('list', { name: 'Messages' }).getByRole('listitem').first()).toBeVisible();
  await saveScreen(app, 'inbox-ticket');
  await expectLayoutHolds(app);

  // A ticket with a screenshot: its attachment opens the screenshot viewer.
  await app.getByRole('button', { name: /^All/ }).click();
  await app.getByRole('combobox', { name: 'Filter by screenshot' }).selectOption('yes');
  await waitForTickets(app);
  await expect(ticketList(app).getByRole('img', { name: 'has a screenshot' }).first()).toBeVisible();
  await ticketList(app).getByRole('option').first().click();
  const attachment = app.getByRole('list', { name: 'Attachments' }).getByRole('button').first();
  await expect(attachment).toBeVisible();
  await saveScreen(app, 'inbox-ticket-with-screenshot');
  await attachment.click();
  await expect(app.getByRole('heading', { level: 1, name: 'Screenshots' })).toBeVisible();
});

test('a new ticket is triaged through the checklist to "Waiting on learner"', async ({ app, lms }) => {
  await waitForTickets(app);
  const { learner, courseName, moduleName } = await learnerWithUntouchedModule(app);
  const created = await lms.inboundEmail({
    fromEmail: learner.email,
    subject: 'course says incomplete',
    body: `Hi,\n\nI finished ${courseName.toLowerCase()} module 2 last week (triagecheck) and it still says incomplete. I got 88%\n\nThanks,\n${learner.name.split(' ')[0]}`,
  });
  const ticketId = created.ticket.id;
  await openBySearch(app, 'triagecheck', ticketId);
  const checklist = app.getByRole('region', { name: 'Checklist' });
  const linkBox = app.getByRole('region', { name: 'Link to a learner and a module' });
  await expect(linkBox).toContainText(`Suggested: ${moduleName}`);
  await expect(linkBox).toContainText('module 2');

  // 1. The Technical Issues FAQ, with the learner's and module's names filled in: pending, then confirmed.
  await checklist.getByRole('button', { name: 'Send the Technical Issues FAQ and wait on the learner' }).click();
  const thread = app.getByRole('list', { name: 'Messages' });
  const reply = thread.getByRole('listitem').filter({ hasText: 'Technical Issues FAQ' });
  await expect(reply).toContainText(`Hi ${learner.name.split(' ')[0]},`);
  await expect(app.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('waiting');
  await expect(reply.locator('.badge-pending')).toHaveCount(0, { timeout: 30_000 });
  await expect(checklist.getByRole('listitem').filter({ hasText: 'FAQ sent' })).toContainText('done');

  // 2. The suggested link, confirmed.
  await checklist.getByRole('button', { name: /^Link to / }).click();
  await expect(linkBox).not.toContainText('Suggested', { timeout: 30_000 });
  await expect(linkBox).toContainText(moduleName);
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Details received' })).toContainText('done');
  await expect(checklist).toContainText('Needs a screenshot');

  // 3. The data check, as an internal note written from the cache.
  await checklist.getByRole('button', { name: 'Record the data check as a note' }).click();
  await expect(thread.getByRole('listitem').filter({ hasText: 'Internal note' })).toContainText('Checked the data: no data came back');

  // 4. The screenshot request; then nothing to do but wait on the learner.
  await checklist.getByRole('button', { name: 'Ask for a screenshot and wait on the learner' }).click();
  await expect(checklist).toContainText('Nothing to do until the learner answers.');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Screenshot requested' })).toContainText('done');
  await expect(app.locator('.ticket-head .badge-pending')).toHaveCount(0, { timeout: 30_000 });
  await expect(thread.locator('.badge-pending')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await lms.ticket(ticketId)).status).toBe('waiting');
  await expect(app.getByRole('region', { name: 'Learner', exact: true })).toContainText(learner.name);
  await saveScreen(app, 'inbox-learner-panel');
  const onLms = await lms.messagesOf(ticketId);
  expect(onLms.map((m) => m.author)).toEqual(['learner', 'agent', 'note', 'agent']);
});

test('search finds tickets as you type and marks the matches, within the view', async ({ app, lms }) => {
  await waitForTickets(app);
  const created = await lms.inboundEmail({ fromEmail: 'search.e2e@example.com', subject: 'Flickering dimmer module', body: 'The quizzical flamingo screen froze at the end of module 3.' });
  await app.getByRole('button', { name: /^All/ }).click();
  const search = app.getByRole('searchbox', { name: 'Search tickets' });
  await search.pressSequentially('quizzic');
  await expect(row(app, created.ticket.id)).toBeVisible();
  await expect(ticketList(app)).toHaveAccessibleName('Tickets (1)');
  await expect(row(app, created.ticket.id).locator('mark')).toHaveText(['quizzical']);
  await search.fill('flickering');
  await expect(row(app, created.ticket.id).locator('.row-subject mark')).toHaveText(['Flickering']);
  await saveScreen(app, 'inbox-search');
  await app.getByRole('button', { name: /^Resolved/ }).click();
  await expect(ticketList(app)).toHaveAccessibleName('Tickets (0)');
  await expect(app.getByRole('button', { name: /^New/ })).toContainText('1');
});

test('"g k" jumps to Known Issues without also moving the inbox selection up', async ({ app }) => {
  await waitForTickets(app);
  const list = ticketList(app);
  await list.focus();
  await app.keyboard.press('j');
  await expect(list).toHaveAttribute('aria-activedescendant', 'inbox-row-1');
  await app.keyboard.press('g');
  await app.keyboard.press('k');
  await expect(app.getByRole('heading', { level: 1, name: 'Known Issues' })).toBeVisible();
  await app.keyboard.press('g');
  await app.keyboard.press('i');
  await expect(list).toHaveAttribute('aria-activedescendant', 'inbox-row-1');
});

test('the keyboard runs the inbox: j/k, Enter, /, r, n, a, e, x and ? with its shortcut list', async ({ app }) => {
  await waitForTickets(app);
  const list = ticketList(app);
  await list.focus();
  await expect(list).toHaveAttribute('aria-activedescendant', 'inbox-row-0');
  await app.keyboard.press('j');
  await expect(list).toHaveAttribute('aria-activedescendant', 'inbox-row-1');
  const second = await list.locator('#inbox-row-1').getAttribute('data-ticket-id');
  await expect(app.getByRole('article')).toContainText(second!);
  await app.keyboard.press('j');
  await app.keyboard.press('k');
  await expect(list).toHaveAttribute('aria-activedescendant', 'inbox-row-1');
  await expect(list.locator('#inbox-row-1')).toHaveAttribute('aria-current', 'true');

  await app.keyboard.press('Enter');
  await expect(app.getByRole('region', { name: 'Ticket' })).toBeFocused();
  await app.keyboard.press('/');
  await expect(app.getByRole('searchbox', { name: 'Search tickets' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(list).toBeFocused();

  await app.keyboard.press('r');
  await expect(app.getByRole('textbox', { name: 'Reply text' })).toBeFocused();
  await app.keyboard.type('typing r here is text, not a shortcut');
  await expect(app.getByRole('textbox', { name: 'Reply text' })).toHaveValue('typing r here is text, not a shortcut');
  await app.keyboard.press('Escape');
  await app.keyboard.press('n');
  await expect(app.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await app.keyboard.press('Escape');

  await app.keyboard.press('a');
  await expect(app.getByRole('combobox', { name: 'Assignee', exact: true })).toHaveValue('agt_demo_agent');
  await app.keyboard.press('e');
  await expect(app.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('resolved');

  await list.focus();
  await app.keyboard.press('x');
  await expect(app.getByRole('toolbar', { name: 'Change the selected tickets' })).toContainText('1 selected');
  await app.keyboard.press('x');

  await app.keyboard.press('?');
  const dialog = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const does of ['Next ticket', 'Previous ticket', 'Open the ticket', 'Search subjects', 'Reply to the learner', 'Add an internal note', 'Resolve', 'Assign to me']) {
    await expect(dialog).toContainText(does);
  }
  await saveScreen(app, 'inbox-shortcuts');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('hostile e-mails render as inert text: nothing runs, nothing is injected, the layout holds', async ({ app, lms }) => {
  await waitForTickets(app);
  const hostile = Object.entries(hostileCorpus).filter(([name]) => name !== 'huge' && name !== 'manyLines');
  const created = [];
  for (const [name, text] of hostile) {
    created.push(await lms.inboundEmail({ fromEmail: `hostile.${name.toLowerCase()}@example.com`, subject: `hostilecheck ${text.slice(0, 900)}`, body: `hostilecheck ${text}` }));
  }
  const huge = await lms.inboundEmail({ fromEmail: 'hostile.huge@example.com', subject: 'hostilecheck huge', body: `hostilecheck ${hostileCorpus.huge!.slice(0, 99_000)}` });
  await app.getByRole('button', { name: /^All/ }).click();
  await app.getByRole('searchbox', { name: 'Search tickets' }).fill('hostilecheck');
  await expect(ticketList(app)).toHaveAccessibleName(`Tickets (${created.length + 1})`, { timeout: 30_000 });
  await expectLayoutHolds(app);
  // Through every one of them with the keyboard, as an agent would.
  await ticketList(app).getByRole('option').first().click();
  const seen = new Set<string>();
  for (let i = 0; i <= created.length; i += 1) {
    if (i > 0) await app.keyboard.press('j');
    const open = ticketList(app).locator(`#inbox-row-${i}`);
    const id = await open.getAttribute('data-ticket-id');
    await expect(app.getByRole('article')).toContainText(id!);
    await expectLayoutHolds(app);
    seen.add(id!);
  }
  expect([...seen].sort()).toEqual([...created, huge].map((c) => c.ticket.id).sort());
  await openBySearch(app, 'hostilecheck huge', huge.ticket.id);
  const showAll = app.getByRole('button', { name: /Show all \([\d,]+ more characters\)/ });
  await expect(showAll).toBeVisible();
  await showAll.click();
  await expect(app.getByRole('button', { name: 'Show less' })).toBeVisible();
  await expectLayoutHolds(app);
  await openBySearch(app, 'hostilecheck script', created[0]!.ticket.id);
  await expect(app.getByRole('list', { name: 'Messages' })).toContainText('<script>window.__pwned = true; alert(1)</script>');
  expect(await app.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await app.locator('.thread script, .thread img, .thread iframe, .thread svg, .thread a, .ticket-list img, .ticket-list script').count()).toBe(0);
  await saveScreen(app, 'inbox-hostile');
});
