// Says whether the cache may have changed since the last look, for whatever keeps results in
// memory between calls. SQLite's total_changes() counts only this connection's own writes;
// data_version moves when another connection commits — the first-sync writer writes through
// its own. Both are free to read, so callers can look on every request.
import type { Database, Statement } from 'better-sqlite3';

export interface ChangeCounter {
  /** Equal readings mean nothing was written in between, by this connection or another. */
  read(): string;
}

export function createChangeCounter(db: Database): ChangeCounter {
  const statement: Statement<[], { own: number; others: number }> = db.prepare('SELECT total_changes() AS own, (SELECT data_version FROM pragma_data_version) AS others');
  return {
    read() {
      const row = statement.get();
      return row ? `${row.own}:${row.others}` : '';
    },
  };
}
