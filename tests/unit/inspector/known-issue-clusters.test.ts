// Where completion failures cluster, and when a cluster looks like a new known issue.
import { describe, expect, it } from 'vitest';
import { completionFailed, failureMap, platformFamily, platformOf, SUSPICIOUS_MIN_FAILURES, type ClusterAttempt, type FailureFacts } from '../../../src/main/inspector/known-issue-clusters';
import type { KnownIssue } from '../../../src/shared/lms/entities';

const NOW = Date.parse('2026-11-30T17:00:00.000Z');

function facts(over: Partial<FailureFacts> = {}): FailureFacts {
  return {
    startedAt: '2026-11-20T14:00:00.000Z',
    lastDataAt: '2026-11-20T14:40:00.000Z',
    completionStatus: 'incomplete',
    successStatus: 'passed',
    sessionTime: 2400,
    scoreRaw: 85,
    scoreMin: 0,
    scoreMax: 100,
    scoreScaled: 0.85,
    errorCount: 0,
    ...over,
  };
}

describe('a completion failure', () => {
  it('is a pass without completion, runtime errors, a cut-off session, or a launch with nothing back after a day', () => {
    expect(completionFailed(facts(), 80, NOW)).toBe(true);
    expect(completionFailed(facts({ scoreScaled: 0.5, scoreRaw: 50, successStatus: 'failed' }), 80, NOW)).toBe(false);
    expect(completionFailed(facts({ scoreScaled: 0.5, scoreRaw: 50, errorCount: 2 }), 80, NOW)).toBe(true);
    expect(completionFailed(facts({ scoreScaled: null, scoreRaw: null, successStatus: null, sessionTime: null }), 80, NOW)).toBe(true);
    expect(completionFailed(facts({ lastDataAt: null, completionStatus: null, successStatus: null, scoreRaw: null, scoreScaled: null }), 80, NOW)).toBe(true);
    expect(completionFailed(facts({ startedAt: '2026-11-30T10:00:00.000Z', lastDataAt: null, completionStatus: null }), 80, NOW)).toBe(false);
  });

  it('is not an attempt that completed, nor one whose course may still be open', () => {
    expect(completionFailed(facts({ completionStatus: 'completed', errorCount: 3 }), 80, NOW)).toBe(false);
    expect(completionFailed(facts({ lastDataAt: '2026-11-30T16:50:00.000Z' }), 80, NOW)).toBe(false);
  });
});

describe('platform families', () => {
  it('keep Windows versions apart and fold other versions away', () => {
    expect(platformOf('Windows 7', 'Edge 109').label).toBe('Windows 7 · Edge');
    expect(platformOf('Windows 11', 'Edge 131').label).toBe('Windows 11 · Edge');
    expect(platformOf('macOS 14.6', 'Safari 17.6').label).toBe('macOS · Safari');
    expect(platformOf('iPadOS 17.5', 'Safari 17.5').label).toBe('iPadOS · Safari');
    expect(platformFamily('', false)).toBe('Unknown');
  });
});

function many(n: number, a: Omit<ClusterAttempt, 'failed'>, failed: number): ClusterAttempt[] {
  return Array.from({ length: n }, (_, i) => ({ ...a, failed: i < failed }));
}

const knownIssue: KnownIssue = { id: 'ki_001', categoryId: 'cat_1', courseId: null, os: 'macOS', browser: 'Safari', description: 'Safari drops the final commit.', since: '2026-01-01T00:00:00.000Z', until: null };

describe('the failure map', () => {
  const base = { sinceDays: 90, categoryNames: new Map([['cat_1', 'Northgate Door Hardware'], ['cat_2', 'Apex Electrical']]), knownIssues: [knownIssue] };

  it('flags a platform failing far above the rest of its category when no known issue names it', () => {
    const attempts = [
      ...many(40, { categoryId: 'cat_2', os: 'Windows 10', browser: 'Chrome 131' }, 2),
      ...many(8, { categoryId: 'cat_2', os: 'Windows 7', browser: 'Edge 109' }, 6),
    ];
    const map = failureMap(attempts, base);
    const win7 = map.cells.find((c) => c.platform === 'Windows 7 · Edge');
    expect(win7).toMatchObject({ attempts: 8, failures: 6, rate: 0.75, suspicious: true, knownIssueIds: [] });
    expect(map.cells.find((c) => c.platform === 'Windows 10 · Chrome')?.suspicious).toBe(false);
    expect(map.categories[0]).toEqual({ id: 'cat_2', name: 'Apex Electrical', attempts: 48, failures: 8 });
    expect(map.platforms[0]).toBe('Windows 7 · Edge');
    expect(map).toMatchObject({ attempts: 48, failures: 8 });
  });

  it('does not ring for a small cell a little above a category that fails often anyway', () => {
    const attempts = [...many(100, { categoryId: 'cat_2', os: 'Windows 10', browser: 'Chrome 131' }, 27), ...many(12, { categoryId: 'cat_2', os: 'Windows 10', browser: 'Firefox 133' }, 7)];
    expect(failureMap(attempts, base).cells.some((c) => c.suspicious)).toBe(false);
    const loud = [...many(100, { categoryId: 'cat_2', os: 'Windows 10', browser: 'Chrome 131' }, 27), ...many(21, { categoryId: 'cat_2', os: 'Windows 10', browser: 'Firefox 133' }, 19)];
    expect(failureMap(loud, base).cells.find((c) => c.platform === 'Windows 10 · Firefox')?.suspicious).toBe(true);
  });

  it('does not flag what a known issue already explains, and marks it with the issue', () => {
    const attempts = [...many(30, { categoryId: 'cat_1', os: 'Windows 10', browser: 'Chrome 131' }, 1), ...many(6, { categoryId: 'cat_1', os: 'macOS 14.6', browser: 'Safari 17.6' }, 5)];
    const mac = failureMap(attempts, base).cells.find((c) => c.platform === 'macOS · Safari');
    expect(mac).toMatchObject({ suspicious: false, knownIssueIds: ['ki_001'] });
  });

  it('does not flag a category’s only platform: there is nothing to compare it with', () => {
    const attempts = many(50, { categoryId: 'cat_2', os: 'Windows 10', browser: 'Chrome 131' }, 30);
    expect(failureMap(attempts, base).cells.some((c) => c.suspicious)).toBe(false);
  });

  it(`needs at least ${SUSPICIOUS_MIN_FAILURES} failures before a cluster rings`, () => {
    const attempts = [...many(30, { categoryId: 'cat_2', os: 'Windows 10', browser: 'Chrome 131' }, 0), ...many(SUSPICIOUS_MIN_FAILURES - 1, { categoryId: 'cat_2', os: 'Android 14', browser: 'Chrome 131' }, SUSPICIOUS_MIN_FAILURES - 1)];
    expect(failureMap(attempts, base).cells.some((c) => c.suspicious)).toBe(false);
  });

  it('shows the categories with most failures first, keeping every one with a suspicious cell', () => {
    const attempts = [
      ...many(50, { categoryId: 'cat_1', os: 'Windows 10', browser: 'Chrome 131' }, 20),
      ...many(20, { categoryId: 'cat_2', os: 'Windows 10', browser: 'Chrome 131' }, 0),
      ...many(6, { categoryId: 'cat_2', os: 'Windows 7', browser: 'Edge 109' }, 6),
    ];
    const map = failureMap(attempts, { ...base, maxCategories: 1 });
    expect(map.categories.map((c) => c.id)).toEqual(['cat_2']);
    expect(map.cells.every((c) => c.categoryId === 'cat_2')).toBe(true);
  });
});
