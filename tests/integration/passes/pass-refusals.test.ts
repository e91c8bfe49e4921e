// Each way a pass can lack good cause is refused by main with a clear message and nothing
// written — no pass request, no audit entry, no outbox write — and the LMS refuses the same
// requests when they reach it directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLmsClient } from '../../../src/main/lms/client';
import { LmsError } from '../../../src/main/lms/lms-error';
import { createVerdictFacts } from '../../../src/main/passes/verdict-facts';
import type { PassSummary } from '../../../src/shared/channels/passes';
import { findEligible, startPassWorld, typed, type EligibleCase, type PassWorld } from './pass-world';

let world: PassWorld;
let eligible: EligibleCase[];
beforeAll(async () => {
  world = await startPassWorld({ undoSeconds: 60 });
  eligible = findEligible(world, 6);
});
afterAll(async () => {
  await world?.close();
});

function written(): { passes: number; audit: number; outbox: number; evidence: number } {
  const n = (sql: string) => world.db.prepare<[], { n: number }>(sql).get()?.n ?? 0;
  return {
    passes: n('SELECT count(*) AS n FROM pass_request'),
    audit: n('SELECT count(*) AS n FROM pass_audit'),
    outbox: n('SELECT count(*) AS n FROM outbox'),
    evidence: n('SELECT count(*) AS n FROM pass_evidence'),
  };
}

async function refused(payload: unknown, code: string, message: RegExp): Promise<void> {
  const before = written();
  const result = await world.callResult('passes.request', payload);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(message);
  expect(written()).toEqual(before);
}

function request(c: EligibleCase, extra: Record<string, unknown> = {}) {
  return { moduleId: c.moduleId, passes: [{ learnerId: c.learnerId, evidence: c.evidence }], reason: 'Passing score in the data; completion never registered.', typedConfirmation: typed([c]), ...extra };
}

async function lmsRefuses(promise: Promise<unknown>, status: number, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LmsError);
  expect((error as LmsError).status).toBe(status);
  expect((error as LmsError).code).toBe(code);
}

describe('main refuses a pass without good cause, and writes nothing', () => {
  it('refuses an agent: only admins mark complete', async () => {
    const c = eligible[0]!;
    world.signInAs('agent');
    try {
      await refused(request(c), 'forbidden', /only an admin can mark a module complete/i);
    } finally {
      world.signInAs('admin');
    }
    const agent = createLmsClient({ baseUrl: world.lms.url, token: world.lms.agentToken });
    await lmsRefuses(agent.createManualPass({ learnerId: c.learnerId, moduleId: c.moduleId, reason: 'x', evidence: c.evidence }, { idempotencyKey: 'agent-try-0001' }), 403, 'forbidden');
  });

  it('refuses forged payloads before any rule runs', async () => {
    const c = eligible[0]!;
    await refused({ ...request(c), state: 'verified' }, 'invalid_payload', /passes\.request/);
    await refused(request(c, { passes: [] }), 'invalid_payload', /passes/);
    await refused(request(c, { passes: [{ learnerId: c.learnerId, evidence: { ...c.evidence, sneaky: true } }] }), 'invalid_payload', /evidence/);
    await refused(request(c, { reason: '   ' }), 'invalid_payload', /reason/);
    await refused(request(c, { override: 'yes' }), 'invalid_payload', /override/);
  });

  it('refuses a learner who is not enrolled in the module', async () => {
    const c = eligible[0]!;
    const other = world.db
      .prepare<[string], { id: string }>('SELECT l.id FROM learner l WHERE NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.learner_id = l.id AND e.module_id = ?) LIMIT 1')
      .get(c.moduleId);
    if (!other) throw new Error('every learner is enrolled');
    const attempt = world.db.prepare<[string], { id: string }>('SELECT id FROM attempt WHERE learner_id = ? LIMIT 1').get(other.id);
    const evidence = attempt ? { kind: 'score_data', attemptId: attempt.id } : c.evidence;
    await refused({ ...request(c), passes: [{ learnerId: other.id, evidence }] }, 'refused', /not enrolled/);
    await lmsRefuses(world.admin.createManualPass({ learnerId: other.id, moduleId: c.moduleId, reason: 'x', evidence: c.evidence }, { idempotencyKey: 'not-enrolled-0001' }), 422, 'not_enrolled');
  });

  it('refuses an override whose reason is under 20 characters, and flags a proper one as an override', async () => {
    const facts = createVerdictFacts(world.db);
    const rows = world.db
      .prepare<[], { learner_id: string; module_id: string; attempt_id: string }>(
        "SELECT e.learner_id, e.module_id, (SELECT a.id FROM attempt a WHERE a.learner_id = e.learner_id AND a.module_id = e.module_id LIMIT 1) AS attempt_id FROM enrollment e WHERE e.status <> 'completed' AND attempt_id IS NOT NULL LIMIT 400",
      )
      .all();
    const now = new Date();
    const target = rows.find((r) => {
      const place = facts.place(r.module_id);
      const learner = facts.learner(r.learner_id);
      if (!place || !learner || place.course.blueBucks !== 0) return false;
      const v = facts.verdict(learner.id, place.module.id, null, now).verdict;
      return !v.passAllowed && v.kind !== 'not_eligible_already_complete' && v.kind !== 'not_eligible_not_enrolled';
    });
    if (!target) throw new Error('no ineligible learner with an attempt on a course without $BlueBucks');
    const payload = { moduleId: target.module_id, passes: [{ learnerId: target.learner_id, evidence: { kind: 'score_data', attemptId: target.attempt_id } }], reason: 'Looks fine to me', override: true };
    await refused({ ...payload, override: false, reason: 'An admin looked at this and it is fine by them.' }, 'refused', /does not allow a pass/);
    await refused(payload, 'refused', /at least 20 characters \(this one has 16\)/);
    const ok = (await world.call('passes.request', { ...payload, reason: 'The learner showed me the result screen on a video call.' })) as { passes: PassSummary[] };
    expect(ok.passes[0]).toMatchObject({ override: true, state: 'queued' });
    const detail = (await world.call('passes.detail', { passId: ok.passes[0]!.id })) as { audit: Array<{ action: string; detail: string }> };
    expect(detail.audit[0]?.action).toBe('pass.requested.override');
    expect(detail.audit[0]?.detail).toMatch(/OVERRIDDEN/);
    await world.call('passes.cancel', { passId: ok.passes[0]!.id });
  });

  it("refuses evidence from another learner's ticket", async () => {
    const c = eligible[1]!;
    const foreign = world.db
      .prepare<[string], { id: string }>(
        "SELECT a.id FROM attachment a JOIN ticket t ON t.id = a.ticket_id WHERE a.content_type LIKE 'image/%' AND (t.learner_id IS NULL OR t.learner_id <> ?) LIMIT 1",
      )
      .get(c.learnerId);
    if (!foreign) throw new Error('no screenshot in the demo data');
    const evidence = { kind: 'screenshot', attachmentId: foreign.id };
    await refused({ ...request(c), passes: [{ learnerId: c.learnerId, evidence }] }, 'refused', /not .*'s; a pass must rest on the learner's own screenshot/);
    await lmsRefuses(world.admin.createManualPass({ learnerId: c.learnerId, moduleId: c.moduleId, reason: 'x', evidence: { kind: 'screenshot', attachmentId: foreign.id } }, { idempotencyKey: 'foreign-shot-0001' }), 422, 'evidence_not_found');
  });

  it('refuses a second pass while one is pending, and a $BlueBucks pass without the typed confirmation', async () => {
    const paying = findEligible(world, 1, (x) => x.blueBucks > 0 && world.passes.store.live(x.learnerId, x.moduleId) === null)[0];
    if (!paying) throw new Error('no eligible learner on a $BlueBucks course');
    await refused(request(paying, { typedConfirmation: 'someone else' }), 'refused', /type the learner's name/);
    const first = (await world.call('passes.request', request(paying))) as { passes: PassSummary[] };
    await refused(request(paying), 'refused', /already queued/);
    await world.call('passes.cancel', { passId: first.passes[0]!.id });
  });
});
