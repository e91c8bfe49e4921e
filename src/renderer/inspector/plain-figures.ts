// Figures as the inspector writes them: times in UTC, like the verdict's reasons, so a time
// on screen and a time in a reason always agree; percents never rounded up onto a passing line.
import type { Standard } from '../../shared/lms/entities';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** "12 Mar 2026, 14:02 UTC" */
export function utcTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}

/** "12 Mar" */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''}`;
}

/** "12 Mar 2026" */
export function dayText(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

/** "14:02" (UTC) */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** 4096 → "4,096", the same on every machine. */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 79.996 → "79.99%": truncated, never rounded up onto a passing line. */
export function percentText(percent: number): string {
  return `${Math.floor(Math.round(percent * 100 * 1e6) / 1e6) / 100}%`;
}

/** Seconds → "42 s", "12 min 30 s", "1 h 05 min". */
export function durationText(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${two(s % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${two(minutes % 60)} min`;
}

export const standardNames: Record<Standard, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004', xapi: 'xAPI' };

/** "1 attempt", "3 attempts" */
export function count(n: number, word: string): string {
  return `${thousands(n)} ${word}${n === 1 ? '' : 's'}`;
}
