// A change of the feed that cannot be read at all — an entity Passdesk does not know, no id, an
// op that is neither upsert nor delete, not even an object — is quarantined with what is wrong,
// and every other change of its page goes on as if it were not there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedApplier } from '../../../src/main/cache/apply-changes';
import { entityNames } from '../../../src/main/cache/entity-tables';
import { openCache } from '../../../src/main/cache/open-cache';
import { preparePage, type PreparedChange } from '../../../src/main/cache/prepared-page';
import { createQuarantineStore } from '../../../src/main/cache/quarantine';
import { createSyncStateStore } from '../../../src/main/cache/sync-state';
import { FEED_CHANGE } from '../../../src/shared/channels/sync';
import { Change } from '../../../src/shared/lms/api';
import type { EntityName } from '../../../src/shared/lms/entities';
import { sample } from './sample-records';

const dirs: string[] = [];
const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshCache(): Database {
  const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-unreadable-'));
  dirs.push(dir);
  const db = openCache({ dataDir: dir });
  dbs.push(db);
  return db;
}

const page = (changes: unknown[]) => ({ changes, cursor: 'c-next', hasMore: true });
const only = (changes: unknown[]): PreparedChange => {
  const [one] = preparePage(page(changes)).changes;
  if (!one) throw new Error('nothing prepared');
  return one;
};
const ticket = (over: Record<string, unknown>) => ({ seq: 7, entity: 'ticket', id: 'tkt-1', op: 'upsert', data: sample.ticket('tkt-1'), ...over });

describe('a change that cannot be read', () => {
  it('is quarantined with what is wrong, in words a person can pass on', () => {
    expect(only([{ seq: 5, entity: 'widget', id: 'w-1', op: 'upsert', data: { id: 'w-1' } }])).toMatchObject({
      op: 'quarantine',
      entity: FEED_CHANGE,
      id: 'widget/w-1',
      seq: 5,
      reason: expect.stringMatching(/^The LMS sent a change \(seq 5\) Passdesk cannot read: unknown entity 'widget'\. Passdesk skipped it/),
    });
    expect(only([ticket({ id: undefined })])).toMatchObject({ id: 'seq 7', reason: expect.stringContaining(': no record id.') });
    expect(only([ticket({ op: 'patch' })])).toMatchObject({ id: 'ticket/tkt-1', reason: expect.stringContaining("op 'patch' is neither 'upsert' nor 'delete'") });
    expect(only([ticket({ op: 'delete' })])).toMatchObject({ reason: expect.stringContaining('a delete that carries a record') });
    expect(only([ticket({ id: 'x'.repeat(65) })])).toMatchObject({ id: 'seq 7', reason: expect.stringContaining('is not a record id') });
    expect(only([ticket({ entity: 42, id: 7, op: null, seq: 'soon' })])).toMatchObject({
      id: expect.stringMatching(/^sha256 [0-9a-f]{16}$/),
      reason: expect.stringContaining("entity 42 is not a name; id 7 is not a record id (1–64 characters of text); op null is neither 'upsert' nor 'delete'; seq 'soon' is not a positive whole number"),
    });
    expect(only([42])).toMatchObject({ reason: expect.stringContaining('a number instead of an object with seq, entity, id and op'), raw: '42' });
    expect(only([null])).toMatchObject({ reason: expect.stringContaining('null instead of an object'), raw: 'null' });
  });

  it('is listed where it stood in the feed when its own seq is unusable', () => {
    const prepared = preparePage(page([{ seq: 'x' }, ticket({ seq: 10 }), [1, 2], ticket({ seq: 12, id: 'tkt-2', data: sample.ticket('tkt-2') })])).changes;
    expect(prepared.map((c) => [c.op, c.seq])).toEqual([
      ['quarantine', 10],
      ['upsert', 10],
      ['quarantine', 10],
      ['upsert', 12],
    ]);
  });

  it('keeps the same name when the LMS sends it again, so the quarantine holds it once', () => {
    const junk = [{ what: 'is this' }, 'text', { seq: 9, entity: 'widget' }];
    expect(preparePage(page(junk)).changes.map((c) => c.id)).toEqual(preparePage(page(structuredClone(junk))).changes.map((c) => c.id));
  });
});

describe('a page with unreadable changes in it', () => {
  it('applies the rest, holds each unreadable change, and lets a later good version of the record release it', () => {
    const db = freshCache();
    const quarantine = createQuarantineStore(db);
    const applier = createFeedApplier(db, { quarantine, syncState: createSyncStateStore(db), fingerprint: 'rules-1', now: () => new Date('2024-06-01T12:00:00.000Z') });
    const prepared = preparePage(page([ticket({ seq: 1, op: 'patch' }), { seq: 2, entity: 'learner', id: 'lrn-1', op: 'upsert', data: sample.learner() }, { seq: 3, entity: 'widget', id: 'w-1', op: 'upsert' }, 'junk']));
    applier.applyPreparedPage(prepared.changes, { cursor: prepared.cursor });

    expect(db.prepare('SELECT count(*) AS n FROM learner').get()).toEqual({ n: 1 });
    expect(createSyncStateStore(db).read().cursor).toBe('c-next');
    expect(quarantine.list(10).map((r) => [r.entity, r.recordId])).toEqual([
      ['feed_change', 'widget/w-1'],
      ['feed_change', expect.stringMatching(/^sha256 /)],
      ['feed_change', 'ticket/tkt-1'],
    ]);

    applier.applyPage([{ seq: 4, entity: 'ticket', id: 'tkt-1', op: 'upsert', data: sample.ticket('tkt-1') }], { cursor: 'c-4' });
    expect(quarantine.list(10).map((r) => r.recordId)).toEqual(['widget/w-1', expect.stringMatching(/^sha256 /)]);
    expect(createQuarantineStore(db).count()).toBe(2);
  });

  it('is never tried again as a record under new rules: what was broken is not the record', () => {
    const db = freshCache();
    const quarantine = createQuarantineStore(db);
    const options = { quarantine, syncState: createSyncStateStore(db), now: () => new Date('2024-06-01T12:00:00.000Z') };
    const prepared = preparePage(page([{ seq: 3, entity: 'widget', id: 'w-1', op: 'upsert', data: {} }, { seq: 4, entity: 'learner', id: 'lrn-9', op: 'upsert', data: { id: 'lrn-9' } }]));
    createFeedApplier(db, { ...options, fingerprint: 'rules-1' }).applyPreparedPage(prepared.changes, {});
    expect(quarantine.checkedUnderOtherRules('rules-2').map((r) => r.recordId)).toEqual(['lrn-9']);
    expect(createFeedApplier(db, { ...options, fingerprint: 'rules-2' }).retryQuarantined()).toEqual({ released: 0, held: 1 });
    expect(quarantine.count()).toBe(2);
  });
});

describe('preparePage, for any page mixing readable changes with junk', () => {
  const entity = fc.constantFrom(...entityNames);
  const readable: fc.Arbitrary<Change> = fc.oneof(
    fc.record({ seq: fc.integer({ min: 1, max: 2 ** 40 }), entity, id: fc.string({ minLength: 1, maxLength: 64 }), upsert: fc.boolean() }).map(({ seq, entity, id, upsert }): Change => {
      const data = (sample[entity] as (id?: string) => unknown)(id);
      return upsert ? { seq, entity, id, op: 'upsert', data } : { seq, entity, id, op: 'delete' };
    }),
    // A readable change whose record is wrong: the record's own quarantine, not the envelope's.
    fc.record({ seq: fc.integer({ min: 1, max: 2 ** 40 }), entity, id: fc.string({ minLength: 1, maxLength: 64 }), data: fc.anything() }).map((c): Change => ({ ...c, op: 'upsert' })),
  );
  const brokenEnvelope = fc.oneof(
    fc.record({ seq: fc.anything(), entity: fc.anything(), id: fc.anything(), op: fc.anything(), data: fc.anything() }, { requiredKeys: [] }),
    fc.record({ seq: fc.integer({ min: 1 }), entity: fc.string().filter((e) => !(entityNames as readonly string[]).includes(e)), id: fc.string({ minLength: 1, maxLength: 64 }), op: fc.constant('upsert'), data: fc.anything() }),
    fc.record({ seq: fc.integer({ min: 1 }), entity, id: fc.string({ minLength: 1, maxLength: 64 }), op: fc.string().filter((op) => op !== 'upsert' && op !== 'delete') }),
  );
  const junk = fc.oneof(fc.anything(), brokenEnvelope).filter((j) => !Change.safeParse(j).success);
  const entries = fc.array(fc.oneof(readable.map((change) => ({ readable: true as const, change })), junk.map((change) => ({ readable: false as const, change }))), { maxLength: 40 });

  it('never throws, keeps every readable change in order, and turns every junk entry into a quarantine entry', () => {
    fc.assert(
      fc.property(entries, (mixed) => {
        const prepared = preparePage(page(mixed.map((e) => e.change))).changes;
        expect(prepared).toHaveLength(mixed.length);
        mixed.forEach((entry, i) => {
          const out = prepared[i]!;
          expect(Number.isSafeInteger(out.seq) && out.seq >= 0).toBe(true);
          if (entry.readable) {
            const change = entry.change as Change;
            expect({ entity: out.entity, id: out.id, seq: out.seq }).toEqual({ entity: change.entity, id: change.id, seq: change.seq });
            if (change.op === 'delete') expect(out.op).toBe('delete');
            else expect(['upsert', 'upsert_message', 'quarantine']).toContain(out.op);
          } else {
            expect(out).toMatchObject({ op: 'quarantine', entity: FEED_CHANGE, reason: expect.stringMatching(/^The LMS sent a change/) });
            expect(out.id.length).toBeGreaterThan(0);
            expect(out.id.length).toBeLessThanOrEqual(140);
          }
        });
        const kept = prepared.filter((c) => c.entity !== FEED_CHANGE);
        expect(kept.map((c) => c.seq)).toEqual(mixed.filter((e) => e.readable).map((e) => (e.change as Change).seq));
      }),
      { numRuns: 300 },
    );
  });

  it('holds a readable change with a wrong record under its own entity, never as a feed change', () => {
    const out = only([{ seq: 3, entity: 'attempt' satisfies EntityName, id: 'att-1', op: 'upsert', data: { id: 'att-1', scoreRaw: 'ninety' } }]);
    expect(out).toMatchObject({ op: 'quarantine', entity: 'attempt', id: 'att-1' });
  });
});
