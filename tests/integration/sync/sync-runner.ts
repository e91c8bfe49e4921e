// A process that does nothing but sync: opens the cache in --data, syncs with the LMS at --url,
// and prints one JSON line per status change. The kill test runs it with tsx and kills it
// with SIGKILL at random moments; it exits by itself once the first sync is complete and a
// live pull after that came back — a first sync completed by an earlier run says nothing of
// what the LMS wrote while this desk was down.
import { parseArgs } from 'node:util';
import { openCache } from '../../../src/main/cache/open-cache';
import { createSyncEngine } from '../../../src/main/sync/sync-engine';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
    'lms-id': { type: 'string', default: 'demo' },
    'max-page': { type: 'string', default: '5000' },
    // Small transactions give the kill test many points to kill at.
    'batch-rows': { type: 'string', default: '2000' },
  },
});
if (!values.data || !values.url || !values.token) {
  console.error('usage: sync-runner --data DIR --url URL --token TOKEN [--lms-id ID] [--max-page N] [--batch-rows N]');
  process.exit(2);
}
const access = { lmsId: values['lms-id'] ?? 'demo', url: values.url, token: values.token };
const db = openCache({ dataDir: values.data });
const engine = createSyncEngine({
  db,
  access: () => access,
  log: (line) => console.error(line),
  // A short long-poll: a live pull that finds nothing comes back soon, and says so.
  pull: { maxPage: Number(values['max-page']), batchRows: Number(values['batch-rows']), backoff: { baseMs: 100, maxMs: 1_000 }, longPollMs: 500 },
});
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
let finishing = false;
/** When the engine was first seen live; the pull that finishes after it is the catch-up. */
let liveSince: string | null = null;
engine.subscribe((status) => {
  say({ event: 'status', phase: status.phase, done: status.firstSync?.done ?? null, error: status.error });
  if (status.phase !== 'live') return;
  liveSince ??= new Date().toISOString();
  if (status.lastPullAt !== null && status.lastPullAt > liveSince && !finishing) {
    finishing = true;
    void engine.stop().then(() => {
      db.close();
      say({ event: 'synced' });
      process.exit(0);
    });
  }
});
engine.start();
say({ event: 'started' });
