import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PreparedPage } from '../../../src/main/cache/prepared-page';
import { streamFeed } from '../../../src/main/sync/feed-stream';
import type { ReceivedChangesPage } from '../../../src/shared/lms/api';
import { sample, upsert } from './sample-records';

/** A feed of `sizes.length` pages of categories; records what was asked and when. */
function feed(sizes: number[]) {
  const events: string[] = [];
  let seq = 0;
  const pages: ReceivedChangesPage[] = sizes.map((size, i) => ({
    changes: Array.from({ length: size }, () => {
      seq += 1;
      return { ...upsert('category', sample.category(`cat-${seq}`)), seq };
    }),
    cursor: `c${i + 1}`,
    hasMore: i < sizes.length - 1,
  }));
  return {
    events,
    changes: (cursor: string | null) => {
      const index = cursor === null ? 0 : Number(cursor.slice(1));
      events.push(`ask ${index}`);
      const page = pages[index];
      return page ? Promise.resolve(page) : Promise.reject(new Error(`no page after ${cursor}`));
    },
  };
}

describe('streamFeed', () => {
  it('asks for the next page before handing on this one, so the LMS works while this thread checks', async () => {
    const lms = feed([2, 1, 3]);
    const sent: PreparedPage[] = [];
    await streamFeed({
      changes: lms.changes,
      cursor: null,
      limit: 10,
      room: () => Promise.resolve(),
      send: (page) => {
        lms.events.push(`send ${page.cursor}`);
        sent.push(page);
      },
    });
    expect(lms.events).toEqual(['ask 0', 'ask 1', 'send c1', 'ask 2', 'send c2', 'send c3']);
    expect(sent.map((p) => p.changes.map((c) => c.id))).toEqual([['cat-1', 'cat-2'], ['cat-3'], ['cat-4', 'cat-5', 'cat-6']]);
  });

  it('hands on no page while the consumer has no room, and every page in feed order once it has', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), async (sizes, ahead) => {
        const lms = feed(sizes);
        const sent: PreparedPage[] = [];
        let unacked = 0;
        let mostWaiting = 0;
        const waiting: (() => void)[] = [];
        const done = streamFeed({
          changes: lms.changes,
          cursor: null,
          limit: 10,
          room: () => (unacked < ahead ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
          send: (page) => {
            unacked += 1;
            mostWaiting = Math.max(mostWaiting, unacked);
            sent.push(page);
          },
            });
        // The consumer takes pages one at a time, whenever the stream is stuck on room.
        let finished = false;
        void done.then(() => {
          finished = true;
        });
        while (!finished) {
          await new Promise((resolve) => setImmediate(resolve));
          if (unacked > 0) {
            unacked -= 1;
            waiting.shift()?.();
          }
        }
        expect(mostWaiting).toBeLessThanOrEqual(ahead);
        expect(sent.map((p) => p.cursor)).toEqual(sizes.map((_, i) => `c${i + 1}`));
        expect(sent.flatMap((p) => p.changes.map((c) => c.seq))).toEqual(Array.from({ length: sizes.reduce((a, b) => a + b, 0) }, (_, i) => i + 1));
      }),
      { numRuns: 60 },
    );
  });

  it('hands on the pages it has before failing with the error that stopped it', async () => {
    const lms = feed([1, 1, 1]);
    const sent: string[] = [];
    await expect(
      streamFeed({
        changes: (cursor) => (cursor === 'c2' ? Promise.reject(new Error('LMS said 500')) : lms.changes(cursor)),
        cursor: null,
        limit: 10,
        room: () => Promise.resolve(),
        send: (page) => sent.push(page.cursor),
        }),
    ).rejects.toThrow('LMS said 500');
    expect(sent).toEqual(['c1', 'c2']);
  });
});
