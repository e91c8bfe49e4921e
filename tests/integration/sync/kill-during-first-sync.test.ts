import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/main/cache/open-cache';
import { cacheDigest } from '../../../src/main/sync/cache-digest';
import { startDemoLms } from './demo-lms-fixtures';
import { tempDir } from './engine-fixtures';
import { killGroup } from '../process-group';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const runner = path.join(import.meta.dirname, 'sync-runner.ts');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface RunnerEvent {
  event: 'started' | 'status' | 'synced';
  phase?: string;
  done?: number | null;
}

/** Starts the sync runner; `events` yields its JSON lines as they come. */
function startRunner(args: string[]): { child: ChildProcess; next(match: (e: RunnerEvent) => boolean): Promise<RunnerEvent | null>; exited: Promise<number | null>; log: string[] } {
  // A process group of its own, for killGroup.
  const child = spawn(tsx, [runner, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const queue: RunnerEvent[] = [];
  const waiters: Array<() => void> = [];
  let ended = false;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    queue.push(JSON.parse(line) as RunnerEvent);
    waiters.splice(0).forEach((w) => w());
  });
  const log: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
  // 'close', not 'exit': by then everything the runner printed has been read.
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      ended = true;
      waiters.splice(0).forEach((w) => w());
      resolve(code);
    }),
  );
  return {
    child,
    exited,
    log,
    async next(match) {
      for (;;) {
        const index = queue.findIndex(match);
        if (index >= 0) return queue.splice(0, index + 1).pop() ?? null;
        if (ended) return null;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

describe('a first sync killed with SIGKILL at random moments', () => {
  it('resumes each time where it stopped and ends with exactly the server state', async () => {
    const server = tempDir('passdesk-kill-lms-');
    const cache = tempDir('passdesk-kill-cache-');
    cleanups.push(() => server.remove(), () => cache.remove());
    const demo = await startDemoLms(server.dir, 7);
    cleanups.push(() => demo.lms.close());
    const args = ['--data', cache.dir, '--url', demo.lms.url, '--token', demo.lms.agentToken, '--max-page', '1000'];

    // Pages answer a little slowly, so that the kills land while the first sync is still running.
    await demo.setFaults({ latencyMs: 60, paths: ['/changes'] });
    const killedAt: number[] = [];
    for (let kill = 0; kill < 4; kill += 1) {
      const run = startRunner(args);
      cleanups.push(() => killGroup(run.child));
      // Wait for a random number of progress reports, then a random bit more, and kill it.
      const reports = 1 + Math.floor(Math.random() * 4);
      let last: RunnerEvent | null = null;
      for (let i = 0; i < reports; i += 1) {
        last = await run.next((e) => (e.event === 'status' && e.phase === 'first_sync' && (e.done ?? 0) > 0) || e.event === 'synced');
        if (last?.event !== 'status') break;
      }
      if (last?.event !== 'status') break;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 150));
      killGroup(run.child);
      await run.exited;
      killedAt.push(last.done ?? 0);
      // The LMS keeps working while the desk is down: the feed moves on under the cursor.
      await demo.admin('/__demo/inbound-email', { fromEmail: `learner${kill}@example.com`, body: `Module ${kill} still shows incomplete after I finished it.` });
    }
    expect(killedAt.length).toBeGreaterThanOrEqual(2);
    await demo.setFaults({ latencyMs: 0 });

    const final = startRunner(args);
    cleanups.push(() => killGroup(final.child));
    expect(await final.next((e) => e.event === 'synced')).toMatchObject({ event: 'synced' });
    expect(await final.exited).toBe(0);

    const db = openCache({ dataDir: cache.dir });
    cleanups.push(() => {
      db.close();
    });
    const mine = cacheDigest(db);
    const theirs = await demo.digest();
    // The last run went on from the cursor the killed ones committed: it read only what was left.
    const records = Object.values(theirs).reduce((sum, e) => sum + e.count, 0);
    const lastRun = /first sync complete \((\d+) changes/.exec(final.log.join('\n'));
    expect(Number(lastRun?.[1] ?? records)).toBeLessThan(records);
    expect(mine).toEqual(theirs);
    expect(mine.enrollment.count).toBeGreaterThan(10_000);
  });
});
