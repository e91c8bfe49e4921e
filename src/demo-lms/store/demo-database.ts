// Opens the demo LMS's database in its data folder, seeding it first when there is none.
// A database that exists is always reused as it is — with every pass and reply made on it —
// and never seeded over. A fresh seed is written to a side file and renamed into place only
// when complete, so a seed cut short leaves nothing that looks like a finished database.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { seedDemoLms, type SeedScale } from '../seed/seed-demo-lms';
import { createIndexes, createTables } from './schema';

export const DATABASE_FILE = 'demo-lms.sqlite';

export interface OpenDemoDatabaseOptions {
  dataDir: string;
  scale: SeedScale;
  seed: number;
  log: (line: string) => void;
  nativeBinding?: string;
}

export interface DemoDatabase {
  db: Database;
  /** Identifies this database's change feed; cursors from another database are refused. */
  feedId: string;
  seed: number;
  scale: SeedScale;
  /** Milliseconds the seed took when this call created the database; null when it was reused. */
  seededInMs: number | null;
}

function open(file: string, nativeBinding: string | undefined): Database {
  return new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
}

function readMeta(db: Database): Map<string, string> {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) return new Map();
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

function seedFreshDatabase(file: string, options: OpenDemoDatabaseOptions): number {
  const seedingFile = `${file}.seeding`;
  rmSync(seedingFile, { force: true });
  const startedAt = performance.now();
  const db = open(seedingFile, options.nativeBinding);
  try {
    // Nothing reads this file until it is renamed, so durability during the bulk load buys nothing.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.exec(createTables);
    seedDemoLms(db, { scale: options.scale, seed: options.seed, log: options.log });
    db.exec(createIndexes);
    const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    setMeta.run('feed_id', randomUUID());
    setMeta.run('seed', String(options.seed));
    setMeta.run('scale', options.scale);
    setMeta.run('seeded_at', new Date().toISOString());
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  renameSync(seedingFile, file);
  return Math.round(performance.now() - startedAt);
}

export function openDemoDatabase(options: OpenDemoDatabaseOptions): DemoDatabase {
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, DATABASE_FILE);
  const seededInMs = existsSync(file) ? null : seedFreshDatabase(file, options);

  const db = open(file, options.nativeBinding);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const meta = readMeta(db);
    const feedId = meta.get('feed_id');
    const scale = meta.get('scale');
    if (!feedId || (scale !== 'small' && scale !== 'large')) {
      throw new Error(
        `${file} exists but is not a finished demo LMS database. Move it away or choose another --data folder; it is never overwritten.`,
      );
    }
    db.exec(createTables);
    db.exec(createIndexes);
    const seed = Number(meta.get('seed'));
    if (seededInMs === null && (seed !== options.seed || scale !== options.scale)) {
      options.log(
        `Reusing the demo data in ${options.dataDir} (seed ${seed}, scale ${scale}); delete that folder to seed again with seed ${options.seed}, scale ${options.scale}.`,
      );
    }
    return { db, feedId, seed, scale, seededInMs };
  } catch (error) {
    db.close();
    throw error;
  }
}
