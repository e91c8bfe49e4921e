// The URL and token from Settings: typos are reported as such before any request goes out.
import { describe, expect, it } from 'vitest';
import { checkToken, parseLmsAddress } from '../../../src/main/lms/lms-address';
import { LmsError } from '../../../src/main/lms/lms-error';

describe('LMS address', () => {
  it('accepts the site address or the API address, with or without a trailing slash', () => {
    for (const typed of ['https://lms.example.com', 'https://lms.example.com/', 'https://lms.example.com/api/v1', 'https://lms.example.com/api/v1/']) {
      expect(parseLmsAddress(typed)).toEqual({ apiRoot: 'https://lms.example.com/api/v1', shown: 'https://lms.example.com' });
    }
  });

  it('keeps a path prefix and drops credentials, query and fragment from what it shows', () => {
    expect(parseLmsAddress('https://admin:hunter2@lms.example.com/support/?x=1#top')).toEqual({
      apiRoot: 'https://lms.example.com/support/api/v1',
      shown: 'https://lms.example.com/support',
    });
  });

  it('refuses what is not an http(s) address with a message pointing at Settings', () => {
    for (const typed of ['lms.example.com', 'ftp://lms.example.com', '']) {
      let error: unknown;
      try {
        parseLmsAddress(typed);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LmsError);
      expect(error).toMatchObject({ kind: 'invalid_request', code: 'invalid_settings', retryable: false });
      expect((error as LmsError).message).toMatch(/Settings/);
    }
  });
});

describe('LMS token', () => {
  it('refuses empty tokens and tokens with spaces or line breaks, without echoing them', () => {
    expect(() => checkToken('')).toThrow(/No LMS token is set/);
    expect(() => checkToken('abc def')).toThrow(/paste it again in Settings/);
    expect(() => checkToken('abc\r\nX-Evil: 1')).toThrow(LmsError);
    try {
      checkToken('secret value');
    } catch (e) {
      expect((e as Error).message).not.toContain('secret value');
    }
    expect(checkToken('pd_admin_0123456789')).toBe('pd_admin_0123456789');
  });
});
