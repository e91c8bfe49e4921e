// What the panel says: the keyword search never passes FTS syntax through, a countdown reads
// as a person would say it, and the evidence a pass rests on defaults to the verdict's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywordMatch } from '../../../src/main/passes/enrolled-users';
import { percentText as screenshotPercent } from '../../../src/renderer/screenshots/screenshot-text';
import { countdownText, defaultEvidence, evidenceLines, secondsLeft, stateTone } from '../../../src/renderer/passes/pass-text';
import { attempt, scored, verdictOf } from '../inspector/verdict-fixtures';

describe('the keyword search', () => {
  it('turns words into quoted prefixes, all of which must match', () => {
    expect(keywordMatch('jane smi')).toBe('"jane"* AND "smi"*');
    expect(keywordMatch('jane.smith@example.com')).toBe('"jane"* AND "smith"* AND "example"* AND "com"*');
    expect(keywordMatch('   ')).toBeNull();
    expect(keywordMatch('"; DROP TABLE learner; --')).toBe('"DROP"* AND "TABLE"* AND "learner"*');
  });
  it('never lets a quote, an operator or a bracket through unquoted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const match = keywordMatch(text);
        if (match === null) return;
        for (const part of match.split(' AND ')) expect(part).toMatch(/^"[\p{L}\p{N}]+"\*$/u);
      }),
    );
  });
});

describe('the undo window countdown', () => {
  it('counts whole seconds down to zero, never below', () => {
    const until = '2026-12-01T10:00:10.000Z';
    expect(secondsLeft(until, Date.parse('2026-12-01T10:00:00.000Z'))).toBe(10);
    expect(secondsLeft(until, Date.parse('2026-12-01T10:00:09.100Z'))).toBe(1);
    expect(secondsLeft(until, Date.parse('2026-12-01T10:00:12.000Z'))).toBe(0);
    expect(countdownText(9)).toBe('9 s');
    expect(countdownText(65)).toBe('1 min 05 s');
  });
  it('marks an alert as bad whatever the state', () => {
    expect(stateTone('confirmed', 'The transcript disagrees')).toBe('bad');
    expect(stateTone('verified')).toBe('good');
  });
});

describe('the evidence a pass rests on', () => {
  it("takes the verdict's own evidence when it allows a pass", () => {
    const verdict = verdictOf({ attempts: [attempt()] });
    expect(defaultEvidence({ proposed: null, verdict })).toEqual({ kind: 'score_data', attemptId: 'atm_0001001' });
  });
  it('offers the newest attempt for an override, and nothing when nothing is on file', () => {
    expect(defaultEvidence({ proposed: null, verdict: verdictOf({ attempts: [scored(40)] }) })).toEqual({ kind: 'score_data', attemptId: 'atm_0001001' });
    expect(defaultEvidence({ proposed: null, verdict: verdictOf({ attempts: [] }) })).toBeNull();
  });
  it('spells out an attempt with its score and platform', () => {
    const lines = evidenceLines({
      evidence: { kind: 'score_data', attemptId: 'atm_1' },
      attempt: { id: 'atm_1', startedAt: '2026-11-20T14:00:00.000Z', lastDataAt: '2026-11-20T14:41:00.000Z', scorePercent: 85, completionStatus: 'incomplete', successStatus: 'passed', os: 'Windows 10', browser: 'Chrome 131' },
      screenshot: null,
      knownIssue: null,
    });
    expect(lines).toEqual(['Attempt atm_1: 85%, incomplete / passed, data last 2026-11-20 14:41 (Windows 10, Chrome 131)']);
  });

  it('never rounds a score up onto the passing line, in the evidence the admin confirms or on a screenshot', () => {
    const lines = evidenceLines({
      evidence: { kind: 'score_data', attemptId: 'atm_2' },
      attempt: { id: 'atm_2', startedAt: '2026-11-20T14:00:00.000Z', lastDataAt: null, scorePercent: 79.96, completionStatus: null, successStatus: null, os: 'Windows 10', browser: 'Chrome 131' },
      screenshot: null,
      knownIssue: null,
    });
    expect(lines[0]).toMatch(/^Attempt atm_2: 79\.96%,/);
    expect(screenshotPercent(79.96)).toBe('79.96%');
    expect(screenshotPercent(null)).toBe('no score');
  });
});
