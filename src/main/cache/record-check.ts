// Decides whether one record of the change feed may enter the cache, and if not, says why in
// words an admin can pass on to whoever runs the LMS. Pure.
import type { z } from 'zod';
import { entitySchemas, type EntityName, type EntityRecord } from '../../shared/lms/entities';

export type RecordCheck<E extends EntityName> =
  | { ok: true; record: EntityRecord<E> }
  | { ok: false; reason: string };

const MAX_ISSUES_SHOWN = 4;

function describe(error: z.ZodError): string {
  const shown = error.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join('.') : 'the record';
    return `${field}: ${issue.message}`;
  });
  const more = error.issues.length > MAX_ISSUES_SHOWN ? ` (and ${error.issues.length - MAX_ISSUES_SHOWN} more problems)` : '';
  return `${shown.join('; ')}${more}`;
}

export function checkRecord<E extends EntityName>(entity: E, id: string, data: unknown): RecordCheck<E> {
  const parsed = entitySchemas[entity].safeParse(data);
  if (!parsed.success) return { ok: false, reason: `The LMS sent ${entity} ${id} in a shape Passdesk cannot use — ${describe(parsed.error)}.` };
  const record = parsed.data as EntityRecord<E>;
  if (record.id !== id) {
    return { ok: false, reason: `The LMS sent ${entity} ${id} with a different id inside the record ("${record.id.slice(0, 64)}"), so Passdesk cannot tell which record it is.` };
  }
  return { ok: true, record };
}
