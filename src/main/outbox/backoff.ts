// How long to wait before trying the LMS again after the n-th failure in a row: doubling
// from `baseMs` up to `maxMs`, with jitter so many desks that lost the LMS at the same
// moment do not all come back at the same moment. Pure: the random number is passed in.
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 60_000 };

/**
 * "Equal jitter": half of the doubled delay is kept, the other half is random, so a retry is
 * never immediate but two clients rarely collide. `failures` counts from 1; `random` is in [0, 1).
 */
export function backoffDelay(failures: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(failures));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(n - 1, 30));
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
