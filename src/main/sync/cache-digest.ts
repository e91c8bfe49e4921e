// The cache's side of the convergence check: per entity, how many records it holds and a
// checksum over all of them, computed exactly as the LMS computes its own (state-digest.ts).
// Equal digests mean the cache holds exactly what the server holds. Local stand-ins for
// writes the LMS has not confirmed yet are not server records and are left out.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { createEntityDigester, type StateDigest } from '../../shared/lms/state-digest';
import { entityNames, entityTables } from '../cache/entity-tables';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function cacheDigest(db: Database): StateDigest {
  const digest: Partial<StateDigest> = {};
  for (const entity of entityNames) {
    const digester = createEntityDigester(sha256);
    const local = entity === 'message' ? ' WHERE pending_write_id IS NULL' : '';
    const rows = db.prepare<[], { data: string }>(`SELECT data FROM ${entityTables[entity].table}${local} ORDER BY id`);
    for (const row of rows.iterate()) digester.add(JSON.parse(row.data) as { id: string });
    digest[entity] = digester.finish();
  }
  return digest as StateDigest;
}
