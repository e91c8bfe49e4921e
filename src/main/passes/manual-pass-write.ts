// The manual pass as a kind of outbox write. The outbox claims it (its row turns `sending`
// before anything goes out) and retries it with backoff; this kind adds what an
// irreversible write needs on top:
//   1. the pass itself turns `sending`, persisted, before any request;
//   2. the learner's enrollment is read fresh from the LMS: completed already → superseded,
//      not sent (unless an earlier try of ours may have been the one that completed it);
//   3. every POST is counted before it goes out, and always carries the pass's one key, so a
//      crash, kill, timeout or reset only ever leads to the same request again, which the
//      LMS answers from its idempotency record;
//   4. the LMS's answer moves the pass on in the same transaction as the outbox row.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ManualPassBody } from '../../shared/lms/api';
import { Id } from '../../shared/lms/entities';
import { isLmsError, LmsError } from '../lms/lms-error';
import type { OutboxEntry, OutboxState } from '../outbox/outbox-store';
import { defineWriteKind, type RegisteredWriteKind, type SendOutcome } from '../outbox/write-kinds';
import { PASSDESK_ACTOR } from './audit-log';
import type { PassStore } from './pass-store';

export const MANUAL_PASS_WRITE = 'manual_pass.create';
/** Each pass queues on its own: one learner's pass never waits behind another's. */
export const MANUAL_PASS_ENTITY = 'manual_pass';

export const ManualPassPayload = z.object({
  passId: z.string().min(1),
  learnerName: z.string(),
  moduleName: z.string(),
  body: ManualPassBody,
});
export type ManualPassPayload = z.infer<typeof ManualPassPayload>;

/** What the sender learned, kept as the outbox row's result and read back by settle. */
const SendResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('recorded'), manualPassId: Id, passedAt: z.string() }),
  z.object({ kind: z.literal('superseded'), why: z.string() }),
]);
type SendResult = z.infer<typeof SendResult>;

export interface ManualPassWriteOptions {
  db: Database;
  store: PassStore;
  clock: { now(): Date };
  /** A pass moved; called after the transaction that moved it. */
  onMoved(passId: string): void;
}

function sent(result: SendResult, confirm: { entity: string; id: string; version: null } | null): SendOutcome {
  return { outcome: 'sent', result, confirm };
}

export function manualPassWriteKind({ db, store, clock, onMoved }: ManualPassWriteOptions): RegisteredWriteKind {
  const moved = (passId: string) => queueMicrotask(() => onMoved(passId));

  return defineWriteKind<ManualPassPayload>({
    kind: MANUAL_PASS_WRITE,
    payload: ManualPassPayload,
    describe: (p) => `Manual pass of ${p.learnerName} on ${p.moduleName}`,
    // The refusal already moved the pass to `rejected`, a final state in its audit log, and the
    // policy checks (role, verdict, evidence) were made for that request. Sending it again would
    // need the pass back in `queued` without those checks; a new request makes them afresh.
    afterRefusal: {
      tryAgain: false,
      why: 'A refused manual pass is final (the pass is marked rejected). If it should still go through, request it again from Manual Pass, which checks it afresh.',
    },

    async send({ client, payload, idempotencyKey }) {
      const { passId, body } = payload;
      const claimed = db.transaction(() =>
        store.move(passId, { from: ['queued'], to: 'sending', action: 'pass.claimed', detail: 'The undo window closed; Passdesk started sending the pass.', actor: PASSDESK_ACTOR }, clock.now()),
      )();
      if (claimed) moved(passId);
      const pass = store.get(passId);
      if (!pass) return { outcome: 'refused', message: `Pass ${passId} is not in this desk's records; it was not sent.` };
      if (pass.state !== 'sending') return { outcome: 'refused', message: `The pass of ${payload.learnerName} is ${pass.state}; it was not sent again.` };

      const enrollment = (await client.enrollments({ learnerId: body.learnerId, moduleId: body.moduleId }))[0];
      if (!enrollment) {
        return { outcome: 'refused', message: `The LMS says ${payload.learnerName} is not enrolled in ${payload.moduleName} (any more); the pass was not sent.` };
      }
      if (enrollment.status === 'completed') {
        // A tracked completion can never be ours. A manual one may be, if an earlier try of
        // this pass reached the LMS and only its answer was lost: then the same key below
        // brings that answer back, and a 409 means it was someone else's after all.
        const ours = enrollment.completionSource === 'manual' && pass.sends > 0;
        if (!ours) {
          const how = enrollment.completionSource === 'tracked' ? 'completed the module on their own' : 'was already passed by someone else';
          return sent({ kind: 'superseded', why: `${payload.learnerName} ${how} (${enrollment.completedAt ?? 'date unknown'}) before the pass went out; it was not sent.` }, null);
        }
      }

      store.countSend(passId, clock.now());
      try {
        const answer = await client.createManualPass(body, { idempotencyKey });
        return sent({ kind: 'recorded', manualPassId: answer.manualPass.id, passedAt: answer.manualPass.passedAt }, { entity: 'manual_pass', id: answer.manualPass.id, version: null });
      } catch (error) {
        if (isLmsError(error) && error.status === 409 && error.code === 'already_completed') {
          return sent({ kind: 'superseded', why: `The LMS answered that ${payload.learnerName} had already completed ${payload.moduleName}: ${error.serverMessage ?? error.message}` }, null);
        }
        if (isLmsError(error) && error.kind === 'invalid_response') {
          // An answer we could not read may still mean the pass was recorded: ask again with
          // the same key rather than call it refused.
          throw new LmsError({ kind: 'server', code: 'unreadable_answer', message: `${error.message} The pass is sent again with the same key to read the LMS's answer.`, cause: error });
        }
        throw error;
      }
    },

    settle(_db: Database, entry: OutboxEntry, state: OutboxState, now: Date) {
      const pass = store.byOutboxId(entry.id);
      if (!pass) return;
      let changed = null;
      if (state === 'sent' || state === 'confirmed') {
        const result = SendResult.safeParse(entry.result);
        if (!result.success) return;
        if (result.data.kind === 'recorded') {
          changed = store.move(
            pass.id,
            { from: ['queued', 'sending'], to: 'confirmed', action: 'pass.confirmed', detail: `The LMS recorded manual pass ${result.data.manualPassId} at ${result.data.passedAt}.`, actor: PASSDESK_ACTOR, lmsPassId: result.data.manualPassId, stateReason: null },
            now,
          );
        } else {
          changed = store.move(pass.id, { from: ['queued', 'sending'], to: 'superseded', action: 'pass.superseded', detail: result.data.why, actor: PASSDESK_ACTOR, stateReason: result.data.why }, now);
        }
      } else if (state === 'failed' || state === 'dismissed') {
        // Dismissed: a write left unsent by a switch of LMS may be put aside before anything rejected its pass.
        const why = entry.lastError ?? 'The LMS refused the pass.';
        changed = store.move(pass.id, { from: ['queued', 'sending'], to: 'rejected', action: 'pass.rejected', detail: why, actor: PASSDESK_ACTOR, stateReason: why }, now);
      }
      if (changed) moved(pass.id);
    },
  });
}
