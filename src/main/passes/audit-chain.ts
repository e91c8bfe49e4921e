// The audit log's hash chain, pure: each entry's hash is the sha256 of the previous entry's
// hash followed by the entry's own fields in a fixed order, so editing, removing or
// reordering any entry shows at that entry and breaks every hash after it.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/lms/state-digest';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  passId: string | null;
  detail: string;
}

export interface ChainedEntry extends AuditFields {
  prevHash: string;
  hash: string;
}

export function entryHash(prevHash: string, fields: AuditFields): string {
  const body = canonicalJson([fields.seq, fields.at, fields.actorId, fields.actorName, fields.action, fields.passId, fields.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; problem: string };

/** Walks the entries in order; the first one that does not follow from its predecessor is reported. */
export function verifyChain(entries: Iterable<ChainedEntry>): ChainVerdict {
  let prev: ChainedEntry | null = null;
  let count = 0;
  for (const entry of entries) {
    count += 1;
    const expectedPrev = prev ? prev.hash : GENESIS_HASH;
    if (prev && entry.seq !== prev.seq + 1) {
      return { ok: false, entries: count, brokenAt: entry.seq, problem: `Entries ${prev.seq + 1}–${entry.seq - 1} are missing: the log goes from entry ${prev.seq} to ${entry.seq}.` };
    }
    if (!prev && entry.seq !== 1) {
      return { ok: false, entries: count, brokenAt: entry.seq, problem: `The log starts at entry ${entry.seq}; entries before it are missing.` };
    }
    if (entry.prevHash !== expectedPrev) {
      return { ok: false, entries: count, brokenAt: entry.seq, problem: `Entry ${entry.seq} does not point to the entry before it: an entry was changed, removed or inserted.` };
    }
    if (entryHash(entry.prevHash, entry) !== entry.hash) {
      return { ok: false, entries: count, brokenAt: entry.seq, problem: `Entry ${entry.seq} was changed after it was written: its contents no longer match its hash.` };
    }
    prev = entry;
  }
  return { ok: true, entries: count };
}
