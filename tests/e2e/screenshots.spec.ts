// The screenshot viewer in real Chromium against browser mode and the demo LMS: the gallery
// fills from the sync, a screenshot opens from the checked bytes only (blob:/data: URLs, never
// the LMS), zoom, pan, fit, actual size, rotate and next/previous work from the keyboard, the
// review is recorded, and the demo's reused screenshots carry an advisory flag.
import type { Page } from '@playwright/test';
import { expect, nav, saveScreen, servePassdeskForThisFile, test } from './fixtures/passdesk-test';

servePassdeskForThisFile();

async function openScreenshots(page: Page) {
  await nav(page).getByRole('button', { name: 'Screenshots' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Screenshots' })).toBeVisible();
  // The first sync and the downloads run in the background; thumbnails appear as they finish.
  await expect(page.locator('.shot-tile-ready img').first()).toBeVisible({ timeout: 90_000 });
}

test('the gallery shows the demo screenshots as thumbnails main made, with reuse flagged as advisory', async ({ app }) => {
  test.setTimeout(150_000);
  await openScreenshots(app);
  const tiles = app.getByRole('list', { name: 'Screenshots' }).getByRole('listitem');
  await expect.poll(async () => tiles.count()).toBeGreaterThan(5);
  for (const src of await app.locator('.shot-tile img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src))) {
    expect(src).toMatch(/^data:image\/jpeg;base64,/);
  }
  await expect(app.locator('.shot-tile-reuse').first()).toContainText(/Looks like a screenshot .* sent \(tkt_\d+\).* — advisory/, { timeout: 60_000 });
  await saveScreen(app, 'screenshots-gallery');
});

test('a screenshot opens from checked bytes, zooms, pans, rotates, steps, and gets reviewed', async ({ app }) => {
  test.setTimeout(150_000);
  await openScreenshots(app);
  await app.locator('.shot-tile-ready .shot-tile-open').first().click();
  const image = app.locator('.viewer-image');
  await expect(image).toHaveAttribute('data-loaded', 'true');
  expect(await image.getAttribute('src')).toMatch(/^blob:/);
  const zoom = app.getByRole('toolbar', { name: 'View' }).locator('output');
  const fitted = await zoom.textContent();

  await app.keyboard.press('+');
  await expect(zoom).not.toHaveText(fitted ?? '');
  await app.keyboard.press('1');
  await expect(zoom).toHaveText('100 %');
  const before = await image.evaluate((el) => getComputedStyle(el).transform);
  await app.keyboard.press('ArrowLeft');
  await expect.poll(() => image.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);
  const box = await app.getByTestId('viewer-stage').boundingBox();
  if (box) {
    await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.mouse.wheel(0, -400);
  }
  await expect(zoom).not.toHaveText('100 %');
  await app.keyboard.press('0');
  await expect(zoom).toHaveText(fitted ?? '');
  await app.keyboard.press('r');
  await expect(image).toHaveAttribute('style', /rotate\(90deg\)/);

  const facts = app.getByRole('complementary', { name: 'About this screenshot' });
  await expect(facts).toContainText(/sha256/);
  await expect(facts).toContainText(/PNG|JPEG/);
  await expect(facts).toContainText('Attempt data');

  const title = await app.locator('.viewer-title').textContent();
  const firstSha = await facts.locator('dd.mono').textContent();
  await app.keyboard.press('n');
  await expect(facts.locator('dd.mono')).not.toHaveText(firstSha ?? '');
  await app.keyboard.press('p');
  await expect(facts.locator('dd.mono')).toHaveText(firstSha ?? '');
  await expect(app.locator('.viewer-title')).toHaveText(title ?? '');

  const review = app.getByRole('form', { name: 'Review this screenshot' });
  await review.getByLabel(/Shows a pass/).check();
  await review.getByLabel('Score shown (%)').fill('92');
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(facts).toContainText(/Reviewed: pass at 92% · /);
  await saveScreen(app, 'screenshots-viewer');

  await app.keyboard.press('Escape');
  await expect(app.getByRole('list', { name: 'Screenshots' })).toBeVisible();
  await expect(app.locator('.shot-tile-review').first()).toContainText('Reviewed: pass at 92%');
});
