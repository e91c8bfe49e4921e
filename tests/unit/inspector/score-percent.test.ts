import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestScoredAttempt, formatPercent, reachesPassingScore, scorePercent } from '../../../src/main/inspector/score-percent';
import { attempt } from './verdict-fixtures';

const none = { scoreRaw: null, scoreMin: null, scoreMax: null, scoreScaled: null };

describe('score normalisation', () => {
  it('uses the scaled score when the course sends one, even if raw/max disagree', () => {
    expect(scorePercent({ scoreRaw: 17, scoreMin: 0, scoreMax: 20, scoreScaled: 0.9 })).toMatchObject({ percent: 90, source: 'scaled' });
  });

  it('reads raw against min and max when there is no scaled score (SCORM 1.2 points)', () => {
    expect(scorePercent({ scoreRaw: 16, scoreMin: 0, scoreMax: 20, scoreScaled: null })).toMatchObject({ percent: 80, source: 'raw' });
  });

  it('takes max as 100 when the course left it out', () => {
    expect(scorePercent({ scoreRaw: 82, scoreMin: null, scoreMax: null, scoreScaled: null }).percent).toBe(82);
  });

  it('honours a min that is not zero', () => {
    // 60 on a 50–100 scale is a fifth of the way up.
    expect(scorePercent({ scoreRaw: 60, scoreMin: 50, scoreMax: 100, scoreScaled: null }).percent).toBe(20);
  });

  it('does not let floating-point noise fail a learner sitting exactly on the line', () => {
    const percent = scorePercent({ ...none, scoreScaled: 0.57 }).percent;
    expect(percent).toBe(57);
    expect(reachesPassingScore(percent ?? 0, 57)).toBe(true);
    expect(scorePercent({ scoreRaw: 7, scoreMin: 0, scoreMax: 9, scoreScaled: null }).percent).toBeCloseTo(77.777778, 5);
  });

  it('counts exactly the passing score as a pass, and a hair below as a fail', () => {
    expect(reachesPassingScore(80, 80)).toBe(true);
    expect(reachesPassingScore(79.99, 80)).toBe(false);
  });

  it('clamps bonus points above max and negative scaled scores into 0–100, and says so', () => {
    const over = scorePercent({ scoreRaw: 105, scoreMin: 0, scoreMax: 100, scoreScaled: null });
    expect(over.percent).toBe(100);
    expect(over.note).toMatch(/outside its range/);
    expect(scorePercent({ ...none, scoreScaled: -0.2 }).percent).toBe(0);
  });

  it('refuses a broken range instead of guessing', () => {
    const broken = scorePercent({ scoreRaw: 8, scoreMin: 10, scoreMax: 10, scoreScaled: null });
    expect(broken.percent).toBeNull();
    expect(broken.note).toMatch(/cannot be read as a percent/);
  });

  it('has no score when nothing came back', () => {
    expect(scorePercent(none)).toEqual({ percent: null, source: 'none', note: null });
  });

  it('recovers the score from the raw SCORM 1.2 key/values when the summary is empty, strings and spaces included', () => {
    expect(scorePercent({ ...none, cmi: { 'cmi.core.score.raw': ' 17 ', 'cmi.core.score.max': '20', 'cmi.core.score.min': '' } }).percent).toBe(85);
  });

  it('recovers an xAPI scaled score from result.score.scaled', () => {
    expect(scorePercent({ ...none, cmi: { 'result.score.scaled': '0.8', 'result.score.raw': '4' } })).toMatchObject({ percent: 80, source: 'scaled' });
  });

  it('ignores a blank or non-numeric raw value ("" means "not set" in SCORM)', () => {
    expect(scorePercent({ ...none, cmi: { 'cmi.core.score.raw': '' } }).percent).toBeNull();
    expect(scorePercent({ ...none, cmi: { 'cmi.score.raw': 'eighty' } }).percent).toBeNull();
  });

  it('prints percents without rounding a failing score up onto the line', () => {
    expect(formatPercent(80)).toBe('80%');
    expect(formatPercent(87.5)).toBe('87.5%');
    expect(formatPercent(79.996)).toBe('79.99%');
  });

  it('always lands in 0–100 and never decreases as the raw score rises', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 500 }), (raw, bump, min, span) => {
        const max = min + span;
        const a = scorePercent({ scoreRaw: raw, scoreMin: min, scoreMax: max, scoreScaled: null }).percent ?? -1;
        const b = scorePercent({ scoreRaw: raw + bump, scoreMin: min, scoreMax: max, scoreScaled: null }).percent ?? -1;
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(100);
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});

describe('the best attempt', () => {
  it('picks an older passing attempt over later failing ones', () => {
    const older = attempt({ id: 'atm_1', startedAt: '2026-11-01T10:00:00.000Z', scoreRaw: 84, scoreScaled: 0.84 });
    const later = attempt({ id: 'atm_2', startedAt: '2026-11-10T10:00:00.000Z', scoreRaw: 60, scoreScaled: 0.6 });
    const latest = attempt({ id: 'atm_3', startedAt: '2026-11-20T10:00:00.000Z', scoreRaw: 72, scoreScaled: 0.72 });
    expect(bestScoredAttempt([later, older, latest])).toMatchObject({ attempt: { id: 'atm_1' }, percent: 84 });
  });

  it('breaks a tie in favour of the most recent attempt', () => {
    const a = attempt({ id: 'atm_1', startedAt: '2026-11-01T10:00:00.000Z' });
    const b = attempt({ id: 'atm_2', startedAt: '2026-11-05T10:00:00.000Z' });
    expect(bestScoredAttempt([a, b])?.attempt.id).toBe('atm_2');
  });

  it('skips attempts without a score and returns nothing when none has one', () => {
    const silent = attempt({ id: 'atm_9', scoreRaw: null, scoreScaled: null, scoreMax: null, scoreMin: null });
    expect(bestScoredAttempt([silent])).toBeNull();
    expect(bestScoredAttempt([silent, attempt({ id: 'atm_1' })])?.attempt.id).toBe('atm_1');
  });
});
