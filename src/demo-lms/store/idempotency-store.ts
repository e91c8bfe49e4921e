// Remembers the answer to every write that carried an Idempotency-Key, per agent, so a
// retried request gets the same answer instead of a second write. Looked up and written
// inside the write's own transaction: a request either wrote and is remembered, or neither.
import type { Database, Statement } from 'better-sqlite3';

export interface RememberedAnswer {
  fingerprint: string;
  status: number;
  /** The JSON body that was sent the first time. */
  response: string;
}

export class IdempotencyStore {
  private readonly select: Statement<[string, string], { fingerprint: string; status: number; response: string }>;
  private readonly insert: Statement<[string, string, string, number, string, string]>;

  constructor(db: Database) {
    this.select = db.prepare('SELECT fingerprint, status, response FROM idempotency WHERE agent_id = ? AND key = ?');
    this.insert = db.prepare('INSERT INTO idempotency (agent_id, key, fingerprint, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  find(agentId: string, key: string): RememberedAnswer | undefined {
    return this.select.get(agentId, key);
  }

  remember(agentId: string, key: string, answer: RememberedAnswer, at: string): void {
    this.insert.run(agentId, key, answer.fingerprint, answer.status, answer.response, at);
  }
}
