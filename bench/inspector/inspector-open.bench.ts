// inspector.open.p95: one learner + module with all its attempts and the verdict, through the
// contract's dispatcher (input and output validated, as the window's calls are), on a cache
// holding the demo LMS at scale large. The cache is filled once from the demo LMS's own
// database (the records its change feed sends, in feed order) and kept for later runs;
// knownIssues.overview is timed once on the same cache.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { entityNames, upsertParams, upsertSql, type SqlValue } from '../../src/main/cache/entity-tables';
import { openCache } from '../../src/main/cache/open-cache';
import { createInspectorHandlers } from '../../src/main/inspector/inspector-service';
import { channels } from '../../src/shared/contract';
import { entitySchemas, type EntityName } from '../../src/shared/lms/entities';
import { percentile, reportFigure, round } from '../figures';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const benchDir = path.join(tmpdir(), 'passdesk-bench');
const seedDir = path.join(benchDir, 'demo-large-seed1');
const demoDb = path.join(seedDir, 'demo-lms.sqlite');
const cacheDir = path.join(benchDir, 'inspector-cache-large-seed1');
const SAMPLES = 400;
/** The demo data's "now" plus a few days, as a desk would open it. */
const NOW = new Date('2026-12-01T09:00:00.000Z');
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Seeds the demo LMS at scale large when no earlier run (this or the sync bench) left it behind. */
async function ensureDemoSeeded(): Promise<void> {
  if (existsSync(demoDb)) return;
  mkdirSync(seedDir, { recursive: true });
  say('seeding the demo LMS at scale large (minutes, once)…');
  const child = spawn(tsx, [path.join(root, 'bench/sync/demo-lms-process.ts'), '--data', seedDir, '--scale', 'large', '--seed', '1'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the demo LMS exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout }).once('line', () => resolve());
  });
  const exited = new Promise((resolve) => child.once('close', resolve));
  child.stdin.end();
  await exited;
}

/** Copies every record of the demo LMS into a fresh cache with the sync's own table mapping. */
function fillCache(): void {
  if (existsSync(path.join(cacheDir, 'filled'))) return;
  const building = `${cacheDir}.building`;
  rmSync(building, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const started = performance.now();
  const source = new Sqlite(demoDb, { readonly: true });
  const target = openCache({ dataDir: building });
  const upserts = new Map(entityNames.map((e) => [e, target.prepare<SqlValue[]>(upsertSql(e))]));
  const ticketSender = target.prepare<[string], { from_email: string }>('SELECT from_email FROM ticket WHERE id = ?');
  const senders = { ticketSender: (id: string) => ticketSender.get(id)?.from_email ?? null, agentSender: () => null };
  const rows = source.prepare<[], { seq: number; entity: string; data: string }>('SELECT seq, entity, data FROM record ORDER BY seq').iterate();
  let batch = 0;
  target.exec('BEGIN');
  for (const row of rows) {
    const entity = row.entity as EntityName;
    const schema = entitySchemas[entity];
    const upsert = upserts.get(entity);
    if (!schema || !upsert) continue;
    const record = schema.parse(JSON.parse(row.data));
    upsert.run(...upsertParams(entity, record as never, JSON.stringify(record), row.seq, senders));
    if (++batch % 50_000 === 0) {
      target.exec('COMMIT');
      target.exec('BEGIN');
      say(`  ${batch.toLocaleString('en-US')} records in the cache…`);
    }
  }
  target.exec('COMMIT');
  target.close();
  source.close();
  renameSync(building, cacheDir);
  writeFileSync(path.join(cacheDir, 'filled'), `${new Date().toISOString()}\n`);
  say(`cache filled with ${batch.toLocaleString('en-US')} records in ${round((performance.now() - started) / 1000)} s`);
}

function sampleTargets(db: Database): { learnerId: string; moduleId: string; ticketId: string | null }[] {
  // Half from tickets linked to a learner and a module (how the inspector is opened most),
  // half from enrollments with attempts (the learner panel, the pass panel).
  const fromTickets = db
    .prepare<[number], { learner_id: string; module_id: string; id: string }>(
      'SELECT learner_id, module_id, id FROM ticket WHERE learner_id IS NOT NULL AND module_id IS NOT NULL ORDER BY (row_no * 7919) % 10007 LIMIT ?',
    )
    .all(SAMPLES / 2)
    .map((t) => ({ learnerId: t.learner_id, moduleId: t.module_id, ticketId: t.id }));
  const fromAttempts = db
    .prepare<[number], { learner_id: string; module_id: string }>('SELECT learner_id, module_id FROM attempt WHERE rowid % 4999 = 0 LIMIT ?')
    .all(SAMPLES / 2)
    .map((a) => ({ learnerId: a.learner_id, moduleId: a.module_id, ticketId: null }));
  return [...fromTickets, ...fromAttempts];
}

async function main(): Promise<void> {
  await ensureDemoSeeded();
  fillCache();
  const db = openCache({ dataDir: cacheDir });
  const handlers = createInspectorHandlers({ db, clock: { now: () => NOW } });
  // What the dispatcher does for every call from the window: validate the input, answer, validate the output.
  const open = async (input: unknown) => channels['inspector.open'].output.parse(await handlers['inspector.open'](channels['inspector.open'].input.parse(input)));
  const targets = sampleTargets(db);
  say(`timing inspector.open on ${targets.length} learner + module pairs…`);

  // A first pass warms SQLite's page cache and the JIT, as a desk that has been open a while.
  for (const t of targets.slice(0, 40)) await open(t);
  const samples: number[] = [];
  let attempts = 0;
  const kinds = new Map<string, number>();
  for (const t of targets) {
    const started = performance.now();
    const inspection = await open(t);
    samples.push(performance.now() - started);
    attempts += inspection.attempts.length;
    kinds.set(inspection.verdict.kind, (kinds.get(inspection.verdict.kind) ?? 0) + 1);
  }
  reportFigure({
    bench: 'inspector.open.p95',
    value: round(percentile(samples, 95), 2),
    unit: 'ms',
    goal: 50,
    p50: round(percentile(samples, 50), 2),
    max: round(Math.max(...samples), 2),
    samples: samples.length,
    meanAttempts: round(attempts / samples.length, 1),
    verdicts: [...kinds.entries()].map(([k, n]) => `${k}:${n}`).join(','),
    scale: 'large',
    where: 'services (input and output validated as the dispatcher does)',
  });

  const overviewStarted = performance.now();
  channels['knownIssues.overview'].output.parse(await handlers['knownIssues.overview'](channels['knownIssues.overview'].input.parse({ sinceDays: 90 })));
  reportFigure({ bench: 'knownIssues.overview', value: round(performance.now() - overviewStarted, 0), unit: 'ms', scale: 'large', sinceDays: 90, runs: 1 });
  db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
