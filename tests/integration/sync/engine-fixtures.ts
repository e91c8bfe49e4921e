// What the sync integration tests share: a cache in a temp folder, an engine over it, and a
// way to wait for the engine to reach a state without sleeping.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openCache } from '../../../src/main/cache/open-cache';
import { createSyncEngine, type SyncAccess, type SyncEngine, type SyncEngineOptions } from '../../../src/main/sync/sync-engine';
import type { SyncStatus } from '../../../src/shared/channels/sync';

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface EngineUnderTest {
  db: Database;
  engine: SyncEngine;
  log: string[];
  close(): Promise<void>;
}

export function startEngine(dataDir: string, access: () => SyncAccess | null, extra: Partial<SyncEngineOptions> = {}): EngineUnderTest {
  const db = openCache({ dataDir });
  const log: string[] = [];
  const engine = createSyncEngine({
    db,
    access,
    log: (line) => log.push(line),
    pull: { backoff: { baseMs: 50, maxMs: 400 }, longPollMs: 2_000 },
    send: { backoff: { baseMs: 20, maxMs: 200 } },
    ...extra,
  });
  engine.start();
  return {
    db,
    engine,
    log,
    async close() {
      await engine.stop();
      db.close();
    },
  };
}

/** Resolves with the first status that satisfies `done`, checking now and on every sync.changed. */
export function statusWhere(engine: SyncEngine, done: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    let stop: () => void = () => undefined;
    const check = (status: SyncStatus) => {
      if (!done(status)) return;
      stop();
      resolve(status);
    };
    stop = engine.subscribe(check);
    check(engine.status());
  });
}
