// screenshot.open — a 4000×3000 JPEG from the cache to pixels on screen, in real Chromium
// against browser mode (`node out/main/serve.js`, built by `npm run build`). The picture is
// put in the cache and the content-addressed store as a finished download would leave it;
// then the gallery tile is clicked and the clock stops two animation frames after the
// viewer's <img> has loaded — main reading and re-verifying the file, the contract call,
// the blob: URL and Chromium's decode and paint. Goal: ≤ 300 ms.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { renderScreenshot } from '../../src/demo-lms/screenshots/render-screenshot';
import { sha256Of } from '../../src/main/evidence/screenshot-store';
import { startPassdeskServer } from '../../tests/e2e/fixtures/passdesk-server';
import { percentile, reportFigure, round } from '../figures';

const RUNS = 7;
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  say('drawing a 4000×3000 JPEG…');
  const big = renderScreenshot({ kind: 'passing', learnerName: 'Ana Lopez', courseName: 'Solar Racking Basics', moduleName: 'Module 2: Installation and Code Compliance', score: 91, passingScore: 80, takenAt: new Date('2026-11-29T10:00:00Z'), format: 'jpeg', width: 4000, height: 3000 }).bytes;
  const sha256 = sha256Of(big);
  const server = await startPassdeskServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    say('waiting for the first sync to bring tickets…');
    const ticketId = await page.waitForFunction(async () => {
      const bridge = (window as unknown as { passdesk: { invoke(c: string, p: unknown): Promise<{ ok: boolean; value?: { tiles: Array<{ ticketId: string }> } }> } }).passdesk;
      const answer = await bridge.invoke('screenshots.gallery', { scope: 'recent', limit: 1 });
      return answer.ok ? (answer.value?.tiles[0]?.ticketId ?? false) : false;
    }, undefined, { timeout: 120_000, polling: 500 });
    const ticket = String(await ticketId.jsonValue());

    // What a finished download leaves: the file in the store, its check in the cache.
    const file = path.join(server.dataDir, 'screenshots', sha256.slice(0, 2), sha256);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, big);
    const db = new BetterSqlite3(path.join(server.dataDir, 'cache.sqlite'));
    db.pragma('busy_timeout = 5000');
    const now = new Date().toISOString();
    const message = { id: 'bench_msg', ticketId: ticket, author: 'learner', authorId: null, body: 'The 4000×3000 photo.', createdAt: '2099-01-01T00:00:00.000Z' };
    const attachment = { id: 'bench_4000x3000', ticketId: ticket, messageId: 'bench_msg', fileName: 'IMG_4000x3000.jpg', contentType: 'image/jpeg', size: big.length, sha256 };
    db.transaction(() => {
      db.prepare('INSERT OR REPLACE INTO message (id, ticket_id, author, author_id, sender, body, created_at, data, seq) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 0)').run(message.id, ticket, 'learner', 'bench', message.body, message.createdAt, JSON.stringify(message));
      db.prepare('INSERT OR REPLACE INTO attachment (id, ticket_id, message_id, file_name, content_type, size, sha256, data, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)').run(attachment.id, ticket, message.id, attachment.fileName, attachment.contentType, attachment.size, sha256, JSON.stringify(attachment));
      db.prepare("INSERT OR REPLACE INTO screenshot_file (sha256, image_type, width, height, size, exif, perceptual_hash, thumbnail, checked_at) VALUES (?, 'image/jpeg', 4000, 3000, ?, NULL, NULL, NULL, ?)").run(sha256, big.length, now);
      db.prepare("INSERT OR REPLACE INTO screenshot_fetch (attachment_id, sha256, state, reason, message, attempts, next_try_at, updated_at) VALUES (?, ?, 'stored', NULL, NULL, 1, 0, ?)").run(attachment.id, sha256, now);
      // IMMEDIATE: the services write to this cache at the same time (the sync), and a deferred
      // transaction that has to upgrade from read to write gets SQLITE_BUSY without waiting.
    }).immediate();
    db.close();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Screenshots' }).click();
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const tile = page.getByRole('button', { name: /^Open IMG_4000x3000\.jpg/ });
      await tile.waitFor({ timeout: 30_000 });
      await page.evaluate(() => {
        const w = window as unknown as { openedAt?: number; paintedAt?: number };
        delete w.paintedAt;
        document.addEventListener('click', () => (w.openedAt = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          const img = document.querySelector('.viewer-image[data-loaded="true"]');
          if (!img) return;
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => (w.paintedAt = performance.now())));
        });
        observer.observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-loaded'] });
      });
      await tile.click();
      const ms = await page.waitForFunction(() => {
        const w = window as unknown as { openedAt?: number; paintedAt?: number };
        return w.paintedAt !== undefined && w.openedAt !== undefined ? w.paintedAt - w.openedAt : false;
      });
      samples.push(Number(await ms.jsonValue()));
      await page.keyboard.press('Escape');
    }
    say(`samples (ms): ${samples.map((s) => Math.round(s)).join(', ')}`);
    const warm = samples.slice(1);
    reportFigure({ bench: 'screenshot.open', value: round(percentile(warm, 50)), unit: 'ms', stat: 'p50 click → pixels painted', p95: round(percentile(warm, 95)), first: round(samples[0] ?? Number.NaN), runs: samples.length, image: '4000x3000 JPEG', bytes: big.length, goal: 300 });
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
