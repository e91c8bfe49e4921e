// Reads pages of the change feed in the feed reader worker (feed-reader-worker.ts), started
// on first use. The worker is the built out/main/feed-reader.js, or its TypeScript source
// registered with tsx inside the worker when Passdesk runs from source (tests, tsx), found the
// same way as the screenshot inspection worker.
import type { Worker } from 'node:worker_threads';
import { locateWorker, startWorker, type WorkerEntry } from '../app/worker-entry';
import type { PreparedPage } from '../cache/prepared-page';
import { LmsError } from '../lms/lms-error';
import type { FeedReadAnswer, FeedReadRequest } from './feed-read-job';

export type FeedReaderEntry = WorkerEntry;

export function locateFeedReader(runningFile: string): FeedReaderEntry {
  return locateWorker(runningFile, 'feed-reader', 'src/main/sync/feed-reader-worker.ts');
}

export interface FeedReader {
  /** One page after `cursor` (null: from the start), checked and shaped for applyPreparedPage. */
  read(access: { url: string; token: string }, cursor: string | null, limit: number): Promise<PreparedPage>;
  /** Ends the worker; a read still waiting fails. The next read starts it again. */
  close(): Promise<void>;
}

export function createFeedReader(entry: FeedReaderEntry, log: (line: string) => void): FeedReader {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (page: PreparedPage) => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  }

  function start(): Worker {
    if (worker) return worker;
    const started = startWorker(entry, 'feed reader worker');
    started.on('message', (answer: FeedReadAnswer) => {
      const pending = waiting.get(answer.id);
      if (!pending) return;
      waiting.delete(answer.id);
      if (answer.ok) pending.resolve(answer.page);
      else pending.reject(answer.lmsError ? new LmsError(answer.lmsError) : new Error(answer.message));
    });
    started.on('error', (error) => {
      log(`[sync] the feed reader worker failed: ${error.message}`);
      failAll(new Error(`The feed reader worker stopped: ${error.message}`));
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      if (waiting.size > 0) failAll(new Error(`The feed reader worker exited (code ${code}) before answering.`));
    });
    worker = started;
    return started;
  }

  return {
    read(access, cursor, limit) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        try {
          const request: FeedReadRequest = { id, url: access.url, token: access.token, cursor, limit };
          start().postMessage(request);
        } catch (error) {
          waiting.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    async close() {
      const running = worker;
      worker = null;
      failAll(new Error('The first sync stopped.'));
      if (running) await running.terminate();
    },
  };
}
