// sync.initial.large, ipc.during-sync.p95 and sync.delta.latency: the demo LMS at scale large
// in a process of its own (seeded once into a folder under the system temp dir and reused),
// and in this process what Passdesk's main process runs — the cache and the sync engine — with
// a stand-in for the window calling app.ping through the contract's dispatcher all along.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { entityNames, entityTables, upsertSql, type SqlValue } from '../../src/main/cache/entity-tables';
import { openCache } from '../../src/main/cache/open-cache';
import { createDispatcher, type Handlers } from '../../src/main/ipc/dispatcher';
import { createSyncEngine } from '../../src/main/sync/sync-engine';
import { channelNames } from '../../src/shared/contract';
import { percentile, reportFigure, round } from '../figures';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const seedDir = path.join(tmpdir(), 'passdesk-bench', 'demo-large-seed1');
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface DemoInfo {
  url: string;
  adminToken: string;
  agentToken: string;
  seededInMs: number | null;
}

function startDemoLms(): Promise<{ info: DemoInfo; stop(): void }> {
  mkdirSync(path.dirname(seedDir), { recursive: true });
  const child = spawn(tsx, [path.join(import.meta.dirname, 'demo-lms-process.ts'), '--data', seedDir, '--scale', 'large', '--seed', '1'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the demo LMS exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      resolve({ info: JSON.parse(line) as DemoInfo, stop: () => child.stdin.end() });
    });
  });
}

/** A stand-in for the renderer: another thread that calls main every 10 ms and times the answer. */
function startPinger(): { worker: Worker; samples(): Promise<number[]> } {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { performance } = require('node:perf_hooks');
    const sent = new Map(); const rtts = []; let n = 0;
    const timer = setInterval(() => { n += 1; sent.set(n, performance.now()); parentPort.postMessage({ id: n }); }, 10);
    parentPort.on('message', (m) => {
      if (m.stop) { clearInterval(timer); parentPort.postMessage({ samples: rtts }); return; }
      const t0 = sent.get(m.id); if (t0 !== undefined) { rtts.push(performance.now() - t0); sent.delete(m.id); }
    });`;
  const worker = new Worker(code, { eval: true });
  return {
    worker,
    samples: () =>
      new Promise((resolve) => {
        worker.on('message', (m: { samples?: number[] }) => {
          if (m.samples) {
            void worker.terminate();
            resolve(m.samples);
          }
        });
        worker.postMessage({ stop: true });
      }),
  };
}

function pingOnlyHandlers(): Handlers {
  const refuse = () => {
    throw new Error('not part of this benchmark');
  };
  // Only app.ping is called here; the rest of the contract is answered with a refusal.
  const handlers = Object.fromEntries(channelNames.map((name) => [name, refuse])) as unknown as Handlers;
  handlers['app.ping'] = () => ({ at: Date.now() });
  return handlers;
}

/** The same rows the sync wrote, inserted into a fresh cache with plain prepared statements. */
function rawInsertSeconds(source: Database): { seconds: number; rows: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-bench-raw-'));
  const target = openCache({ dataDir: dir });
  let insertMs = 0;
  let rows = 0;
  try {
    for (const entity of entityNames) {
      const spec = entityTables[entity];
      const insert = target.prepare<SqlValue[]>(upsertSql(entity));
      const columns = ['id', ...spec.columns, 'data', 'seq'].join(', ');
      const read = source.prepare<[number, number], Record<string, SqlValue>>(`SELECT rowid AS _at, ${columns} FROM ${spec.table} WHERE rowid > ? ORDER BY rowid LIMIT ?`);
      const batch = 5000;
      const insertBatch = target.transaction((values: SqlValue[][]) => {
        for (const v of values) insert.run(...v);
      });
      for (let after = 0; ; ) {
        const page = read.all(after, batch);
        if (page.length === 0) break;
        after = Number(page[page.length - 1]?._at);
        const values = page.map(({ _at, ...row }) => Object.values(row));
        const t = performance.now();
        insertBatch(values);
        insertMs += performance.now() - t;
        rows += values.length;
      }
    }
  } finally {
    target.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { seconds: insertMs / 1000, rows };
}

async function main(): Promise<void> {
  say(`starting the demo LMS at scale large (data in ${seedDir}; the first run seeds it, which takes minutes)…`);
  const demo = await startDemoLms();
  say(`demo LMS at ${demo.info.url}${demo.info.seededInMs === null ? ' (reused its data)' : ` (seeded in ${round(demo.info.seededInMs / 1000)} s)`}`);
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'passdesk-bench-cache-'));
  const db = openCache({ dataDir: cacheDir });
  const engine = createSyncEngine({ db, access: () => ({ lmsId: 'demo', url: demo.info.url, token: demo.info.agentToken }), log: say });
  const dispatcher = createDispatcher(pingOnlyHandlers());
  const pinger = startPinger();
  pinger.worker.on('message', (m: { id?: number }) => {
    if (m.id === undefined) return;
    void dispatcher.dispatch('app.ping', {}).then(() => pinger.worker.postMessage({ id: m.id }));
  });

  try {
    const started = performance.now();
    const live = new Promise<void>((resolve) => {
      const stop = engine.subscribe((s) => {
        if (s.phase === 'live') {
          stop();
          resolve();
        }
      });
    });
    engine.start();
    await live;
    const seconds = (performance.now() - started) / 1000;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const samples = await pinger.samples();
    const rows = entityNames.reduce((sum, e) => sum + ((db.prepare(`SELECT count(*) AS n FROM ${entityTables[e].table}`).get() as { n: number }).n), 0);

    // sync.delta.latency: a learner writes in on the LMS; how long until the message is in the cache.
    const lookup = db.prepare<[string], { id: string }>('SELECT id FROM message WHERE id = ?');
    const latencies: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const t0 = performance.now();
      const res = await fetch(`${demo.info.url}/api/v1/__demo/inbound-email`, {
        method: 'POST',
        headers: { authorization: `Bearer ${demo.info.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ fromEmail: `bench${i}@example.com`, body: `Bench ${i}: I finished module 2 and it still says incomplete, I got 90%.` }),
      });
      const { message } = (await res.json()) as { message: { id: string } };
      while (!lookup.get(message.id)) await new Promise((resolve) => setTimeout(resolve, 2));
      latencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await engine.stop();

    const raw = rawInsertSeconds(db);
    const syncRate = rows / seconds;
    const rawRate = raw.rows / raw.seconds;
    reportFigure({
      bench: 'sync.initial.large',
      value: round(seconds),
      unit: 's',
      rows,
      rowsPerSecond: Math.round(syncRate),
      peakRssMb: Math.round(peakRssMb),
      ratio: round(syncRate / rawRate, 2),
      vs: 'raw-sqlite',
      rawSeconds: round(raw.seconds),
      rawRowsPerSecond: Math.round(rawRate),
    });
    reportFigure({
      bench: 'ipc.during-sync.p95',
      value: round(percentile(samples, 95)),
      unit: 'ms',
      p50: round(percentile(samples, 50)),
      max: round(Math.max(...samples)),
      samples: samples.length,
      call: 'app.ping via createDispatcher, from another thread',
    });
    reportFigure({
      bench: 'sync.delta.latency',
      value: round(percentile(latencies, 95)),
      unit: 'ms',
      p50: round(percentile(latencies, 50)),
      samples: latencies.length,
      write: 'POST /__demo/inbound-email until the message is in the cache',
    });
  } finally {
    await engine.stop();
    db.close();
    rmSync(cacheDir, { recursive: true, force: true });
    demo.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
