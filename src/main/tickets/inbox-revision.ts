// Tells the inbox when what it shows may have changed: a page of the change feed, a reply
// going out, an edit confirmed or refused. It looks at the cache's change counter (free to
// read; it sees the first-sync writer's commits too) a few times a second and, only when that
// moved, at a fingerprint of the tickets,
// messages and outbox — with the count of unconfirmed writes, so a write that moves on within
// the same millisecond as the last one is not missed; a new fingerprint is a new revision,
// announced once.
import type { Database, Statement } from 'better-sqlite3';
import { createChangeCounter } from '../cache/change-counter';

export interface InboxRevision {
  current(): number;
  /** Checks now (after this desk's own write), announcing a change if there is one. */
  check(): number;
  start(): void;
  stop(): void;
}

export interface InboxRevisionOptions {
  db: Database;
  onChange(revision: number): void;
  everyMs?: number;
}

export function createInboxRevision(options: InboxRevisionOptions): InboxRevision {
  const { db } = options;
  const changes = createChangeCounter(db);
  const fingerprint: Statement<[], Record<string, string | number | null>> = db.prepare(
    `SELECT (SELECT max(updated_at) FROM ticket) AS t,
            (SELECT count(*) FROM ticket) AS tn,
            (SELECT max(row_no) FROM message) AS m,
            (SELECT max(updated_at) FROM outbox) AS o,
            (SELECT count(*) FROM outbox) AS onum,
            (SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending', 'sent', 'conflict')) AS unconfirmed`,
  );
  let revision = 0;
  let lastChanges = '';
  let lastPrint = '';
  let timer: NodeJS.Timeout | null = null;

  function check(): number {
    const n = changes.read();
    if (n === lastChanges) return revision;
    lastChanges = n;
    const print = JSON.stringify(fingerprint.get() ?? {});
    if (print !== lastPrint) {
      const first = lastPrint === '';
      lastPrint = print;
      if (!first) {
        revision += 1;
        options.onChange(revision);
      }
    }
    return revision;
  }

  return {
    current: () => revision,
    check,
    start() {
      if (timer) return;
      check();
      timer = setInterval(check, options.everyMs ?? 300);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
