import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedApplier } from '../../../src/main/cache/apply-changes';
import { openCache } from '../../../src/main/cache/open-cache';
import { createQuarantineStore } from '../../../src/main/cache/quarantine';
import { createSyncStateStore } from '../../../src/main/cache/sync-state';
import { listTicketConflicts, resolveTicketConflict } from '../../../src/main/outbox/conflicts';
import { reconcileWithFeed } from '../../../src/main/outbox/feed-confirmation';
import { createOutboxSender, type OutboxSender } from '../../../src/main/outbox/outbox-sender';
import { enqueueWrite, outboxCounts, outboxEntry, type OutboxState } from '../../../src/main/outbox/outbox-store';
import { recordTicketEdit, recordTicketMessage, ticketMessageKind, ticketPatchKind } from '../../../src/main/outbox/ticket-writes';
import { writeKinds } from '../../../src/main/outbox/write-kinds';
import type { Change } from '../../../src/shared/lms/api';
import { sample, upsert } from '../sync/sample-records';
import { createFakeLms } from './fake-lms';

const kinds = writeKinds(ticketMessageKind, ticketPatchKind);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setup(ticketIds: string[] = ['tkt-1']) {
  const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-outbox-'));
  const db = openCache({ dataDir: dir });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => {
    db.close();
  });
  const tickets = ticketIds.map((id) => sample.ticket(id, `Module ${id} incomplete`));
  const applier = createFeedApplier(db, { quarantine: createQuarantineStore(db), syncState: createSyncStateStore(db), fingerprint: 'f', now: () => new Date() });
  const feed = (changes: Change[]) => applier.applyPage(changes, {}, (effects) => reconcileWithFeed(db, kinds, effects, new Date()));
  feed(tickets.map((t) => upsert('ticket', t)));
  const lms = createFakeLms(tickets);
  const changeWaiters = new Set<() => void>();
  const sender = createOutboxSender({
    db,
    kinds,
    client: () => lms.client,
    clock: { now: () => new Date() },
    random: () => 0.5,
    log: () => undefined,
    backoff: { baseMs: 2, maxMs: 10 },
    onChange: () => changeWaiters.forEach((w) => w()),
    onReachability: () => undefined,
  });
  cleanups.push(() => sender.stop());
  /** Resolves once the outbox satisfies `done`, re-checking after every change the sender reports. */
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return;
        changeWaiters.delete(check);
        resolve();
      };
      changeWaiters.add(check);
      check();
    });
  const stateOf = (id: string): OutboxState | undefined => outboxEntry(db, id)?.state;
  return { db, lms, sender, feed, until, stateOf };
}

function startSending(sender: OutboxSender) {
  sender.start();
}

describe('the outbox', () => {
  it('refuses a write recorded outside the transaction of its local change', () => {
    const { db } = setup();
    expect(() => enqueueWrite(db, { kind: 'ticket.message', entity: 'ticket', entityId: 'tkt-1', payload: {} })).toThrow(/inside the transaction/);
  });

  it('shows a reply at once, sends it with its key, and swaps in the LMS message when the feed brings it', async () => {
    const { db, lms, sender, feed, until, stateOf } = setup();
    const { writeId, messageId } = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'Please send a screenshot of your score.', author: 'agent', authorId: 'agt-1' });
    expect(db.prepare('SELECT id, body, pending_write_id FROM message WHERE ticket_id = ?').all('tkt-1')).toEqual([
      { id: messageId, body: 'Please send a screenshot of your score.', pending_write_id: writeId },
    ]);
    expect(outboxCounts(db).pending).toBe(1);

    startSending(sender);
    await until(() => stateOf(writeId) === 'sent');
    expect(lms.calls).toEqual([expect.objectContaining({ method: 'postMessage', ticketId: 'tkt-1', key: writeId })]);
    // Accepted but not yet in the feed: still shown, still pending.
    expect(db.prepare('SELECT count(*) AS n FROM message').get()).toEqual({ n: 1 });

    const [serverMessage] = lms.messages;
    if (!serverMessage) throw new Error('the LMS recorded no message');
    feed([upsert('message', serverMessage)]);
    expect(stateOf(writeId)).toBe('confirmed');
    expect(db.prepare('SELECT id, pending_write_id FROM message').all()).toEqual([{ id: serverMessage.id, pending_write_id: null }]);
    expect(outboxCounts(db).pending).toBe(0);
  });

  it('sends the writes of one ticket one at a time in the order they were made, while other tickets go ahead', async () => {
    const { db, lms, sender, until, stateOf } = setup(['tkt-1', 'tkt-2', 'tkt-3']);
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      for (const ticketId of ['tkt-1', 'tkt-2', 'tkt-3']) {
        ids.push(recordTicketMessage(db, { ticketId, body: `${ticketId} reply ${i}`, author: 'agent', authorId: 'agt-1' }).writeId);
      }
    }
    startSending(sender);
    await until(() => ids.every((id) => stateOf(id) === 'sent'));
    for (const ticketId of ['tkt-1', 'tkt-2', 'tkt-3']) {
      expect(lms.messages.filter((m) => m.ticketId === ticketId).map((m) => m.body)).toEqual([0, 1, 2, 3].map((i) => `${ticketId} reply ${i}`));
    }
    expect(lms.maxInFlight()).toBeGreaterThan(1);
    expect(lms.maxInFlight()).toBeLessThanOrEqual(3);
  });

  it('retries network errors, timeouts and 5xx with the same key until the LMS accepts, and records the write once', async () => {
    const { db, lms, sender, until, stateOf } = setup();
    lms.failures.push('network', 'timeout', 'server', 'network');
    const { writeId } = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'Checking your data now.', author: 'agent', authorId: 'agt-1' });
    startSending(sender);
    await until(() => stateOf(writeId) === 'sent');
    expect(lms.calls).toHaveLength(5);
    expect(new Set(lms.calls.map((c) => c.key))).toEqual(new Set([writeId]));
    expect(lms.messages).toHaveLength(1);
    expect(outboxEntry(db, writeId)?.attempts).toBe(5);
  });

  it('ends a write the LMS refuses for good, keeps it listed with the LMS reason, and lets the next one go', async () => {
    const { db, lms, sender, until, stateOf } = setup();
    lms.failures.push({ status: 422, code: 'invalid_request', message: 'body: the message is empty after trimming.' });
    const refused = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'first', author: 'agent', authorId: 'agt-1' });
    const next = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'second', author: 'note', authorId: 'agt-1' });
    startSending(sender);
    await until(() => stateOf(next.writeId) === 'sent');
    expect(outboxEntry(db, refused.writeId)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('empty after trimming') });
    expect(outboxCounts(db).failed).toBe(1);
    // The refused reply stays in the thread, marked by its write, so the agent sees it did not go.
    expect(db.prepare('SELECT count(*) AS n FROM message WHERE pending_write_id = ?').get(refused.writeId)).toEqual({ n: 1 });
  });

  it('shows an edit at once and keeps it on top of older server copies until the feed confirms it', async () => {
    const { db, lms, sender, feed, until, stateOf } = setup();
    const { writeId } = recordTicketEdit(db, { ticketId: 'tkt-1', changes: { status: 'waiting', assigneeId: 'agt-1' }, agentId: 'agt-1' });
    const shown = () => db.prepare("SELECT status, assignee_id, pending_edits, version FROM ticket WHERE id = 'tkt-1'").get();
    expect(shown()).toEqual({ status: 'waiting', assignee_id: 'agt-1', pending_edits: 1, version: 1 });
    // The feed re-sends the old version (e.g. someone changed an unrelated field): the edit stays on top.
    feed([upsert('ticket', sample.ticket('tkt-1', 'Module tkt-1 incomplete', 1))]);
    expect(shown()).toMatchObject({ status: 'waiting', pending_edits: 1 });
    startSending(sender);
    await until(() => stateOf(writeId) === 'sent');
    const server = lms.ticket('tkt-1');
    if (!server) throw new Error('no server ticket');
    feed([upsert('ticket', server)]);
    expect(stateOf(writeId)).toBe('confirmed');
    expect(shown()).toEqual({ status: 'waiting', assignee_id: 'agt-1', pending_edits: 0, version: 2 });
  });

  it('sends two quick edits of one ticket without a false conflict between them', async () => {
    const { db, lms, sender, until, stateOf } = setup();
    const a = recordTicketEdit(db, { ticketId: 'tkt-1', changes: { status: 'open' }, agentId: 'agt-1' });
    const reply = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'On it.', author: 'agent', authorId: 'agt-1' });
    const b = recordTicketEdit(db, { ticketId: 'tkt-1', changes: { tags: ['safari'] }, agentId: 'agt-1' });
    startSending(sender);
    await until(() => [a, reply, b].every((w) => stateOf(w.writeId) === 'sent'));
    expect(lms.calls.map((c) => [c.method, c.ifMatch])).toEqual([['patchTicket', 1], ['postMessage', undefined], ['patchTicket', 3]]);
    expect(lms.ticket('tkt-1')).toMatchObject({ status: 'open', tags: ['safari'], version: 4 });
  });

  it('on a 412 keeps my edit and theirs side by side; "mine" sends mine on their version with a new key', async () => {
    const { db, lms, sender, until, stateOf } = setup();
    lms.editElsewhere('tkt-1', { status: 'resolved' });
    const { writeId } = recordTicketEdit(db, { ticketId: 'tkt-1', changes: { status: 'waiting' }, agentId: 'agt-1' });
    const later = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'Waiting on your screenshot.', author: 'agent', authorId: 'agt-1' });
    startSending(sender);
    await until(() => stateOf(writeId) === 'conflict');
    expect(db.prepare("SELECT status FROM ticket WHERE id = 'tkt-1'").get()).toEqual({ status: 'waiting' });
    const [conflict] = listTicketConflicts(db);
    expect(conflict).toMatchObject({ writeId, ticketId: 'tkt-1', mine: { status: 'waiting' }, baseVersion: 1, theirs: { status: 'resolved', version: 2 } });
    // The reply written after the edit waits behind it: order on a ticket is kept.
    expect(stateOf(later.writeId)).toBe('queued');

    // Conflicts on many other tickets, older than this one, do not hide it from its own ticket.
    const copy = db.prepare<[string, string, string, string]>(
      `INSERT INTO outbox (id, idempotency_key, kind, entity, entity_id, payload, state, attempts, next_attempt_at, conflict, created_at, updated_at)
       SELECT ?, ?, kind, entity, ?, json_set(payload, '$.ticketId', ?), state, attempts, next_attempt_at, conflict, created_at, updated_at FROM outbox WHERE id = '${writeId}'`,
    );
    for (let i = 0; i < 250; i += 1) copy.run(`other-conflict-${i}`, `other-conflict-${i}`, `tkt-other-${i}`, `tkt-other-${i}`);
    const moveTo = db.prepare<[number, string]>('UPDATE outbox SET position = ? WHERE id = ?');
    const { position } = db.prepare<[string], { position: number }>('SELECT position FROM outbox WHERE id = ?').get(writeId) ?? { position: 0 };
    moveTo.run(1_000_000, writeId);
    expect(listTicketConflicts(db).some((c) => c.ticketId === 'tkt-1')).toBe(false);
    expect(listTicketConflicts(db, 0, 'tkt-1').map((c) => c.writeId)).toEqual([writeId]);
    db.prepare("DELETE FROM outbox WHERE id LIKE 'other-conflict-%'").run();
    moveTo.run(position, writeId);

    resolveTicketConflict(db, kinds, writeId, 'mine', new Date());
    sender.kick();
    await until(() => stateOf(writeId) === 'sent' && stateOf(later.writeId) === 'sent');
    const patches = lms.calls.filter((c) => c.method === 'patchTicket');
    expect(patches.map((c) => c.ifMatch)).toEqual([1, 2]);
    expect(patches[1]?.key).not.toBe(patches[0]?.key);
    expect(lms.ticket('tkt-1')?.status).toBe('waiting');
    expect(listTicketConflicts(db)).toEqual([]);
  });

  it('on a 412 resolved with "theirs" drops my edit and shows the server ticket again', async () => {
    const { db, lms, sender, until, stateOf } = setup();
    lms.editElsewhere('tkt-1', { status: 'resolved' });
    const { writeId } = recordTicketEdit(db, { ticketId: 'tkt-1', changes: { status: 'waiting' }, agentId: 'agt-1' });
    startSending(sender);
    await until(() => stateOf(writeId) === 'conflict');
    resolveTicketConflict(db, kinds, writeId, 'theirs', new Date());
    expect(stateOf(writeId)).toBe('discarded');
    expect(db.prepare("SELECT status, pending_edits FROM ticket WHERE id = 'tkt-1'").get()).toEqual({ status: 'new', pending_edits: 0 });
    expect(lms.calls.filter((c) => c.method === 'patchTicket')).toHaveLength(1);
    expect(() => resolveTicketConflict(db, kinds, writeId, 'mine', new Date())).toThrow(/no open conflict/);
  });

  it('sends a write caught mid-send by a crash again with the same key, so the LMS records it once', async () => {
    const { db, lms, sender, until, stateOf } = setup();
    const { writeId } = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'Sent just before the crash.', author: 'agent', authorId: 'agt-1' });
    // The previous run claimed it and the LMS applied it, but the answer never came back.
    db.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE id = ?").run(writeId);
    await lms.client.postMessage('tkt-1', { body: 'Sent just before the crash.', author: 'agent' }, { idempotencyKey: writeId });
    startSending(sender);
    await until(() => stateOf(writeId) === 'sent');
    expect(lms.messages).toHaveLength(1);
    expect(lms.calls.map((c) => c.key)).toEqual([writeId, writeId]);
  });
});
