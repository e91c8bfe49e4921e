import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../src/shared/contract';
import { checkedAtLabel, connectionState, lmsLabel, userLabel } from '../../../src/renderer/shell/status-text';

const lms: AppStatus['lms'] = { mode: 'demo', url: 'http://127.0.0.1:4100', online: true, checkedAt: null, error: null };

describe('status bar wording', () => {
  it('calls the demo LMS "Demo LMS" and any other LMS by its host', () => {
    expect(lmsLabel(lms)).toBe('Demo LMS');
    expect(lmsLabel({ ...lms, mode: 'configured', url: 'https://lms.acme-training.com/api' })).toBe('lms.acme-training.com');
    expect(lmsLabel({ ...lms, mode: 'configured', url: 'http://10.1.2.3:8080' })).toBe('10.1.2.3:8080');
    expect(lmsLabel({ ...lms, mode: 'configured', url: null })).toBe('No LMS configured');
  });

  it('shows the user with their role', () => {
    expect(userLabel({ id: 'a', name: 'Dana Whitfield', email: 'd@x', role: 'admin' })).toBe('Dana Whitfield · admin');
    expect(userLabel(null)).toBe('Not signed in');
  });

  it('tells loading, online, offline and unreachable services apart', () => {
    const status: AppStatus = { lms, user: null, appVersion: '0.1.0' };
    expect(connectionState({ status: null, loading: true, servicesReachable: true })).toBe('loading');
    expect(connectionState({ status, loading: false, servicesReachable: true })).toBe('online');
    expect(connectionState({ status: { ...status, lms: { ...lms, online: false } }, loading: false, servicesReachable: true })).toBe('offline');
    expect(connectionState({ status, loading: false, servicesReachable: false })).toBe('services-unreachable');
    expect(connectionState({ status: null, loading: false, servicesReachable: true })).toBe('unknown');
  });

  it('shows only the time for a check today, and the date too for an older one', () => {
    const now = new Date(2025, 0, 6, 15, 0, 0);
    const today = checkedAtLabel(new Date(2025, 0, 6, 14, 2, 9).toISOString(), now, 'en-GB');
    expect(today).toBe('14:02:09');
    expect(checkedAtLabel(new Date(2025, 0, 3, 14, 2, 9).toISOString(), now, 'en-GB')).toBe('3 Jan 14:02:09');
    expect(checkedAtLabel(null, now)).toBe('not yet');
    expect(checkedAtLabel('garbage', now)).toBe('unknown');
  });
});
