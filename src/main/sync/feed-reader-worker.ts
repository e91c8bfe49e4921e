// The feed reader (a worker_thread started by the first-sync writer): fetches the LMS change
// feed, parses it and checks every record, and streams the rows ready to write to the writer.
// During a first sync that is about half the work per record; here it runs beside the writer's
// commits instead of before them. Built as out/main/feed-reader.js.
import { parentPort } from 'node:worker_threads';
import { createLmsClient } from '../lms/client';
import { isLmsError } from '../lms/lms-error';
import type { FeedReadAnswer, FeedReadRequest } from './feed-read-job';
import { streamFeed } from './feed-stream';

const port = parentPort;
let unacknowledged = 0;
let ahead = 1;
let wakeRoom: (() => void) | null = null;
let streaming = false;

function room(): Promise<void> {
  if (unacknowledged < ahead) return Promise.resolve();
  return new Promise((resolve) => {
    wakeRoom = resolve;
  });
}

function answer(message: FeedReadAnswer): void {
  port?.postMessage(message);
}

async function stream(request: Extract<FeedReadRequest, { type: 'stream' }>): Promise<void> {
  const client = createLmsClient({ baseUrl: request.url, token: request.token });
  ahead = Math.max(1, request.ahead);
  try {
    await streamFeed({
      changes: (cursor, limit) => client.changes({ ...(cursor === null ? {} : { cursor }), limit }),
      cursor: request.cursor,
      limit: request.limit,
      room,
      send: (page) => {
        unacknowledged += 1;
        answer({ type: 'page', page });
      },
    });
  } catch (error) {
    answer({ type: 'failed', message: error instanceof Error ? error.message : String(error), lmsError: isLmsError(error) ? error.toJSON() : null });
  }
}

port?.on('message', (request: FeedReadRequest) => {
  if (request.type === 'ack') {
    unacknowledged = Math.max(0, unacknowledged - 1);
    const wake = wakeRoom;
    wakeRoom = null;
    wake?.();
    return;
  }
  // One stream per worker: the writer starts a fresh worker for each run.
  if (streaming) return;
  streaming = true;
  void stream(request);
});
