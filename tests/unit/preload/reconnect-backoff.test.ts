import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBackoff, reconnectDelay } from '../../../src/preload/reconnect-backoff';

describe('reconnect backoff', () => {
  it('starts at the first wait, doubles, and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => reconnectDelay(n))).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('never waits less than the first wait or more than the cap, and never shortens as retries grow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 120_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (firstMs, extra, attempt) => {
          const policy = { firstMs, maxMs: firstMs + extra };
          const wait = reconnectDelay(attempt, policy);
          expect(wait).toBeGreaterThanOrEqual(firstMs);
          expect(wait).toBeLessThanOrEqual(policy.maxMs);
          expect(reconnectDelay(attempt + 1, policy)).toBeGreaterThanOrEqual(wait);
          expect(Number.isFinite(wait)).toBe(true);
        },
      ),
    );
  });

  it('treats a nonsense attempt number as the first retry', () => {
    expect(reconnectDelay(-3)).toBe(defaultBackoff.firstMs);
    expect(reconnectDelay(Number.NaN)).toBe(defaultBackoff.firstMs);
  });
});
