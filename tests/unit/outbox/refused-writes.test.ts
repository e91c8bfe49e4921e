// A write the LMS refused for good can be dismissed from the Sync panel once read — kept in the
// outbox with who and when, no longer counted — and, where its kind allows, tried again with
// its own idempotency key. Only refused writes; nothing else moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedApplier } from '../../../src/main/cache/apply-changes';
import { cacheMigrations } from '../../../src/main/cache/migrations';
import { schemaVersion } from '../../../src/main/cache/migrate';
import { openCache } from '../../../src/main/cache/open-cache';
import { createQuarantineStore } from '../../../src/main/cache/quarantine';
import { createSyncStateStore } from '../../../src/main/cache/sync-state';
import { reconcileWithFeed } from '../../../src/main/outbox/feed-confirmation';
import { createOutboxSender } from '../../../src/main/outbox/outbox-sender';
import { entriesInStates, enqueueWrite, outboxCounts, outboxEntry, updateEntry, type OutboxState } from '../../../src/main/outbox/outbox-store';
import { dismissRefusedWrite, FOR_PREVIOUS_LMS, tryRefusedWriteAgain } from '../../../src/main/outbox/refused-writes';
import { recordTicketEdit, recordTicketMessage, ticketMessageKind, ticketPatchKind } from '../../../src/main/outbox/ticket-writes';
import { writeKinds } from '../../../src/main/outbox/write-kinds';
import { createAuditLog } from '../../../src/main/passes/audit-log';
import { MANUAL_PASS_ENTITY, MANUAL_PASS_WRITE, manualPassWriteKind } from '../../../src/main/passes/manual-pass-write';
import { createPassStore } from '../../../src/main/passes/pass-store';
import { createSyncEngine } from '../../../src/main/sync/sync-engine';
import { forgetMirroredLms } from '../../../src/main/sync/forget-lms';
import { PassdeskError } from '../../../src/shared/ipc-result';
import type { Change } from '../../../src/shared/lms/api';
import { sample, upsert } from '../sync/sample-records';
import { createFakeLms } from './fake-lms';

const now = new Date('2024-06-01T12:00:00.000Z');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempCache(migrations = cacheMigrations): { db: Database; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-refused-'));
  const db = openCache({ dataDir: dir, migrations });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => {
    if (db.open) db.close();
  });
  return { db, dir };
}

function setup() {
  const { db } = tempCache();
  const audit = createAuditLog(db);
  const passStore = createPassStore(db, audit);
  const kinds = writeKinds(ticketMessageKind, ticketPatchKind, manualPassWriteKind({ db, store: passStore, clock: { now: () => now }, onMoved: () => undefined }));
  const applier = createFeedApplier(db, { quarantine: createQuarantineStore(db), syncState: createSyncStateStore(db), fingerprint: 'f', now: () => now });
  const feed = (changes: Change[]) => applier.applyPage(changes, {}, (effects) => reconcileWithFeed(db, kinds, effects, now));
  feed([upsert('ticket', sample.ticket('tkt-1')), upsert('ticket', sample.ticket('tkt-2'))]);
  /** What the sender does with a final 4xx: the write fails and its kind settles it. */
  const refuse = (id: string, why = 'Forbidden: agents cannot reopen a resolved ticket.') =>
    db.transaction(() => {
      updateEntry(db, id, { state: 'failed', lastError: why }, now);
      const entry = outboxEntry(db, id);
      if (entry) kinds.get(entry.kind)?.settle?.(db, entry, 'failed', now);
    })();
  return { db, kinds, passStore, audit, feed, refuse };
}

function thrown(work: () => unknown): PassdeskError {
  try {
    work();
  } catch (error) {
    if (error instanceof PassdeskError) return error;
    throw error;
  }
  throw new Error('expected a PassdeskError');
}

describe('dismissing a refused write', () => {
  it('keeps the row with the LMS’s reason, who and when, and takes it out of the counts and the pending list', () => {
    const { db, kinds, refuse } = setup();
    const { writeId } = recordTicketEdit(db, { ticketId: 'tkt-1', changes: { status: 'open' }, agentId: 'agt-1' }, now);
    refuse(writeId);
    expect(outboxCounts(db)).toEqual({ pending: 0, failed: 1, conflicts: 0 });

    const later = new Date('2024-06-01T12:05:00.000Z');
    const dismissed = dismissRefusedWrite(db, kinds, writeId, 'agt-2', later);

    expect(dismissed).toMatchObject({ state: 'dismissed', dismissedAt: later.toISOString(), dismissedBy: 'agt-2', lastError: 'Forbidden: agents cannot reopen a resolved ticket.' });
    expect(outboxCounts(db)).toEqual({ pending: 0, failed: 0, conflicts: 0 });
    expect(entriesInStates(db, ['queued', 'sending', 'sent', 'failed', 'conflict'], 100)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    // The edit is not laid over the ticket any more.
    expect(db.prepare('SELECT status, pending_edits FROM ticket WHERE id = ?').get('tkt-1')).toEqual({ status: 'new', pending_edits: 0 });
  });

  it('keeps a refused reply in the thread, marked as not sent', () => {
    const { db, kinds, refuse } = setup();
    const { writeId, messageId } = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'Please send a screenshot.', author: 'agent', authorId: 'agt-1' }, now);
    refuse(writeId, 'Ticket tkt-1 is closed.');
    dismissRefusedWrite(db, kinds, writeId, null, now);
    expect(
      db.prepare('SELECT m.id, o.state FROM message m JOIN outbox o ON o.id = m.pending_write_id WHERE m.ticket_id = ?').all('tkt-1'),
    ).toEqual([{ id: messageId, state: 'dismissed' }]);
  });

  it('refuses every write that is not refused, saying where it stands, and changes nothing', () => {
    const { db, kinds } = setup();
    const states: OutboxState[] = ['queued', 'sending', 'sent', 'confirmed', 'conflict', 'discarded', 'dismissed'];
    for (const state of states) {
      const { writeId } = recordTicketEdit(db, { ticketId: 'tkt-2', changes: { tags: [state] }, agentId: 'agt-1' }, now);
      db.transaction(() => updateEntry(db, writeId, { state }, now))();
      const before = outboxEntry(db, writeId);
      const error = thrown(() => dismissRefusedWrite(db, kinds, writeId, 'agt-1', now));
      expect(error.code).toBe('refused');
      expect(error.message).toMatch(/^Only a write the LMS refused can be dismissed; “Change on ticket tkt-2: tags → .+” is .+\.$/);
      expect(outboxEntry(db, writeId)).toEqual(before);
    }
    expect(thrown(() => dismissRefusedWrite(db, kinds, 'no-such-write', null, now))).toMatchObject({ code: 'not_found', message: expect.stringContaining('no-such-write') });
  });

  it('rejects a pass whose write a switch of LMS left unsent, if nothing did yet', () => {
    const { db, kinds, passStore, audit } = setup();
    const outboxId = 'pass-key-0001';
    db.transaction(() => {
      db.prepare(
        `INSERT INTO pass_request (id, idempotency_key, outbox_id, batch_id, learner_id, learner_name, module_id, module_name, course_name, blue_bucks,
           requested_by, requested_by_name, reason, override, verdict_kind, reply_to_learner, evidence, state, undo_until, requested_at, updated_at)
         VALUES ('pass-1', ?, ?, 'batch-1', 'lrn-1', 'Dana Whitfield', 'mod-1', 'Module 2: Exit Devices', 'Fire-Rated Door Hardware', 50,
           'agt-admin', 'Alex Admin', 'Passing score in the data.', 0, 'eligible', 0, '{}', 'sending', ?, ?, ?)`,
      ).run(outboxId, outboxId, now.toISOString(), now.toISOString(), now.toISOString());
      enqueueWrite(db, { kind: MANUAL_PASS_WRITE, entity: MANUAL_PASS_ENTITY, entityId: 'pass-1', payload: { passId: 'pass-1', learnerName: 'Dana Whitfield', moduleName: 'Module 2: Exit Devices', body: { learnerId: 'lrn-1', moduleId: 'mod-1', reason: 'Passing score in the data.', evidence: { kind: 'score_data', attemptId: 'att-1' } } }, id: outboxId }, now);
    })();
    forgetMirroredLms(db, now);
    expect(passStore.get('pass-1')?.state).toBe('sending');

    const error = thrown(() => tryRefusedWriteAgain(db, kinds, outboxId, now));
    expect(error.code).toBe('refused');
    expect(error.message).toContain(FOR_PREVIOUS_LMS);

    dismissRefusedWrite(db, kinds, outboxId, 'agt-admin', now);
    expect(passStore.get('pass-1')).toMatchObject({ state: 'rejected', state_reason: expect.stringContaining('switched to another LMS') });
    expect(audit.ofPass('pass-1').map((e) => e.action)).toContain('pass.rejected');
  });
});

describe('trying a refused write again', () => {
  it('queues it due now with a fresh count of tries and the same key, and the LMS gets it once', async () => {
    const { db, kinds } = setup();
    const lms = createFakeLms([sample.ticket('tkt-1')]);
    const sender = createOutboxSender({
      db,
      kinds,
      client: () => lms.client,
      clock: { now: () => new Date() },
      random: () => 0.5,
      log: () => undefined,
      backoff: { baseMs: 2, maxMs: 10 },
      onChange: () => undefined,
      onReachability: () => undefined,
    });
    cleanups.push(() => sender.stop());
    const stateOf = (id: string) => outboxEntry(db, id)?.state;
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 500 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(done()).toBe(true);
    };

    lms.failures.push({ status: 403, code: 'forbidden', message: 'Your LMS role may not reply on this ticket.' });
    const { writeId } = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'Please send a screenshot.', author: 'agent', authorId: 'agt-1' }, new Date());
    sender.start();
    await until(() => stateOf(writeId) === 'failed');
    expect(outboxEntry(db, writeId)).toMatchObject({ attempts: 1, lastError: expect.stringContaining('may not reply') });

    const again = tryRefusedWriteAgain(db, kinds, writeId, new Date());
    expect(again).toMatchObject({ state: 'queued', attempts: 0, lastError: null, idempotencyKey: writeId });
    sender.kick();
    await until(() => stateOf(writeId) === 'sent');

    expect(lms.calls.map((c) => c.key)).toEqual([writeId, writeId]);
    expect(lms.messages).toHaveLength(1);
    expect(outboxEntry(db, writeId)).toMatchObject({ attempts: 1, lastError: null });
  });

  it('lays a refused edit over the ticket again while it waits', () => {
    const { db, kinds, refuse } = setup();
    const { writeId } = recordTicketEdit(db, { ticketId: 'tkt-1', changes: { status: 'waiting' }, agentId: 'agt-1' }, now);
    refuse(writeId);
    expect(db.prepare('SELECT status FROM ticket WHERE id = ?').get('tkt-1')).toEqual({ status: 'new' });
    tryRefusedWriteAgain(db, kinds, writeId, now);
    expect(db.prepare('SELECT status, pending_edits FROM ticket WHERE id = ?').get('tkt-1')).toEqual({ status: 'waiting', pending_edits: 1 });
  });

  it('is not offered for a manual pass: the refusal already rejected the pass', () => {
    const { db, kinds, refuse } = setup();
    const id = 'pass-key-0002';
    db.transaction(() =>
      enqueueWrite(db, { kind: MANUAL_PASS_WRITE, entity: MANUAL_PASS_ENTITY, entityId: 'pass-2', payload: { passId: 'pass-2', learnerName: 'Ana Lima', moduleName: 'Module 2', body: { learnerId: 'lrn-2', moduleId: 'mod-1', reason: 'Passing score in the data.', evidence: { kind: 'score_data', attemptId: 'att-1' } } }, id }, now),
    )();
    refuse(id, 'The LMS says Ana Lima is not enrolled in Module 2 (any more); the pass was not sent.');
    const error = thrown(() => tryRefusedWriteAgain(db, kinds, id, now));
    expect(error).toMatchObject({ code: 'refused', message: expect.stringMatching(/^“Manual pass of Ana Lima on Module 2” cannot be tried again\. A refused manual pass is final/) });
    expect(outboxEntry(db, id)?.state).toBe('failed');
  });

  it('refuses a write that is not refused', () => {
    const { db, kinds } = setup();
    const { writeId } = recordTicketEdit(db, { ticketId: 'tkt-1', changes: { status: 'open' }, agentId: 'agt-1' }, now);
    expect(thrown(() => tryRefusedWriteAgain(db, kinds, writeId, now))).toMatchObject({ code: 'refused', message: expect.stringContaining('is still waiting to be sent') });
  });
});

describe('the sync engine’s handlers for refused writes', () => {
  it('list what each refused write offers, and the failed count drops on dismiss', async () => {
    const { db } = tempCache();
    const engine = createSyncEngine({ db, access: () => null, createClient: () => createFakeLms([]).client, clock: { now: () => now }, me: () => ({ id: 'agt-7' }) });
    cleanups.push(() => engine.stop());
    const applier = createFeedApplier(db, { quarantine: createQuarantineStore(db), syncState: createSyncStateStore(db), fingerprint: 'f', now: () => now });
    applier.applyPage([upsert('ticket', sample.ticket('tkt-1'))], {});
    const reply = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'Hello', author: 'agent', authorId: 'agt-7' }, now);
    const edit = recordTicketEdit(db, { ticketId: 'tkt-1', changes: { status: 'open' }, agentId: 'agt-7' }, now);
    db.transaction(() => {
      updateEntry(db, reply.writeId, { state: 'failed', lastError: 'Ticket tkt-1 is closed.' }, now);
      updateEntry(db, edit.writeId, { state: 'failed', lastError: 'Not sent: Passdesk was switched to another LMS before this write went out.' }, now);
      db.prepare('UPDATE outbox SET for_previous_lms = 1 WHERE id = ?').run(edit.writeId);
    })();

    const { writes } = await engine.handlers['sync.pending']({ limit: 200 });
    expect(writes.map((w) => [w.id, w.state, w.canTryAgain, w.noTryAgainReason])).toEqual([
      [reply.writeId, 'failed', true, null],
      [edit.writeId, 'failed', false, FOR_PREVIOUS_LMS],
    ]);
    expect(engine.status().failedWrites).toBe(2);

    const after = await engine.handlers['sync.dismissWrite']({ writeId: edit.writeId });
    expect(after.failedWrites).toBe(1);
    expect(outboxEntry(db, edit.writeId)).toMatchObject({ state: 'dismissed', dismissedBy: 'agt-7' });
    expect((await engine.handlers['sync.pending']({ limit: 200 })).writes.map((w) => w.id)).toEqual([reply.writeId]);

    const retried = await engine.handlers['sync.tryWriteAgain']({ writeId: reply.writeId });
    expect(retried).toMatchObject({ failedWrites: 0, pendingWrites: 1 });
    await expect(async () => engine.handlers['sync.dismissWrite']({ writeId: reply.writeId })).rejects.toMatchObject({ code: 'refused' });
  });
});

describe('the migration that lets refused writes be dismissed', () => {
  it('keeps every write, its position and the next position, marks writes left by a switch of LMS, and accepts the new state', () => {
    const { db, dir } = tempCache(cacheMigrations.slice(0, 4));
    db.transaction(() => {
      for (const id of ['write-0001', 'write-0002', 'write-0003']) enqueueWrite(db, { kind: 'ticket.message', entity: 'ticket', entityId: 'tkt-1', payload: { n: id }, id }, now);
    })();
    db.prepare("DELETE FROM outbox WHERE id = 'write-0003'").run();
    db.prepare("UPDATE outbox SET state = 'failed', last_error = 'Not sent: Passdesk was switched to another LMS before this write went out.' WHERE id = 'write-0001'").run();
    db.prepare("UPDATE outbox SET state = 'failed', last_error = 'Forbidden.' WHERE id = 'write-0002'").run();
    expect(() => db.prepare("UPDATE outbox SET state = 'dismissed' WHERE id = 'write-0002'").run()).toThrow(/CHECK/);
    db.close();

    const migrated = openCache({ dataDir: dir });
    cleanups.push(() => {
      migrated.close();
    });
    expect(schemaVersion(migrated)).toBe(cacheMigrations.length);
    expect(migrated.prepare('SELECT position, id, state, last_error, for_previous_lms, dismissed_at FROM outbox ORDER BY position').all()).toEqual([
      { position: 1, id: 'write-0001', state: 'failed', last_error: 'Not sent: Passdesk was switched to another LMS before this write went out.', for_previous_lms: 1, dismissed_at: null },
      { position: 2, id: 'write-0002', state: 'failed', last_error: 'Forbidden.', for_previous_lms: 0, dismissed_at: null },
    ]);
    migrated.transaction(() => enqueueWrite(migrated, { kind: 'ticket.message', entity: 'ticket', entityId: 'tkt-1', payload: {}, id: 'write-0004' }, now))();
    expect(outboxEntry(migrated, 'write-0004')?.position).toBe(4);
    expect(dismissRefusedWrite(migrated, writeKinds(ticketMessageKind), 'write-0002', null, now).state).toBe('dismissed');
    expect(() => migrated.prepare("UPDATE outbox SET state = 'forgotten' WHERE id = 'write-0002'").run()).toThrow(/CHECK/);
    expect(migrated.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND name LIKE 'outbox_by_%' ORDER BY name").all()).toEqual([
      { name: 'outbox_by_key' },
      { name: 'outbox_by_state' },
    ]);
  });
});
