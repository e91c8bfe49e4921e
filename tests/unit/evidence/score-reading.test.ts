import { describe, expect, it } from 'vitest';
import { nameAppears, proposeReading } from '../../../src/main/evidence/score-reading';

const expected = { courseName: 'Solar Racking Basics', moduleName: 'Module 2: Installation and Code Compliance' };

describe('reading a result screen’s text', () => {
  it('finds the score, the passing score and the pass words', () => {
    const text = `Solar Racking Basics RK Ana Lopez\nAssessment Results Module 2: Installation and Code Compliance\nYour score: 87%\n.\nPassing score: 80%\nPassed\nAna Lopez - Submitted March 1, 2026 10:00 AM`;
    expect(proposeReading(text, expected)).toEqual({
      score: 87,
      passingScore: 80,
      passWords: ['Passed'],
      failWords: [],
      completionWords: [],
      courseName: expected.courseName,
      moduleName: expected.moduleName,
    });
  });

  it('reads a failing screen as failing, with the pass mark from “you need”', () => {
    const proposal = proposeReading('Final Assessment\nScore: 62%\nFailed — you need 80% to pass\n0% Passing score: 80% 100%', expected);
    expect(proposal).toMatchObject({ score: 62, passingScore: 80, passWords: [], failWords: ['Failed — you need 80% to pass'] });
  });

  it('does not take the passing score for the learner’s score', () => {
    expect(proposeReading('Passing score: 80%\nCongratulations, you passed!', expected)).toMatchObject({ score: null, passingScore: 80, passWords: ['Congratulations, you passed!'] });
  });

  it('reads a completion-only screen as a completion with no score', () => {
    const proposal = proposeReading('MODULE COMPLETE\nYou have completed this module.\n0% 100% complete 100%', expected);
    expect(proposal.score).toBeNull();
    expect(proposal.completionWords.length).toBeGreaterThan(0);
  });

  it('mends the usual OCR slip of % read as °/o', () => {
    expect(proposeReading('Your score: 91°/o', expected).score).toBe(91);
  });

  it('finds a name when most of its words were read, not when another module is shown', () => {
    expect(nameAppears('Module 2: Installation and Code Compliance', 'Module 2: lnstallation and Code Compliance')).toBe(true);
    expect(nameAppears('Module 2: Installation and Code Compliance', 'Module 5: Permits')).toBe(false);
  });
});

describe('players that split the label from the number', () => {
  it('takes the lone percent next to “Your score:”, not the progress bar or the pass mark', () => {
    const text = 'Impact-Rated Windows\n100% COMPLETE\nFINAL ASSESSMENT\non cy 88%\n(]\nour score:\nCongratulations, you passed!\n0% Passing score: 80% 100%';
    expect(proposeReading(text, expected)).toMatchObject({ score: 88, passingScore: 80 });
  });
});
