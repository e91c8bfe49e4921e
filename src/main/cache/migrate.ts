// Forward-only numbered migrations. Each runs in its own transaction together with the
// bump of PRAGMA user_version, so a migration that fails halfway leaves the database at
// the previous version, intact and usable, and the error names the migration.
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3 … without gaps; the database's user_version is the last one applied. */
  version: number;
  name: string;
  up(db: Database): void;
}

export class MigrationError extends Error {
  constructor(
    readonly migration: Migration,
    readonly atVersion: number,
    cause: unknown,
  ) {
    super(
      `Migration ${migration.version} (${migration.name}) failed and was rolled back; the cache stays at version ${atVersion}. ` +
        `Cause: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'MigrationError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3 …; found ${m.version} at position ${i + 1}.`);
  });
  const from = schemaVersion(db);
  if (from > migrations.length) {
    throw new Error(
      `This cache was written by a newer Passdesk (schema ${from}; this version knows ${migrations.length}). Update Passdesk or choose another data folder.`,
    );
  }
  for (const migration of migrations.slice(from)) {
    const apply = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply();
    } catch (error) {
      throw new MigrationError(migration, schemaVersion(db), error);
    }
  }
  return { from, to: schemaVersion(db) };
}
