// What a person can do, from the Sync panel, with a write the LMS refused for good: dismiss it
// once they have read why — the row stays in the outbox with the LMS's reason, who dismissed
// it and when — or, for kinds whose refusal left nothing final behind, try it again with the
// same idempotency key. Each runs in one transaction with the kind's settle, so the write's
// local effect (a pending reply, an edit laid over a ticket, a pass) follows it.
import type { Database } from 'better-sqlite3';
import { PassdeskError } from '../../shared/ipc-result';
import { dismissFailedWrite, outboxEntry, requeueFailedWrite, type OutboxEntry, type OutboxState } from './outbox-store';
import type { AfterRefusal, WriteKinds } from './write-kinds';

const whereItStands: Record<Exclude<OutboxState, 'failed'>, string> = {
  queued: 'still waiting to be sent',
  sending: 'being sent right now',
  sent: 'accepted by the LMS and waiting for it to confirm',
  confirmed: 'already confirmed by the LMS',
  conflict: 'in conflict with someone else’s change — choose a version under Conflicts instead',
  discarded: 'already withdrawn',
  dismissed: 'already dismissed',
};

export const FOR_PREVIOUS_LMS =
  'This write was meant for the LMS Passdesk was connected to before, and is never sent to another one. Dismiss it once you have noted what it was.';

/** Whether "Try again" is offered for a refused write, and if not, why. */
export function tryAgainFor(kinds: WriteKinds, entry: OutboxEntry): AfterRefusal {
  if (entry.forPreviousLms) return { tryAgain: false, why: FOR_PREVIOUS_LMS };
  const kind = kinds.get(entry.kind);
  if (!kind) return { tryAgain: false, why: `This version of Passdesk does not know how to send a "${entry.kind}" write.` };
  return kind.afterRefusal;
}

function summaryOf(kinds: WriteKinds, entry: OutboxEntry): string {
  return kinds.get(entry.kind)?.describe(entry.payload) ?? entry.kind;
}

/** The write, if the LMS refused it; otherwise an error saying where it stands. */
function refusedWrite(db: Database, kinds: WriteKinds, writeId: string, action: string): OutboxEntry {
  const entry = outboxEntry(db, writeId);
  if (!entry) throw new PassdeskError({ code: 'not_found', message: `There is no write ${writeId} in this desk’s outbox. Reload the Sync panel.` });
  if (entry.state !== 'failed') {
    throw new PassdeskError({ code: 'refused', message: `Only a write the LMS refused can be ${action}; “${summaryOf(kinds, entry)}” is ${whereItStands[entry.state]}.` });
  }
  return entry;
}

function settled(db: Database, kinds: WriteKinds, writeId: string, state: OutboxState, now: Date): OutboxEntry {
  const updated = outboxEntry(db, writeId);
  if (!updated) throw new Error(`The outbox lost write ${writeId} inside its own transaction.`);
  kinds.get(updated.kind)?.settle?.(db, updated, state, now);
  return updated;
}

/** Puts a refused write aside: no longer counted or listed as pending, kept as a record. */
export function dismissRefusedWrite(db: Database, kinds: WriteKinds, writeId: string, by: string | null, now: Date): OutboxEntry {
  return db.transaction(() => {
    refusedWrite(db, kinds, writeId, 'dismissed');
    dismissFailedWrite(db, writeId, by, now);
    return settled(db, kinds, writeId, 'dismissed', now);
  })();
}

/** Queues a refused write again (same key, a fresh count of tries) where its kind allows it. */
export function tryRefusedWriteAgain(db: Database, kinds: WriteKinds, writeId: string, now: Date): OutboxEntry {
  return db.transaction(() => {
    const entry = refusedWrite(db, kinds, writeId, 'tried again');
    const offer = tryAgainFor(kinds, entry);
    if (!offer.tryAgain) throw new PassdeskError({ code: 'refused', message: `“${summaryOf(kinds, entry)}” cannot be tried again. ${offer.why}` });
    requeueFailedWrite(db, writeId, now);
    return settled(db, kinds, writeId, 'queued', now);
  })();
}
