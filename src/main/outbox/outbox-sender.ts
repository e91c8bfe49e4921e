// Drains the outbox: the first due write of each record goes out (a few records at a time),
// with its Idempotency-Key, and ends on a final answer — accepted, refused with the LMS's
// reason, or a conflict a person resolves. Network errors, timeouts and 5xx are tried again
// after an exponential backoff with jitter; nothing is dropped silently.
import type { Database } from 'better-sqlite3';
import type { LmsClient } from '../lms/client';
import { isLmsError } from '../lms/lms-error';
import { createWakeSignal } from '../sync/wake-signal';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { confirmIfArrived } from './feed-confirmation';
import {
  claimWrite,
  dueWrites,
  makeQueuedWritesDue,
  orderingKey,
  outboxEntry,
  requeueInterruptedSends,
  updateEntry,
  type OutboxEntry,
  type OutboxState,
} from './outbox-store';
import type { SendOutcome, WriteKinds } from './write-kinds';

export interface OutboxSenderOptions {
  db: Database;
  kinds: WriteKinds;
  /** The LMS to send to, or null while there is none. */
  client: () => LmsClient | null;
  clock: { now(): Date };
  random?: () => number;
  log: (line: string) => void;
  backoff?: BackoffPolicy;
  /** How many records' writes may be in flight at once (writes on one record never overlap). */
  concurrency?: number;
  /** The outbox changed (a write moved on): refresh the status. */
  onChange: () => void;
  /** Whether the LMS answered at all, for the online/offline indicator. */
  onReachability: (reachable: boolean, error: string | null) => void;
}

export interface OutboxSender {
  start(): void;
  stop(): Promise<void>;
  /** A write was queued: look at the outbox now rather than at the next check. */
  kick(): void;
  /** "Sync now": every queued write is due at once, backoff or not. */
  sendNow(): void;
}

/** Even with no new writes announced, the outbox is looked at this often (a local query, no network). */
const IDLE_CHECK_MS = 5_000;

type Verdict =
  | { state: 'sent'; outcome: Extract<SendOutcome, { outcome: 'sent' }> }
  | { state: 'failed'; message: string }
  | { state: 'conflict'; message: string; current: unknown }
  | { state: 'queued'; message: string | null; delayMs: number; reachable: boolean };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { db, kinds, clock, log } = options;
  const random = options.random ?? Math.random;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const concurrency = options.concurrency ?? 4;
  const wake = createWakeSignal();
  const inFlight = new Map<string, Promise<void>>();
  let running = false;
  let loop: Promise<void> | null = null;

  function judge(entry: OutboxEntry, error: unknown): Verdict {
    if (isLmsError(error)) {
      if (error.kind === 'cancelled') return { state: 'queued', message: null, delayMs: 0, reachable: true };
      if (error.retryable) {
        const delay = Math.max(backoffDelay(entry.attempts, random(), policy), error.retryAfterMs ?? 0);
        return { state: 'queued', message: error.message, delayMs: delay, reachable: error.kind !== 'network' && error.kind !== 'timeout' };
      }
      return { state: 'failed', message: error.message };
    }
    // Not an answer from the LMS but a fault in Passdesk: retrying would repeat it.
    return { state: 'failed', message: `Passdesk could not send this write: ${errorText(error)}` };
  }

  async function attempt(client: LmsClient, entry: OutboxEntry): Promise<Verdict> {
    const kind = kinds.get(entry.kind);
    if (!kind) return { state: 'failed', message: `This version of Passdesk does not know how to send a "${entry.kind}" write.` };
    try {
      const outcome = await kind.send(client, entry);
      if (outcome.outcome === 'sent') return { state: 'sent', outcome };
      if (outcome.outcome === 'refused') return { state: 'failed', message: outcome.message };
      return { state: 'conflict', message: outcome.message, current: outcome.current };
    } catch (error) {
      return judge(entry, error);
    }
  }

  function record(entry: OutboxEntry, verdict: Verdict): void {
    const now = clock.now();
    db.transaction(() => {
      const state: OutboxState = verdict.state;
      switch (verdict.state) {
        case 'sent':
          updateEntry(db, entry.id, { state, lastError: null, result: verdict.outcome.result, confirm: verdict.outcome.confirm }, now);
          break;
        case 'failed':
          updateEntry(db, entry.id, { state, lastError: verdict.message }, now);
          break;
        case 'conflict':
          updateEntry(db, entry.id, { state, lastError: verdict.message, conflict: verdict.current }, now);
          break;
        case 'queued':
          updateEntry(db, entry.id, { state, lastError: verdict.message ?? entry.lastError, nextAttemptAt: now.getTime() + verdict.delayMs }, now);
          break;
      }
      const updated = outboxEntry(db, entry.id);
      if (!updated) return;
      if (state !== 'queued') kinds.get(entry.kind)?.settle?.(db, updated, state, now);
      // The feed may have brought the record before the answer came back.
      if (state === 'sent') confirmIfArrived(db, kinds, updated, now);
    })();
  }

  async function sendOne(client: LmsClient, entry: OutboxEntry): Promise<void> {
    const verdict = await attempt(client, entry);
    try {
      record(entry, verdict);
    } catch (error) {
      // The cache refused the bookkeeping; the write stays 'sending' and goes out again on restart.
      log(`[outbox] could not record the outcome of ${entry.kind} ${entry.id}: ${errorText(error)}`);
      return;
    }
    if (verdict.state === 'queued') {
      if (verdict.message) log(`[outbox] ${entry.kind} ${entry.id} will be tried again in ${verdict.delayMs} ms: ${verdict.message}`);
      options.onReachability(verdict.reachable, verdict.reachable ? null : verdict.message);
    } else {
      if (verdict.state === 'failed') log(`[outbox] ${entry.kind} ${entry.id} refused: ${verdict.message}`);
      options.onReachability(true, null);
    }
    options.onChange();
  }

  /** When the next write that is free to go becomes due, or null. */
  function nextWakeAt(nowMs: number): number | null {
    const heads = dueWrites(db, Number.MAX_SAFE_INTEGER, concurrency, new Set(inFlight.keys()));
    if (heads.length === 0) return null;
    return Math.max(nowMs, Math.min(...heads.map((h) => h.nextAttemptAt)));
  }

  async function run(): Promise<void> {
    while (running) {
      const client = options.client();
      const nowMs = clock.now().getTime();
      if (client && inFlight.size < concurrency) {
        for (const entry of dueWrites(db, nowMs, concurrency - inFlight.size, new Set(inFlight.keys()))) {
          if (!claimWrite(db, entry.id, clock.now())) continue;
          const key = orderingKey(entry);
          const claimed: OutboxEntry = { ...entry, state: 'sending', attempts: entry.attempts + 1 };
          const sending = sendOne(client, claimed).finally(() => {
            inFlight.delete(key);
            wake.wake();
          });
          inFlight.set(key, sending);
        }
      }
      let waitMs: number | null = IDLE_CHECK_MS;
      if (client && inFlight.size < concurrency) {
        const next = nextWakeAt(clock.now().getTime());
        if (next !== null) waitMs = Math.min(IDLE_CHECK_MS, next - clock.now().getTime());
      }
      // Everything due is in flight: a finished send wakes us.
      if (waitMs !== null && waitMs <= 0) waitMs = inFlight.size > 0 ? null : 0;
      await wake.sleep(waitMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      const back = requeueInterruptedSends(db, clock.now());
      if (back > 0) log(`[outbox] ${back} write(s) interrupted mid-send last time go out again with the same idempotency key.`);
      loop = run().catch((error: unknown) => {
        log(`[outbox] the sender stopped: ${errorText(error)}`);
      });
    },
    async stop() {
      running = false;
      wake.wake();
      await loop;
      await Promise.allSettled([...inFlight.values()]);
    },
    kick: () => wake.wake(),
    sendNow() {
      makeQueuedWritesDue(db, clock.now().getTime());
      wake.wake();
    },
  };
}
