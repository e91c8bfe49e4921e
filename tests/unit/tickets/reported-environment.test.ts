import { describe, expect, it } from 'vitest';
import { reportedEnvironment } from '../../../src/main/tickets/reported-environment';
import { platformCovers } from '../../../src/main/inspector/platform-match';

describe('reportedEnvironment', () => {
  it('reads the computer and browser the way learners name them', () => {
    expect(reportedEnvironment(['Im on a Mac at work (Safari) and the course finished but never counted'])).toEqual({ os: 'macOS', browser: 'Safari' });
    expect(reportedEnvironment(['the computer at the counter (its an older windows 7 one)'])).toEqual({ os: 'Windows 7', browser: null });
    expect(reportedEnvironment(['I did it on my iPad'])).toEqual({ os: 'iPadOS', browser: null });
    expect(reportedEnvironment(['on Edge 109'])).toEqual({ os: null, browser: 'Edge 109' });
  });

  it('does not read the trades’ words as browsers', () => {
    expect(reportedEnvironment(['the door edge needs a chrome finish'])).toBeNull();
  });

  it('gives what the known-issue matching understands', () => {
    const env = reportedEnvironment(['MacBook, safari 17'])!;
    expect(platformCovers('macOS', env.os)).toBe(true);
    expect(platformCovers('Safari', env.browser)).toBe(true);
  });

  it('takes the first mention across messages', () => {
    expect(reportedEnvironment(['nothing here', 'tried Firefox', 'then Chrome'])).toEqual({ os: null, browser: 'Firefox' });
  });
});
