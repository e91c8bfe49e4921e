// pass.users.search.p95: "Get Users" with a keyword in a module with 100,000 enrolled
// learners, through the contract's dispatcher as the panel calls it — the full-text match
// over name and e-mail, the page of 25 rows, and each row's verdict, tickets and pass state.
// The module is built here in a fresh cache: one course, one module, 100,000 learners across
// 400 workplaces, a scored attempt for a third of them, a ticket for some.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import { upsertParams, upsertSql, type SenderDirectory, type SqlValue } from '../../src/main/cache/entity-tables';
import { openCache } from '../../src/main/cache/open-cache';
import { createDispatcher, type Handlers } from '../../src/main/ipc/dispatcher';
import { createPasses } from '../../src/main/passes/create-passes';
import { firstNames, lastNames } from '../../src/demo-lms/seed/vocabulary';
import { SeededRandom } from '../../src/demo-lms/seed/seeded-random';
import type { EntityName, EntityRecord } from '../../src/shared/lms/entities';
import type { UsersPage } from '../../src/shared/channels/passes';
import { percentile, reportFigure, round } from '../figures';

const LEARNERS = 100_000;
const WORKPLACES = 400;
const QUERIES = 300;
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-bench-passes-'));
const db = openCache({ dataDir: dir });
const senders: SenderDirectory = { ticketSender: () => null, agentSender: () => null };
const statements = new Map<EntityName, Statement<SqlValue[]>>();
let seq = 0;
function put<E extends EntityName>(entity: E, record: EntityRecord<E>): void {
  let statement = statements.get(entity);
  if (!statement) {
    statement = db.prepare<SqlValue[]>(upsertSql(entity));
    statements.set(entity, statement);
  }
  seq += 1;
  statement.run(...upsertParams(entity, record, JSON.stringify(record), seq, senders));
}

const random = new SeededRandom(8, 'pass-bench');
const pick = <T>(list: readonly T[]): T => list[random.int(0, list.length - 1)] as T;
const started = performance.now();
const names: string[] = [];
db.transaction(() => {
  put('category', { id: 'cat_bench', name: 'Summit Roofing Systems' });
  put('course', { id: 'crs_bench', categoryId: 'cat_bench', name: 'Low-Slope Membrane Installation', blueBucks: 50 });
  put('module', { id: 'mod_bench', courseId: 'crs_bench', name: 'Module 3: Seams and Flashing', passingScore: 80 });
  for (let w = 0; w < WORKPLACES; w += 1) put('workplace', { id: `wp_${w}`, name: `${pick(lastNames)} Roofing ${w}` });
  for (let i = 0; i < LEARNERS; i += 1) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const name = `${first} ${last}`;
    names.push(name);
    const id = `lrn_${String(i).padStart(6, '0')}`;
    put('learner', { id, name, email: `${first}.${last}${i}@example${i % 97}.com`.toLowerCase(), workplaceId: `wp_${i % WORKPLACES}` });
    put('enrollment', { id: `enr_${i}`, learnerId: id, moduleId: 'mod_bench', status: i % 10 === 0 ? 'completed' : 'in_progress', completedAt: i % 10 === 0 ? '2026-10-01T10:00:00.000Z' : null, completionSource: i % 10 === 0 ? 'tracked' : null });
    if (i % 3 === 0) {
      const score = random.int(40, 100);
      put('attempt', {
        id: `atm_${i}`, learnerId: id, moduleId: 'mod_bench', startedAt: '2026-11-01T10:00:00.000Z', lastDataAt: '2026-11-01T10:40:00.000Z', standard: 'scorm12',
        completionStatus: 'incomplete', successStatus: score >= 80 ? 'passed' : 'failed', scoreRaw: score, scoreMin: 0, scoreMax: 100, scoreScaled: null, sessionTime: 2400,
        suspendDataLength: 1200, environment: { os: 'Windows 11', browser: 'Chrome 131', userAgent: 'Mozilla/5.0' }, errors: [], cmi: {},
      });
    }
    if (i % 25 === 0) {
      put('ticket', {
        id: `tkt_${i}`, subject: 'Module 3 still shows incomplete', fromEmail: `${first}.${last}${i}@example${i % 97}.com`.toLowerCase(), learnerId: id, moduleId: 'mod_bench',
        status: 'open', assigneeId: null, tags: [], createdAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z', version: 1,
      });
    }
  }
})();
db.pragma('optimize');
say(`built a module with ${LEARNERS.toLocaleString('en-US')} enrolled learners in ${Math.round(performance.now() - started)} ms`);

const passes = createPasses({
  db,
  clock: { now: () => new Date('2026-12-01T12:00:00.000Z') },
  log: () => undefined,
  me: () => ({ id: 'agt_demo_admin', name: 'Dana Whitfield', email: 'dana@example.com', role: 'admin' }),
  client: () => null,
  emit: () => undefined,
  writesQueued: () => undefined,
});
const served: Partial<Handlers> = passes.handlers;
const dispatcher = createDispatcher(served as Handlers, (line) => say(line));

// What admins type: a full name, a surname, a first name, the start of a name, an e-mail.
function keyword(i: number): string {
  const name = names[random.int(0, names.length - 1)] ?? 'Smith';
  const [first = '', last = ''] = name.split(' ');
  switch (i % 5) {
    case 0:
      return name;
    case 1:
      return last;
    case 2:
      return `${first} ${last.slice(0, 3)}`;
    case 3:
      return last.slice(0, 4);
    default:
      return `${first}.${last}${random.int(0, LEARNERS - 1)}@example`.toLowerCase();
  }
}

async function main(): Promise<void> {
  const samples: number[] = [];
  let matched = 0;
  for (let i = 0; i < QUERIES + 20; i += 1) {
    const t0 = performance.now();
    const result = await dispatcher.dispatch('passes.users', { moduleId: 'mod_bench', keyword: keyword(i), limit: 25 });
    const ms = performance.now() - t0;
    if (!result.ok) throw new Error(result.error.message);
    matched += (result.value as UsersPage).total;
    if (i >= 20) samples.push(ms);
  }
  const unfiltered: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const t0 = performance.now();
    await dispatcher.dispatch('passes.users', { moduleId: 'mod_bench', offset: random.int(0, 3_000) * 25, limit: 25 });
    unfiltered.push(performance.now() - t0);
  }
  reportFigure({
    bench: 'pass.users.search.p95',
    value: round(percentile(samples, 95), 2),
    unit: 'ms',
    goal: 20,
    p50: round(percentile(samples, 50), 2),
    max: round(Math.max(...samples), 2),
    queries: samples.length,
    enrolled: LEARNERS,
    meanMatches: round(matched / (QUERIES + 20), 1),
    pageWithoutKeywordP95: round(percentile(unfiltered, 95), 1),
  });
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
