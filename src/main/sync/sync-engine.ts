// The sync engine: the pull of the change feed and the outbox sender over one cache, one
// status for the status bar and the Sync panel, and the handlers of the sync.* channels.
// It takes plain arguments (the cache, where the LMS is, a clock) and never imports electron,
// so it runs the same under Electron, in browser mode and in tests.
import type { Database } from 'better-sqlite3';
import type { PendingWrite, SyncStatus } from '../../shared/channels/sync';
import { PassdeskError } from '../../shared/ipc-result';
import { createFeedApplier } from '../cache/apply-changes';
import { SYNC_WRITER_CACHE_KIB } from '../cache/open-cache';
import { createQuarantineStore } from '../cache/quarantine';
import { schemaFingerprint } from '../cache/schema-fingerprint';
import { createSyncStateStore } from '../cache/sync-state';
import type { Handlers } from '../ipc/dispatcher';
import type { LmsClient } from '../lms/client';
import { lmsClientFor } from '../lms/lms-client-for';
import type { BackoffPolicy } from '../outbox/backoff';
import { ConflictNotFound, listTicketConflicts, resolveTicketConflict } from '../outbox/conflicts';
import { reconcileWithFeed } from '../outbox/feed-confirmation';
import { createOutboxSender } from '../outbox/outbox-sender';
import { entriesInStates, outboxCounts, type OutboxEntry } from '../outbox/outbox-store';
import { dismissRefusedWrite, tryAgainFor, tryRefusedWriteAgain } from '../outbox/refused-writes';
import { ticketMessageKind, ticketPatchKind } from '../outbox/ticket-writes';
import { writeKinds, type RegisteredWriteKind } from '../outbox/write-kinds';
import { createFeedPuller, type PullConnection, type PullTuning } from './feed-puller';
import { createFirstSyncWriter, locateFirstSyncWorkers, type FirstSyncWorkers } from './first-sync-writer';
import { forgetMirroredLms } from './forget-lms';

/** Where the LMS is and how to sign in; what the app's LMS connection knows. */
export interface SyncAccess {
  /**
   * Names the data set the cache mirrors, stable across launches: the configured LMS's URL,
   * or e.g. "demo" for the embedded demo LMS whose port changes every launch. A different
   * id makes the cache start over.
   */
  lmsId: string;
  url: string;
  token: string;
}

export interface SyncEngineOptions {
  db: Database;
  /**
   * The LMS to sync with, or null while none is chosen. Keep returning the last signed-in
   * LMS while it is unreachable: the engine retries it with its own backoff.
   */
  access: () => SyncAccess | null;
  /** Opens a client for an address and token; tests pass one with their own fetch. */
  createClient?: (access: { url: string; token: string }) => LmsClient;
  clock?: { now(): Date };
  log?: (line: string) => void;
  random?: () => number;
  /** Kinds of writes beyond the ticket reply and ticket edit (the manual pass adds its own). */
  extraWriteKinds?: RegisteredWriteKind[];
  pull?: Partial<PullTuning>;
  /**
   * Where the first-sync writer and its feed reader are; null writes first syncs on main. The
   * default finds them next to this module, unless createClient is given (the workers could
   * not use that client) or the cache is in memory (a second connection would not see it).
   */
  firstSyncWorkers?: FirstSyncWorkers | null;
  /** The better-sqlite3 binary the cache was opened with, for the writer's own connection. */
  nativeBinding?: string;
  send?: { concurrency?: number; backoff?: BackoffPolicy };
  /** Who is signed in, kept with a refused write they dismiss. */
  me?: () => { id: string } | null;
}

export type SyncChannel =
  | 'sync.status'
  | 'sync.now'
  | 'sync.pending'
  | 'sync.quarantine'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
  | 'sync.dismissWrite'
  | 'sync.tryWriteAgain';
export type SyncHandlers = Pick<Handlers, SyncChannel>;

export interface SyncEngine {
  start(): void;
  /** Stops pulling and sending; resolves when nothing of the engine touches the cache any more. */
  stop(): Promise<void>;
  /** Pull and send at once, skipping backoff: the user asked, or the network came back. */
  syncNow(): SyncStatus;
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Call after committing a transaction that queued a write, so it goes out now. */
  writesQueued(): void;
  handlers: SyncHandlers;
}

/** The status bar hears about progress at most this often during a first sync. */
const STATUS_EVERY_MS = 250;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db } = options;
  const clock = options.clock ?? { now: () => new Date() };
  const log = options.log ?? (() => undefined);
  const random = options.random ?? Math.random;
  const kinds = writeKinds(ticketMessageKind, ticketPatchKind, ...(options.extraWriteKinds ?? []));

  db.pragma(`cache_size = -${SYNC_WRITER_CACHE_KIB}`);
  const syncState = createSyncStateStore(db);
  const quarantine = createQuarantineStore(db);
  const applier = createFeedApplier(db, { quarantine, syncState, fingerprint: schemaFingerprint(db), now: () => clock.now() });

  const clientNow = lmsClientFor(() => options.access(), options.createClient);
  function connection(): PullConnection | null {
    const access = options.access();
    const client = clientNow();
    return access && client ? { lmsId: access.lmsId, url: access.url, token: access.token, client } : null;
  }

  // Whether the LMS answered the last request of either the pull or the sender.
  let reachable: boolean | null = null;
  let reachError: string | null = null;
  function onReachability(ok: boolean, error: string | null): void {
    const changed = ok !== reachable || error !== reachError;
    reachable = ok;
    reachError = error;
    if (changed) notify(true);
  }

  const reconcile = (effects: Parameters<typeof reconcileWithFeed>[2]) => {
    reconcileWithFeed(db, kinds, effects, clock.now());
  };

  const workers = options.firstSyncWorkers !== undefined ? options.firstSyncWorkers : options.createClient || db.memory ? null : locateFirstSyncWorkers(__filename);
  const firstSyncWriter = workers ? createFirstSyncWriter({ workers, file: db.name, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }) : null;

  const puller = createFeedPuller({
    firstSyncWriter,
    afterWritesElsewhere: () => quarantine.reload(),
    db,
    applier,
    syncState,
    connection,
    reconcile,
    switchLms: () => {
      const { unsent } = forgetMirroredLms(db, clock.now());
      quarantine.reload();
      if (unsent > 0) log(`[sync] ${unsent} write(s) for the previous LMS were not sent; they are listed in the Sync panel.`);
    },
    clock,
    random,
    log,
    onChange: (reason) => notify(reason === 'state'),
    onReachability,
    ...(options.pull ? { tuning: options.pull } : {}),
  });

  const sender = createOutboxSender({
    db,
    kinds,
    client: () => connection()?.client ?? null,
    clock,
    random,
    log,
    ...(options.send?.concurrency ? { concurrency: options.send.concurrency } : {}),
    ...(options.send?.backoff ? { backoff: options.send.backoff } : {}),
    onChange: () => notify(true),
    onReachability,
  });

  function status(): SyncStatus {
    const pull = puller.snapshot();
    const counts = outboxCounts(db);
    const online = reachable === true && pull.reachable !== false;
    const phase = pull.phase !== 'stopped' && pull.phase !== 'not_configured' && reachable === false ? 'offline' : pull.phase;
    return {
      phase,
      online,
      lmsUrl: pull.lmsUrl,
      lastPullAt: pull.lastPullAt,
      pendingWrites: counts.pending,
      failedWrites: counts.failed,
      conflicts: counts.conflicts,
      quarantined: quarantine.count(),
      error: pull.error ?? reachError,
      firstSync: pull.firstSync,
    };
  }

  const listeners = new Set<(status: SyncStatus) => void>();
  let lastSentAt = 0;
  let pendingTimer: NodeJS.Timeout | null = null;
  let lastSent = '';
  function emit(): void {
    pendingTimer = null;
    lastSentAt = Date.now();
    if (listeners.size === 0) return;
    const current = status();
    const text = JSON.stringify(current);
    if (text === lastSent) return;
    lastSent = text;
    for (const listener of [...listeners]) {
      try {
        listener(current);
      } catch (error) {
        log(`[sync] a status listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  /** State changes go out at once; page-by-page progress at most every STATUS_EVERY_MS. */
  function notify(urgent: boolean): void {
    if (pendingTimer) {
      if (!urgent) return;
      clearTimeout(pendingTimer);
    }
    const wait = urgent ? 0 : Math.max(0, STATUS_EVERY_MS - (Date.now() - lastSentAt));
    pendingTimer = setTimeout(emit, wait);
    pendingTimer.unref();
  }

  function pendingWrite(entry: OutboxEntry): PendingWrite {
    const offer = entry.state === 'failed' ? tryAgainFor(kinds, entry) : null;
    return {
      id: entry.id,
      kind: entry.kind,
      summary: kinds.get(entry.kind)?.describe(entry.payload) ?? entry.kind,
      state: entry.state,
      attempts: entry.attempts,
      nextAttemptAt: entry.state === 'queued' ? new Date(entry.nextAttemptAt).toISOString() : null,
      lastError: entry.lastError,
      queuedAt: entry.createdAt,
      queuedBy: entry.queuedBy,
      canTryAgain: offer?.tryAgain === true,
      noTryAgainReason: offer && !offer.tryAgain ? offer.why : null,
    };
  }

  let started = false;
  const engine: SyncEngine = {
    start() {
      if (started) return;
      started = true;
      const retried = applier.retryQuarantined(reconcile);
      if (retried.released > 0) log(`[sync] ${retried.released} quarantined record(s) pass this version's checks and are now in the cache.`);
      puller.start();
      sender.start();
    },
    async stop() {
      if (!started) return;
      started = false;
      await Promise.all([puller.stop(), sender.stop()]);
      if (pendingTimer) clearTimeout(pendingTimer);
      pendingTimer = null;
    },
    syncNow() {
      puller.pullNow();
      sender.sendNow();
      return status();
    },
    status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    writesQueued() {
      sender.kick();
      notify(true);
    },
    handlers: {
      'sync.status': () => status(),
      'sync.now': () => engine.syncNow(),
      'sync.pending': ({ limit }) => ({ writes: entriesInStates(db, ['queued', 'sending', 'sent', 'failed', 'conflict'], limit).map(pendingWrite) }),
      'sync.quarantine': ({ limit }) => ({ records: quarantine.list(limit), total: quarantine.count() }),
      'sync.conflicts': () => ({ conflicts: listTicketConflicts(db) }),
      'sync.resolveConflict': ({ writeId, choice }) => {
        try {
          resolveTicketConflict(db, kinds, writeId, choice, clock.now());
        } catch (error) {
          if (error instanceof ConflictNotFound) throw new PassdeskError({ code: 'not_found', message: error.message });
          throw error;
        }
        sender.kick();
        notify(true);
        return { conflicts: listTicketConflicts(db) };
      },
      'sync.dismissWrite': ({ writeId }) => {
        dismissRefusedWrite(db, kinds, writeId, options.me?.()?.id ?? null, clock.now());
        notify(true);
        return status();
      },
      'sync.tryWriteAgain': ({ writeId }) => {
        tryRefusedWriteAgain(db, kinds, writeId, clock.now());
        sender.kick();
        notify(true);
        return status();
      },
    },
  };
  return engine;
}
