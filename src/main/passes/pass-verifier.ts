// The help article's last step, done by main for every pass: "Double-check the status of the
// course in the learner's transcript." A confirmed pass is verified once the transcript
// shows the module completed; if the transcript disagrees, the pass raises an alert and is
// checked again later. Once verified, the ticket gets an internal note (and, when the admin
// asked for it, the canned reply to the learner). Also settles passes whose outbox write
// was ended by something other than the sender (the desk switched to another LMS).
import type { Database } from 'better-sqlite3';
import type { LmsClient } from '../lms/client';
import { backoffDelay, type BackoffPolicy } from '../outbox/backoff';
import { recordTicketMessage } from '../outbox/ticket-writes';
import { createWakeSignal } from '../sync/wake-signal';
import { PASSDESK_ACTOR } from './audit-log';
import type { PassRow, PassStore } from './pass-store';

export interface PassVerifierOptions {
  db: Database;
  store: PassStore;
  client: () => LmsClient | null;
  clock: { now(): Date };
  log: (line: string) => void;
  onMoved(passId: string): void;
  /** Ticket notes were queued in the outbox: send them now. */
  writesQueued(): void;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** How long to wait before reading the transcript again after it disagreed. */
  recheckDisagreementMs?: number;
}

export interface PassVerifier {
  start(): void;
  stop(): Promise<void>;
  kick(): void;
}

const IDLE_CHECK_MS = 5_000;
const BATCH = 20;

export function verifiedNote(pass: PassRow): string {
  const override = pass.override === 1 ? ' This pass OVERRODE the verdict.' : '';
  const bucks = pass.blue_bucks > 0 ? ` It released ${pass.blue_bucks} $BlueBucks.` : '';
  return `Manual pass verified: ${pass.learner_name} is marked complete on ${pass.module_name} (${pass.course_name}), LMS pass ${pass.lms_pass_id ?? '?'}, requested by ${pass.requested_by_name}. The learner's transcript shows the module completed.${override}${bucks} Reason: ${pass.reason}`;
}

export function cannedPassReply(pass: PassRow): string {
  const first = pass.learner_name.split(/\s+/)[0] ?? pass.learner_name;
  return `Hi ${first},\n\nThanks for your patience. We have marked ${pass.module_name} in ${pass.course_name} as complete for you; it now shows as completed on your transcript.\n\nBest regards,\nThe support team`;
}

export function createPassVerifier(options: PassVerifierOptions): PassVerifier {
  const { db, store, clock, log } = options;
  const random = options.random ?? Math.random;
  const policy = options.backoff ?? { baseMs: 500, maxMs: 30_000 };
  const recheckMs = options.recheckDisagreementMs ?? 60_000;
  const wake = createWakeSignal();
  /** Per pass: failures in a row and when to try again (in memory: a restart simply tries at once). */
  const waits = new Map<string, { failures: number; notBefore: number }>();
  let running = false;
  let loop: Promise<void> | null = null;

  function settleOrphans(): void {
    // A write the sender never answered for (e.g. the desk switched LMS) ends the pass too.
    const orphans = db
      .prepare<[], { id: string; outbox_state: string; last_error: string | null }>(
        `SELECT p.id, o.state AS outbox_state, o.last_error FROM pass_request p JOIN outbox o ON o.id = p.outbox_id
         WHERE p.state IN ('queued', 'sending') AND o.state IN ('failed', 'dismissed', 'discarded')`,
      )
      .all();
    for (const o of orphans) {
      const why = o.last_error ?? 'The write was withdrawn before it was sent.';
      const movedRow = db.transaction(() =>
        o.outbox_state === 'failed' || o.outbox_state === 'dismissed'
          ? store.move(o.id, { from: ['queued', 'sending'], to: 'rejected', action: 'pass.rejected', detail: why, actor: PASSDESK_ACTOR, stateReason: why }, clock.now())
          : store.move(o.id, { from: ['queued'], to: 'cancelled', action: 'pass.cancelled', detail: why, actor: PASSDESK_ACTOR, stateReason: why }, clock.now()),
      )();
      if (movedRow) options.onMoved(o.id);
    }
  }

  function markVerified(pass: PassRow, completedAt: string | null): void {
    let notes = false;
    const done = db.transaction(() => {
      const row = store.move(
        pass.id,
        { from: ['confirmed'], to: 'verified', action: 'pass.verified', detail: `The transcript shows ${pass.module_name} completed${completedAt ? ` on ${completedAt}` : ''}.`, actor: PASSDESK_ACTOR, alert: null },
        clock.now(),
      );
      if (!row) return null;
      const ticketKnown = row.ticket_id !== null && db.prepare<[string]>('SELECT 1 FROM ticket WHERE id = ?').get(row.ticket_id) !== undefined;
      if (row.ticket_id && ticketKnown) {
        const note = recordTicketMessage(db, { ticketId: row.ticket_id, body: verifiedNote(row), author: 'note', authorId: row.requested_by, senderName: row.requested_by_name }, clock.now());
        store.setNoteWrite(row.id, note.writeId);
        if (row.reply_to_learner === 1) {
          recordTicketMessage(db, { ticketId: row.ticket_id, body: cannedPassReply(row), author: 'agent', authorId: row.requested_by, senderName: row.requested_by_name }, clock.now());
        }
        notes = true;
      }
      return row;
    })();
    if (done) options.onMoved(pass.id);
    if (notes) options.writesQueued();
  }

  async function verifyOne(client: LmsClient, pass: PassRow): Promise<void> {
    const nowMs = clock.now().getTime();
    try {
      const transcript = await client.transcript(pass.learner_id);
      const entry = transcript.entries.find((e) => e.moduleId === pass.module_id);
      if (entry?.status === 'completed') {
        waits.delete(pass.id);
        markVerified(pass, entry.completedAt);
        return;
      }
      const alert = `The LMS recorded pass ${pass.lms_pass_id ?? ''} but ${pass.learner_name}'s transcript shows ${pass.module_name} as ${entry ? entry.status.replace('_', ' ') : 'missing'}. Check the learner's transcript in the LMS; Passdesk reads it again every ${Math.round(recheckMs / 1000)} s.`;
      if (pass.alert !== alert) {
        db.transaction(() => {
          store.setAlert(pass.id, alert, clock.now());
        })();
        log(`[passes] ${alert}`);
        options.onMoved(pass.id);
      }
      waits.set(pass.id, { failures: 0, notBefore: nowMs + recheckMs });
    } catch (error) {
      const failures = (waits.get(pass.id)?.failures ?? 0) + 1;
      waits.set(pass.id, { failures, notBefore: nowMs + backoffDelay(failures, random(), policy) });
      log(`[passes] could not read the transcript for pass ${pass.id} yet: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function run(): Promise<void> {
    while (running) {
      let nextAt: number | null = null;
      try {
        settleOrphans();
        const client = options.client();
        if (client) {
          const nowMs = clock.now().getTime();
          const due: PassRow[] = [];
          for (const pass of store.inStates(['confirmed'], 500)) {
            const wait = waits.get(pass.id);
            if (!wait || wait.notBefore <= nowMs) due.push(pass);
            else nextAt = Math.min(nextAt ?? Infinity, wait.notBefore);
          }
          for (let i = 0; i < due.length && running; i += BATCH) {
            await Promise.all(due.slice(i, i + BATCH).map((pass) => verifyOne(client, pass)));
          }
        }
      } catch (error) {
        log(`[passes] the verifier hit a problem and carries on: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!running) break;
      const wait = nextAt === null ? IDLE_CHECK_MS : Math.min(IDLE_CHECK_MS, Math.max(0, nextAt - clock.now().getTime()));
      await wake.sleep(wait);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake.wake();
      await loop;
    },
    kick: () => wake.wake(),
  };
}
