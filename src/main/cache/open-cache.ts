// Opens (or creates) the local cache: one SQLite file in the data folder, in WAL mode with
// foreign keys enforced, migrated to the current schema before anyone reads it. Main owns
// the schema; the first-sync writer opens a second connection to the same file, which only
// checks that the schema is the one its code was built for.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate, schemaVersion, type Migration } from './migrate';
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
    // Takes effect only when the file is new (an existing cache keeps its page size). Records
    // average about 1 KB, and 8 KB pages halve the pages a first sync writes and checkpoints.
    db.pragma('page_size = 8192');
    db.pragma('journal_mode = WAL');
    connectionSettings(db);
    migrate(db, options.migrations ?? cacheMigrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * SQLite's default 2 MB page cache makes every insert into a million-row index read pages
 * back from the OS; 32 MB keeps the hot parts of the indexes in memory during a first sync.
 */
export const SYNC_WRITER_CACHE_KIB = 32 * 1024;

function connectionSettings(db: Database): void {
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
}

/** Another connection to a cache main has opened and migrated (the file is in WAL mode already). */
export function openCacheConnection(file: string, nativeBinding?: string): Database {
  const db = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    connectionSettings(db);
    const expected = cacheMigrations[cacheMigrations.length - 1]?.version ?? 0;
    const found = schemaVersion(db);
    if (found !== expected) throw new Error(`The cache ${file} is at schema version ${found}, not ${expected}; only the process that migrates it may write to it.`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
