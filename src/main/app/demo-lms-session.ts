// The demo LMS as Passdesk uses it: started on demand with its data in <dataDir>/demo-lms,
// with two tokens made once and kept in the SecretStore, so every launch finds the same
// demo data and the same demo admin and demo agent.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Role } from '../../shared/lms/entities';
import { launchDemoLms, type DemoLmsEntry, type RunningDemoLms } from './demo-lms-launcher';
import type { SecretName, SecretStore } from './secret-store';

export interface DemoLmsSessionOptions {
  entry: DemoLmsEntry;
  dataDir: string;
  secrets: SecretStore;
  nativeBinding?: string;
  log: (line: string) => void;
  onUnexpectedExit: (reason: string) => void;
}

export interface DemoLmsSession {
  /** The demo LMS's address while it runs. */
  readonly url: string | null;
  /** Starts the demo LMS if it is not running and says how to sign in as `role`. */
  signInFor(role: Role): Promise<{ url: string; token: string }>;
  /** Stops it when the user connects to another LMS; a later signInFor starts it again. */
  stop(): Promise<void>;
  /** Stops it for good, including a start still in progress (Passdesk is closing). */
  close(): Promise<void>;
}

const tokenNames: Record<Role, SecretName> = { admin: 'demo.adminToken', agent: 'demo.agentToken' };

export function createDemoLmsSession(options: DemoLmsSessionOptions): DemoLmsSession {
  let running: RunningDemoLms | null = null;
  let starting: Promise<RunningDemoLms> | null = null;
  /** Bumped by stop(): a start that lands after it was stopped is not kept. */
  let epoch = 0;
  let closed = false;

  function tokenFor(role: Role): string {
    const saved = options.secrets.get(tokenNames[role]);
    if (saved) return saved;
    const made = `demo-${role}-${randomBytes(24).toString('base64url')}`;
    options.secrets.set(tokenNames[role], made);
    return made;
  }

  async function start(): Promise<RunningDemoLms> {
    const startedIn = epoch;
    const launched = await launchDemoLms({
      entry: options.entry,
      dataDir: path.join(options.dataDir, 'demo-lms'),
      adminToken: tokenFor('admin'),
      agentToken: tokenFor('agent'),
      log: options.log,
      onUnexpectedExit: options.onUnexpectedExit,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    if (startedIn !== epoch) {
      await launched.stop();
      throw new Error('The demo LMS was stopped while it was starting.');
    }
    // The demo LMS is the authority on which tokens it accepts; remember those.
    for (const role of ['admin', 'agent'] as const) {
      const reported = role === 'admin' ? launched.adminToken : launched.agentToken;
      if (options.secrets.get(tokenNames[role]) !== reported) options.secrets.set(tokenNames[role], reported);
    }
    running = launched;
    return launched;
  }

  async function ensureRunning(): Promise<RunningDemoLms> {
    if (closed) throw new Error('Passdesk is closing; the demo LMS is not started again.');
    if (running?.running) return running;
    starting ??= start().finally(() => {
      starting = null;
    });
    return starting;
  }

  return {
    get url() {
      return running?.running ? running.url : null;
    },
    async signInFor(role) {
      const demo = await ensureRunning();
      return { url: demo.url, token: role === 'admin' ? demo.adminToken : demo.agentToken };
    },
    async stop() {
      epoch += 1;
      const current = running;
      const pending = starting;
      running = null;
      await current?.stop();
      await pending?.catch(() => undefined);
    },
    async close() {
      closed = true;
      await this.stop();
    },
  };
}
