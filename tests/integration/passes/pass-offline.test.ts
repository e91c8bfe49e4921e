// A pass waits, visibly, while the LMS cannot be reached; what happens on the LMS meanwhile
// decides what happens to it when the connection comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassList, PassProposal, PassSummary } from '../../../src/shared/channels/passes';
import { findEligible, startPassWorld, typed, type PassWorld } from './pass-world';

let world: PassWorld;
beforeAll(async () => {
  world = await startPassWorld({ undoSeconds: 0 });
});
afterAll(async () => {
  await world?.close();
});

function outboxAttempts(passId: string): number {
  return world.db.prepare<[string], { attempts: number }>('SELECT o.attempts FROM outbox o JOIN pass_request p ON p.outbox_id = o.id WHERE p.id = ?').get(passId)?.attempts ?? 0;
}

describe('a pass waiting offline', () => {
  it('is superseded, not sent, when the learner completes the module on their own meanwhile', async () => {
    const [c] = findEligible(world, 1);
    if (!c) throw new Error('no eligible learner');
    world.proxy.setOnline(false);
    const { passes } = (await world.call('passes.request', {
      moduleId: c.moduleId,
      passes: [{ learnerId: c.learnerId, evidence: c.evidence }],
      reason: 'Passing score in the data; completion never registered.',
      typedConfirmation: typed([c]),
    })) as { passes: PassSummary[] };
    const pass = passes[0]!;
    // The sender tries, fails to reach the LMS, and the pass waits with the reason shown.
    await expect.poll(() => outboxAttempts(pass.id), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    // Between tries (not while one is in flight) it says why it waits, and can still be cancelled.
    await expect
      .poll(async () => {
        const waiting = ((await world.call('passes.list', { learnerId: c.learnerId })) as PassList).passes[0];
        return waiting?.cancellable === true && /Not through yet/.test(waiting.waitingFor ?? '');
      }, { timeout: 20_000 })
      .toBe(true);

    await world.lmsCall('POST', '/__demo/complete', { learnerId: c.learnerId, moduleId: c.moduleId });
    world.proxy.setOnline(true);
    world.sync.syncNow();
    await world.passReaches(pass.id, ['superseded', 'confirmed', 'verified', 'rejected']);
    const after = world.passes.store.get(pass.id);
    expect(after?.state).toBe('superseded');
    expect(after?.sends).toBe(0);
    expect(after?.state_reason).toMatch(/completed the module on their own/);
    const enrollment = (await world.admin.enrollments({ learnerId: c.learnerId, moduleId: c.moduleId }))[0];
    expect(enrollment?.completionSource).toBe('tracked');
  });

  it("takes an agent's proposal to the admins' queue, and an admin's pass from it closes the proposal", async () => {
    const [c] = findEligible(world, 1, (x) => world.passes.store.live(x.learnerId, x.moduleId) === null);
    if (!c) throw new Error('no eligible learner');
    // The learner writes in; the agent links the ticket, sends the FAQ and notes the data check:
    // the help article's steps before a pass, as the ticket's checklist reads them.
    const email = world.db.prepare<[string], { email: string }>('SELECT email FROM learner WHERE id = ?').get(c.learnerId)!.email;
    const inbound = (await world.lmsCall('POST', '/__demo/inbound-email', { fromEmail: email, body: 'My module still shows incomplete although I passed it.' })) as { ticket: { id: string; version: number } };
    const ticketId = inbound.ticket.id;
    const linked = await world.admin.patchTicket(ticketId, { learnerId: c.learnerId, moduleId: c.moduleId }, { ifMatch: inbound.ticket.version, idempotencyKey: `link-${ticketId}` });
    expect(linked.moduleId).toBe(c.moduleId);
    await world.admin.postMessage(ticketId, { author: 'agent', body: 'Please try the Technical Issues FAQ under Help first.' }, { idempotencyKey: `faq-${ticketId}` });
    await world.admin.postMessage(ticketId, { author: 'note', body: 'Checked the score data: passing score, completion never arrived.' }, { idempotencyKey: `data-${ticketId}` });
    await expect
      .poll(() => world.db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM message WHERE ticket_id = ? AND author = 'note'").get(ticketId)?.n ?? 0, { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => world.db.prepare<[string], { module_id: string | null }>('SELECT module_id FROM ticket WHERE id = ?').get(ticketId)?.module_id).toBe(c.moduleId);

    world.signInAs('agent');
    const refusedForAgent = await world.callResult('passes.request', { moduleId: c.moduleId, passes: [{ learnerId: c.learnerId, evidence: c.evidence, ticketId }], reason: 'x', typedConfirmation: typed([c]) });
    expect(refusedForAgent.ok).toBe(false);
    const proposal = (await world.call('passes.propose', { ticketId, learnerId: c.learnerId, moduleId: c.moduleId, evidence: c.evidence, note: 'Score came back passing; completion never registered.' })) as PassProposal;
    world.signInAs('admin');
    const queue = (await world.call('passes.proposals', {})) as { proposals: PassProposal[] };
    expect(queue.proposals.map((p) => p.id)).toContain(proposal.id);
    expect(queue.proposals.find((p) => p.id === proposal.id)?.evidence).toEqual(c.evidence);

    const { passes } = (await world.call('passes.request', {
      moduleId: c.moduleId,
      passes: [{ learnerId: c.learnerId, evidence: c.evidence, ticketId }],
      reason: 'Agreed with the agent: passing score in the data.',
      typedConfirmation: typed([c]),
      proposalId: proposal.id,
    })) as { passes: PassSummary[] };
    const open = (await world.call('passes.proposals', {})) as { proposals: PassProposal[] };
    expect(open.proposals.map((p) => p.id)).not.toContain(proposal.id);
    await world.passReaches(passes[0]!.id, ['verified']);
    // The ticket gets an internal note once the pass is verified.
    await expect
      .poll(() => world.db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM message WHERE ticket_id = ? AND author = 'note' AND body LIKE 'Manual pass verified%'").get(ticketId)?.n ?? 0, { timeout: 20_000 })
      .toBe(1);
  });
});
