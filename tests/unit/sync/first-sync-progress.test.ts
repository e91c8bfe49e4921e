import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstSyncProgress, nextPageSize } from '../../../src/main/sync/first-sync-progress';

describe('first-sync progress', () => {
  it('shows per-entity counts against the totals the LMS announced, the fraction, and the time left at the current pace', () => {
    const progress = firstSyncProgress({
      startedAt: '2024-06-01T12:00:00.000Z',
      totals: { learner: 1000, enrollment: 9000 },
      done: { learner: 1000, enrollment: 1000 },
      pace: { records: 2000, ms: 4000 },
    });
    expect(progress.entities).toEqual([
      { entity: 'learner', done: 1000, total: 1000 },
      { entity: 'enrollment', done: 1000, total: 9000 },
    ]);
    expect(progress.fraction).toBe(0.2);
    // 8000 left at 500 records a second.
    expect(progress.etaSeconds).toBe(16);
  });

  it('promises no time before there is a pace, and no fraction when the LMS gave no totals', () => {
    expect(firstSyncProgress({ startedAt: 'x', totals: { learner: 10 }, done: {}, pace: { records: 5, ms: 100 } }).etaSeconds).toBeNull();
    const unknown = firstSyncProgress({ startedAt: 'x', totals: null, done: { ticket: 5 }, pace: { records: 5, ms: 5000 } });
    expect(unknown).toMatchObject({ total: null, fraction: null, etaSeconds: null, done: 5 });
  });

  it('keeps the fraction between 0 and 1 even when the LMS gained records during the sync', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(5000), (total, done) => {
        const p = firstSyncProgress({ startedAt: 'x', totals: { ticket: total }, done: { ticket: done }, pace: { records: done, ms: 2000 } });
        expect(p.fraction).toBeGreaterThanOrEqual(0);
        expect(p.fraction).toBeLessThanOrEqual(1);
        expect(p.etaSeconds === null || p.etaSeconds >= 0).toBe(true);
      }),
    );
  });
});

describe('page size of the first sync', () => {
  const bounds = { min: 200, max: 5000, targetMs: 15 };
  it('asks for fewer changes when a page took too long to apply and more when it was quick', () => {
    expect(nextPageSize(1000, 1000, 60, bounds)).toBeLessThan(1000);
    expect(nextPageSize(1000, 1000, 5, bounds)).toBeGreaterThan(1000);
  });
  it('stays within its bounds and ignores pages too small to measure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 5000 }), fc.nat(6000), fc.double({ min: 0, max: 10_000, noNaN: true }), (current, applied, ms) => {
        const next = nextPageSize(current, applied, ms, bounds);
        expect(next).toBeGreaterThanOrEqual(200);
        expect(next).toBeLessThanOrEqual(5000);
        if (applied < 50) expect(next).toBe(current);
      }),
    );
  });
});
