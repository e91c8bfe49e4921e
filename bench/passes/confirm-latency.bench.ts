// pass.confirm.latency: from the end of a pass's undo window to `verified` — the outbox
// claims it, the enrollment is re-read, the pass is sent, the LMS answers, the transcript is
// read — against the demo LMS on loopback, with the cache, the sync engine and the passes
// service composed as in the app. Passes are requested one after another; each is timed
// from its undoUntil to the passes.changed event that shows it verified.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoLms } from '../../src/demo-lms/server';
import { openCache } from '../../src/main/cache/open-cache';
import { createDispatcher, type Handlers } from '../../src/main/ipc/dispatcher';
import { createLmsClient } from '../../src/main/lms/client';
import { createPasses } from '../../src/main/passes/create-passes';
import { createVerdictFacts } from '../../src/main/passes/verdict-facts';
import { createSyncEngine } from '../../src/main/sync/sync-engine';
import type { PassesChanged, PassSummary } from '../../src/shared/channels/passes';
import { percentile, reportFigure, round } from '../figures';

const PASSES = 20;
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const lmsDir = mkdtempSync(path.join(tmpdir(), 'passdesk-bench-confirm-lms-'));
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'passdesk-bench-confirm-cache-'));
  const lms = await createDemoLms({ dataDir: lmsDir, scale: 'small', seed: 5 });
  const me = await createLmsClient({ baseUrl: lms.url, token: lms.adminToken }).me();
  const client = createLmsClient({ baseUrl: lms.url, token: lms.adminToken });
  const db = openCache({ dataDir: cacheDir });
  const verifiedAt = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  let writesQueued = (): void => undefined;
  const passes = createPasses({
    db,
    clock: { now: () => new Date() },
    log: () => undefined,
    me: () => me,
    client: () => client,
    emit: (event: PassesChanged) => {
      for (const p of event.passes) {
        if (p.state !== 'verified' || verifiedAt.has(p.id)) continue;
        verifiedAt.set(p.id, Date.now());
        waiters.get(p.id)?.();
      }
    },
    writesQueued: () => writesQueued(),
  });
  const sync = createSyncEngine({ db, access: () => ({ lmsId: 'demo', url: lms.url, token: lms.adminToken }), extraWriteKinds: [passes.writeKind] });
  writesQueued = () => sync.writesQueued();
  sync.start();
  passes.start();
  await new Promise<void>((resolve) => {
    const stop = sync.subscribe((s) => {
      if (s.phase !== 'live') return;
      stop();
      resolve();
    });
  });
  say('first sync done');
  const served: Partial<Handlers> = passes.handlers;
  const dispatcher = createDispatcher(served as Handlers, say);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatcher.dispatch(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  await call('passes.setUndoWindow', { undoWindowSeconds: 1 });

  const facts = createVerdictFacts(db);
  const rows = db
    .prepare<[], { learner_id: string; module_id: string }>(
      "SELECT e.learner_id, e.module_id FROM enrollment e WHERE e.status <> 'completed' AND EXISTS (SELECT 1 FROM attempt a WHERE a.learner_id = e.learner_id AND a.module_id = e.module_id) ORDER BY e.id",
    )
    .all();
  const samples: number[] = [];
  const now = new Date();
  for (const row of rows) {
    if (samples.length >= PASSES) break;
    const place = facts.place(row.module_id);
    if (!place) continue;
    const { verdict } = facts.verdict(row.learner_id, row.module_id, null, now);
    if (!verdict.passAllowed || !verdict.passEvidence) continue;
    const learner = facts.learner(row.learner_id);
    const { passes: made } = await call<{ passes: PassSummary[] }>('passes.request', {
      moduleId: row.module_id,
      passes: [{ learnerId: row.learner_id, evidence: verdict.passEvidence }],
      reason: 'Bench: passing score in the data.',
      typedConfirmation: place.course.blueBucks > 0 ? (learner?.name ?? '') : '',
    });
    const pass = made[0];
    if (!pass) continue;
    await new Promise<void>((resolve) => {
      if (verifiedAt.has(pass.id)) resolve();
      else waiters.set(pass.id, resolve);
    });
    samples.push((verifiedAt.get(pass.id) ?? 0) - Date.parse(pass.undoUntil));
  }
  reportFigure({
    bench: 'pass.confirm.latency',
    value: round(percentile(samples, 95), 1),
    unit: 'ms',
    statistic: 'p95',
    goal: 500,
    p50: round(percentile(samples, 50), 1),
    max: round(Math.max(...samples), 1),
    passes: samples.length,
    requests: 'GET enrollments, POST manual-passes, GET transcript',
  });
  await passes.stop();
  await sync.stop();
  db.close();
  await lms.close();
  rmSync(lmsDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
