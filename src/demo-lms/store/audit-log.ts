// Who changed what and when, for every write an agent or admin makes through the API.
// Kept beside the records (not in the change feed): it is the LMS's own record of duty.
import type { Database, Statement } from 'better-sqlite3';
import type { EntityName } from '../../shared/lms/entities';

export interface AuditEntry {
  at: string;
  agentId: string;
  action: string;
  entity: EntityName;
  recordId: string;
  detail: unknown;
}

export class AuditLog {
  private readonly insert: Statement<[string, string, string, string, string, string]>;
  private readonly selectFor: Statement<[string, string], { at: string; agent_id: string; action: string; entity: string; record_id: string; detail: string }>;

  constructor(db: Database) {
    this.insert = db.prepare('INSERT INTO audit (at, agent_id, action, entity, record_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
    this.selectFor = db.prepare('SELECT at, agent_id, action, entity, record_id, detail FROM audit WHERE entity = ? AND record_id = ? ORDER BY id');
  }

  record(entry: AuditEntry): void {
    this.insert.run(entry.at, entry.agentId, entry.action, entry.entity, entry.recordId, JSON.stringify(entry.detail ?? null));
  }

  entriesFor(entity: EntityName, recordId: string): AuditEntry[] {
    return this.selectFor.all(entity, recordId).map((row) => ({
      at: row.at,
      agentId: row.agent_id,
      action: row.action,
      entity: row.entity as EntityName,
      recordId: row.record_id,
      detail: JSON.parse(row.detail) as unknown,
    }));
  }
}
