import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/main/cache/open-cache';
import { createSyncStateStore } from '../../../src/main/cache/sync-state';
import { createLmsClient } from '../../../src/main/lms/client';
import { cacheDigest } from '../../../src/main/sync/cache-digest';
import { outboxEntry } from '../../../src/main/outbox/outbox-store';
import { recordTicketMessage } from '../../../src/main/outbox/ticket-writes';
import type { SyncStatus } from '../../../src/shared/channels/sync';
import { startDemoLms, type DemoLmsUnderTest } from './demo-lms-fixtures';
import { startEngine, statusWhere, tempDir } from './engine-fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function demoLms(seed: number): Promise<DemoLmsUnderTest> {
  const server = tempDir('passdesk-writer-lms-');
  cleanups.push(() => server.remove());
  const demo = await startDemoLms(server.dir, seed);
  cleanups.push(() => demo.lms.close());
  return demo;
}

function cacheDir(): string {
  const cache = tempDir('passdesk-writer-cache-');
  cleanups.push(() => cache.remove());
  return cache.dir;
}

/** Main's own writes to the cache so far (SQLite counts each connection's separately). */
const writesByMain = (db: { prepare(sql: string): { get(): unknown } }) => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

const afterFirstBatch = (s: SyncStatus) => s.phase === 'first_sync' && (s.firstSync?.done ?? 0) > 0;

describe('the first-sync writer', () => {
  it('writes the whole first sync through its own connection, showing progress, and ends at exactly the server state', async () => {
    const demo = await demoLms(31);
    const run = startEngine(cacheDir(), () => ({ lmsId: 'demo', url: demo.lms.url, token: demo.lms.agentToken }), {
      pull: { maxPage: 1_000, batchRows: 3_000, backoff: { baseMs: 50, maxMs: 400 }, longPollMs: 2_000 },
    });
    cleanups.push(() => run.close());
    const progress = await statusWhere(run.engine, afterFirstBatch);
    await statusWhere(run.engine, (s) => s.phase === 'live');

    expect(cacheDigest(run.db)).toEqual(await demo.digest());
    // Progress came in steps, while the writer was still at work.
    expect(progress.firstSync?.done).toBeLessThan(progress.firstSync?.total ?? 0);
    // The records came through the writer's connection: main wrote only where the pull stands
    // (a handful of rows), not the tens of thousands of records.
    expect(progress.firstSync?.total).toBeGreaterThan(10_000);
    expect(writesByMain(run.db)).toBeLessThan((progress.firstSync?.total ?? 0) / 100);
    expect(run.log.join('\n')).not.toMatch(/written on main/);
  });

  it('stops after the transaction in hand when asked, and the next start goes on from its cursor', async () => {
    const demo = await demoLms(32);
    const dir = cacheDir();
    const access = () => ({ lmsId: 'demo', url: demo.lms.url, token: demo.lms.agentToken });
    const pull = { maxPage: 500, batchRows: 500, backoff: { baseMs: 50, maxMs: 400 }, longPollMs: 2_000 };
    // Slow pages so that the first sync is still running when it is stopped.
    await demo.setFaults({ latencyMs: 100, paths: ['/changes'] });
    const first = startEngine(dir, access, { pull });
    await statusWhere(first.engine, afterFirstBatch);
    await first.close();
    // Stopped part-way: some pages committed with their cursor, the first sync not complete.
    const between = openCache({ dataDir: dir });
    const stoppedAt = createSyncStateStore(between).read();
    between.close();
    expect(stoppedAt.cursor).not.toBeNull();
    expect(stoppedAt.firstSyncCompletedAt).toBeNull();

    await demo.setFaults({ latencyMs: 0 });
    const second = startEngine(dir, access, { pull });
    cleanups.push(() => second.close());
    await statusWhere(second.engine, (s) => s.phase === 'live');
    const server = await demo.digest();
    expect(cacheDigest(second.db)).toEqual(server);
    // It went on from the cursor: the second run read only what the first had not.
    const records = Object.values(server).reduce((sum, e) => sum + e.count, 0);
    const secondRun = /first sync complete \((\d+) changes/.exec(second.log.join('\n'));
    expect(Number(secondRun?.[1] ?? records)).toBeLessThan(records);
  });

  it('steps aside when a reply waits for the feed to confirm it: main writes the rest and confirms the reply in the same pages', async () => {
    const demo = await demoLms(33);
    const client = createLmsClient({ baseUrl: demo.lms.url, token: demo.lms.agentToken });
    // A ticket the agent will answer while the first sync is still running.
    let ticketId: string | null = null;
    for (let cursor: string | undefined; ticketId === null; ) {
      const page = await client.changes({ ...(cursor ? { cursor } : {}), limit: 5_000 });
      const ticket = page.changes.find((c): c is { entity: 'ticket'; id: string } => typeof c === 'object' && c !== null && 'entity' in c && c.entity === 'ticket');
      if (ticket) ticketId = ticket.id;
      if (!page.hasMore) break;
      cursor = page.cursor;
    }
    expect(ticketId).not.toBeNull();

    await demo.setFaults({ latencyMs: 100, paths: ['/changes'] });
    const run = startEngine(cacheDir(), () => ({ lmsId: 'demo', url: demo.lms.url, token: demo.lms.agentToken }), {
      pull: { maxPage: 500, batchRows: 500, backoff: { baseMs: 50, maxMs: 400 }, longPollMs: 2_000 },
    });
    cleanups.push(() => run.close());
    await statusWhere(run.engine, afterFirstBatch);
    const { writeId } = recordTicketMessage(run.db, { ticketId: ticketId ?? '', body: 'Reply written during the first sync: we are checking your score data.', author: 'agent', authorId: null });
    run.engine.writesQueued();
    await demo.setFaults({ latencyMs: 0 });

    await statusWhere(run.engine, (s) => s.phase === 'live' && s.pendingWrites === 0);
    expect(run.log.join('\n')).toMatch(/the rest of the first sync is written on main/);
    expect(outboxEntry(run.db, writeId)?.state).toBe('confirmed');
    expect(run.db.prepare("SELECT count(*) AS n FROM message WHERE body LIKE 'Reply written during the first sync%'").get()).toEqual({ n: 1 });
    expect(cacheDigest(run.db)).toEqual(await demo.digest());
  });

  it('does not hold the sync up when the writer itself cannot run: main writes the first sync', async () => {
    const demo = await demoLms(34);
    const missing = { modulePath: path.join(tmpdir(), 'passdesk-no-such-worker.js'), tsxApi: null };
    const run = startEngine(cacheDir(), () => ({ lmsId: 'demo', url: demo.lms.url, token: demo.lms.agentToken }), {
      firstSyncWorkers: { writer: missing, reader: missing },
    });
    cleanups.push(() => run.close());
    await statusWhere(run.engine, (s) => s.phase === 'live');
    expect(run.log.join('\n')).toMatch(/the first-sync writer failed \(The first-sync writer worker .*passdesk-no-such-worker\.js is missing; build Passdesk again \(npm run build\)\.\); the rest of the first sync is written on main/);
    expect(cacheDigest(run.db)).toEqual(await demo.digest());
  });
});
