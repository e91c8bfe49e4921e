// The help article's Manual Pass procedure in the UI, in real Chromium against browser mode
// and the demo LMS: Course Category → the course module → search a learner → Get Users →
// Mark Complete → confirm → the pass goes out after the undo window → verified in the
// learner's transcript.
import type { Page } from '@playwright/test';
import type { PassModule, UsersPage } from '../../src/shared/channels/passes';
import { expect, nav, saveScreen, servePassdeskForThisFile, test, type WindowWithBridge } from './fixtures/passdesk-test';

servePassdeskForThisFile();

async function invoke<T>(page: Page, channel: string, payload: unknown): Promise<T> {
  const result = await page.evaluate(([c, p]) => (window as unknown as WindowWithBridge).passdesk.invoke(c as string, p), [channel, payload] as const);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as T;
}

interface Target {
  module: PassModule;
  learnerName: string;
  learnerEmail: string;
}

/** A learner the verdict allows to pass, found through the same contract the panel uses. */
async function eligibleLearner(page: Page): Promise<Target> {
  await expect
    .poll(async () => (await invoke<{ phase: string }>(page, 'sync.status', {})).phase, { timeout: 120_000 })
    .toBe('live');
  const { modules } = await invoke<{ modules: PassModule[] }>(page, 'passes.modules', { categoryId: null, limit: 200 });
  // A course that pays $BlueBucks first: its confirmation asks for the most.
  for (const module of [...modules].sort((a, b) => b.blueBucks - a.blueBucks)) {
    const page1 = await invoke<UsersPage>(page, 'passes.users', { moduleId: module.id, limit: 50 });
    const user = page1.users.find((u) => u.verdict?.passAllowed && u.status !== 'completed' && u.pass === null);
    if (user) return { module, learnerName: user.name, learnerEmail: user.email };
  }
  throw new Error('No learner in the demo data is eligible for a manual pass.');
}

/** A learner with a ticket, not yet complete on a module: an agent can ask for their pass. */
async function learnerWithTicket(page: Page): Promise<Target> {
  const { modules } = await invoke<{ modules: PassModule[] }>(page, 'passes.modules', { categoryId: null, limit: 200 });
  for (const module of modules) {
    const found = await invoke<UsersPage>(page, 'passes.users', { moduleId: module.id, limit: 100 });
    const user = found.users.find((u) => u.tickets.length > 0 && u.status !== 'completed' && u.pass === null);
    if (user) return { module, learnerName: user.name, learnerEmail: user.email };
  }
  throw new Error('No learner with a ticket in the demo data.');
}

async function openModule(page: Page, target: Target): Promise<void> {
  await nav(page).getByRole('button', { name: 'Manual Pass' }).click();
  await page.getByLabel('Course Category', { exact: true }).selectOption({ value: target.module.categoryId });
  await page.getByLabel('Filter modules').fill(target.module.name);
  await page.getByRole('list', { name: 'Course modules' }).getByRole('button', { name: `${target.module.name} (${target.module.courseName})` }).click();
}

test('an admin follows the article: Course Category → module → Get Users → Mark Complete → verified in the transcript', async ({ app }) => {
  test.setTimeout(180_000);
  const target = await eligibleLearner(app);
  await invoke(app, 'passes.setUndoWindow', { undoWindowSeconds: 3 });

  await nav(app).getByRole('button', { name: 'Manual Pass' }).click();
  await expect(app.getByRole('heading', { name: 'Manual Pass', level: 1 })).toBeVisible();
  await saveScreen(app, 'passes-1-start');

  // Step 2: Course Category — pick the learner's category (Select All is there too).
  const category = app.getByLabel('Course Category', { exact: true });
  await expect(category.locator('option', { hasText: 'Select All' })).toHaveCount(1);
  await category.selectOption({ value: target.module.categoryId });
  // Step 3: the course module's name, not the course's.
  const modules = app.getByRole('list', { name: 'Course modules' });
  await app.getByLabel('Filter modules').fill(target.module.name);
  await modules.getByRole('button', { name: `${target.module.name} (${target.module.courseName})` }).click();
  await expect(app.getByRole('heading', { name: target.module.name, level: 2 })).toBeVisible();
  await saveScreen(app, 'passes-2-module');

  // Step 4: search by user name, then Get Users (Enter works too).
  const search = app.getByRole('search', { name: 'Search enrolled users' });
  await search.getByLabel('Keyword (name or e-mail)').fill(target.learnerName);
  await search.getByRole('button', { name: 'Get Users' }).click();
  const row = app.getByRole('row').filter({ hasText: target.learnerEmail });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Eligible');
  await row.getByRole('checkbox', { name: `Select ${target.learnerName}` }).check();
  await saveScreen(app, 'passes-3-users');

  // Step 5: Mark Complete, and the confirmation that says what cannot be undone.
  await app.getByRole('button', { name: 'Mark Complete' }).click();
  const dialog = app.getByRole('dialog', { name: /Mark Complete — this cannot be undone/ });
  await expect(dialog).toContainText('cannot be undone');
  await expect(dialog).toContainText(target.learnerName);
  await expect(dialog).toContainText(target.module.name);
  await expect(dialog).toContainText(target.module.blueBucks > 0 ? `${target.module.blueBucks.toLocaleString('en-US')} $BlueBucks` : 'no $BlueBucks');
  await expect(dialog.getByRole('list', { name: 'Learners to pass' })).toContainText('Attempt');
  const confirm = dialog.getByRole('button', { name: /^Mark Complete/ });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Reason (required)').fill('Passing score in the data; the completion never registered.');
  if (target.module.blueBucks > 0) {
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type the learner’s name/).fill(target.learnerName);
  }
  await saveScreen(app, 'passes-4-confirm');
  await confirm.click();
  await expect(dialog).toBeHidden();

  // The undo window, then the live state until the transcript shows it.
  const live = app.getByRole('listitem', { name: `Pass of ${target.learnerName} on ${target.module.name}` });
  await expect(live).toContainText(/Sending in \d s/);
  await expect(live.getByRole('button', { name: `Cancel the pass of ${target.learnerName}` })).toBeVisible();
  await saveScreen(app, 'passes-5-undo-window');
  await expect(live).toContainText('Verified in the transcript', { timeout: 60_000 });
  await saveScreen(app, 'passes-6-verified');

  // Step 6: double-check the status in the learner's transcript.
  await live.getByRole('button', { name: 'Transcript' }).click();
  const transcript = app.getByRole('region', { name: 'Transcript' });
  const entry = transcript.getByRole('row').filter({ hasText: target.module.name });
  await expect(entry).toContainText('Completed');
  await expect(entry).toContainText('Manual pass');
  await transcript.scrollIntoViewIfNeeded();
  await saveScreen(app, 'passes-7-transcript');

  // The Passes list shows it with its audit trail.
  await app.getByRole('button', { name: 'Passes', exact: true }).click();
  await app.getByRole('button', { name: target.learnerName }).first().click();
  const detail = app.getByRole('region', { name: 'Pass details' });
  await expect(detail).toContainText('pass.verified');
  await expect(detail).toContainText('pass.requested');
  await saveScreen(app, 'passes-8-list');
});

test('a cancelled pass never reaches the LMS; an agent asks an admin instead of marking complete', async ({ app }) => {
  test.setTimeout(180_000);
  const target = await eligibleLearner(app);
  await invoke(app, 'passes.setUndoWindow', { undoWindowSeconds: 30 });
  await openModule(app, target);
  const keyword = app.getByLabel('Keyword (name or e-mail)');
  await keyword.fill(target.learnerEmail);
  await keyword.press('Enter');
  const row = app.getByRole('row').filter({ hasText: target.learnerEmail });
  await row.getByRole('checkbox').check();
  await app.getByRole('button', { name: 'Mark Complete' }).click();
  const dialog = app.getByRole('dialog');
  await dialog.getByLabel('Reason (required)').fill('Passing score in the data.');
  if (target.module.blueBucks > 0) await dialog.getByLabel(/Type the learner’s name/).fill(target.learnerName);
  await dialog.getByRole('button', { name: /^Mark Complete/ }).click();
  const live = app.getByRole('listitem', { name: `Pass of ${target.learnerName} on ${target.module.name}` });
  await live.getByRole('button', { name: `Cancel the pass of ${target.learnerName}` }).click();
  await expect(live).toContainText('Cancelled — not sent');
  await saveScreen(app, 'passes-9-cancelled');
  const onLms = await invoke<{ transcript: { entries: Array<{ moduleId: string; status: string }> } }>(app, 'passes.transcript', { learnerId: (await invoke<UsersPage>(app, 'passes.users', { moduleId: target.module.id, keyword: target.learnerEmail })).users[0]!.learnerId });
  expect(onLms.transcript.entries.find((e) => e.moduleId === target.module.id)?.status).not.toBe('completed');

  await nav(app).getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Demo agent' }).click();
  await expect(app.getByRole('status', { name: 'Connection' })).toContainText('· agent');
  await app.getByRole('button', { name: 'Check the audit chain' }).click();
  await expect(app.getByText(/The chain holds: \d+ entries/)).toBeVisible();
  await saveScreen(app, 'passes-10-settings');

  // An agent cannot mark complete; they ask an admin, from the learner's ticket.
  const asked = await learnerWithTicket(app);
  await openModule(app, asked);
  await expect(app.getByText('Only admins can mark complete.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Mark Complete' })).toHaveCount(0);
  const keywordAgain = app.getByLabel('Keyword (name or e-mail)');
  await keywordAgain.fill(asked.learnerEmail);
  await keywordAgain.press('Enter');
  await app.getByRole('row').filter({ hasText: asked.learnerEmail }).getByRole('checkbox').check();
  await app.getByRole('button', { name: 'Request a manual pass' }).click();
  const propose = app.getByRole('dialog', { name: 'Request a manual pass' });
  await propose.getByLabel(/Why should this learner be passed/).fill('The learner sent the result screen; completion never registered.');
  await saveScreen(app, 'passes-11-agent-request');
  await propose.getByRole('button', { name: 'Send to the admins' }).click();
  await expect(app.getByText(`Sent to the admins' queue: a manual pass of ${asked.learnerName}`)).toBeVisible();

  await nav(app).getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Demo admin' }).click();
  await expect(app.getByRole('status', { name: 'Connection' })).toContainText('· admin');
  await nav(app).getByRole('button', { name: 'Manual Pass' }).click();
  await app.getByRole('button', { name: 'Requested passes' }).click();
  const queue = app.getByRole('list', { name: 'Requested manual passes' });
  await expect(queue).toContainText(asked.learnerName);
  await expect(queue).toContainText('completion never registered');
  await saveScreen(app, 'passes-12-admin-queue');
  await queue.getByRole('button', { name: 'Review in Course modules' }).first().click();
  await expect(app.getByRole('heading', { name: asked.module.name, level: 2 })).toBeVisible();
  await expect(app.getByText(`1 selected: ${asked.learnerName}`)).toBeVisible();
  await saveScreen(app, 'passes-13-from-queue');
});

test("the workplace case: select a workplace's learners together and review each verdict before confirming", async ({ app }) => {
  test.setTimeout(180_000);
  await expect
    .poll(async () => (await invoke<{ phase: string }>(app, 'sync.status', {})).phase, { timeout: 120_000 })
    .toBe('live');
  const { modules } = await invoke<{ modules: PassModule[] }>(app, 'passes.modules', { categoryId: null, limit: 200 });
  let found: { module: PassModule; workplace: { id: string; name: string; notCompleted: number } } | null = null;
  for (const module of [...modules].sort((a, b) => b.blueBucks - a.blueBucks)) {
    const { workplaces } = await invoke<{ workplaces: Array<{ id: string; name: string; notCompleted: number }> }>(app, 'passes.workplaces', { moduleId: module.id });
    const workplace = workplaces.find((w) => w.notCompleted >= 2 && w.notCompleted <= 4);
    if (workplace) {
      found = { module, workplace };
      break;
    }
  }
  if (!found) throw new Error('No workplace with a few learners still to complete a module.');
  const { module, workplace } = found;
  await openModule(app, { module, learnerName: '', learnerEmail: '' });
  await app.getByLabel('Workplace').selectOption({ value: workplace.id });
  await app.getByRole('button', { name: `Select all ${workplace.notCompleted} from ${workplace.name}` }).click();
  await expect(app.getByText(`${workplace.notCompleted} selected:`)).toBeVisible();
  await app.getByRole('button', { name: 'Mark Complete' }).click();
  const dialog = app.getByRole('dialog', { name: /Mark Complete — this cannot be undone/ });
  await expect(dialog.getByRole('list', { name: 'Learners to pass' }).getByRole('listitem').filter({ has: app.locator('.confirm-learner-head') })).toHaveCount(workplace.notCompleted);
  await expect(dialog).toContainText(`${workplace.notCompleted} learners`);
  if (module.blueBucks > 0) {
    await expect(dialog).toContainText(`${(module.blueBucks * workplace.notCompleted).toLocaleString('en-US')} $BlueBucks`);
    await expect(dialog.getByText(`Type the number of learners, ${workplace.notCompleted}, to confirm`)).toBeVisible();
  }
  await saveScreen(app, 'passes-14-workplace');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test("an agent asks for a manual pass from the learner's ticket; the admin finds it in the queue and on the ticket", async ({ app }) => {
  test.setTimeout(180_000);
  await expect
    .poll(async () => (await invoke<{ phase: string }>(app, 'sync.status', {})).phase, { timeout: 120_000 })
    .toBe('live');
  const { proposals } = await invoke<{ proposals: Array<{ learnerId: string }> }>(app, 'passes.proposals', { state: 'open' });
  const asked = new Set(proposals.map((p) => p.learnerId));
  const { modules } = await invoke<{ modules: PassModule[] }>(app, 'passes.modules', { categoryId: null, limit: 200 });
  let found: { module: PassModule; name: string; ticket: { id: string; subject: string } } | null = null;
  for (const module of modules) {
    const page1 = await invoke<UsersPage>(app, 'passes.users', { moduleId: module.id, limit: 100 });
    const user = page1.users.find((u) => u.status !== 'completed' && u.pass === null && !asked.has(u.learnerId) && u.tickets.some((t) => t.moduleId === module.id && t.subject.trim() !== ''));
    const ticket = user?.tickets.find((t) => t.moduleId === module.id && t.subject.trim() !== '');
    if (user && ticket) {
      found = { module, name: user.name, ticket };
      break;
    }
  }
  if (!found) throw new Error('No learner in the demo data has a ticket linked to a module they have not completed.');
  // Sender first, then subject: together they narrow the list to this ticket (subjects alone
  // repeat, and the search reads at most eight words).
  const { ticket } = await invoke<{ ticket: { fromEmail: string } }>(app, 'tickets.detail', { ticketId: found.ticket.id });
  const words = `${ticket.fromEmail} ${found.ticket.subject}`;

  await nav(app).getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Demo agent' }).click();
  await expect(app.getByRole('status', { name: 'Connection' })).toContainText('· agent');
  await nav(app).getByRole('button', { name: 'Inbox' }).click();
  await app.getByRole('button', { name: /^All/ }).click();
  await app.getByRole('searchbox', { name: 'Search tickets' }).fill(words);
  const ticketRow = app.getByRole('listbox', { name: /^Tickets/ }).locator(`[data-ticket-id="${found.ticket.id}"]`);
  await ticketRow.click();
  const passes = app.getByRole('region', { name: 'Manual passes' });
  await expect(passes).toContainText('No manual pass has been asked for on this module.');
  await expect(passes.getByRole('button', { name: 'Open in Inspector' })).toBeVisible();

  // The dialog keeps the keyboard: Escape closes it and focus goes back to the button.
  const request = passes.getByRole('button', { name: 'Request a manual pass' });
  await request.click();
  const propose = app.getByRole('dialog', { name: 'Request a manual pass' });
  await expect(propose.getByLabel(/Why should this learner be passed/)).toBeFocused();
  await expect(propose.getByLabel('Ticket')).toHaveValue(found.ticket.id);
  await app.keyboard.press('Escape');
  await expect(propose).toBeHidden();
  await expect(request).toBeFocused();

  await request.click();
  await propose.getByLabel(/Why should this learner be passed/).fill('Asked from the ticket: the result screen shows a pass.');
  await propose.getByRole('button', { name: 'Send to the admins' }).click();
  await expect(passes.getByText(`Sent to the admins' queue: a manual pass of ${found.name}`)).toBeVisible();
  await expect(passes).toContainText('Waiting for an admin');
  await saveScreen(app, 'passes-15-from-ticket');

  await nav(app).getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Demo admin' }).click();
  await expect(app.getByRole('status', { name: 'Connection' })).toContainText('· admin');
  await nav(app).getByRole('button', { name: 'Manual Pass' }).click();
  await app.getByRole('button', { name: 'Requested passes' }).click();
  const queue = app.getByRole('list', { name: 'Requested manual passes' });
  await expect(queue.getByRole('listitem').filter({ hasText: found.ticket.id })).toContainText('Asked from the ticket');

  // Back on the ticket, an admin goes straight to the Manual Pass panel with the learner chosen.
  await nav(app).getByRole('button', { name: 'Inbox' }).click();
  await app.getByRole('button', { name: /^All/ }).click();
  await app.getByRole('searchbox', { name: 'Search tickets' }).fill(words);
  await ticketRow.click();
  await app.getByRole('region', { name: 'Manual passes' }).getByRole('button', { name: 'Open in Manual Pass' }).click();
  await expect(app.getByRole('heading', { name: found.module.name, level: 2 })).toBeVisible();
  await expect(app.getByText(`1 selected: ${found.name}`)).toBeVisible();
});
