// When Passdesk is pointed at a different LMS, the cache's records belong to the old one and
// must go: the first sync starts over. Writes meant for the old LMS are not sent to the new
// one; they are kept, marked (for_previous_lms, so "Try again" can never send them to the new
// one), and listed in the Sync panel — never dropped silently.
import type { Database } from 'better-sqlite3';
import { entityNames, entityTables } from '../cache/entity-tables';

export function forgetMirroredLms(db: Database, now: Date): { unsent: number } {
  return db.transaction(() => {
    for (const entity of entityNames) db.exec(`DELETE FROM ${entityTables[entity].table}`);
    db.exec('DELETE FROM quarantine; DELETE FROM sync_state;');
    const at = now.toISOString();
    const unsent = db
      .prepare<[string]>(
        "UPDATE outbox SET state = 'failed', last_error = 'Not sent: Passdesk was switched to another LMS before this write went out.', for_previous_lms = 1, updated_at = ? WHERE state IN ('queued', 'sending', 'conflict')",
      )
      .run(at).changes;
    db.prepare<[string]>(
      "UPDATE outbox SET state = 'discarded', last_error = 'Sent to the previous LMS; its confirmation can no longer arrive here.', for_previous_lms = 1, updated_at = ? WHERE state = 'sent'",
    ).run(at);
    return { unsent };
  })();
}
