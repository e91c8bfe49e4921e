import { describe, expect, it } from 'vitest';
import { explainingKnownIssue, knownIssueCovers, type Surroundings } from '../../../src/main/inspector/known-issue-match';
import { platformCovers } from '../../../src/main/inspector/platform-match';
import { NOW, category, course, knownIssue } from './verdict-fixtures';

const nowMs = Date.parse(NOW);
const at = (over: Partial<Surroundings> = {}): Surroundings => {
  const ms = Date.parse('2026-11-20T14:00:00.000Z');
  return { categoryId: category.id, courseId: course.id, os: 'macOS 14.6', browser: 'Safari 17.6', fromMs: ms, toMs: ms + 2_460_000, ...over };
};

describe('OS and browser names', () => {
  it.each([
    ['Safari', 'Safari 17.2', true],
    ['safari', 'SAFARI 17.2', true],
    ['macOS', 'macOS 14', true],
    ['macOS', 'Mac', true],
    ['macOS', 'Mac OS X 10.15', true],
    ['Safari 17', 'Safari 17.2', true],
    ['Safari 17.2', 'Safari 17', true],
    ['Windows 7', 'an older windows 7 one', true],
    ['Edge', 'Microsoft Edge 109', true],
    ['iPadOS', 'iPad', true],
    ['Windows 7', 'Windows 10', false],
    ['Edge 109', 'Edge 131', false],
    ['Safari 17.2', 'Safari 17.6', false],
    ['iOS', 'iPadOS 17.5', false],
    ['Chrome', 'ChromeOS 130', false],
  ] as const)('%s covers %s: %s', (named, actual, expected) => {
    expect(platformCovers(named, actual)).toBe(expected);
  });

  it('does not match an environment nobody reported', () => {
    expect(platformCovers('Safari', null)).toBe(false);
    expect(platformCovers('Safari', '   ')).toBe(false);
  });
});

describe('known issue window and scope', () => {
  it('covers trouble in its category on its OS and browser, inside its window', () => {
    expect(knownIssueCovers(knownIssue(), at(), nowMs)).toBe(true);
  });

  it('does not cover another category', () => {
    expect(knownIssueCovers(knownIssue({ categoryId: 'cat_0099' }), at(), nowMs)).toBe(false);
  });

  it('covers only its own course when it names one', () => {
    expect(knownIssueCovers(knownIssue({ courseId: course.id }), at(), nowMs)).toBe(true);
    expect(knownIssueCovers(knownIssue({ courseId: 'crs_09999' }), at(), nowMs)).toBe(false);
  });

  it('does not cover trouble before it began or after it was fixed', () => {
    expect(knownIssueCovers(knownIssue({ since: '2026-11-25T00:00:00.000Z' }), at(), nowMs)).toBe(false);
    expect(knownIssueCovers(knownIssue({ since: '2026-01-01T00:00:00.000Z', until: '2026-11-01T00:00:00.000Z' }), at(), nowMs)).toBe(false);
  });

  it('covers a session that overlaps its first moments', () => {
    const since = '2026-11-20T14:30:00.000Z';
    expect(knownIssueCovers(knownIssue({ since }), at(), nowMs)).toBe(true);
  });

  it('covers any OS when it names only a browser', () => {
    expect(knownIssueCovers(knownIssue({ os: null, browser: 'Firefox' }), at({ os: 'Windows 10', browser: 'Firefox 133' }), nowMs)).toBe(true);
  });

  it('prefers the issue naming this very course over a category-wide one', () => {
    const wide = knownIssue({ id: 'ki_001' });
    const narrow = knownIssue({ id: 'ki_004', courseId: course.id });
    expect(explainingKnownIssue([wide, narrow], at(), nowMs)?.id).toBe('ki_004');
    expect(explainingKnownIssue([knownIssue({ os: 'Windows 7', browser: 'Edge' })], at(), nowMs)).toBeNull();
  });
});
