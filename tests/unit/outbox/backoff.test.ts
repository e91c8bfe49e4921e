import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/main/outbox/backoff';

const policy = { baseMs: 500, maxMs: 60_000 };

describe('backoff between tries', () => {
  it('waits between half and all of a ceiling that doubles with each failure and stops at the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (failures - 1));
        const delay = backoffDelay(failures, r, policy);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it('never retries at once, and spreads retries of many clients apart', () => {
    expect(backoffDelay(1, 0, policy)).toBe(250);
    expect(backoffDelay(1, 0.999, policy)).toBe(500);
    const spread = new Set([0, 0.25, 0.5, 0.75].map((r) => backoffDelay(6, r, policy)));
    expect(spread.size).toBe(4);
  });

  it('grows with more failures in a row until the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => backoffDelay(n, 0.5, policy));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(backoffDelay(50, 0.5, policy)).toBe(backoffDelay(500, 0.5, policy));
  });
});
