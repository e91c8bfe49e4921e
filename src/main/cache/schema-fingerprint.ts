// Names the version of the rules records are checked against: the cache's schema version
// plus a hash of the entity schemas. When either changes (a new Passdesk), quarantined
// records are tried again, because the new rules may accept them.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { entitySchemas } from '../../shared/lms/entities';
import { schemaVersion } from './migrate';

let schemasHash: string | null = null;

function hashOfEntitySchemas(): string {
  schemasHash ??= createHash('sha256').update(JSON.stringify(z.toJSONSchema(z.object(entitySchemas)))).digest('hex').slice(0, 16);
  return schemasHash;
}

export function schemaFingerprint(db: Database): string {
  return `${schemaVersion(db)}:${hashOfEntitySchemas()}`;
}
