// How long browser mode's bridge waits before its next attempt to reach the services.
// Doubling keeps a restarting services process from being hammered; the cap keeps the app
// from looking dead for long once the services are back. No jitter: there is one page per
// services process, so there is no herd to spread out.
export interface BackoffPolicy {
  /** Wait before the first retry. */
  firstMs: number;
  /** Longest wait between two attempts. */
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { firstMs: 250, maxMs: 8_000 };

/** Wait before retry number `attempt` (0 = the first retry after a drop). */
export function reconnectDelay(attempt: number, policy: BackoffPolicy = defaultBackoff): number {
  const step = Number.isFinite(attempt) ? Math.max(0, Math.min(Math.floor(attempt), 30)) : 0;
  return Math.min(policy.maxMs, policy.firstMs * 2 ** step);
}
