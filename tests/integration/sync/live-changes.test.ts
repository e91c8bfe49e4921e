import { afterEach, describe, expect, it } from 'vitest';
import { createLmsClient } from '../../../src/main/lms/client';
import { DemoInboundEmailResponse } from '../../../src/shared/lms/api';
import { startDemoLms } from './demo-lms-fixtures';
import { startEngine, statusWhere, tempDir } from './engine-fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('after the first sync', () => {
  it('brings each new change on the LMS into the cache as it happens, with one long-poll per change rather than polling', async () => {
    const server = tempDir('passdesk-live-lms-');
    const cache = tempDir('passdesk-live-cache-');
    cleanups.push(() => server.remove(), () => cache.remove());
    const demo = await startDemoLms(server.dir, 31);
    cleanups.push(() => demo.lms.close());
    const requests: string[] = [];
    const run = startEngine(cache.dir, () => ({ lmsId: 'demo', url: demo.lms.url, token: demo.lms.agentToken }), {
      createClient: ({ url, token }) =>
        createLmsClient({
          baseUrl: url,
          token,
          fetch: (input, init) => {
            requests.push(String(input));
            return fetch(input, init);
          },
        }),
      // Long enough that an idle long-poll never times out during the test.
      pull: { longPollMs: 25_000 },
    });
    cleanups.push(() => run.close());
    await statusWhere(run.engine, (s) => s.phase === 'live');

    const before = requests.length;
    const inCache = (id: string) => run.db.prepare('SELECT 1 FROM message WHERE id = ?').get(id) !== undefined;
    for (let i = 0; i < 3; i += 1) {
      const created = DemoInboundEmailResponse.parse(
        await demo.admin('/__demo/inbound-email', { fromEmail: `live${i}@example.com`, body: `Live test ${i}: module 3 shows incomplete although I passed.` }),
      );
      const status = await statusWhere(run.engine, () => inCache(created.message.id));
      expect(status.phase).toBe('live');
      expect(run.db.prepare('SELECT subject FROM ticket WHERE id = ?').get(created.ticket.id)).toBeTruthy();
    }
    const made = requests.slice(before);
    // Each change is answered by the waiting long-poll, which is then renewed: no polling in between.
    expect(made.length).toBeLessThanOrEqual(3 + 1);
    expect(made.every((url) => url.includes('/changes/wait'))).toBe(true);
    expect(run.engine.status().lastPullAt).not.toBeNull();
  });
});
