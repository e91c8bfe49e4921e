import type { Page } from '@playwright/test';
import { currentStatus, expect, nav, saveScreen, servePassdeskForThisFile, statusBar, test } from './fixtures/passdesk-test';

servePassdeskForThisFile();

const screens = [
  { label: 'Inbox', heading: 'Inbox' },
  { label: 'Inspector', heading: 'Inspector' },
  { label: 'Screenshots', heading: 'Screenshots' },
  { label: 'Manual Pass', heading: 'Manual Pass' },
  { label: 'Known Issues', heading: 'Known Issues' },
  { label: 'Settings', heading: 'Settings' },
] as const;

async function expectLayoutHolds(page: Page) {
  const fits = await page.evaluate(() => ({
    overflowX: document.documentElement.scrollWidth - window.innerWidth,
    overflowY: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect(fits, 'the window scrolls instead of the screen').toEqual({ overflowX: 0, overflowY: 0 });
  await expect(nav(page)).toBeInViewport();
  // Each navigation entry stays on one line.
  for (const item of await nav(page).getByRole('button').all()) {
    expect((await item.boundingBox())?.height ?? Infinity).toBeLessThanOrEqual(40);
  }
  await expect(statusBar(page)).toBeInViewport({ ratio: 1 });
}

test('the shell shows the navigation and a status bar with the demo LMS and the demo admin', async ({ app }) => {
  const items = nav(app).getByRole('button');
  await expect(items).toHaveText(screens.map((s) => new RegExp(`^${s.label}`)));
  await expect(nav(app).getByRole('button', { name: 'Inbox' })).toHaveAttribute('aria-current', 'page');
  await expect(app.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();

  const status = await currentStatus(app);
  expect(status.lms.mode).toBe('demo');
  expect(status.user?.role).toBe('admin');
  const bar = statusBar(app);
  await expect(bar).toContainText('Demo LMS');
  await expect(bar).toContainText(`${status.user?.name} · admin`);
  await expect(bar).toContainText('Online');
  await expect(bar).toContainText(/Last checked \S/);
});

test('Tab reaches the navigation and Enter opens a screen', async ({ app }) => {
  const inspector = nav(app).getByRole('button', { name: 'Inspector' });
  for (let presses = 0; presses < 15; presses += 1) {
    if (await inspector.evaluate((el) => el === document.activeElement)) break;
    await app.keyboard.press('Tab');
  }
  await expect(inspector).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Inspector' })).toBeVisible();
  await expect(inspector).toHaveAttribute('aria-current', 'page');
  await expect(nav(app).getByRole('button', { name: 'Inbox' })).not.toHaveAttribute('aria-current', /.*/);

  // Moving on with Tab and Space works the same way.
  await app.keyboard.press('Tab');
  await expect(nav(app).getByRole('button', { name: 'Screenshots' })).toBeFocused();
  await app.keyboard.press('Space');
  await expect(app.getByRole('heading', { level: 1, name: 'Screenshots' })).toBeVisible();
});

test('"g" then a key jumps to a screen, but not while typing in a field', async ({ app }) => {
  await app.keyboard.press('g');
  await app.keyboard.press(',');
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await app.getByLabel('LMS URL').fill('');
  await app.getByLabel('LMS URL').press('g');
  await app.getByLabel('LMS URL').press('i');
  await expect(app.getByLabel('LMS URL')).toHaveValue('gi');
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await app.getByRole('heading', { level: 1 }).click();
  await app.keyboard.press('g');
  await app.keyboard.press('p');
  await expect(app.getByRole('heading', { level: 1, name: 'Manual Pass' })).toBeVisible();
});

test('every screen holds its layout at 1280×800 and at 1024 wide', async ({ app }) => {
  await expect(statusBar(app)).toContainText('Demo LMS');
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 700 },
  ]) {
    await app.setViewportSize(size);
    for (const screen of screens) {
      await nav(app).getByRole('button', { name: screen.label }).click();
      await expect(app.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
      if (screen.label === 'Settings') await expect(app.getByRole('group', { name: 'Sign in as' })).toBeVisible();
      await expectLayoutHolds(app);
      await saveScreen(app, screen.label.replace(/\s/g, '-').toLowerCase());
    }
  }
});
