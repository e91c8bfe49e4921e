// A fingerprint of a whole LMS state, entity by entity: the demo LMS computes it over its
// database, the sync engine over its cache, and when both agree the cache holds exactly what
// the server holds. Pure on purpose: the hash function is passed in, so src/shared stays
// free of Node (main passes node:crypto, a browser could pass its own).
import { z } from 'zod';
import type { EntityName } from './entities';

export type Sha256Hex = (text: string) => string;

export const EntityDigest = z.object({ count: z.number().int().min(0), checksum: z.string().regex(/^[0-9a-f]{64}$/) });
export type EntityDigest = z.infer<typeof EntityDigest>;
export type StateDigest = Record<EntityName, EntityDigest>;

/** Records are hashed in groups so a million of them never have to be one string. */
const RECORDS_PER_CHUNK = 1024;

/**
 * JSON with object keys sorted at every depth and `undefined` members left out, so two
 * parties that built the same record in a different key order produce the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // JSON.stringify(undefined) is undefined; inside arrays JSON itself writes null.
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Builds one entity's digest from records fed in ascending id order, so a server can stream
 * a million rows from an index without holding them all.
 */
export function createEntityDigester(sha256: Sha256Hex): { add(record: { id: string }): void; finish(): EntityDigest } {
  const chunkHashes: string[] = [];
  let lines: string[] = [];
  let count = 0;
  let lastId: string | null = null;
  return {
    add(record) {
      if (lastId !== null && !(lastId < record.id)) {
        throw new Error(`Records must come in ascending id order without repeats; '${record.id}' came after '${lastId}'.`);
      }
      lastId = record.id;
      lines.push(canonicalJson(record));
      count += 1;
      if (lines.length === RECORDS_PER_CHUNK) {
        chunkHashes.push(sha256(lines.join('\n')));
        lines = [];
      }
    },
    finish() {
      if (lines.length > 0) chunkHashes.push(sha256(lines.join('\n')));
      lines = [];
      return { count, checksum: sha256(`${count}\n${chunkHashes.join('\n')}`) };
    },
  };
}

/** Count and checksum of one entity's records; the order they are given in does not matter. */
export function digestRecords(records: readonly { id: string }[], sha256: Sha256Hex): EntityDigest {
  const digester = createEntityDigester(sha256);
  for (const record of [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) digester.add(record);
  return digester.finish();
}

/** The digest of every entity; an entity with no records still appears, with count 0. */
export function digestState(
  recordsByEntity: Record<EntityName, readonly { id: string }[]>,
  sha256: Sha256Hex,
): StateDigest {
  const names = Object.keys(recordsByEntity) as EntityName[];
  return Object.fromEntries(names.map((name) => [name, digestRecords(recordsByEntity[name], sha256)])) as StateDigest;
}
