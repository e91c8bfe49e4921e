// A process that does nothing but sync: opens the cache in --data, syncs with the LMS at --url,
// and prints one JSON line per status change. The kill test runs it with tsx and kills it
// with SIGKILL at random moments; it exits by itself once the first sync is complete.
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
  },
});
if (!values.data || !values.url || !values.token) {
  console.error('usage: sync-runner --data DIR --url URL --token TOKEN [--lms-id ID] [--max-page N]');
  process.exit(2);
}
const access = { lmsId: values['lms-id'] ?? 'demo', url: values.url, token: values.token };
const db = openCache({ dataDir: values.data });
const engine = createSyncEngine({
  db,
  access: () => access,
  log: (line) => console.error(line),
  pull: { maxPage: Number(values['max-page']), backoff: { baseMs: 100, maxMs: 1_000 } },
});
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
let finishing = false;
engine.subscribe((status) => {
  say({ event: 'status', phase: status.phase, done: status.firstSync?.done ?? null, error: status.error });
  if (status.phase === 'live' && !finishing) {
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
