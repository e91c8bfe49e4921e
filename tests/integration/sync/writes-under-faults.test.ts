import { afterEach, describe, expect, it } from 'vitest';
import { recordTicketMessage } from '../../../src/main/outbox/ticket-writes';
import { cacheDigest } from '../../../src/main/sync/cache-digest';
import { startDemoLms } from './demo-lms-fixtures';
import { startEngine, statusWhere, tempDir } from './engine-fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('200 queued writes while the LMS fails in every way it can', () => {
  it('all reach the LMS exactly once: none lost, none doubled', async () => {
    const server = tempDir('passdesk-faults-lms-');
    const cache = tempDir('passdesk-faults-cache-');
    cleanups.push(() => server.remove(), () => cache.remove());
    const demo = await startDemoLms(server.dir, 11);
    cleanups.push(() => demo.lms.close());
    const run = startEngine(cache.dir, () => ({ lmsId: 'demo', url: demo.lms.url, token: demo.lms.agentToken }), {
      send: { concurrency: 4, backoff: { baseMs: 20, maxMs: 300 } },
    });
    cleanups.push(() => run.close());
    await statusWhere(run.engine, (s) => s.phase === 'live');
    const before = await demo.digest();

    // Only the writes are hit; the feed that confirms them stays clean.
    await demo.setFaults({ error500: 0.15, resetBefore: 0.1, resetAfter: 0.15, latencyMs: 15, trickle: 0.1, paths: ['/tickets'] });
    const tickets = run.db.prepare<[], { id: string }>('SELECT id FROM ticket ORDER BY id LIMIT 25').all().map((t) => t.id);
    const bodies: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const body = `Faults test reply #${i}: please send a screenshot of your score.`;
      bodies.push(body);
      recordTicketMessage(run.db, { ticketId: tickets[i % tickets.length] ?? '', body, author: i % 5 === 0 ? 'note' : 'agent', authorId: null });
    }
    run.engine.writesQueued();
    const done = await statusWhere(run.engine, (s) => s.pendingWrites === 0);
    await demo.setFaults({});

    expect(done.failedWrites).toBe(0);
    const retried = run.db.prepare("SELECT count(*) AS n FROM outbox WHERE attempts > 1").get() as { n: number };
    expect(retried.n).toBeGreaterThan(10);
    const after = await demo.digest();
    expect(after.message.count - before.message.count).toBe(200);
    // The cache now mirrors the server exactly, so counting there counts the server's messages.
    await statusWhere(run.engine, (s) => s.pendingWrites === 0 && s.phase === 'live');
    expect(cacheDigest(run.db)).toEqual(after);
    const counts = run.db
      .prepare<[], { body: string; n: number }>("SELECT body, count(*) AS n FROM message WHERE body LIKE 'Faults test reply #%' GROUP BY body")
      .all();
    expect(counts).toHaveLength(200);
    expect(counts.every((c) => c.n === 1)).toBe(true);
    expect(new Set(counts.map((c) => c.body))).toEqual(new Set(bodies));
  });
});
