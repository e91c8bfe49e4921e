import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassList, PassSummary, TranscriptView } from '../../../src/shared/channels/passes';
import { findEligible, startPassWorld, typed, type PassWorld } from './pass-world';

let world: PassWorld;
beforeAll(async () => {
  world = await startPassWorld({ undoSeconds: 1 });
});
afterAll(async () => {
  await world?.close();
});

async function lmsPassesOf(learnerId: string, moduleId: string): Promise<number> {
  const rows = world.db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM manual_pass WHERE learner_id = ? AND module_id = ?').get(learnerId, moduleId);
  return rows?.n ?? 0;
}

describe('a manual pass, end to end against the demo LMS', () => {
  it('is queued, sent once after the undo window, confirmed, and verified in the transcript', async () => {
    const [c] = findEligible(world, 1);
    if (!c) throw new Error('the demo data has no eligible learner');
    const { passes } = (await world.call('passes.request', {
      moduleId: c.moduleId,
      passes: [{ learnerId: c.learnerId, evidence: c.evidence }],
      reason: 'Passing score in the data; completion never registered.',
      typedConfirmation: typed([c]),
    })) as { passes: PassSummary[] };
    expect(passes).toHaveLength(1);
    const pass = passes[0]!;
    expect(pass.state).toBe('queued');
    expect(pass.cancellable).toBe(true);
    await world.passReaches(pass.id, ['verified']);

    const transcript = (await world.call('passes.transcript', { learnerId: c.learnerId })) as TranscriptView;
    expect(transcript.transcript.entries.find((e) => e.moduleId === c.moduleId)).toMatchObject({ status: 'completed', source: 'manual' });
    const enrollments = await world.admin.enrollments({ learnerId: c.learnerId, moduleId: c.moduleId });
    expect(enrollments[0]?.completionSource).toBe('manual');

    const detail = (await world.call('passes.detail', { passId: pass.id })) as { audit: Array<{ action: string }>; evidence: { evidence: unknown } };
    expect(detail.audit.map((a) => a.action)).toEqual(['pass.requested', 'pass.claimed', 'pass.confirmed', 'pass.verified']);
    expect(detail.evidence.evidence).toEqual(c.evidence);

    const list = (await world.call('passes.list', { state: 'verified' })) as PassList;
    expect(list.passes.map((p) => p.id)).toContain(pass.id);
    // The feed brings the LMS's record of the pass into the cache too.
    await expect.poll(() => lmsPassesOf(c.learnerId, c.moduleId)).toBe(1);
    // …which confirms the outbox write: nothing stays pending in the status bar.
    await expect
      .poll(() => world.db.prepare<[string], { state: string }>('SELECT o.state FROM outbox o JOIN pass_request p ON p.outbox_id = o.id WHERE p.id = ?').get(pass.id)?.state)
      .toBe('confirmed');
  });

  it('can be cancelled inside the undo window, and then nothing reaches the LMS', async () => {
    await world.call('passes.setUndoWindow', { undoWindowSeconds: 30 });
    const [c] = findEligible(world, 1, (x) => world.passes.store.live(x.learnerId, x.moduleId) === null);
    if (!c) throw new Error('no eligible learner left');
    const { passes } = (await world.call('passes.request', {
      moduleId: c.moduleId,
      passes: [{ learnerId: c.learnerId, evidence: c.evidence }],
      reason: 'Passing score in the data; completion never registered.',
      typedConfirmation: typed([c]),
    })) as { passes: PassSummary[] };
    const cancelled = (await world.call('passes.cancel', { passId: passes[0]!.id })) as PassSummary;
    expect(cancelled.state).toBe('cancelled');
    const again = await world.callResult('passes.cancel', { passId: passes[0]!.id });
    expect(again.ok).toBe(false);
    const enrollments = await world.admin.enrollments({ learnerId: c.learnerId, moduleId: c.moduleId });
    expect(enrollments[0]?.status).not.toBe('completed');
    await world.call('passes.setUndoWindow', { undoWindowSeconds: 1 });
  });

  it('passes several learners of one module together, confirmed by typing their number', async () => {
    const byModule = new Map<string, ReturnType<typeof findEligible>>();
    for (const c of findEligible(world, 400, (x) => world.passes.store.live(x.learnerId, x.moduleId) === null)) {
      byModule.set(c.moduleId, [...(byModule.get(c.moduleId) ?? []), c]);
    }
    const group = [...byModule.values()].find((g) => g.length >= 2)?.slice(0, 3);
    if (!group) throw new Error('no module with two eligible learners');
    const payload = { moduleId: group[0]!.moduleId, passes: group.map((c) => ({ learnerId: c.learnerId, evidence: c.evidence })), reason: 'Known issue for the whole workplace; passing scores in the data.' };
    if (group[0]!.blueBucks > 0) {
      const wrong = await world.callResult('passes.request', { ...payload, typedConfirmation: group[0]!.learnerName });
      expect(wrong.ok).toBe(false);
    }
    const { passes } = (await world.call('passes.request', { ...payload, typedConfirmation: typed(group) })) as { passes: PassSummary[] };
    expect(passes).toHaveLength(group.length);
    await Promise.all(passes.map((p) => world.passReaches(p.id, ['verified'])));
  });

  it('keeps an audit chain that verifies and exports to CSV', async () => {
    const check = (await world.call('passes.auditCheck', {})) as { ok: boolean; entries: number };
    expect(check.ok).toBe(true);
    expect(check.entries).toBeGreaterThanOrEqual(6);
    const exported = (await world.call('passes.auditExport', {})) as { csv: string; rows: number };
    expect(exported.rows).toBe(check.entries);
    expect(exported.csv.split('\r\n')[0]).toBe('seq,at,actor_id,actor_name,action,pass_id,detail,prev_hash,hash');
  });
});
