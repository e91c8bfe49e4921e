// Opens (or creates) the local cache: one SQLite file in the data folder, in WAL mode with
// foreign keys enforced, migrated to the current schema before anyone reads it.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate, type Migration } from './migrate';
import { cacheMigrations } from './migrations';

export interface OpenCacheOptions {
  dataDir: string;
  /** Path of a better-sqlite3 binary built for this runtime (the Electron entry passes its own). */
  nativeBinding?: string;
  /** Only tests pass their own list. */
  migrations?: readonly Migration[];
  fileName?: string;
}

export function openCache(options: OpenCacheOptions): Database {
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, options.fileName ?? 'cache.sqlite');
  const db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? cacheMigrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
