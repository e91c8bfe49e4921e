// Starts the feed reader worker (feed-reader-worker.ts) for one first-sync run and turns its
// messages back into pages and errors. The worker is the built out/main/feed-reader.js, or its
// TypeScript source registered with tsx when Passdesk runs from source (tests, tsx), found the
// same way as the other workers (app/worker-entry.ts).
import { locateWorker, startWorker, type WorkerEntry } from '../app/worker-entry';
import type { PreparedPage } from '../cache/prepared-page';
import { LmsError } from '../lms/lms-error';
import type { FeedReadAnswer, FeedReadRequest } from './feed-read-job';

export type FeedReaderEntry = WorkerEntry;

export function locateFeedReader(runningFile: string): FeedReaderEntry {
  return locateWorker(runningFile, 'feed-reader', 'src/main/sync/feed-reader-worker.ts');
}

export interface FeedStreamRequest {
  url: string;
  token: string;
  cursor: string | null;
  limit: number;
  /** How many pages the reader may have waiting for the consumer. */
  ahead: number;
}

export interface FeedStreamListener {
  page(page: PreparedPage): void;
  /** The stream ended early: the LMS's error as an LmsError, or what stopped the worker. */
  failed(error: Error): void;
}

export interface FeedStream {
  /** One page taken off the consumer's queue: the reader may read one more. */
  ack(): void;
  /** Ends the worker; nothing more is heard from it. */
  close(): Promise<void>;
}

/**
 * Each page the reader checks lives through several of V8's young-generation collections; with
 * the default young generation most of it is copied to the old one and collected there at
 * several times the cost. A larger young generation took about 10% off a large first sync
 * (bench/sync) for some 60 MB more memory at most.
 */
const READER_LIMITS = { maxYoungGenerationSizeMb: 128 };

export function openFeedStream(entry: FeedReaderEntry, request: FeedStreamRequest, listener: FeedStreamListener): FeedStream {
  const worker = startWorker(entry, 'feed reader worker', READER_LIMITS);
  let open = true;
  const fail = (error: Error) => {
    if (!open) return;
    open = false;
    listener.failed(error);
  };
  worker.on('message', (answer: FeedReadAnswer) => {
    if (!open) return;
    if (answer.type === 'page') listener.page(answer.page);
    else fail(answer.lmsError ? new LmsError(answer.lmsError) : new Error(answer.message));
  });
  worker.on('error', (error) => fail(new Error(`The feed reader worker failed: ${error.message}`)));
  worker.on('exit', (code) => fail(new Error(`The feed reader worker exited (code ${code}) before the feed was read.`)));
  const start: FeedReadRequest = { type: 'stream', ...request };
  worker.postMessage(start);
  return {
    ack() {
      if (open) worker.postMessage({ type: 'ack' } satisfies FeedReadRequest);
    },
    async close() {
      open = false;
      await worker.terminate();
    },
  };
}
