// The per-launch secret that guards browser mode: without it, any web page the user visits
// could talk to Passdesk on 127.0.0.1. Printed once in the ready URL, then carried by an
// HttpOnly, SameSite=Strict cookie so the page's assets and its socket have it too.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newAccessKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time: compares digests of equal length, so neither content nor length leaks. */
export function keyMatches(given: string | null | undefined, key: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(key).digest();
  return timingSafeEqual(a, b);
}

/** Cookies are shared by every port of a host, so the name carries the port. */
export function accessCookieName(port: number): string {
  return `passdesk_key_${port}`;
}

export function accessCookie(port: number, key: string): string {
  return `${accessCookieName(port)}=${key}; Path=/; HttpOnly; SameSite=Strict`;
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
