// Decides whether one change of the LMS feed can be read at all — its seq, entity, id and op,
// before its record is checked (record-check.ts) — and if not, says what is wrong in words an
// admin can pass on to whoever runs the LMS. The client checks only the page around the
// changes, so one broken change is quarantined here and the rest of its page still syncs. Pure.
import { createHash } from 'node:crypto';
import { Change, ChangeOp, ChangeSeq } from '../../shared/lms/api';
import { EntityName, Id } from '../../shared/lms/entities';

export type ChangeCheck =
  | { ok: true; change: Change }
  /** `key` names the change in the quarantine; `seq` is null when the change's own is unusable. */
  | { ok: false; key: string; seq: number | null; reason: string };

const SHOWN_CHARS = 40;

function textOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value}'`;
  const text = textOf(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a piece of text';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  if (value === undefined) return 'nothing';
  return `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The change's seq when it is one; a broken change may still say where it stood. */
function usableSeq(raw: unknown): number | null {
  if (!isRecord(raw)) return null;
  const seq = ChangeSeq.safeParse(raw.seq);
  return seq.success ? seq.data : null;
}

/**
 * What is wrong with the change, field by field. Each names the field and what came, because
 * a person reads it in the Sync panel and has to find the change in the LMS.
 */
function problemsOf(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (raw.entity === undefined) problems.push('no entity');
  else if (typeof raw.entity !== 'string') problems.push(`entity ${shown(raw.entity)} is not a name`);
  else if (!EntityName.safeParse(raw.entity).success) problems.push(`unknown entity ${shown(raw.entity)}`);
  if (raw.id === undefined) problems.push('no record id');
  else if (!Id.safeParse(raw.id).success) problems.push(`id ${shown(raw.id)} is not a record id (1–64 characters of text)`);
  if (raw.op === undefined) problems.push('no op');
  else if (!ChangeOp.safeParse(raw.op).success) problems.push(`op ${shown(raw.op)} is neither 'upsert' nor 'delete'`);
  else if (raw.op === 'delete' && raw.data !== undefined && raw.data !== null) problems.push('a delete that carries a record');
  if (raw.seq === undefined) problems.push('no seq');
  else if (!ChangeSeq.safeParse(raw.seq).success) problems.push(`seq ${shown(raw.seq)} is not a positive whole number`);
  return problems;
}

/**
 * The change's name in the quarantine, stable when the LMS sends the same change again: its
 * record ("ticket/tkt-9", so a later good version of that record releases it), else its seq,
 * else a hash of what was sent.
 */
function keyOf(raw: unknown): string {
  if (isRecord(raw) && typeof raw.entity === 'string' && raw.entity.length > 0 && raw.entity.length <= 64 && Id.safeParse(raw.id).success) {
    return `${raw.entity}/${String(raw.id)}`;
  }
  const seq = usableSeq(raw);
  if (seq !== null) return `seq ${seq}`;
  return `sha256 ${createHash('sha256').update(textOf(raw)).digest('hex').slice(0, 16)}`;
}

export function checkChange(raw: unknown): ChangeCheck {
  const parsed = Change.safeParse(raw);
  if (parsed.success) return { ok: true, change: parsed.data };
  const seq = usableSeq(raw);
  const at = seq === null ? '' : ` (seq ${seq})`;
  const problems = isRecord(raw) ? problemsOf(raw) : [`${kindOf(raw)} instead of an object with seq, entity, id and op`];
  // Every field looked right on its own; say what the schema said rather than nothing.
  if (problems.length === 0) problems.push(...parsed.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || 'the change'}: ${i.message}`));
  return {
    ok: false,
    key: keyOf(raw),
    seq,
    reason: `The LMS sent a change${at} Passdesk cannot read: ${problems.join('; ')}. Passdesk skipped it and synced the rest of the feed; whoever runs the LMS should correct or remove that change.`,
  };
}
