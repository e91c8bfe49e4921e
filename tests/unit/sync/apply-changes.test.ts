import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedApplier, type FeedApplier } from '../../../src/main/cache/apply-changes';
import { entityNames } from '../../../src/main/cache/entity-tables';
import { openCache } from '../../../src/main/cache/open-cache';
import { createQuarantineStore } from '../../../src/main/cache/quarantine';
import { createSyncStateStore } from '../../../src/main/cache/sync-state';
import type { Change } from '../../../src/shared/lms/api';
import { remove, sample, upsert } from './sample-records';

const dirs: string[] = [];
const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshCache(): Database {
  const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-apply-'));
  dirs.push(dir);
  const db = openCache({ dataDir: dir });
  dbs.push(db);
  return db;
}

function applierFor(db: Database, fingerprint = 'rules-1'): FeedApplier {
  return createFeedApplier(db, {
    quarantine: createQuarantineStore(db),
    syncState: createSyncStateStore(db),
    fingerprint,
    now: () => new Date('2024-06-01T12:00:00.000Z'),
  });
}

describe('applying the change feed to the cache', () => {
  it('puts every entity in its table with the columns screens query, and deletes what the feed deletes', () => {
    const db = freshCache();
    const applier = applierFor(db);
    const changes = entityNames.map((entity) => upsert(entity, sample[entity]()));
    applier.applyPage(changes, { cursor: 'c1' });

    for (const entity of entityNames) {
      const table = entity;
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), entity).toEqual({ n: 1 });
    }
    expect(db.prepare("SELECT status, learner_id, tags, version FROM ticket WHERE id = 'tkt-1'").get()).toEqual({ status: 'new', learner_id: 'lrn-1', tags: '[]', version: 1 });
    expect(db.prepare("SELECT score_raw, success_status FROM attempt WHERE learner_id = 'lrn-1' AND module_id = 'mod-1'").get()).toEqual({ score_raw: 90, success_status: 'passed' });
    expect(createSyncStateStore(db).read().cursor).toBe('c1');

    applier.applyPage([remove('attempt', 'att-1'), remove('ticket', 'tkt-1')], { cursor: 'c2' });
    expect(db.prepare('SELECT count(*) AS n FROM attempt').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM ticket_fts WHERE ticket_fts MATCH 'incomplete'").get()).toEqual({ n: 0 });
  });

  it('finds tickets by subject, messages by body and sender, and learners by name or email with full-text search', () => {
    const db = freshCache();
    const applier = applierFor(db);
    applier.applyPage(
      [
        upsert('ticket', sample.ticket('tkt-1', 'Fire-rated door module will not complete')),
        upsert('ticket', sample.ticket('tkt-2', 'Password reset')),
        upsert('message', sample.message('msg-1', 'My screenshot shows 90 percent on the exit devices quiz', 'tkt-1')),
        upsert('learner', sample.learner('lrn-7', 'Zoë Ångström')),
      ],
      { cursor: 'c1' },
    );
    const ticketIds = (q: string) =>
      db
        .prepare<[string, string], { id: string }>(
          `SELECT id FROM ticket WHERE row_no IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?)
           UNION SELECT ticket_id AS id FROM message WHERE row_no IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?) ORDER BY id`,
        )
        .all(q, q)
        .map((r) => r.id);
    expect(ticketIds('door')).toEqual(['tkt-1']);
    expect(ticketIds('screenshot')).toEqual(['tkt-1']);
    // A learner's message is found by the learner's address, as its sender.
    expect(db.prepare("SELECT ticket_id FROM message WHERE row_no IN (SELECT rowid FROM message_fts WHERE message_fts MATCH 'sender:northside')").all()).toEqual([{ ticket_id: 'tkt-1' }]);
    expect(db.prepare("SELECT id FROM learner WHERE row_no IN (SELECT rowid FROM learner_fts WHERE learner_fts MATCH 'zoe angstrom')").all()).toEqual([{ id: 'lrn-7' }]);
  });

  it('quarantines a malformed record with the reason and applies the rest of the page', () => {
    const db = freshCache();
    const applier = applierFor(db);
    const effects = applier.applyPage(
      [
        upsert('learner', sample.learner('lrn-1')),
        upsert('attempt', { ...sample.attempt('att-bad'), scoreRaw: 'ninety' }),
        upsert('ticket', { id: 'tkt-9', subject: 'no other fields' }),
        upsert('message', sample.message('msg-huge', 'x'.repeat(250_000))),
        upsert('learner', sample.learner('lrn-2')),
      ],
      { cursor: 'c1' },
    );
    expect(effects.quarantined).toBe(3);
    expect(db.prepare('SELECT id FROM learner ORDER BY id').all()).toEqual([{ id: 'lrn-1' }, { id: 'lrn-2' }]);
    const held = createQuarantineStore(db).list(10);
    expect(held.map((r) => r.recordId).sort()).toEqual(['att-bad', 'msg-huge', 'tkt-9']);
    expect(held.find((r) => r.recordId === 'att-bad')?.reason).toMatch(/attempt att-bad.*scoreRaw/);
    expect(held.find((r) => r.recordId === 'tkt-9')?.reason).toMatch(/fromEmail/);
    expect(held.find((r) => r.recordId === 'msg-huge')?.reason).toMatch(/body/);
    expect(createSyncStateStore(db).read().cursor).toBe('c1');
  });

  it('refuses a record whose id differs from the change that carries it', () => {
    const db = freshCache();
    applierFor(db).applyPage([upsert('learner', sample.learner('lrn-1'), 'lrn-other')], { cursor: 'c1' });
    expect(db.prepare('SELECT count(*) AS n FROM learner').get()).toEqual({ n: 0 });
    expect(createQuarantineStore(db).list(1)[0]?.reason).toMatch(/different id/);
  });

  it('releases a quarantined record when a valid version or a delete of it arrives', () => {
    const db = freshCache();
    const applier = applierFor(db);
    const quarantine = createQuarantineStore(db);
    applier.applyPage([upsert('learner', { ...sample.learner('lrn-1'), email: 5 }), upsert('learner', { ...sample.learner('lrn-2'), email: 5 })], { cursor: 'c1' });
    expect(quarantine.count()).toBe(2);
    applier.applyPage([upsert('learner', sample.learner('lrn-1')), remove('learner', 'lrn-2')], { cursor: 'c2' });
    expect(quarantine.count()).toBe(0);
    expect(db.prepare('SELECT id FROM learner').all()).toEqual([{ id: 'lrn-1' }]);
  });

  it('tries quarantined records again once the rules change, letting in those that now pass', () => {
    const db = freshCache();
    const now = '2024-06-01T12:00:00.000Z';
    db.prepare('INSERT INTO quarantine (entity, record_id, seq, raw, reason, schema_fingerprint, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      'learner', 'lrn-5', 42, JSON.stringify(sample.learner('lrn-5')), 'rejected by older rules', 'rules-old', now,
    );
    db.prepare('INSERT INTO quarantine (entity, record_id, seq, raw, reason, schema_fingerprint, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      'learner', 'lrn-6', 43, JSON.stringify({ id: 'lrn-6' }), 'rejected by older rules', 'rules-old', now,
    );
    const result = applierFor(db, 'rules-new').retryQuarantined();
    expect(result).toEqual({ released: 1, held: 1 });
    expect(db.prepare('SELECT id, seq FROM learner').all()).toEqual([{ id: 'lrn-5', seq: 42 }]);
    const still = createQuarantineStore(db).list(5);
    expect(still.map((r) => r.recordId)).toEqual(['lrn-6']);
    expect(still[0]?.reason).toMatch(/learner lrn-6/);
    // Checked under the current rules now: not tried again until they change once more.
    expect(applierFor(db, 'rules-new').retryQuarantined()).toEqual({ released: 0, held: 0 });
  });

  it('leaves neither the page nor its cursor behind when the page cannot be committed', () => {
    const db = freshCache();
    const applier = applierFor(db);
    applier.applyPage([upsert('learner', sample.learner('lrn-1'))], { cursor: 'c1' });
    expect(() =>
      applier.applyPage([upsert('learner', sample.learner('lrn-2')), upsert('learner', { id: 'lrn-3' })], { cursor: 'c2' }, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(db.prepare('SELECT id FROM learner').all()).toEqual([{ id: 'lrn-1' }]);
    expect(createSyncStateStore(db).read().cursor).toBe('c1');
    expect(createQuarantineStore(db).count()).toBe(0);
    // The in-memory view of the quarantine followed the rollback: the record is not "held".
    expect(createQuarantineStore(db).has('learner', 'lrn-3')).toBe(false);
  });

  it('ends with the last version of every record however the feed is cut into pages and resumed after a crash', () => {
    const op = fc.record({
      id: fc.constantFrom('lrn-1', 'lrn-2', 'lrn-3', 'lrn-4'),
      kind: fc.constantFrom('upsert', 'upsert', 'delete', 'bad'),
      name: fc.string({ minLength: 1, maxLength: 12 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 40 }), fc.nat(40), (ops, cuts, crashAfter) => {
        const changes: Change[] = ops.map((o) =>
          o.kind === 'delete' ? remove('learner', o.id) : upsert('learner', o.kind === 'bad' ? { id: o.id, name: o.name } : sample.learner(o.id, o.name)),
        );
        const expected = new Map<string, string>();
        for (const o of ops) {
          if (o.kind === 'delete') expected.delete(o.id);
          else if (o.kind === 'upsert') expected.set(o.id, o.name);
        }
        const pages: Change[][] = [];
        for (let at = 0, i = 0; at < changes.length; i += 1) {
          const size = cuts[i % cuts.length] ?? 1;
          pages.push(changes.slice(at, at + size));
          at += size;
        }
        const db = freshCache();
        // Apply some pages, "crash" (a new applier from what is on disk), resume from the stored cursor.
        const first = applierFor(db);
        const committed = Math.min(crashAfter, pages.length);
        pages.slice(0, committed).forEach((page, i) => first.applyPage(page, { cursor: String(i + 1) }));
        const resumeAt = Number(createSyncStateStore(db).read().cursor ?? '0');
        const second = applierFor(db);
        pages.slice(resumeAt).forEach((page, i) => second.applyPage(page, { cursor: String(resumeAt + i + 1) }));

        const rows = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM learner ORDER BY id').all();
        expect(rows).toEqual([...expected.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, name]) => ({ id, name })));
        // Full-text index in step with the table: one entry per live learner.
        expect(db.prepare("SELECT count(*) AS n FROM learner_fts WHERE learner_fts MATCH 'northside'").get()).toEqual({ n: rows.length });
        db.close();
        dbs.splice(dbs.indexOf(db), 1);
      }),
      { numRuns: 60 },
    );
  });
});
