// inspector.open.p95: one learner + module with all its attempts and the verdict, through the
// contract's dispatcher (input and output validated, as the window's calls are), on a cache
// holding the demo LMS at scale large. The cache is filled once from the demo LMS's own
// database (the records its change feed sends, in feed order) and kept for later runs;
// knownIssues.overview is timed once on the same cache.
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { openCache } from '../../src/main/cache/open-cache';
import { createInspectorHandlers } from '../../src/main/inspector/inspector-service';
import { channels } from '../../src/shared/contract';
import { percentile, reportFigure, round } from '../figures';
import { largeDemoCache } from '../large-demo-cache';

const SAMPLES = 400;
/** The demo data's "now" plus a few days, as a desk would open it. */
const NOW = new Date('2026-12-01T09:00:00.000Z');
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

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
  const cacheDir = await largeDemoCache('inspector');
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
