// What happens when an admin confirms "Mark Complete": main gathers the facts afresh from
// the cache, applies the pass policy, and — only when every learner passes every rule —
// writes in ONE transaction each pass request (queued, with a fresh idempotency key), its
// evidence snapshot, its audit entry and its outbox write (held back for the undo window).
// Also the undo itself, and agents' proposals for the admins' queue.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { PassProposal, PassRequestInput, ProposeInput, type EvidenceFacts, type PassSummary } from '../../shared/channels/passes';
import { PassdeskError } from '../../shared/ipc-result';
import type { Me } from '../../shared/lms/api';
import { Evidence, type Learner } from '../../shared/lms/entities';
import { isLearnersTicket } from '../inspector/learners-ticket';
import { enqueueWrite, withdrawWrite } from '../outbox/outbox-store';
import type { Actor, AuditLog } from './audit-log';
import { checkEvidence } from './evidence-check';
import { MANUAL_PASS_ENTITY, MANUAL_PASS_WRITE, type ManualPassPayload } from './manual-pass-write';
import { decidePassRequest, type LearnerCase } from './pass-policy';
import { briefOf, isCancellable, type PassStore } from './pass-store';
import type { VerdictFacts } from './verdict-facts';

export interface PassRequestsOptions {
  db: Database;
  facts: VerdictFacts;
  store: PassStore;
  audit: AuditLog;
  clock: { now(): Date };
  /** Who is signed in, as the LMS said; null before it has answered. */
  me(): Me | null;
  undoWindowMs(): number;
  /** Outbox writes were queued: have the sender look now. */
  writesQueued(): void;
  onMoved(passIds: readonly string[], proposalsChanged: boolean): void;
}

export interface PassRequests {
  request(input: z.output<typeof PassRequestInput>): PassSummary[];
  cancel(passId: string): PassSummary;
  propose(input: z.output<typeof ProposeInput>): PassProposal;
  dismissProposal(proposalId: string, reason: string): PassProposal;
  proposals(state: PassProposal['state'] | null, ticketId: string | null): PassProposal[];
}

interface ProposalRow {
  id: string;
  ticket_id: string;
  learner_id: string;
  module_id: string;
  evidence: string | null;
  note: string;
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: string;
  state: PassProposal['state'];
  outcome: string | null;
}

function actorOf(me: Me): Actor {
  return { id: me.id, name: me.name };
}

function ticketProblem(db: Database, ticketId: string | null, learner: Learner): string | null {
  if (ticketId === null) return null;
  const row = db.prepare<[string], { learner_id: string | null; from_email: string }>('SELECT learner_id, from_email FROM ticket WHERE id = ?').get(ticketId);
  if (!row) return `Ticket ${ticketId} is not in this desk's data; link the pass to a ticket the learner sent.`;
  return isLearnersTicket({ learnerId: row.learner_id, fromEmail: row.from_email }, learner) ? null : `Ticket ${ticketId} is not ${learner.name}'s ticket; a pass can only be linked to the learner's own ticket.`;
}

export function createPassRequests(options: PassRequestsOptions): PassRequests {
  const { db, facts, store, audit, clock } = options;

  function signedIn(): Me {
    const me = options.me();
    if (!me) throw new PassdeskError({ code: 'forbidden', message: 'Passdesk does not know who is signed in yet: the LMS has not answered. Check the connection in Settings, then try again.' });
    return me;
  }

  function proposalOf(row: ProposalRow): PassProposal {
    const learner = facts.learner(row.learner_id);
    const place = facts.place(row.module_id);
    return PassProposal.parse({
      id: row.id,
      ticketId: row.ticket_id,
      learnerId: row.learner_id,
      learnerName: learner?.name ?? row.learner_id,
      moduleId: row.module_id,
      moduleName: place?.module.name ?? row.module_id,
      categoryId: place?.category.id ?? '?',
      evidence: row.evidence ? Evidence.parse(JSON.parse(row.evidence)) : null,
      note: row.note,
      proposedBy: row.proposed_by,
      proposedByName: row.proposed_by_name,
      proposedAt: row.proposed_at,
      state: row.state,
      outcome: row.outcome,
    });
  }
  const proposalRow = db.prepare<[string], ProposalRow>('SELECT * FROM pass_proposal WHERE id = ?');

  return {
    request(input) {
      const me = signedIn();
      const now = clock.now();
      const place = facts.place(input.moduleId);
      if (!place) throw new PassdeskError({ code: 'not_found', message: `Module ${input.moduleId} is not in this desk's data yet; wait for the sync, then pick the module again.` });
      if (input.proposalId !== null) {
        const proposal = proposalRow.get(input.proposalId);
        if (!proposal || proposal.state !== 'open') throw new PassdeskError({ code: 'refused', message: `Proposal ${input.proposalId} is not open any more; reload the admin queue.` });
      }

      const missing: string[] = [];
      const gathered: Array<{ learner: Learner; item: (typeof input.passes)[number]; case: LearnerCase; verdict: LearnerCase['verdict']; evidenceFacts: EvidenceFacts | null }> = [];
      for (const item of input.passes) {
        const learner = facts.learner(item.learnerId);
        if (!learner) {
          missing.push(`Learner ${item.learnerId} is not in this desk's data.`);
          continue;
        }
        // A ticket that is not this learner's (or is about another module) is refused, and the
        // verdict is then judged without it.
        let problemWithTicket = ticketProblem(db, item.ticketId, learner);
        let judged;
        try {
          judged = facts.verdict(learner.id, place.module.id, problemWithTicket ? null : item.ticketId, now);
        } catch (error) {
          if (!(error instanceof PassdeskError) || item.ticketId === null) throw error;
          problemWithTicket = error.message;
          judged = facts.verdict(learner.id, place.module.id, null, now);
        }
        const { enrollment, verdict } = judged;
        const evidence = checkEvidence(facts, item.evidence, learner, place);
        const live = store.live(learner.id, place.module.id);
        gathered.push({
          learner,
          item,
          verdict,
          evidenceFacts: evidence.ok ? evidence.facts : null,
          case: {
            learnerId: learner.id,
            learnerName: learner.name,
            enrollmentStatus: enrollment?.status ?? null,
            verdict,
            evidenceProblem: evidence.ok ? null : evidence.problem,
            ticketProblem: problemWithTicket,
            livePass: live ? briefOf(live) : null,
          },
        });
      }
      const decision = decidePassRequest({
        role: me.role,
        moduleName: place.module.name,
        blueBucks: place.course.blueBucks,
        reason: input.reason,
        override: input.override,
        typedConfirmation: input.typedConfirmation,
        cases: gathered.map((g) => g.case),
      });
      if (!decision.allowed || missing.length > 0) {
        const refusals = [...missing, ...(decision.allowed ? [] : decision.refusals)];
        const code = me.role !== 'admin' ? 'forbidden' : 'refused';
        throw new PassdeskError({
          code,
          message: `Nothing was marked complete. ${refusals.join(' ')}`,
          issues: refusals.map((message) => ({ path: 'passes', message })),
        });
      }

      const undoUntil = new Date(now.getTime() + options.undoWindowMs());
      const batchId = randomUUID();
      const insert = db.prepare(
        `INSERT INTO pass_request (id, idempotency_key, outbox_id, batch_id, learner_id, learner_name, module_id, module_name, course_name, blue_bucks,
           ticket_id, proposal_id, requested_by, requested_by_name, reason, override, verdict_kind, reply_to_learner, evidence, state, undo_until, requested_at, updated_at)
         VALUES (@id, @key, @key, @batch, @learnerId, @learnerName, @moduleId, @moduleName, @courseName, @blueBucks,
           @ticketId, @proposalId, @by, @byName, @reason, @override, @verdictKind, @reply, @evidence, 'queued', @undoUntil, @at, @at)`,
      );
      const snapshot = db.prepare<[string, string, string, string]>('INSERT INTO pass_evidence (pass_id, facts, verdict, taken_at) VALUES (?, ?, ?, ?)');
      const write = db.transaction(() => {
        const made: string[] = [];
        for (const g of gathered) {
          const id = randomUUID();
          const key = `pass-${id}`;
          const overridden = decision.overridden.has(g.learner.id);
          const reasonSent = overridden ? `[Override of the verdict "${g.verdict.headline}"] ${input.reason}` : input.reason;
          insert.run({
            id,
            key,
            batch: batchId,
            learnerId: g.learner.id,
            learnerName: g.learner.name,
            moduleId: place.module.id,
            moduleName: place.module.name,
            courseName: place.course.name,
            blueBucks: place.course.blueBucks,
            ticketId: g.item.ticketId,
            proposalId: input.proposalId,
            by: me.id,
            byName: me.name,
            reason: input.reason,
            override: overridden ? 1 : 0,
            verdictKind: g.verdict.kind,
            reply: input.replyToLearner && g.item.ticketId ? 1 : 0,
            evidence: JSON.stringify(g.item.evidence),
            undoUntil: undoUntil.toISOString(),
            at: now.toISOString(),
          });
          snapshot.run(id, JSON.stringify(g.evidenceFacts), JSON.stringify(g.verdict), now.toISOString());
          const payload: ManualPassPayload = {
            passId: id,
            learnerName: g.learner.name,
            moduleName: place.module.name,
            body: { learnerId: g.learner.id, moduleId: place.module.id, reason: reasonSent, evidence: g.item.evidence, ...(g.item.ticketId ? { ticketId: g.item.ticketId } : {}) },
          };
          enqueueWrite(db, { kind: MANUAL_PASS_WRITE, entity: MANUAL_PASS_ENTITY, entityId: id, payload, queuedBy: me.id, notBefore: undoUntil.getTime(), id: key }, now);
          const evidenceWords = [g.item.evidence.attemptId && `attempt ${g.item.evidence.attemptId}`, g.item.evidence.attachmentId && `screenshot ${g.item.evidence.attachmentId}`, g.item.evidence.knownIssueId && `known issue ${g.item.evidence.knownIssueId}`].filter(Boolean).join(', ');
          audit.append({
            at: now,
            actor: actorOf(me),
            action: overridden ? 'pass.requested.override' : 'pass.requested',
            passId: id,
            detail: `${g.learner.name} (${g.learner.id}) on ${place.module.name} (${place.module.id}), ${place.course.name}; verdict: ${g.verdict.headline}${overridden ? ' — OVERRIDDEN' : ''}; evidence: ${g.item.evidence.kind} (${evidenceWords}); ${place.course.blueBucks} $BlueBucks; ticket ${g.item.ticketId ?? 'none'}; key ${key}; reason: ${input.reason}`,
          });
          made.push(id);
        }
        if (input.proposalId !== null) {
          db.prepare<[string, string]>("UPDATE pass_proposal SET state = 'accepted', outcome = ? WHERE id = ?").run(`Passed by ${me.name}: ${made.join(', ')}`, input.proposalId);
          audit.append({ at: now, actor: actorOf(me), action: 'proposal.accepted', passId: made[0] ?? null, detail: `Proposal ${input.proposalId} became pass ${made.join(', ')}.` });
        }
        return made;
      });
      let ids: string[];
      try {
        ids = write();
      } catch (error) {
        // Another desk on this cache got there first; the index keeps one live pass per learner + module.
        if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new PassdeskError({ code: 'refused', message: 'Nothing was marked complete: a pass for one of these learners on this module was queued at the same moment. Reload the list to see it.' });
        }
        throw error;
      }
      options.writesQueued();
      options.onMoved(ids, input.proposalId !== null);
      return ids.flatMap((id) => {
        const row = store.get(id);
        return row ? [store.summary(row, now.getTime())] : [];
      });
    },

    cancel(passId) {
      const me = signedIn();
      if (me.role !== 'admin') throw new PassdeskError({ code: 'forbidden', message: 'Only an admin can cancel a manual pass.' });
      const now = clock.now();
      const row = db.transaction(() => {
        const pass = store.get(passId);
        if (!pass) throw new PassdeskError({ code: 'not_found', message: `There is no pass ${passId}.` });
        if (!isCancellable(pass, store.writeOf(pass))) {
          const why =
            pass.state === 'cancelled'
              ? 'it was already cancelled'
              : pass.state === 'queued' || pass.state === 'sending'
                ? 'Passdesk has started sending it to the LMS, and a pass the LMS may have seen cannot be taken back'
                : `it is ${pass.state}`;
          throw new PassdeskError({ code: 'refused', message: `The pass of ${pass.learner_name} on ${pass.module_name} cannot be cancelled: ${why}.` });
        }
        withdrawWrite(db, pass.outbox_id, now);
        return store.move(passId, { from: ['queued', 'sending'], to: 'cancelled', action: 'pass.cancelled', detail: `Cancelled by ${me.name} before anything was sent.`, actor: actorOf(me), stateReason: `Cancelled by ${me.name} before it was sent.` }, now);
      })();
      if (!row) throw new PassdeskError({ code: 'refused', message: `Pass ${passId} moved on while it was being cancelled; look at its state.` });
      options.onMoved([passId], false);
      return store.summary(row, now.getTime());
    },

    propose(input) {
      const me = signedIn();
      const now = clock.now();
      const place = facts.place(input.moduleId);
      const learner = facts.learner(input.learnerId);
      if (!place || !learner) throw new PassdeskError({ code: 'not_found', message: `The learner or module of this proposal is not in this desk's data yet.` });
      const problems = [ticketProblem(db, input.ticketId, learner)];
      if (input.evidence) {
        const evidence = checkEvidence(facts, input.evidence, learner, place);
        if (!evidence.ok) problems.push(evidence.problem);
      }
      const open = db
        .prepare<[string, string, string], { id: string }>("SELECT id FROM pass_proposal WHERE ticket_id = ? AND learner_id = ? AND module_id = ? AND state = 'open'")
        .get(input.ticketId, learner.id, place.module.id);
      if (open) problems.push(`A manual pass for ${learner.name} on ${place.module.name} is already waiting in the admins' queue (${open.id}).`);
      const refusals = problems.filter((p): p is string => p !== null);
      if (refusals.length > 0) throw new PassdeskError({ code: 'refused', message: refusals.join(' '), issues: refusals.map((message) => ({ path: 'proposal', message })) });
      const id = `proposal-${randomUUID()}`;
      db.transaction(() => {
        db.prepare(
          `INSERT INTO pass_proposal (id, ticket_id, learner_id, module_id, evidence, note, proposed_by, proposed_by_name, proposed_at, state)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
        ).run(id, input.ticketId, learner.id, place.module.id, input.evidence ? JSON.stringify(input.evidence) : null, input.note, me.id, me.name, now.toISOString());
        audit.append({ at: now, actor: actorOf(me), action: 'proposal.created', passId: null, detail: `${me.name} (${me.role}) asks for a manual pass of ${learner.name} on ${place.module.name}, ticket ${input.ticketId}: ${input.note}` });
      })();
      options.onMoved([], true);
      const row = proposalRow.get(id);
      if (!row) throw new Error('The proposal just written could not be read back.');
      return proposalOf(row);
    },

    dismissProposal(proposalId, reason) {
      const me = signedIn();
      if (me.role !== 'admin') throw new PassdeskError({ code: 'forbidden', message: 'Only an admin can dismiss a proposal from the queue.' });
      const now = clock.now();
      db.transaction(() => {
        const changed = db.prepare<[string, string]>("UPDATE pass_proposal SET state = 'dismissed', outcome = ? WHERE id = ? AND state = 'open'").run(`Dismissed by ${me.name}: ${reason}`, proposalId);
        if (changed.changes !== 1) throw new PassdeskError({ code: 'refused', message: `Proposal ${proposalId} is not open (or does not exist).` });
        audit.append({ at: now, actor: actorOf(me), action: 'proposal.dismissed', passId: null, detail: `Proposal ${proposalId} dismissed: ${reason}` });
      })();
      options.onMoved([], true);
      const row = proposalRow.get(proposalId);
      if (!row) throw new Error('The proposal could not be read back.');
      return proposalOf(row);
    },

    proposals(state, ticketId) {
      const where: string[] = [];
      const params: string[] = [];
      if (state) {
        where.push('state = ?');
        params.push(state);
      }
      if (ticketId) {
        where.push('ticket_id = ?');
        params.push(ticketId);
      }
      return db
        .prepare<string[], ProposalRow>(`SELECT * FROM pass_proposal ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY proposed_at DESC LIMIT 500`)
        .all(...params)
        .map(proposalOf);
    },
  };
}
