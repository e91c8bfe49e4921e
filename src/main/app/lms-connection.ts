// Passdesk's connection to one LMS at a time: who we are signed in as, whether the LMS
// answers, and why not. It signs in with GET /me when told to use an LMS and whenever asked
// to check; while the LMS is unreachable it checks again every 30 s on its own.
import type { AppStatus } from '../../shared/channels/app';
import type { Me } from '../../shared/lms/api';
import { isLmsError } from '../lms/lms-error';
import type { Clock } from './clock';

/** Opens a client for one LMS address and token; only me() is needed here. */
export type LmsSignIn = (access: LmsAccess) => { me(): Promise<Me> };

export interface LmsAccess {
  url: string;
  token: string;
}

/** An LMS Passdesk can use: where it is (found at check time, e.g. after starting it) and with which token. */
export interface LmsTarget {
  mode: AppStatus['lms']['mode'];
  /** Shown before the first check; the demo LMS's address is only known once it runs. */
  knownUrl: string | null;
  locate(): Promise<LmsAccess>;
}

export type ConnectionStatus = Pick<AppStatus, 'lms' | 'user'>;

export interface LmsConnection {
  status(): ConnectionStatus;
  /** Switches to `target` and checks it, or takes `verified` as the check just made. */
  use(target: LmsTarget, verified?: { access: LmsAccess; user: Me }): Promise<ConnectionStatus>;
  /** Signs in again now; concurrent calls share one check. */
  check(): Promise<ConnectionStatus>;
  /**
   * For services in main (sync, passes), never for the renderer: the LMS in use and how to
   * sign in, known once it was located — and kept while it is unreachable, so a service can
   * keep retrying it. `lmsId` names the data set: the URL, or "demo" for the demo LMS, whose
   * port changes every launch.
   */
  access(): (LmsAccess & { lmsId: string }) | null;
  close(): void;
}

export interface LmsConnectionOptions {
  target: LmsTarget;
  signIn: LmsSignIn;
  clock: Clock;
  log: (line: string) => void;
  onChange: (status: ConnectionStatus) => void;
  /** How often to try again while offline. */
  retryEveryMs?: number;
}

export const OFFLINE_RETRY_MS = 30_000;

/** A failure in words for the status bar. LmsError messages already say what to do. */
export function describeLmsFailure(error: unknown): string {
  if (isLmsError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A refused token means "signed out", unlike a network failure, after which we still know who we were. */
function isSignInRefused(error: unknown): boolean {
  return isLmsError(error) && error.kind === 'http' && (error.status === 401 || error.status === 403);
}

export function createLmsConnection(options: LmsConnectionOptions): LmsConnection {
  const retryEveryMs = options.retryEveryMs ?? OFFLINE_RETRY_MS;
  let target = options.target;
  /** Bumped on every switch, so a check of the previous LMS that lands late is dropped. */
  let generation = 0;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let inFlight: { generation: number; done: Promise<ConnectionStatus> } | null = null;
  let current: ConnectionStatus = initialStatus(target);
  let located: LmsAccess | null = null;

  function initialStatus(t: LmsTarget): ConnectionStatus {
    return { lms: { mode: t.mode, url: t.knownUrl, online: false, checkedAt: null, error: null }, user: null };
  }

  function publish(next: ConnectionStatus): void {
    const changed = JSON.stringify(next) !== JSON.stringify(current);
    current = next;
    if (changed) options.onChange(next);
  }

  function clearRetry(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function scheduleRetry(): void {
    clearRetry();
    if (closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void check();
    }, retryEveryMs);
    // Waiting to retry must never keep the process alive on its own.
    retryTimer.unref();
  }

  function online(access: LmsAccess, user: Me): ConnectionStatus {
    located = access;
    clearRetry();
    return {
      lms: { mode: target.mode, url: access.url, online: true, checkedAt: options.clock.now().toISOString(), error: null },
      user,
    };
  }

  async function runCheck(forGeneration: number): Promise<ConnectionStatus> {
    let access: LmsAccess | null = null;
    let next: ConnectionStatus;
    try {
      access = await target.locate();
      if (forGeneration === generation && !closed) located = access;
      const user = await options.signIn(access).me();
      if (forGeneration !== generation || closed) return current;
      next = online(access, user);
    } catch (error) {
      if (forGeneration !== generation || closed) return current;
      const message = describeLmsFailure(error);
      options.log(`[lms] ${target.mode === 'demo' ? 'demo LMS' : (access?.url ?? target.knownUrl ?? 'LMS')} offline: ${message}`);
      next = {
        lms: {
          mode: target.mode,
          url: access?.url ?? target.knownUrl ?? current.lms.url,
          online: false,
          checkedAt: options.clock.now().toISOString(),
          error: message,
        },
        user: isSignInRefused(error) ? null : current.user,
      };
      scheduleRetry();
    }
    publish(next);
    return next;
  }

  function check(): Promise<ConnectionStatus> {
    if (closed) return Promise.resolve(current);
    if (inFlight && inFlight.generation === generation) return inFlight.done;
    const mine = generation;
    const done = runCheck(mine).finally(() => {
      if (inFlight?.generation === mine) inFlight = null;
    });
    inFlight = { generation: mine, done };
    return done;
  }

  return {
    status: () => current,
    access: () => (located ? { ...located, lmsId: target.mode === 'demo' ? 'demo' : located.url } : null),
    use(next, verified) {
      generation += 1;
      target = next;
      inFlight = null;
      located = null;
      clearRetry();
      if (verified) {
        publish(online(verified.access, verified.user));
        return Promise.resolve(current);
      }
      // Whom we were signed in as belongs to the previous LMS or role; show none until this one answers.
      publish({ lms: { ...initialStatus(next).lms }, user: null });
      return check();
    },
    check,
    close() {
      closed = true;
      generation += 1;
      clearRetry();
    },
  };
}
