// The status bar's words, from the status main reported. Pure, so the wording is tested
// without rendering.
import type { AppStatus } from '../../shared/contract';
import type { Me } from '../../shared/lms/api';

export type ConnectionState = 'loading' | 'online' | 'offline' | 'services-unreachable' | 'unknown';

export function connectionState(input: {
  status: AppStatus | null;
  loading: boolean;
  servicesReachable: boolean;
}): ConnectionState {
  if (!input.servicesReachable) return 'services-unreachable';
  if (input.status) return input.status.lms.online ? 'online' : 'offline';
  return input.loading ? 'loading' : 'unknown';
}

export const connectionLabels: Record<ConnectionState, string> = {
  loading: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
  'services-unreachable': 'Passdesk services unreachable — reconnecting',
  unknown: 'Status unavailable',
};

/** "Demo LMS" on the demo LMS; otherwise the LMS's host, which is what people recognise. */
export function lmsLabel(lms: AppStatus['lms']): string {
  if (lms.mode === 'demo') return 'Demo LMS';
  if (!lms.url) return 'No LMS configured';
  try {
    return new URL(lms.url).host;
  } catch {
    return lms.url;
  }
}

export function userLabel(user: Me | null): string {
  return user ? `${user.name} · ${user.role}` : 'Not signed in';
}

/** Time of day when checked today, else date and time; the full time goes in the tooltip. */
export function checkedAtLabel(checkedAt: string | null, now: Date, locale?: string): string {
  if (!checkedAt) return 'not yet';
  const at = new Date(checkedAt);
  if (Number.isNaN(at.getTime())) return 'unknown';
  const sameDay = at.toDateString() === now.toDateString();
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return sameDay ? time : `${at.toLocaleDateString(locale, { day: 'numeric', month: 'short' })} ${time}`;
}
