import { afterEach, describe, expect, it } from 'vitest';
import { sample } from '../../unit/sync/sample-records';
import { startEngine, statusWhere, tempDir, type EngineUnderTest } from './engine-fixtures';
import { startFakeFeed, type FakeFeed } from './fake-feed-server';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('records the LMS sends in a shape Passdesk cannot use', () => {
  it('are quarantined with the reason while every other record syncs', async () => {
    let seq = 0;
    const change = (entity: string, id: string, data: unknown) => ({ seq: ++seq, entity, id, op: 'upsert', data });
    const good = Array.from({ length: 300 }, (_, i) => change('learner', `lrn-${i}`, sample.learner(`lrn-${i}`, `Learner ${i}`)));
    const bad = [
      change('attempt', 'att-wrong-type', { ...sample.attempt('att-wrong-type'), scoreRaw: 'ninety', standard: 'scorm3000' }),
      change('ticket', 'tkt-missing', { id: 'tkt-missing', subject: 'Where are my other fields?' }),
      change('message', 'msg-huge', sample.message('msg-huge', 'I finished it. '.repeat(40_000))),
      change('learner', 'lrn-long-name', { ...sample.learner('lrn-long-name'), name: 'A'.repeat(10_000) }),
      change('attempt', 'att-many-errors', { ...sample.attempt('att-many-errors'), errors: Array.from({ length: 5_000 }, () => ({ at: '2024-01-01T00:00:00Z', code: '101', message: 'LMSCommit failed' })) }),
      change('course', 'crs-not-object', 'just a string'),
      change('module', 'mod-null', null),
      change('learner', 'lrn-id-mismatch', sample.learner('lrn-someone-else')),
    ];
    // Bad records spread through the feed, across page boundaries.
    const feedChanges = [...good];
    bad.forEach((b, i) => feedChanges.splice(20 + i * 37, 0, b));
    feedChanges.forEach((c, i) => (c.seq = i + 1));
    const feed: FakeFeed = await startFakeFeed(feedChanges, 50);
    cleanups.push(() => feed.close());
    const data = tempDir('passdesk-malformed-');
    cleanups.push(() => data.remove());

    const run: EngineUnderTest = startEngine(data.dir, () => ({ lmsId: 'fake-feed', url: feed.url, token: feed.token }));
    cleanups.push(() => run.close());
    const status = await statusWhere(run.engine, (s) => s.phase === 'live');

    expect(status.quarantined).toBe(bad.length);
    expect(status.error).toBeNull();
    expect(run.db.prepare('SELECT count(*) AS n FROM learner').get()).toEqual({ n: 300 });
    const held = await run.engine.handlers['sync.quarantine']({ limit: 50 });
    expect(held.total).toBe(bad.length);
    const reasonOf = (id: string) => held.records.find((r) => r.recordId === id)?.reason ?? '(not quarantined)';
    expect(reasonOf('att-wrong-type')).toMatch(/scoreRaw/);
    expect(reasonOf('att-wrong-type')).toMatch(/standard/);
    expect(reasonOf('tkt-missing')).toMatch(/fromEmail/);
    expect(reasonOf('msg-huge')).toMatch(/body/);
    expect(reasonOf('lrn-long-name')).toMatch(/name/);
    expect(reasonOf('att-many-errors')).toMatch(/errors/);
    expect(reasonOf('crs-not-object')).toMatch(/course crs-not-object/);
    expect(reasonOf('mod-null')).toMatch(/module mod-null/);
    expect(reasonOf('lrn-id-mismatch')).toMatch(/different id/);
    // The panel shows a short preview, never the whole absurd record.
    expect(held.records.every((r) => r.preview.length <= 300)).toBe(true);
  });
});

describe('changes the LMS sends in a shape Passdesk cannot read at all', () => {
  it('are quarantined with the reason while the rest of their page syncs and the cursor moves past them', async () => {
    const good: Array<Record<string, unknown>> = Array.from({ length: 200 }, (_, i) => ({ entity: 'learner', id: `lrn-${i}`, op: 'upsert', data: sample.learner(`lrn-${i}`, `Learner ${i}`) }));
    const broken: unknown[] = [
      { entity: 'widget', id: 'wdg-1', op: 'upsert', data: { id: 'wdg-1', colour: 'blue' } },
      { entity: 'learner', op: 'upsert', data: sample.learner('lrn-without-id') },
      { entity: 'ticket', id: 'tkt-patched', op: 'patch', data: sample.ticket('tkt-patched') },
      { entity: 'learner', id: 'lrn-without-seq', op: 'upsert', data: sample.learner('lrn-without-seq') },
      42,
      'not a change',
      null,
    ];
    // Broken changes spread through the feed, across page boundaries; only objects can carry a seq.
    const feedChanges: unknown[] = [...good];
    broken.forEach((b, i) => feedChanges.splice(10 + i * 29, 0, b));
    feedChanges.forEach((c, i) => {
      if (typeof c === 'object' && c !== null && (c as { id?: unknown }).id !== 'lrn-without-seq') Object.assign(c, { seq: i + 1 });
    });
    const pageSize = 25;
    const feed: FakeFeed = await startFakeFeed(feedChanges, pageSize);
    cleanups.push(() => feed.close());
    const data = tempDir('passdesk-unreadable-');
    cleanups.push(() => data.remove());

    const run: EngineUnderTest = startEngine(data.dir, () => ({ lmsId: 'fake-feed', url: feed.url, token: feed.token }));
    cleanups.push(() => run.close());
    const problems: string[] = [];
    cleanups.push(run.engine.subscribe((s) => s.error !== null && problems.push(s.error)));
    const status = await statusWhere(run.engine, (s) => s.phase === 'live');

    expect(status.error).toBeNull();
    expect(problems).toEqual([]);
    // Each page was read once: nothing was tried again.
    expect(feed.requests()).toBe(Math.ceil(feedChanges.length / pageSize));
    expect(run.db.prepare('SELECT count(*) AS n FROM learner').get()).toEqual({ n: 200 });
    expect(status.quarantined).toBe(broken.length);
    const held = await run.engine.handlers['sync.quarantine']({ limit: 50 });
    expect(held.records.every((r) => r.entity === 'feed_change')).toBe(true);
    const reasonOf = (match: RegExp) => held.records.filter((r) => match.test(r.reason)).map((r) => r.recordId);
    expect(reasonOf(/unknown entity 'widget'/)).toEqual(['widget/wdg-1']);
    expect(reasonOf(/: no record id\./)).toEqual([expect.stringMatching(/^seq \d+$/)]);
    expect(reasonOf(/op 'patch' is neither 'upsert' nor 'delete'/)).toEqual(['ticket/tkt-patched']);
    expect(reasonOf(/: no seq\./)).toEqual(['learner/lrn-without-seq']);
    expect(reasonOf(/a number instead of an object/)).toHaveLength(1);
    expect(reasonOf(/a piece of text instead of an object/)).toHaveLength(1);
    expect(reasonOf(/null instead of an object/)).toHaveLength(1);
    expect(held.records.every((r) => /Passdesk skipped it and synced the rest of the feed/.test(r.reason))).toBe(true);
    // The records named by changes that could not be read did not enter the cache.
    expect(run.db.prepare("SELECT count(*) AS n FROM learner WHERE id IN ('lrn-without-id', 'lrn-without-seq')").get()).toEqual({ n: 0 });
    expect(run.db.prepare('SELECT count(*) AS n FROM ticket').get()).toEqual({ n: 0 });
  });
});
