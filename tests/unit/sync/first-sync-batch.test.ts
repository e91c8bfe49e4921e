import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PreparedChange, PreparedPage } from '../../../src/main/cache/prepared-page';
import { takeBatch } from '../../../src/main/sync/first-sync-batch';

const now = '2026-12-04T10:00:00.000Z';

function pages(sizes: number[], last = { hasMore: false }): PreparedPage[] {
  let seq = 0;
  return sizes.map((size, i) => ({
    changes: Array.from({ length: size }, (): PreparedChange => {
      seq += 1;
      return { op: 'delete', entity: 'category', id: `cat-${seq}`, seq };
    }),
    cursor: `c${i + 1}`,
    hasMore: i < sizes.length - 1 || last.hasMore,
    ...(i === 0 ? { totals: { category: 99 } } : {}),
  }));
}

describe('takeBatch', () => {
  it('writes every waiting page that fits in one transaction, with the cursor after the last of them', () => {
    const queue = pages([3, 4, 5, 2], { hasMore: true });
    const batch = takeBatch(queue, 10, { totals: null }, now);
    expect(batch?.pages).toBe(2);
    expect(batch?.changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(batch?.fields).toEqual({ cursor: 'c2', lastPullAt: now, totals: { category: 99 } });
    expect(queue.map((p) => p.cursor)).toEqual(['c3', 'c4']);
  });

  it('takes a page larger than the limit on its own rather than never', () => {
    const queue = pages([50, 1], { hasMore: true });
    expect(takeBatch(queue, 10, { totals: null }, now)?.changes).toHaveLength(50);
    expect(queue).toHaveLength(1);
  });

  it('records the totals only when none are known, and completes the first sync with the feed\'s last page', () => {
    const queue = pages([1, 1]);
    expect(takeBatch(queue, 10, { totals: { category: 3 } }, now)?.fields).toEqual({ cursor: 'c2', lastPullAt: now, firstSyncCompletedAt: now });
    expect(takeBatch(queue, 10, { totals: null }, now)).toBeNull();
  });

  it('splits any queue into batches that keep every change once, in feed order, within the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 60 }), (sizes, maxRows) => {
        const queue = pages(sizes);
        const seen: number[] = [];
        let cursor: string | null | undefined;
        for (let batch = takeBatch(queue, maxRows, { totals: null }, now); batch; batch = takeBatch(queue, maxRows, { totals: null }, now)) {
          expect(batch.changes.length <= maxRows || batch.pages === 1).toBe(true);
          seen.push(...batch.changes.map((c) => c.seq));
          cursor = batch.fields.cursor;
        }
        expect(seen).toEqual(Array.from({ length: sizes.reduce((a, b) => a + b, 0) }, (_, i) => i + 1));
        expect(cursor).toBe(`c${sizes.length}`);
      }),
    );
  });
});
