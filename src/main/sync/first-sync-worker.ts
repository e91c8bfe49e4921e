// The first-sync writer (a worker_thread, built as out/main/first-sync-writer.js): writes a
// first sync into the cache over a connection of its own, so main's event loop stays free for
// the window however long the sync takes. Its feed reader worker fetches and checks pages
// beside it; it commits whatever pages are waiting in one transaction with the cursor after
// them, so a kill at any moment resumes at a committed cursor. It steps aside (handed_back)
// as soon as the outbox holds a write the feed must confirm, because main settles those in
// the same transaction as each page.
import { parentPort } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { createFeedApplier } from '../cache/apply-changes';
import { openCacheConnection, SYNC_WRITER_CACHE_KIB } from '../cache/open-cache';
import type { PreparedPage } from '../cache/prepared-page';
import { createQuarantineStore } from '../cache/quarantine';
import { schemaFingerprint } from '../cache/schema-fingerprint';
import { createSyncStateStore } from '../cache/sync-state';
import { isLmsError } from '../lms/lms-error';
import { writesAwaitFeed } from '../outbox/feed-confirmation';
import { openFeedStream, type FeedStream } from './feed-reader';
import { takeBatch } from './first-sync-batch';
import type { FirstSyncOutcome, FirstSyncReport, FirstSyncRequest, FirstSyncRunRequest } from './first-sync-job';

const port = parentPort;
let stopping = false;
let wake: (() => void) | null = null;
const nudge = () => {
  const w = wake;
  wake = null;
  w?.();
};

function report(message: FirstSyncReport): void {
  port?.postMessage(message);
}

async function run(request: FirstSyncRunRequest): Promise<FirstSyncOutcome> {
  let db: Database | null = null;
  let stream: FeedStream | null = null;
  try {
    db = openCacheConnection(request.file, request.nativeBinding ?? undefined);
    db.pragma(`cache_size = -${SYNC_WRITER_CACHE_KIB}`);
    const cache = db;
    const syncState = createSyncStateStore(cache);
    const quarantine = createQuarantineStore(cache);
    const applier = createFeedApplier(cache, { quarantine, syncState, fingerprint: schemaFingerprint(cache), now: () => new Date() });
    let state = syncState.read();
    if (state.firstSyncCompletedAt !== null) return 'done';

    const queue: PreparedPage[] = [];
    let failure: Error | null = null;
    stream = openFeedStream(
      request.reader,
      { url: request.url, token: request.token, cursor: state.cursor, limit: request.pageLimit, ahead: request.ahead },
      {
        page(page) {
          queue.push(page);
          nudge();
        },
        failed(error) {
          failure = error;
          nudge();
        },
      },
    );
    const writeBatch = cache.transaction((changes: Parameters<typeof applier.applyPreparedPage>[0], fields: Parameters<typeof applier.applyPreparedPage>[1]) =>
      writesAwaitFeed(cache) ? null : applier.applyPreparedPage(changes, fields),
    );

    for (;;) {
      if (stopping) return 'stopped';
      const batch = takeBatch(queue, request.batchRows, state, new Date().toISOString());
      if (!batch) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      // Taken off the queue: the reader may read on while this transaction runs.
      for (let i = 0; i < batch.pages; i += 1) stream.ack();
      const effects = writeBatch.immediate(batch.changes, batch.fields);
      if (!effects) return 'handed_back';
      state = { ...state, ...batch.fields };
      report({ type: 'batch', changes: batch.changes.length, upserted: effects.upserted, deleted: effects.deleted, quarantined: effects.quarantined, fields: batch.fields });
      if (batch.fields.firstSyncCompletedAt) return 'done';
      // Lets the reader's pages and main's stop request in before the next transaction.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    await stream?.close();
    db?.close();
  }
}

port?.on('message', (request: FirstSyncRequest) => {
  if (request.type === 'stop') {
    stopping = true;
    nudge();
    return;
  }
  void run(request).then(
    (outcome) => report({ type: 'finished', outcome }),
    (error: unknown) => report({ type: 'failed', message: error instanceof Error ? error.message : String(error), lmsError: isLmsError(error) ? error.toJSON() : null }),
  );
});
