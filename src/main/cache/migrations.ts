// The cache's schema history. Append only: never edit a migration that has shipped.
import type { Migration } from './migrate';

export const cacheMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'app settings',
    up(db) {
      db.exec(`
        CREATE TABLE app_setting (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];
