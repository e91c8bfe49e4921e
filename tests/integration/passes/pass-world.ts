// A small world for the manual pass tests: a real demo LMS over HTTP (faults allowed), a
// relay in front of it that can be unplugged, a real SQLite cache, the sync engine with the
// manual pass's outbox write, and the passes service — as create-passdesk composes them.
import type { Database } from 'better-sqlite3';
import { createDemoLms, type DemoLms } from '../../../src/demo-lms/server';
import { openCache } from '../../../src/main/cache/open-cache';
import { createDispatcher, type Handlers } from '../../../src/main/ipc/dispatcher';
import { createLmsClient, type LmsClient } from '../../../src/main/lms/client';
import { createPasses, type Passes } from '../../../src/main/passes/create-passes';
import { createVerdictFacts } from '../../../src/main/passes/verdict-facts';
import { createSyncEngine, type SyncEngine } from '../../../src/main/sync/sync-engine';
import type { PassesChanged } from '../../../src/shared/channels/passes';
import { FaultSpec, type Me } from '../../../src/shared/lms/api';
import type { Evidence } from '../../../src/shared/lms/entities';
import { startSwitchableProxy, type SwitchableProxy } from '../sync/switchable-proxy';
import { statusWhere, tempDir } from '../sync/engine-fixtures';

export interface PassWorld {
  lms: DemoLms;
  proxy: SwitchableProxy;
  db: Database;
  sync: SyncEngine;
  passes: Passes;
  /** The passes.* handlers, called as the renderer would: through the dispatcher's checks. */
  call(channel: string, payload: unknown): Promise<unknown>;
  callResult(channel: string, payload: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>;
  signInAs(role: 'admin' | 'agent'): void;
  admin: LmsClient;
  events: PassesChanged[];
  /** Resolves when a passes.changed event shows this pass in one of these states. */
  passReaches(passId: string, states: string[]): Promise<void>;
  lmsCall(method: string, path: string, body?: unknown): Promise<unknown>;
  setFaults(spec: Partial<FaultSpec>): Promise<void>;
  close(): Promise<void>;
}

export interface EligibleCase {
  learnerId: string;
  learnerName: string;
  moduleId: string;
  evidence: Evidence;
  blueBucks: number;
}

export async function startPassWorld(options: { seed?: number; undoSeconds?: number } = {}): Promise<PassWorld> {
  const lmsDir = tempDir('passdesk-pass-lms-');
  const cacheDir = tempDir('passdesk-pass-cache-');
  const lms = await createDemoLms({ dataDir: lmsDir.dir, scale: 'small', seed: options.seed ?? 3, allowFaults: true });
  const proxy = await startSwitchableProxy(lms.url);
  const tokens = { admin: lms.adminToken, agent: lms.agentToken };
  const mes: Record<'admin' | 'agent', Me> = {
    admin: await createLmsClient({ baseUrl: lms.url, token: tokens.admin }).me(),
    agent: await createLmsClient({ baseUrl: lms.url, token: tokens.agent }).me(),
  };
  let role: 'admin' | 'agent' = 'admin';
  const clients = {
    admin: createLmsClient({ baseUrl: proxy.url, token: tokens.admin, timeoutMs: 5_000 }),
    agent: createLmsClient({ baseUrl: proxy.url, token: tokens.agent, timeoutMs: 5_000 }),
  };
  const db = openCache({ dataDir: cacheDir.dir });
  const events: PassesChanged[] = [];
  const listeners = new Set<(e: PassesChanged) => void>();
  let sync: SyncEngine | null = null;
  const passes = createPasses({
    db,
    clock: { now: () => new Date() },
    log: () => undefined,
    me: () => mes[role],
    client: () => clients[role],
    emit: (payload) => {
      events.push(payload);
      for (const l of [...listeners]) l(payload);
    },
    writesQueued: () => sync?.writesQueued(),
  });
  sync = createSyncEngine({
    db,
    access: () => ({ lmsId: 'demo', url: proxy.url, token: tokens[role] }),
    extraWriteKinds: [passes.writeKind],
    pull: { backoff: { baseMs: 50, maxMs: 400 }, longPollMs: 2_000 },
    send: { backoff: { baseMs: 20, maxMs: 200 } },
  });
  const engine = sync;
  engine.start();
  passes.start();
  if (options.undoSeconds !== undefined) {
    db.prepare("INSERT INTO app_setting (key, value) VALUES ('passes.undoWindowSeconds', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(options.undoSeconds));
  }
  await statusWhere(engine, (s) => s.phase === 'live');

  // Only the passes.* channels are served here; the dispatcher's checks are the real ones.
  const served: Partial<Handlers> = passes.handlers;
  const dispatcher = createDispatcher(served as Handlers, () => undefined);
  const lmsCall = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${lms.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${lms.adminToken}`, 'content-type': 'application/json', 'idempotency-key': `test-${Math.random().toString(36).slice(2)}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };

  return {
    lms,
    proxy,
    db,
    sync: engine,
    passes,
    admin: createLmsClient({ baseUrl: lms.url, token: lms.adminToken }),
    events,
    async callResult(channel, payload) {
      const result = await dispatcher.dispatch(channel, payload);
      return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
    },
    async call(channel, payload) {
      const result = await dispatcher.dispatch(channel, payload);
      if (!result.ok) throw new Error(`${channel} refused: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    signInAs(next) {
      role = next;
    },
    passReaches(passId, states) {
      return new Promise((resolve) => {
        const row = passes.store.get(passId);
        if (row && states.includes(row.state)) {
          resolve();
          return;
        }
        const listener = (e: PassesChanged) => {
          if (e.passes.some((p) => p.id === passId && states.includes(p.state))) {
            listeners.delete(listener);
            resolve();
          }
        };
        listeners.add(listener);
      });
    },
    lmsCall,
    setFaults: async (spec) => {
      await lmsCall('POST', '/__faults', FaultSpec.parse(spec));
    },
    async close() {
      await passes.stop();
      await engine.stop();
      db.close();
      await proxy.close();
      await lms.close();
      lmsDir.remove();
      cacheDir.remove();
    },
  };
}

/** Learners whose verdict allows a pass on some module, found the way the panel would: from the cache. */
export function findEligible(world: PassWorld, count: number, filter: (c: EligibleCase) => boolean = () => true): EligibleCase[] {
  const facts = createVerdictFacts(world.db);
  const rows = world.db
    .prepare<[], { learner_id: string; module_id: string }>(
      "SELECT e.learner_id, e.module_id FROM enrollment e WHERE e.status <> 'completed' AND EXISTS (SELECT 1 FROM attempt a WHERE a.learner_id = e.learner_id AND a.module_id = e.module_id) ORDER BY e.id",
    )
    .all();
  const found: EligibleCase[] = [];
  const now = new Date();
  for (const row of rows) {
    const place = facts.place(row.module_id);
    const learner = facts.learner(row.learner_id);
    if (!place || !learner) continue;
    const { verdict } = facts.verdict(learner.id, place.module.id, null, now);
    if (!verdict.passAllowed || !verdict.passEvidence) continue;
    const c = { learnerId: learner.id, learnerName: learner.name, moduleId: place.module.id, evidence: verdict.passEvidence, blueBucks: place.course.blueBucks };
    if (!filter(c)) continue;
    found.push(c);
    if (found.length >= count) break;
  }
  return found;
}

/** What to type to confirm, as the confirmation asks: the name for one learner, the count for several. */
export function typed(cases: readonly EligibleCase[]): string {
  if (cases.length === 0 || (cases[0]?.blueBucks ?? 0) === 0) return '';
  return cases.length === 1 ? (cases[0]?.learnerName ?? '') : String(cases.length);
}
