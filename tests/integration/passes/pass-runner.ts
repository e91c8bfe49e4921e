// Passdesk's services in a process of their own, for the kill test: the real composition
// (createPassdesk) on a data folder, signed in to the LMS given on the command line. It
// waits for the first sync, picks its plan once (learner + module pairs whose verdict allows
// a pass; kept in plan.json so every restart works on the same plan), then requests through
// the contract every planned pass not yet requested — cancelling some inside the undo
// window — and prints one JSON line per step. It exits by itself when every pass has reached
// a final state. The test kills it with SIGKILL at random moments.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPassdesk } from '../../../src/main/app/create-passdesk';
import { createSecretFileStore, plainFileCipher } from '../../../src/main/app/secret-store';
import { openCache } from '../../../src/main/cache/open-cache';
import { createVerdictFacts } from '../../../src/main/passes/verdict-facts';
import type { Evidence } from '../../../src/shared/lms/entities';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    lms: { type: 'string' },
    token: { type: 'string' },
    count: { type: 'string', default: '300' },
    'cancel-every': { type: 'string', default: '9' },
    /** A pause between requests, so the requesting spans many kills. */
    'pace-ms': { type: 'string', default: '0' },
  },
});
if (!values.data || !values.lms || !values.token) {
  console.error('usage: pass-runner --data DIR --lms URL --token TOKEN [--count N] [--cancel-every K]');
  process.exit(2);
}
const dataDir = values.data;
const count = Number(values.count);
const cancelEvery = Number(values['cancel-every']);
const paceMs = Number(values['pace-ms']);
const planFile = path.join(dataDir, 'plan.json');
const FINAL = new Set(['verified', 'rejected', 'superseded', 'cancelled']);

interface Planned {
  learnerId: string;
  learnerName: string;
  moduleId: string;
  evidence: Evidence;
  blueBucks: number;
}

const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const passdesk = createPassdesk({
  dataDir,
  lms: { url: values.lms, token: values.token },
  secrets: createSecretFileStore(path.join(dataDir, 'secrets.json'), plainFileCipher),
  demoLmsEntry: { modulePath: path.resolve(import.meta.dirname, '../../../src/demo-lms/cli.ts'), execArgv: [] },
  log: (line) => console.error(line),
  appVersion: 'kill-test',
});
// A second connection to the same cache file, for reading only what the plan needs.
const db = openCache({ dataDir });

async function call(channel: string, payload: unknown): Promise<unknown> {
  const result = await passdesk.dispatcher.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function synced(): Promise<void> {
  return new Promise((resolve) => {
    const check = async () => {
      const status = (await call('sync.status', {})) as { phase: string };
      if (status.phase === 'live') resolve();
      else setTimeout(() => void check(), 100);
    };
    void check();
  });
}

function makePlan(): Planned[] {
  if (existsSync(planFile)) return JSON.parse(readFileSync(planFile, 'utf8')) as Planned[];
  const facts = createVerdictFacts(db);
  const rows = db
    .prepare<[], { learner_id: string; module_id: string }>(
      "SELECT e.learner_id, e.module_id FROM enrollment e WHERE e.status <> 'completed' AND EXISTS (SELECT 1 FROM attempt a WHERE a.learner_id = e.learner_id AND a.module_id = e.module_id) ORDER BY e.id",
    )
    .all();
  const plan: Planned[] = [];
  const now = new Date();
  for (const row of rows) {
    const place = facts.place(row.module_id);
    const learner = facts.learner(row.learner_id);
    if (!place || !learner) continue;
    const { verdict } = facts.verdict(learner.id, place.module.id, null, now);
    if (!verdict.passAllowed || !verdict.passEvidence) continue;
    plan.push({ learnerId: learner.id, learnerName: learner.name, moduleId: place.module.id, evidence: verdict.passEvidence, blueBucks: place.course.blueBucks });
    if (plan.length >= count) break;
  }
  // Written whole or not at all, so a kill never leaves half a plan.
  writeFileSync(`${planFile}.tmp`, JSON.stringify(plan));
  renameSync(`${planFile}.tmp`, planFile);
  return plan;
}

async function main(): Promise<void> {
  await passdesk.firstCheck;
  await synced();
  say({ event: 'synced' });
  await call('passes.setUndoWindow', { undoWindowSeconds: 1 });
  const plan = makePlan();
  say({ event: 'plan', size: plan.length });
  const requested = db.prepare<[string, string], { id: string }>('SELECT id FROM pass_request WHERE learner_id = ? AND module_id = ?');
  let made = 0;
  for (const [i, p] of plan.entries()) {
    if (requested.get(p.learnerId, p.moduleId)) continue;
    const typed = p.blueBucks > 0 ? p.learnerName : '';
    let answer: { passes: Array<{ id: string }> };
    try {
      answer = (await call('passes.request', { moduleId: p.moduleId, passes: [{ learnerId: p.learnerId, evidence: p.evidence }], reason: 'Kill test: passing score in the data.', typedConfirmation: typed })) as { passes: Array<{ id: string }> };
    } catch (error) {
      // The learner may have completed on their own meanwhile; the plan moves on.
      say({ event: 'refused', learnerId: p.learnerId, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    made += 1;
    if (i % cancelEvery === 0) {
      const id = answer.passes[0]?.id;
      if (id) await call('passes.cancel', { passId: id }).catch(() => undefined);
    }
    if (made % 5 === 0) say({ event: 'requested', made });
    if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
  }
  say({ event: 'all-requested', made });
  // Wakes on the services' own passes.changed event instead of polling the table; a change
  // that lands while the states are being read is remembered, so none is missed.
  let changedSinceRead = false;
  let wake: (() => void) | null = null;
  passdesk.subscribe((event) => {
    if (event.name !== 'passes.changed') return;
    changedSinceRead = true;
    wake?.();
  });
  const nextPassChange = () =>
    new Promise<void>((resolve) => {
      if (changedSinceRead) return resolve();
      wake = resolve;
    });
  const counts = db.prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM pass_request GROUP BY state');
  for (;;) {
    changedSinceRead = false;
    wake = null;
    const states = counts.all();
    const open = states.filter((s) => !FINAL.has(s.state)).reduce((n, s) => n + s.n, 0);
    say({ event: 'states', states: Object.fromEntries(states.map((s) => [s.state, s.n])) });
    if (open === 0) break;
    await nextPassChange();
  }
  db.close();
  await passdesk.close();
  say({ event: 'settled' });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
