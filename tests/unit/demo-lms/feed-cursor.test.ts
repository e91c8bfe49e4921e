import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../src/demo-lms/feed/feed-cursor';
import { ApiError } from '../../../src/demo-lms/http/api-error';

describe('change feed cursor', () => {
  it('round-trips any position of its own feed', () => {
    fc.assert(fc.property(fc.uuid(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (feed, seq) => {
      expect(decodeCursor(feed, encodeCursor(feed, seq))).toBe(seq);
    }));
  });

  it('starts from the beginning without a cursor', () => {
    expect(decodeCursor('feed', undefined)).toBe(0);
    expect(decodeCursor('feed', '')).toBe(0);
  });

  it('refuses anything it did not hand out, and cursors of another feed, with a 400', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (junk) => {
        try {
          decodeCursor('feed-a', junk);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          expect((error as ApiError).status).toBe(400);
        }
      }),
    );
    expect(() => decodeCursor('feed-a', encodeCursor('feed-b', 5))).toThrow(/another LMS database/);
  });
});
