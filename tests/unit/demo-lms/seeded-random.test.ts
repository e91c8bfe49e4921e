import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/demo-lms/seed/seeded-random';
import { isoDuration, scorm12LessonStatus, scorm12Timespan } from '../../../src/demo-lms/seed/course-runtime';

describe('seeded random', () => {
  it('repeats itself for the same seed and label, and differs for another', () => {
    const draw = (seed: number, label: string) => Array.from({ length: 5 }, ((r) => () => r.nextUint32())(new SeededRandom(seed, label)));
    expect(draw(1, 'x')).toEqual(draw(1, 'x'));
    expect(draw(1, 'x')).not.toEqual(draw(2, 'x'));
    expect(draw(1, 'x')).not.toEqual(draw(1, 'y'));
  });

  it('keeps int() within its bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
        const r = new SeededRandom(seed, 'bounds');
        for (let i = 0; i < 20; i += 1) {
          const n = r.int(min, min + span);
          expect(n).toBeGreaterThanOrEqual(min);
          expect(n).toBeLessThanOrEqual(min + span);
        }
      }),
    );
  });
});

describe('course runtime formats', () => {
  it('writes SCORM 1.2 timespans and ISO 8601 durations', () => {
    expect(scorm12Timespan(3723)).toBe('0001:02:03.00');
    expect(isoDuration(3723)).toBe('PT1H2M3S');
    expect(isoDuration(0)).toBe('PT0S');
  });

  it('folds completion and success into SCORM 1.2 lesson_status', () => {
    expect(scorm12LessonStatus('completed', 'passed')).toBe('passed');
    expect(scorm12LessonStatus('completed', 'failed')).toBe('failed');
    expect(scorm12LessonStatus('incomplete', 'passed')).toBe('incomplete');
    expect(scorm12LessonStatus(null, null)).toBe('not attempted');
  });
});
