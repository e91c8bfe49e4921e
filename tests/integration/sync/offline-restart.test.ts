import { afterEach, describe, expect, it } from 'vitest';
import { outboxCounts } from '../../../src/main/outbox/outbox-store';
import { recordTicketEdit, recordTicketMessage } from '../../../src/main/outbox/ticket-writes';
import { startDemoLms } from './demo-lms-fixtures';
import { startEngine, statusWhere, tempDir } from './engine-fixtures';
import { startSwitchableProxy } from './switchable-proxy';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('writes made offline, across a restart of the app while still offline', () => {
  it('are all sent once when the network comes back', async () => {
    const server = tempDir('passdesk-offline-lms-');
    const cache = tempDir('passdesk-offline-cache-');
    cleanups.push(() => server.remove(), () => cache.remove());
    const demo = await startDemoLms(server.dir, 23);
    cleanups.push(() => demo.lms.close());
    const network = await startSwitchableProxy(demo.lms.url);
    cleanups.push(() => network.close());
    const access = () => ({ lmsId: 'demo', url: network.url, token: demo.lms.agentToken });

    const first = startEngine(cache.dir, access);
    await statusWhere(first.engine, (s) => s.phase === 'live');
    const before = await demo.digest();

    network.setOnline(false);
    const tickets = first.db.prepare<[], { id: string }>("SELECT id FROM ticket WHERE status <> 'resolved' ORDER BY id LIMIT 5").all().map((t) => t.id);
    for (const [i, ticketId] of tickets.entries()) {
      recordTicketMessage(first.db, { ticketId, body: `Offline reply ${i}: we are checking your score data.`, author: 'agent', authorId: null });
      recordTicketEdit(first.db, { ticketId, changes: { status: 'waiting', tags: ['offline-test'] }, agentId: null });
    }
    first.engine.writesQueued();
    // The agent sees the edits at once, offline.
    expect(first.db.prepare("SELECT count(*) AS n FROM ticket WHERE status = 'waiting' AND pending_edits = 1 AND tags = '[\"offline-test\"]'").get()).toEqual({ n: tickets.length });
    const offline = await statusWhere(first.engine, (s) => s.phase === 'offline');
    expect(offline.pendingWrites).toBe(tickets.length * 2);
    expect(offline.error).toBeTruthy();
    await first.close();

    // The app restarts while the network is still down: the writes are still there, still pending.
    const second = startEngine(cache.dir, access);
    cleanups.push(() => second.close());
    const stillOffline = await statusWhere(second.engine, (s) => s.phase === 'offline');
    expect(stillOffline.pendingWrites).toBe(tickets.length * 2);

    network.setOnline(true);
    second.engine.syncNow();
    const settled = await statusWhere(second.engine, (s) => s.pendingWrites === 0 && s.phase === 'live');
    expect(settled).toMatchObject({ failedWrites: 0, conflicts: 0, online: true });
    expect(outboxCounts(second.db)).toEqual({ pending: 0, failed: 0, conflicts: 0 });

    const after = await demo.digest();
    expect(after.message.count - before.message.count).toBe(tickets.length);
    const bodies = second.db.prepare<[], { body: string; n: number }>("SELECT body, count(*) AS n FROM message WHERE body LIKE 'Offline reply %' GROUP BY body").all();
    expect(bodies).toHaveLength(tickets.length);
    expect(bodies.every((b) => b.n === 1 )).toBe(true);
    // Server truth replaced the optimistic state: no local stand-ins, every edit confirmed.
    expect(second.db.prepare('SELECT count(*) AS n FROM message WHERE pending_write_id IS NOT NULL').get()).toEqual({ n: 0 });
    expect(second.db.prepare("SELECT count(*) AS n FROM ticket WHERE status = 'waiting' AND pending_edits = 0 AND tags = '[\"offline-test\"]'").get()).toEqual({ n: tickets.length });
  });
});
