// Runs a write once per Idempotency-Key. The key's earlier answer is looked up, and the new
// answer remembered, inside the write's own transaction: two repeats arriving together are
// serialised by SQLite, so exactly one writes and the other gets the remembered answer.
// Only a write that happened is remembered; a refusal wrote nothing, so a retry is judged
// afresh against the LMS as it is then.
import { IdempotencyKey } from '../../shared/lms/api';
import { canonicalJson } from '../../shared/lms/state-digest';
import { ApiError } from '../http/api-error';
import { jsonText, type Reply } from '../http/reply';
import { header, type LmsState, type RequestContext } from './lms-context';

export interface WriteOutcome {
  status: number;
  value: unknown;
  headers?: Record<string, string>;
}

export function idempotencyKeyOf(ctx: RequestContext, required: boolean): string | null {
  const key = header(ctx, 'idempotency-key');
  if (key === undefined || key === '') {
    if (!required) return null;
    throw new ApiError(400, 'missing_idempotency_key', 'This write needs an Idempotency-Key header (8–200 letters, digits, "_.:-"), so a retry after a timeout cannot record it twice. Make one key per intended write and send it on every retry.');
  }
  if (!IdempotencyKey.safeParse(key).success) {
    throw new ApiError(400, 'invalid_request', 'Idempotency-Key: use 8–200 characters of letters, digits and "_.:-" (a UUID works).');
  }
  return key;
}

export function idempotentWrite(ctx: RequestContext, lms: LmsState, key: string | null, parsedBody: unknown, write: () => WriteOutcome): Reply {
  return lms.store.write(() => {
    const fingerprint = lms.sha256(`${ctx.method} ${ctx.apiPath}\n${canonicalJson(parsedBody)}`);
    if (key !== null) {
      const earlier = lms.idempotency.find(ctx.agent.id, key);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          throw new ApiError(422, 'idempotency_key_reused', `Idempotency-Key "${key}" was already used for a different request (another path or body). Use a new key for a new write; resend the same body to repeat the first one.`);
        }
        return jsonText(earlier.status, earlier.response, { 'idempotent-replayed': 'true' });
      }
    }
    const outcome = write();
    const text = JSON.stringify(outcome.value);
    if (key !== null) lms.idempotency.remember(ctx.agent.id, key, { fingerprint, status: outcome.status, response: text }, lms.now());
    return jsonText(outcome.status, text, outcome.headers ?? {});
  });
}
