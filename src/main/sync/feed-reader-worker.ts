// The feed reader (a worker_thread): fetches one page of the LMS change feed, parses it and
// checks every record, and hands main the rows ready to write. During a first sync that is
// most of the work per page, so here it overlaps main's writes of the page before and main
// stays free to answer the window. Built as out/main/feed-reader.js.
import { parentPort } from 'node:worker_threads';
import { preparePage } from '../cache/prepared-page';
import { createLmsClient, type LmsClient } from '../lms/client';
import { isLmsError } from '../lms/lms-error';
import type { FeedReadAnswer, FeedReadRequest } from './feed-read-job';

let client: { key: string; client: LmsClient } | null = null;

function clientFor(url: string, token: string): LmsClient {
  const key = `${url}\n${token}`;
  if (client?.key !== key) client = { key, client: createLmsClient({ baseUrl: url, token }) };
  return client.client;
}

async function read(request: FeedReadRequest): Promise<FeedReadAnswer> {
  try {
    const page = await clientFor(request.url, request.token).changes({ ...(request.cursor === null ? {} : { cursor: request.cursor }), limit: request.limit });
    return { id: request.id, ok: true, page: preparePage(page) };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      lmsError: isLmsError(error) ? error.toJSON() : null,
    };
  }
}

parentPort?.on('message', (request: FeedReadRequest) => {
  void read(request).then((answer) => parentPort?.postMessage(answer));
});
