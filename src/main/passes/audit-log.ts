// The audit log of manual passes in the cache: appended inside the transaction of the change
// it records (so a change and its entry commit together), read back per pass, checked end to
// end, exported. The table's triggers refuse UPDATE and DELETE.
import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../shared/channels/passes';
import { entryHash, GENESIS_HASH, verifyChain, type ChainedEntry, type ChainVerdict } from './audit-chain';

export interface Actor {
  id: string;
  name: string;
}

/** Main itself, for what the sender and the verifier do on their own. */
export const PASSDESK_ACTOR: Actor = { id: 'passdesk', name: 'Passdesk (automatic)' };

interface AuditRow {
  seq: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  pass_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

function chained(row: AuditRow): ChainedEntry {
  return { seq: row.seq, at: row.at, actorId: row.actor_id, actorName: row.actor_name, action: row.action, passId: row.pass_id, detail: row.detail, prevHash: row.prev_hash, hash: row.hash };
}

export function shownEntry(e: ChainedEntry): AuditEntry {
  return { seq: e.seq, at: e.at, actorId: e.actorId, actorName: e.actorName, action: e.action, passId: e.passId, detail: e.detail, hash: e.hash };
}

export interface AuditLog {
  /** Must run inside the caller's transaction, with the change it records. */
  append(entry: { at: Date; actor: Actor; action: string; passId: string | null; detail: string }): ChainedEntry;
  ofPass(passId: string): AuditEntry[];
  check(): ChainVerdict;
  between(fromIso: string | null, toIso: string | null): IterableIterator<ChainedEntry>;
}

export function createAuditLog(db: Database): AuditLog {
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM pass_audit ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare<[number, string, string, string, string, string | null, string, string, string]>(
    'INSERT INTO pass_audit (seq, at, actor_id, actor_name, action, pass_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ofPass = db.prepare<[string], AuditRow>('SELECT * FROM pass_audit WHERE pass_id = ? ORDER BY seq');
  const all = db.prepare<[], AuditRow>('SELECT * FROM pass_audit ORDER BY seq');
  const between = db.prepare<[string, string], AuditRow>('SELECT * FROM pass_audit WHERE at >= ? AND at < ? ORDER BY seq');

  return {
    append({ at, actor, action, passId, detail }) {
      if (!db.inTransaction) throw new Error(`The audit entry "${action}" must be written in the transaction of the change it records.`);
      const prev = last.get();
      const fields = { seq: (prev?.seq ?? 0) + 1, at: at.toISOString(), actorId: actor.id, actorName: actor.name, action, passId, detail };
      const prevHash = prev?.hash ?? GENESIS_HASH;
      const hash = entryHash(prevHash, fields);
      insert.run(fields.seq, fields.at, fields.actorId, fields.actorName, fields.action, fields.passId, fields.detail, prevHash, hash);
      return { ...fields, prevHash, hash };
    },
    ofPass: (passId) => ofPass.all(passId).map((row) => shownEntry(chained(row))),
    check() {
      function* rows() {
        for (const row of all.iterate()) yield chained(row);
      }
      return verifyChain(rows());
    },
    *between(fromIso, toIso) {
      const rows = between.iterate(fromIso ?? '0000', toIso ?? '9999');
      for (const row of rows) yield chained(row);
    },
  };
}
