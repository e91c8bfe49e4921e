// The manual pass's promise under fire: 300 passes requested through the contract while the
// demo LMS answers 500s, drops connections before and after applying writes, and adds
// latency — and while the process running the services is killed with SIGKILL at random
// moments, 20 times or more. Afterwards the LMS holds exactly one pass for each request that
// was not cancelled, superseded or rejected, and every request is accounted for locally in
// its final state: none lost, none doubled.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/main/cache/open-cache';
import { startDemoLms } from '../sync/demo-lms-fixtures';
import { tempDir } from '../sync/engine-fixtures';
import { ChangesPage } from '../../../src/shared/lms/api';
import { ManualPass } from '../../../src/shared/lms/entities';
import { killGroup } from '../process-group';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const runner = path.join(import.meta.dirname, 'pass-runner.ts');
const KILLS = 20;
const PASSES = 300;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface RunnerEvent {
  event: string;
  made?: number;
  size?: number;
}


function startRunner(args: string[]): { child: ChildProcess; next(match: (e: RunnerEvent) => boolean): Promise<RunnerEvent | null>; exited: Promise<number | null>; stderr(): string } {
  // A process group of its own, for killGroup.
  const child = spawn(tsx, [runner, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const queue: RunnerEvent[] = [];
  const waiters: Array<() => void> = [];
  const errors: string[] = [];
  let ended = false;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (process.env.PASS_KILL_DEBUG) console.log(line);
    try {
      queue.push(JSON.parse(line) as RunnerEvent);
    } catch {
      errors.push(line);
    }
    waiters.splice(0).forEach((w) => w());
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    errors.push(line);
    if (errors.length > 200) errors.shift();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      ended = true;
      waiters.splice(0).forEach((w) => w());
      resolve(code);
    }),
  );
  return {
    child,
    exited,
    stderr: () => errors.join('\n'),
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

/** Every manual pass the LMS holds, read from its change feed from the beginning. */
async function manualPassesOnLms(url: string, token: string): Promise<ManualPass[]> {
  const found = new Map<string, ManualPass>();
  let cursor: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '5000', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${url}/api/v1/changes?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const page = ChangesPage.parse(await res.json());
    for (const change of page.changes) {
      if (change.entity !== 'manual_pass') continue;
      if (change.op === 'delete') found.delete(change.id);
      else found.set(change.id, ManualPass.parse(change.data));
    }
    cursor = page.cursor;
    if (!page.hasMore) return [...found.values()];
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('300 passes through faults and 20+ SIGKILLs', () => {
  it('end with exactly one LMS pass per request that was not cancelled, superseded or rejected', async () => {
    const server = tempDir('passdesk-passkill-lms-');
    const desk = tempDir('passdesk-passkill-desk-');
    cleanups.push(() => server.remove(), () => desk.remove());
    const demo = await startDemoLms(server.dir, 11);
    cleanups.push(() => demo.lms.close());
    await demo.setFaults({ error500: 0.08, resetBefore: 0.05, resetAfter: 0.1, latencyMs: 15, paths: ['/manual-passes', '/enrollments', '/learners'] });
    const args = ['--data', desk.dir, '--lms', demo.lms.url, '--token', demo.lms.adminToken, '--count', String(PASSES), '--pace-ms', '100'];

    let kills = 0;
    let killsWhileWorking = 0;
    let completedOnTheirOwn = 0;
    const planFile = path.join(desk.dir, 'plan.json');
    for (let round = 0; kills < KILLS && round < KILLS * 3; round += 1) {
      const run = startRunner(args);
      cleanups.push(() => killGroup(run.child));
      // Kill at a random moment: now and then during start-up and the sync, mostly while it
      // requests and sends passes.
      const duringWork = Math.random() >= 0.1;
      if (duringWork) await run.next((e) => e.event === 'plan' || e.event === 'settled');
      await wait(Math.random() * 1500);
      if (run.child.exitCode !== null) {
        // It finished everything before this kill; anything else is a crash worth reading.
        expect(run.child.exitCode, run.stderr()).toBe(0);
        break;
      }
      killGroup(run.child);
      await run.exited;
      kills += 1;
      if (duringWork) killsWhileWorking += 1;
      // The world moves on while the desk is down: a few planned learners complete on their own.
      if (existsSync(planFile) && completedOnTheirOwn < 12) {
        const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Array<{ learnerId: string; moduleId: string }>;
        const pick = plan[Math.floor(Math.random() * plan.length)];
        if (pick) {
          await demo.admin('/__demo/complete', { learnerId: pick.learnerId, moduleId: pick.moduleId }).then(
            () => (completedOnTheirOwn += 1),
            () => undefined,
          );
        }
      }
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    // Most kills land while passes are being requested, sent and verified, not during start-up.
    expect(killsWhileWorking).toBeGreaterThanOrEqual(KILLS / 2);

    const final = startRunner(args);
    cleanups.push(() => killGroup(final.child));
    const settled = await final.next((e) => e.event === 'settled');
    expect(settled, final.stderr()).toMatchObject({ event: 'settled' });
    expect(await final.exited).toBe(0);

    // ── What the desk holds ──
    const db = openCache({ dataDir: desk.dir });
    cleanups.push(() => {
      db.close();
    });
    const passes = db
      .prepare<[], { id: string; learner_id: string; module_id: string; state: string; lms_pass_id: string | null; sends: number }>(
        'SELECT id, learner_id, module_id, state, lms_pass_id, sends FROM pass_request',
      )
      .all();
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Array<{ learnerId: string; moduleId: string }>;
    expect(plan).toHaveLength(PASSES);
    const pairs = new Set(passes.map((p) => `${p.learner_id}/${p.module_id}`));
    expect(pairs.size, 'one request per planned learner + module').toBe(passes.length);
    for (const p of passes) expect(['verified', 'rejected', 'superseded', 'cancelled']).toContain(p.state);
    // A planned pass with no request is one whose learner completed on their own before it was asked for.
    expect(passes.length).toBeGreaterThanOrEqual(PASSES - completedOnTheirOwn);
    expect(passes.filter((p) => p.state === 'cancelled').length).toBeGreaterThan(0);

    // ── What the LMS holds ──
    await demo.setFaults({});
    const lmsPasses = await manualPassesOnLms(demo.lms.url, demo.lms.adminToken);
    const lmsByPair = new Map<string, string[]>();
    for (const mp of lmsPasses) {
      const key = `${mp.learnerId}/${mp.moduleId}`;
      lmsByPair.set(key, [...(lmsByPair.get(key) ?? []), mp.id]);
    }
    for (const p of passes) {
      const onLms = lmsByPair.get(`${p.learner_id}/${p.module_id}`) ?? [];
      if (p.state === 'verified') {
        expect(onLms, `pass ${p.id} (verified) is on the LMS exactly once`).toEqual([p.lms_pass_id]);
      } else {
        expect(onLms, `pass ${p.id} (${p.state}) never reached the LMS`).toEqual([]);
      }
    }
    const verified = passes.filter((p) => p.state === 'verified').length;
    expect(lmsPasses.filter((mp) => pairs.has(`${mp.learnerId}/${mp.moduleId}`))).toHaveLength(verified);
    expect(verified).toBeGreaterThan(PASSES / 2);
    const byState = Object.fromEntries(['verified', 'cancelled', 'superseded', 'rejected'].map((st) => [st, passes.filter((p) => p.state === st).length]));
    const resent = passes.filter((p) => p.sends > 1).length;
    console.info(`[pass-kill] ${kills} kills (${killsWhileWorking} while requesting and sending); ${passes.length} requests: ${JSON.stringify(byState)}; ${resent} sent more than once with the same key; ${completedOnTheirOwn} learners completed on their own.`);
  }, 600_000);
});
