// Pulls the LMS's change feed into the cache. First sync: with a first-sync writer (a worker
// thread with its own connection, first-sync-writer.ts) the whole first sync is written off
// main, in large transactions, while main only follows its progress; main's event loop stays
// free for the window. Without one (tests with their own client), or when the writer steps
// aside because the outbox has writes the feed must confirm, main pages to the end itself,
// asking for the next page while applying the current one; each page is one short transaction
// with its cursor, and the event loop gets a turn between pages.
// Then live: a long-poll that the LMS answers as soon as anything changed. While the LMS is
// unreachable it waits with exponential backoff and jitter; "sync now" cuts the wait short.
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import type { FirstSyncProgress, SyncPhase } from '../../shared/channels/sync';
import type { ReceivedChangesPage } from '../../shared/lms/api';
import type { EntityCounts, FeedApplier, PageEffects } from '../cache/apply-changes';
import { entityNames, entityTables } from '../cache/entity-tables';
import { preparePage, type PreparedPage } from '../cache/prepared-page';
import type { PullState, SyncStateStore } from '../cache/sync-state';
import type { LmsClient } from '../lms/client';
import { isLmsError } from '../lms/lms-error';
import type { FirstSyncCommitted } from './first-sync-job';
import type { FirstSyncRun, FirstSyncWriter } from './first-sync-writer';
import { backoffDelay, type BackoffPolicy } from '../outbox/backoff';
import { firstSyncProgress, nextPageSize } from './first-sync-progress';
import { createWakeSignal } from './wake-signal';

export interface PullConnection {
  /** Names the LMS the cache mirrors; a different one means a different data set. */
  lmsId: string;
  url: string;
  token: string;
  client: LmsClient;
}

export interface PullTuning {
  /** Page sizes the first sync may ask for; it adapts within them to keep each page short. */
  minPage: number;
  maxPage: number;
  /** How long applying one page may hold main's event loop. */
  targetApplyMs: number;
  /**
   * Records per transaction at most when the first-sync writer writes off main (one page at
   * least). Larger commits are faster; a write from main waits for the one in hand.
   */
  batchRows: number;
  /**
   * Page size the first-sync writer's reader asks for (at most maxPage). Larger pages cost
   * the reader more memory and garbage collection than they save in requests.
   */
  writerPage: number;
  /** How long the LMS may hold a long-poll open. */
  longPollMs: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_PULL_TUNING: PullTuning = {
  minPage: 200,
  maxPage: 5_000,
  targetApplyMs: 15,
  batchRows: 10_000,
  writerPage: 2_500,
  longPollMs: 25_000,
  backoff: { baseMs: 1_000, maxMs: 60_000 },
};

export interface PullSnapshot {
  phase: SyncPhase;
  lmsUrl: string | null;
  lastPullAt: string | null;
  /** Whether the last request to the LMS got an answer. */
  reachable: boolean | null;
  error: string | null;
  firstSync: FirstSyncProgress | null;
}

export interface FeedPullerOptions {
  db: Database;
  applier: FeedApplier;
  syncState: SyncStateStore;
  connection: () => PullConnection | null;
  /** Runs inside each page's transaction (the outbox confirms what arrived). */
  reconcile: (effects: PageEffects) => void;
  /** The cache is about to mirror a different LMS than before: forget the old one's data. */
  switchLms: (from: string, to: string) => void;
  clock: { now(): Date };
  random: () => number;
  log: (line: string) => void;
  onChange: (reason: 'page' | 'state') => void;
  /** An answer came from the LMS (or none could be had). */
  onReachability: (reachable: boolean, error: string | null) => void;
  tuning?: Partial<PullTuning>;
  /** Writes first syncs off main; without one, main fetches, checks and writes every page itself. */
  firstSyncWriter?: FirstSyncWriter | null;
  /** The first-sync writer committed through its own connection: drop what main holds in memory about the cache. */
  afterWritesElsewhere?: () => void;
}

export interface FeedPuller {
  start(): void;
  stop(): Promise<void>;
  /** Skip any backoff and ask the LMS now (also ends a long-poll to start a fresh one). */
  pullNow(): void;
  snapshot(): PullSnapshot;
}

class Stopped extends Error {}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createFeedPuller(options: FeedPullerOptions): FeedPuller {
  const tuning: PullTuning = { ...DEFAULT_PULL_TUNING, ...options.tuning };
  const { db, applier, syncState, clock, log } = options;
  const wake = createWakeSignal();
  const countRows = new Map(
    entityNames.map((e) => [e, db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${entityTables[e].table}${e === 'message' ? ' WHERE pending_write_id IS NULL' : ''}`)]),
  );

  let running = false;
  let loop: Promise<void> | null = null;
  let state: PullState = syncState.read();
  let connected: PullConnection | null = null;
  let reachable: boolean | null = null;
  let error: string | null = null;
  let failures = 0;
  let pageSize = 1_000;
  let poll: AbortController | null = null;
  /** Only while a first sync runs in this process. */
  let progress: { done: EntityCounts; startedMs: number; applied: number } | null = null;
  let offMain: FirstSyncRun | null = null;
  /** The writer stepped aside for the outbox: main writes the rest of this process's first sync. */
  let writerSteppedAside = false;

  function snapshot(): PullSnapshot {
    const phase: SyncPhase = !running
      ? 'stopped'
      : connected === null
        ? 'not_configured'
        : reachable === false
          ? 'offline'
          : state.firstSyncCompletedAt === null
            ? 'first_sync'
            : 'live';
    const firstSync =
      state.firstSyncCompletedAt === null && progress && state.firstSyncStartedAt
        ? firstSyncProgress({
            startedAt: state.firstSyncStartedAt,
            totals: state.totals,
            done: progress.done,
            pace: { records: progress.applied, ms: performance.now() - progress.startedMs },
          })
        : null;
    return { phase, lmsUrl: connected?.url ?? null, lastPullAt: state.lastPullAt, reachable, error, firstSync };
  }

  function succeeded(): void {
    const changed = reachable !== true || error !== null;
    reachable = true;
    error = null;
    failures = 0;
    options.onReachability(true, null);
    if (changed) options.onChange('state');
  }

  /** A page (or the writer's batch of pages) and its cursor are committed. */
  function committed(effects: Pick<PageEffects, 'upserted' | 'deleted' | 'quarantined'>, changes: number, fields: Partial<PullState>): void {
    state = { ...state, ...fields };
    if (progress) {
      for (const [entity, n] of Object.entries(effects.upserted)) progress.done[entity as keyof EntityCounts] = (progress.done[entity as keyof EntityCounts] ?? 0) + n;
      for (const [entity, n] of Object.entries(effects.deleted)) progress.done[entity as keyof EntityCounts] = Math.max(0, (progress.done[entity as keyof EntityCounts] ?? 0) - n);
      progress.applied += changes;
    }
    if (effects.quarantined > 0) log(`[sync] ${effects.quarantined} record(s) quarantined in this page; see the Sync panel.`);
    options.onChange('page');
    if (fields.firstSyncCompletedAt) {
      const took = progress ? ((performance.now() - progress.startedMs) / 1000).toFixed(1) : '?';
      log(`[sync] first sync complete (${progress?.applied ?? 0} changes in ${took} s in this run).`);
      progress = null;
      options.onChange('state');
    }
  }

  function apply(page: PreparedPage, fields: Partial<PullState>): void {
    const started = performance.now();
    const effects = applier.applyPreparedPage(page.changes, fields, options.reconcile);
    pageSize = nextPageSize(pageSize, page.changes.length, performance.now() - started, { min: tuning.minPage, max: tuning.maxPage, targetMs: tuning.targetApplyMs });
    committed(effects, page.changes.length, fields);
  }

  /** Hands the first sync to the writer worker; returns when it is complete or the writer stepped aside. */
  async function writeOffMain(conn: PullConnection, writer: FirstSyncWriter): Promise<void> {
    try {
      const run = writer.run({
        url: conn.url,
        token: conn.token,
        pageLimit: Math.min(tuning.maxPage, tuning.writerPage),
        batchRows: tuning.batchRows,
        onBatch: (batch: FirstSyncCommitted) => {
          if (!running) return;
          succeeded();
          if (batch.quarantined > 0) options.afterWritesElsewhere?.();
          committed(batch, batch.changes, batch.fields);
        },
      });
      offMain = run;
      const outcome = await run.outcome;
      if (outcome === 'stopped' || !running) throw new Stopped();
      if (outcome === 'handed_back') {
        writerSteppedAside = true;
        log('[sync] writes are waiting for the feed to confirm them; the rest of the first sync is written on main, page by page.');
      }
    } catch (caught) {
      if (caught instanceof Stopped || isLmsError(caught) || !running) throw caught;
      // The LMS's failures are retried with backoff as always; a writer that itself broke
      // (it could not start, or it crashed) must not hold the sync up: main carries on.
      writerSteppedAside = true;
      log(`[sync] the first-sync writer failed (${describe(caught)}); the rest of the first sync is written on main, page by page.`);
    } finally {
      offMain = null;
      // The worker's connection wrote the records, the cursor and maybe the quarantine.
      state = syncState.read();
      options.afterWritesElsewhere?.();
    }
  }

  const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

  /** Reads pages until the feed says there is no more, fetching the next while applying this one. */
  async function drain(conn: PullConnection, first: PreparedPage | null): Promise<void> {
    const fetchPage = (cursor: string | null) => {
      const request = conn.client.changes({ ...(cursor === null ? {} : { cursor }), limit: pageSize }).then(preparePage);
      // Awaited on the next turn of the loop; until then a failure must not count as unhandled.
      request.catch(() => undefined);
      return request;
    };
    let next: Promise<PreparedPage> | null = first ? null : fetchPage(state.cursor);
    let page: PreparedPage | null = first;
    for (;;) {
      page ??= await (next as Promise<PreparedPage>);
      if (!running) throw new Stopped();
      succeeded();
      next = page.hasMore ? fetchPage(page.cursor) : null;
      const now = clock.now().toISOString();
      const fields: Partial<PullState> = { cursor: page.cursor, lastPullAt: now };
      if (page.totals && state.totals === null) fields.totals = page.totals;
      if (!page.hasMore && state.firstSyncCompletedAt === null) fields.firstSyncCompletedAt = now;
      apply(page, fields);
      page = null;
      if (!next) return;
      await yieldToEventLoop();
    }
  }

  function beginFirstSync(): void {
    if (state.firstSyncStartedAt === null) {
      const startedAt = clock.now().toISOString();
      syncState.write({ firstSyncStartedAt: startedAt });
      state = { ...state, firstSyncStartedAt: startedAt };
    }
    const done: EntityCounts = {};
    for (const entity of entityNames) done[entity] = countRows.get(entity)?.get()?.n ?? 0;
    progress = { done, startedMs: performance.now(), applied: 0 };
  }

  async function live(conn: PullConnection): Promise<void> {
    poll = new AbortController();
    let page: ReceivedChangesPage;
    try {
      page = await conn.client.waitForChanges({ ...(state.cursor === null ? {} : { cursor: state.cursor }), timeoutMs: tuning.longPollMs, signal: poll.signal });
    } finally {
      poll = null;
    }
    if (!running) throw new Stopped();
    if (page.changes.length === 0) {
      succeeded();
      const lastPullAt = clock.now().toISOString();
      syncState.write({ lastPullAt, ...(page.cursor !== state.cursor && page.cursor ? { cursor: page.cursor } : {}) });
      state = { ...state, lastPullAt, ...(page.cursor ? { cursor: page.cursor } : {}) };
      options.onChange('state');
      return;
    }
    await drain(conn, preparePage(page));
  }

  function useConnection(conn: PullConnection): void {
    if (state.lmsId !== null && state.lmsId !== conn.lmsId) {
      log(`[sync] this cache mirrored another LMS (${state.lmsId}); its records are dropped and the first sync starts over for ${conn.lmsId}.`);
      options.switchLms(state.lmsId, conn.lmsId);
      state = syncState.read();
      progress = null;
    }
    if (state.lmsId !== conn.lmsId) {
      syncState.write({ lmsId: conn.lmsId });
      state = { ...state, lmsId: conn.lmsId };
    }
  }

  async function cycle(): Promise<void> {
    const conn = options.connection();
    const changed = conn?.url !== connected?.url;
    connected = conn;
    if (changed) options.onChange('state');
    if (!conn) {
      await wake.sleep(null);
      return;
    }
    useConnection(conn);
    if (state.firstSyncCompletedAt === null) {
      if (!progress) beginFirstSync();
      const writer = options.firstSyncWriter ?? null;
      if (writer && !writerSteppedAside) {
        await writeOffMain(conn, writer);
        if (state.firstSyncCompletedAt !== null) return;
      }
      await drain(conn, null);
    } else {
      await live(conn);
    }
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await cycle();
      } catch (caught) {
        if (caught instanceof Stopped || !running) break;
        if (isLmsError(caught) && caught.kind === 'cancelled') continue;
        failures += 1;
        error = describe(caught);
        if (isLmsError(caught)) {
          // A refusal or a 5xx is still an answer: the LMS is there, just not happy.
          reachable = caught.kind !== 'network' && caught.kind !== 'timeout';
          options.onReachability(reachable, reachable ? null : error);
        } else {
          log(`[sync] pull failed inside Passdesk: ${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}`);
        }
        options.onChange('state');
        const delay = backoffDelay(failures, options.random(), tuning.backoff);
        log(`[sync] pull failed (${failures} in a row), next try in ${delay} ms: ${error}`);
        await wake.sleep(delay);
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      state = syncState.read();
      loop = run();
      options.onChange('state');
    },
    async stop() {
      if (!running) return;
      running = false;
      poll?.abort();
      wake.wake();
      // The writer finishes the transaction in hand and lets go of the cache.
      await offMain?.stop();
      await loop;
      options.onChange('state');
    },
    pullNow() {
      failures = 0;
      poll?.abort();
      wake.wake();
    },
    snapshot,
  };
}
