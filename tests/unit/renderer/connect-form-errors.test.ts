import { describe, expect, it } from 'vitest';
import { PassdeskError } from '../../../src/shared/ipc-result';
import { checkConnectForm, hasErrors, placeConnectFailure } from '../../../src/renderer/settings/connect-form-errors';

describe('"Connect to an LMS" errors', () => {
  it('accepts an http(s) address and a token', () => {
    expect(checkConnectForm('https://lms.example.com', 'tok')).toEqual({});
    expect(checkConnectForm('  http://10.0.0.5:8080/  ', 'tok')).toEqual({});
  });

  it('names what is wrong with the address and the token before anything is sent', () => {
    const errors = checkConnectForm('lms.example.com', '');
    expect(errors.url).toBe('The LMS URL must start with http:// or https://.');
    expect(errors.token).toBe('Enter the API token the LMS gave you.');
    expect(checkConnectForm('ftp://lms.example.com', 't').url).toMatch(/http:\/\/ or https:\/\//);
    expect(checkConnectForm('https://lms.example.com', '   ').token).toBe('Enter the API token the LMS gave you.');
  });

  it('puts main\'s payload issues on their fields', () => {
    const error = new PassdeskError({
      code: 'invalid_payload',
      message: 'The request to settings.connectLms was refused — token: Too big.',
      issues: [{ path: 'token', message: 'Too big: expected string to have <=4096 characters' }],
    });
    expect(placeConnectFailure(error)).toEqual({ token: 'Too big: expected string to have <=4096 characters' });
  });

  it('puts an LMS refusal on the field main names', () => {
    const refused = new PassdeskError({
      code: 'lms_error',
      message: 'Passdesk could not sign in: the LMS refused the token.',
      issues: [{ path: 'token', message: 'The LMS does not know this token.' }],
    });
    expect(placeConnectFailure(refused)).toEqual({ token: 'The LMS does not know this token.' });
  });

  it('puts an unreachable LMS on the URL, and anything else on the form', () => {
    const offline = new PassdeskError({ code: 'offline', message: 'Could not reach http://127.0.0.2:9: connection refused.' });
    expect(placeConnectFailure(offline)).toEqual({ url: 'Could not reach http://127.0.0.2:9: connection refused.' });
    const refused = new PassdeskError({ code: 'lms_error', message: 'The LMS refused the API token (401).' });
    expect(placeConnectFailure(refused)).toEqual({ form: 'The LMS refused the API token (401).' });
    expect(hasErrors(placeConnectFailure(new Error('boom')))).toBe(true);
    expect(hasErrors({})).toBe(false);
  });
});
