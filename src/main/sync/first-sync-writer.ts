// Main's side of the first-sync writer worker (first-sync-worker.ts): starts one worker per
// run, passes each committed transaction on, and says how the run ended. A failure the LMS
// caused comes back as the same LmsError main would have seen reading the feed itself.
import type { Worker } from 'node:worker_threads';
import { locateWorker, startWorker, type WorkerEntry } from '../app/worker-entry';
import { LmsError } from '../lms/lms-error';
import { locateFeedReader, type FeedReaderEntry } from './feed-reader';
import type { FirstSyncCommitted, FirstSyncOutcome, FirstSyncReport, FirstSyncRequest, FirstSyncRunRequest } from './first-sync-job';

export interface FirstSyncWorkers {
  writer: WorkerEntry;
  reader: FeedReaderEntry;
}

export function locateFirstSyncWorkers(runningFile: string): FirstSyncWorkers {
  return { writer: locateWorker(runningFile, 'first-sync-writer', 'src/main/sync/first-sync-worker.ts'), reader: locateFeedReader(runningFile) };
}

export interface FirstSyncRunOptions {
  url: string;
  token: string;
  pageLimit: number;
  /** Records per transaction at most (one page at least). */
  batchRows: number;
  onBatch(batch: FirstSyncCommitted): void;
}

export interface FirstSyncRun {
  /** Rejects with the LmsError (or other failure) that ended the run; committed batches stay. */
  outcome: Promise<FirstSyncOutcome>;
  /** Asks the worker to stop after the transaction in hand; resolves once it no longer touches the cache. */
  stop(): Promise<void>;
}

export interface FirstSyncWriter {
  run(options: FirstSyncRunOptions): FirstSyncRun;
}

export interface FirstSyncWriterOptions {
  workers: FirstSyncWorkers;
  /** The cache file main opened and migrated. */
  file: string;
  nativeBinding?: string;
}

/** The pages waiting for a transaction outlive V8's smallest young generation; see READER_LIMITS in feed-reader.ts. */
const WRITER_LIMITS = { maxYoungGenerationSizeMb: 32 };

/** Pages the reader may have waiting for the writer: enough to keep both busy, few enough for memory. */
const READ_AHEAD_PAGES = 2;

/** A worker that has not stopped this long after being asked is ended outright. */
const STOP_GRACE_MS = 10_000;

export function createFirstSyncWriter(options: FirstSyncWriterOptions): FirstSyncWriter {
  return {
    run(run) {
      const worker: Worker = startWorker(options.workers.writer, 'first-sync writer worker', WRITER_LIMITS);
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      const outcome = new Promise<FirstSyncOutcome>((resolve, reject) => {
        worker.on('message', (report: FirstSyncReport) => {
          if (report.type === 'batch') run.onBatch(report);
          else if (report.type === 'finished') resolve(report.outcome);
          else reject(report.lmsError ? new LmsError(report.lmsError) : new Error(report.message));
        });
        worker.once('error', (error) => reject(new Error(`The first-sync writer worker failed: ${error.message}`)));
        worker.once('exit', (code) => reject(new Error(`The first-sync writer worker exited (code ${code}) before it finished.`)));
      });
      // Once it has answered, the worker holds nothing worth keeping.
      const ended = outcome.then(
        () => worker.terminate(),
        () => worker.terminate(),
      );
      ended.catch(() => undefined);
      const request: FirstSyncRunRequest = {
        type: 'run',
        file: options.file,
        nativeBinding: options.nativeBinding ?? null,
        reader: options.workers.reader,
        url: run.url,
        token: run.token,
        pageLimit: run.pageLimit,
        ahead: READ_AHEAD_PAGES,
        batchRows: run.batchRows,
      };
      worker.postMessage(request);
      return {
        outcome,
        async stop() {
          worker.postMessage({ type: 'stop' } satisfies FirstSyncRequest);
          const grace = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
          grace.unref();
          await exited;
          clearTimeout(grace);
        },
      };
    },
  };
}
