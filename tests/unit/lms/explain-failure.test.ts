// The wording of failures, without a server: what a support person reads in the status bar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeNetworkCode,
  findErrorCode,
  networkFailure,
  parseRetryAfter,
  scrub,
  statusFailure,
  type RequestContext,
} from '../../../src/main/lms/explain-failure';
import { isRetryable } from '../../../src/main/lms/lms-error';

const ctx: RequestContext = { lmsUrl: 'https://lms.example.com', action: 'load ticket t-1', method: 'GET', secret: 'tok-123456' };

describe('network failures', () => {
  it('finds the errno code however deep undici buried it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const aggregate = Object.assign(new AggregateError([refused], 'all failed'));
    expect(findErrorCode(new TypeError('fetch failed', { cause: aggregate }))).toBe('ECONNREFUSED');
    expect(findErrorCode(new TypeError('fetch failed'))).toBeUndefined();
  });

  it('puts common codes into words and keeps unknown ones recognisable', () => {
    expect(describeNetworkCode('ENOTFOUND', 'x')).toBe('the host name could not be found');
    expect(describeNetworkCode('DEPTH_ZERO_SELF_SIGNED_CERT', 'x')).toContain('HTTPS certificate is not trusted');
    expect(describeNetworkCode('EWHATEVER', 'socket hang up')).toBe('socket hang up');
  });

  it('a DNS failure names the host problem and what to check', () => {
    const cause = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND lms.example.com'), { code: 'ENOTFOUND' }) });
    const e = networkFailure(ctx, cause, 'connect');
    expect(e.message).toBe(
      'The LMS at https://lms.example.com could not be reached to load ticket t-1: the host name could not be found. Check the URL in Settings or your network.',
    );
    expect(e).toMatchObject({ kind: 'network', code: 'ENOTFOUND', retryable: true });
  });
});

describe('status failures', () => {
  it('keeps the LMS code and sentence for a 409 on a manual pass', () => {
    const e = statusFailure(
      { ...ctx, action: 'record the manual pass', method: 'POST' },
      { status: 409, statusText: 'Conflict', bodyText: '{"error":{"code":"already_completed","message":"The learner already completed this module."}}', retryAfterMs: undefined },
    );
    expect(e.message).toBe('The LMS refused to record the manual pass (409 already_completed): The learner already completed this module.');
    expect(e).toMatchObject({ kind: 'http', code: 'already_completed', retryable: false });
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('5', 0)).toBe(5000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe('retry rule', () => {
  it('retries network, timeout, server and 429; never other 4xx, bad answers or refused requests', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 499 }), (status) => {
        expect(isRetryable('http', status)).toBe(status === 429);
      }),
    );
    expect(['network', 'timeout', 'server'].every((k) => isRetryable(k as 'network'))).toBe(true);
    expect(isRetryable('invalid_response')).toBe(false);
    expect(isRetryable('invalid_request')).toBe(false);
    expect(isRetryable('cancelled')).toBe(false);
  });
});

describe('the token never shows', () => {
  it('is scrubbed wherever it appears in any text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ minLength: 6 }).filter((s) => s.trim().length > 0), (before, after, secret) => {
        const out = scrub(`${before}${secret}${after}${secret}`, secret);
        expect(out).not.toContain(secret);
      }),
    );
  });
});
