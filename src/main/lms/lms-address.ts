// Checks the LMS URL and token from Settings before any request is built, so a typo is
// reported as such rather than as a baffling network error later.
import { API_BASE } from '../../shared/lms/api';
import { LmsError } from './lms-error';

export interface LmsAddress {
  /** Where the API lives: "http://host:port/prefix/api/v1" (no trailing slash). */
  apiRoot: string;
  /** What messages show: the configured URL without credentials, query or /api/v1. */
  shown: string;
}

function refuse(message: string): LmsError {
  return new LmsError({ kind: 'invalid_request', code: 'invalid_settings', message });
}

export function parseLmsAddress(baseUrl: string): LmsAddress {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw refuse(`"${baseUrl.slice(0, 200)}" is not a web address. Enter the LMS URL in Settings as http://host:port or https://host.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refuse(`The LMS URL must start with http:// or https://, not ${url.protocol}//. Check the URL in Settings.`);
  }
  // Credentials in the URL would end up in messages and logs; the token is the only way in.
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  let path = url.pathname.replace(/\/+$/, '');
  // People paste the API's own address as often as the site's; accept both.
  if (path.endsWith(API_BASE)) path = path.slice(0, -API_BASE.length);
  const shown = `${url.origin}${path}`;
  return { apiRoot: `${shown}${API_BASE}`, shown };
}

/** A token goes into a header verbatim, so it must be one printable line. */
export function checkToken(token: string): string {
  if (token.length === 0) throw refuse('No LMS token is set. Enter the token in Settings.');
  if (token.length > 4096) throw refuse('The LMS token is longer than 4096 characters; check that the whole token, and only the token, was pasted in Settings.');
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw refuse('The LMS token contains spaces, line breaks or other characters a token never has; paste it again in Settings.');
  }
  return token;
}
