// The large demo data the read benchmarks share: the demo LMS seeded at scale large (seed 1)
// and a cache filled from it with the sync's own table mapping, each made once under the
// system temp folder and reused by later runs (and by other benchmarks).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Sqlite from 'better-sqlite3';
import { entityNames, upsertParams, upsertSql, type SqlValue } from '../src/main/cache/entity-tables';
import { openCache } from '../src/main/cache/open-cache';
import { entitySchemas, type EntityName } from '../src/shared/lms/entities';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
export const benchDir = path.join(tmpdir(), 'passdesk-bench');
const seedDir = path.join(benchDir, 'demo-large-seed1');
const demoDb = path.join(seedDir, 'demo-lms.sqlite');
const filledCache = path.join(benchDir, 'demo-cache-large-seed1');
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Seeds the demo LMS at scale large unless an earlier run (of any benchmark) left it behind. */
export async function ensureDemoSeeded(): Promise<void> {
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

async function ensureFilledCache(): Promise<void> {
  if (existsSync(path.join(filledCache, 'filled'))) return;
  await ensureDemoSeeded();
  const building = `${filledCache}.building`;
  rmSync(building, { recursive: true, force: true });
  rmSync(filledCache, { recursive: true, force: true });
  const started = performance.now();
  say('filling a cache from the demo LMS (once)…');
  const source = new Sqlite(demoDb, { readonly: true });
  const target = openCache({ dataDir: building });
  const upserts = new Map(entityNames.map((e) => [e, target.prepare<SqlValue[]>(upsertSql(e))]));
  const ticketSender = target.prepare<[string], { from_email: string }>('SELECT from_email FROM ticket WHERE id = ?');
  const senders = { ticketSender: (id: string) => ticketSender.get(id)?.from_email ?? null, agentSender: () => null };
  let n = 0;
  target.exec('BEGIN');
  for (const row of source.prepare<[], { seq: number; entity: string; data: string }>('SELECT seq, entity, data FROM record ORDER BY seq').iterate()) {
    const entity = row.entity as EntityName;
    const upsert = upserts.get(entity);
    if (!upsert) continue;
    const record = entitySchemas[entity].parse(JSON.parse(row.data));
    upsert.run(...upsertParams(entity, record as never, JSON.stringify(record), row.seq, senders));
    if (++n % 50_000 === 0) {
      target.exec('COMMIT');
      target.exec('BEGIN');
      say(`  ${n.toLocaleString('en-US')} records in the cache…`);
    }
  }
  target.exec('COMMIT');
  target.close();
  source.close();
  renameSync(building, filledCache);
  writeFileSync(path.join(filledCache, 'filled'), `${new Date().toISOString()}\n`);
  say(`cache filled with ${n.toLocaleString('en-US')} records in ${Math.round((performance.now() - started) / 1000)} s`);
}

/**
 * A data folder holding a cache of the whole large demo LMS, for one benchmark (`name`): a copy
 * of the shared filled cache, so what one benchmark writes never skews another's figures.
 */
export async function largeDemoCache(name: string): Promise<string> {
  const dir = path.join(benchDir, `${name}-cache-large-seed1`);
  if (existsSync(path.join(dir, 'filled'))) return dir;
  await ensureFilledCache();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(filledCache, 'cache.sqlite'), path.join(dir, 'cache.sqlite'));
  writeFileSync(path.join(dir, 'filled'), `${new Date().toISOString()}\n`);
  return dir;
}
