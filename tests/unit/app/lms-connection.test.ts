// The LMS connection as the status bar shows it: signed in or offline with a reason, checked
// again while offline, and never confused by a check of an LMS it has already left.
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../src/shared/lms/api';
import { createLmsConnection, type ConnectionStatus, type LmsTarget } from '../../../src/main/app/lms-connection';
import { LmsError } from '../../../src/main/lms/lms-error';

const dana: Me = { id: 'agt_1', name: 'Dana Whitfield', email: 'dana.whitfield@support.example.com', role: 'admin' };
const clock = { now: () => new Date('2025-01-06T09:00:00.000Z') };

function target(url: string, token = 'tok'): LmsTarget {
  return { mode: 'configured', knownUrl: url, locate: () => Promise.resolve({ url, token }) };
}
const refused = () => new LmsError({ kind: 'network', code: 'ECONNREFUSED', message: 'The LMS refused the connection; is it running?' });

/** Resolves with the next status the connection announces that satisfies `test`. */
function nextStatus(statuses: ConnectionStatus[], waiters: Array<() => void>, test: (s: ConnectionStatus) => boolean): Promise<ConnectionStatus> {
  return new Promise((resolve) => {
    const look = () => {
      const found = statuses.find(test);
      if (found) resolve(found);
      else waiters.push(look);
    };
    look();
  });
}

describe('LMS connection', () => {
  it('goes offline with the reason, checks again on its own, and comes back online', async () => {
    let reachable = false;
    const statuses: ConnectionStatus[] = [];
    const waiters: Array<() => void> = [];
    const connection = createLmsConnection({
      target: target('https://lms.example.com'),
      signIn: () => ({ me: () => (reachable ? Promise.resolve(dana) : Promise.reject(refused())) }),
      clock,
      log: () => undefined,
      retryEveryMs: 5,
      onChange: (s) => {
        statuses.push(s);
        waiters.splice(0).forEach((w) => w());
      },
    });
    const first = await connection.check();
    expect(first).toEqual({
      lms: { mode: 'configured', url: 'https://lms.example.com', online: false, checkedAt: '2025-01-06T09:00:00.000Z', error: 'The LMS refused the connection; is it running?' },
      user: null,
    });
    // Services keep the LMS to retry while it is unreachable.
    expect(connection.access()).toEqual({ lmsId: 'https://lms.example.com', url: 'https://lms.example.com', token: 'tok' });
    reachable = true;
    const back = await nextStatus(statuses, waiters, (s) => s.lms.online);
    expect(back.user).toEqual(dana);
    expect(connection.access()).toEqual({ lmsId: 'https://lms.example.com', url: 'https://lms.example.com', token: 'tok' });
    connection.close();
  });

  it('keeps whom it was signed in as through a network failure, but not through a refused token', async () => {
    let failure: LmsError | null = null;
    const connection = createLmsConnection({
      target: target('https://lms.example.com'),
      signIn: () => ({ me: () => (failure ? Promise.reject(failure) : Promise.resolve(dana)) }),
      clock,
      log: () => undefined,
      onChange: () => undefined,
    });
    await connection.check();
    failure = refused();
    expect((await connection.check()).user).toEqual(dana);
    failure = new LmsError({ kind: 'http', status: 401, code: 'unauthorized', message: 'The LMS did not accept the token; enter a new one in Settings.' });
    const signedOut = await connection.check();
    expect(signedOut.user).toBeNull();
    expect(signedOut.lms.error).toBe('The LMS did not accept the token; enter a new one in Settings.');
    connection.close();
  });

  it('drops the answer of an LMS it has switched away from', async () => {
    let answerOld: (me: Me) => void = () => undefined;
    const statuses: ConnectionStatus[] = [];
    const connection = createLmsConnection({
      target: target('https://old.example.com', 'old'),
      signIn: ({ token }) => ({
        me: () => (token === 'old' ? new Promise<Me>((resolve) => (answerOld = resolve)) : Promise.resolve({ ...dana, role: 'agent' })),
      }),
      clock,
      log: () => undefined,
      onChange: (s) => statuses.push(s),
    });
    const oldCheck = connection.check();
    await connection.use(target('https://new.example.com', 'new'));
    answerOld(dana);
    await oldCheck;
    expect(connection.status().lms.url).toBe('https://new.example.com');
    expect(connection.status().user?.role).toBe('agent');
    expect(statuses.some((s) => s.lms.url === 'https://old.example.com' && s.lms.online)).toBe(false);
    connection.close();
  });

  it('shares one check between callers asking at the same time', async () => {
    let calls = 0;
    const connection = createLmsConnection({
      target: target('https://lms.example.com'),
      signIn: () => ({
        me: () => {
          calls += 1;
          return Promise.resolve(dana);
        },
      }),
      clock,
      log: () => undefined,
      onChange: () => undefined,
    });
    await Promise.all([connection.check(), connection.check(), connection.check()]);
    expect(calls).toBe(1);
    connection.close();
  });

  it('checks every 30 s while offline, and stops once closed', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const connection = createLmsConnection({
        target: target('https://lms.example.com'),
        signIn: () => ({
          me: () => {
            calls += 1;
            return Promise.reject(refused());
          },
        }),
        clock,
        log: () => undefined,
        onChange: () => undefined,
      });
      await connection.check();
      expect(calls).toBe(1);
      await vi.advanceTimersByTimeAsync(29_999);
      expect(calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toBe(2);
      connection.close();
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(calls).toBe(2);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
