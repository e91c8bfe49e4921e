// Which LMS Passdesk works with: the one given on the command line (this launch only), else
// the one saved in Settings, else the embedded demo LMS. Switching checks first and saves
// after, so a wrong URL or token never replaces a working connection.
import type { Settings } from '../../shared/channels/app';
import type { Me } from '../../shared/lms/api';
import type { Role } from '../../shared/lms/entities';
import { PassdeskError } from '../../shared/ipc-result';
import { isLmsError } from '../lms/lms-error';
import type { DemoLmsSession } from './demo-lms-session';
import { describeLmsFailure, type LmsAccess, type LmsConnection, type LmsSignIn, type LmsTarget } from './lms-connection';
import type { SecretStore } from './secret-store';
import type { SettingsStore } from './settings-store';

export interface LmsChoiceOptions {
  settings: SettingsStore;
  secrets: SecretStore;
  demo: DemoLmsSession;
  signIn: LmsSignIn;
  /** `--lms URL --token T`: used for this launch, never saved. */
  commandLine: LmsAccess | null;
  log: (line: string) => void;
}

export interface LmsChoice {
  /** The LMS to use at start. */
  initialTarget(): LmsTarget;
  /** Call once the connection exists; the choice switches it. */
  attach(connection: LmsConnection): void;
  settings(): Settings;
  connect(access: LmsAccess): Promise<void>;
  useDemo(): Promise<void>;
  setDemoRole(role: Role): Promise<void>;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function createLmsChoice(options: LmsChoiceOptions): LmsChoice {
  let commandLine = options.commandLine ? { ...options.commandLine, url: withoutTrailingSlash(options.commandLine.url) } : null;
  let connection: LmsConnection | null = null;

  function demoRole(): Role {
    return options.settings.get('demo.role') ?? 'admin';
  }

  /** The saved LMS, if any; its token may be missing or unreadable, which check reports. */
  function saved(): { url: string; token: string | null; problem: string | null } | null {
    const url = options.settings.get('lms.url');
    if (!url) return null;
    try {
      const token = options.secrets.get('lms.token');
      return { url, token, problem: token ? null : `No token is saved for ${url}. Enter it again in Settings.` };
    } catch (error) {
      return { url, token: null, problem: describeLmsFailure(error) };
    }
  }

  function configuredTarget(url: string, token: string | null, problem: string | null): LmsTarget {
    return {
      mode: 'configured',
      knownUrl: url,
      locate: async () => {
        if (token === null) throw new Error(problem ?? `No token is saved for ${url}. Enter it again in Settings.`);
        return { url, token };
      },
    };
  }

  function demoTarget(): LmsTarget {
    return { mode: 'demo', knownUrl: options.demo.url, locate: () => options.demo.signInFor(demoRole()) };
  }

  function requireConnection(): LmsConnection {
    if (!connection) throw new Error('The LMS choice was used before the connection was attached.');
    return connection;
  }

  return {
    initialTarget() {
      if (commandLine) return configuredTarget(commandLine.url, commandLine.token, null);
      const s = saved();
      return s ? configuredTarget(s.url, s.token, s.problem) : demoTarget();
    },
    attach(c) {
      connection = c;
    },
    settings() {
      const s = commandLine ? { url: commandLine.url, token: commandLine.token } : saved();
      return {
        lmsMode: s ? 'configured' : 'demo',
        lmsUrl: s?.url ?? null,
        hasToken: Boolean(s?.token),
        demoRole: demoRole(),
      };
    },
    async connect(access) {
      const url = withoutTrailingSlash(access.url);
      let user: Me;
      try {
        user = await options.signIn({ url, token: access.token }).me();
      } catch (error) {
        const unreachable = isLmsError(error) && (error.kind === 'network' || error.kind === 'timeout');
        throw new PassdeskError({
          code: unreachable ? 'offline' : 'lms_error',
          message: `Passdesk could not sign in to ${url}, so nothing was changed: ${describeLmsFailure(error)}`,
        });
      }
      options.secrets.set('lms.token', access.token);
      options.settings.set('lms.url', url);
      commandLine = null;
      await requireConnection().use(configuredTarget(url, access.token, null), { access: { url, token: access.token }, user });
      options.log(`[lms] connected to ${url} as ${user.name} (${user.role})`);
      // Someone may point Passdesk at the demo LMS's own address; then it must keep running.
      if (options.demo.url === null || new URL(options.demo.url).origin !== new URL(url).origin) await options.demo.stop();
    },
    async useDemo() {
      options.settings.delete('lms.url');
      options.secrets.delete('lms.token');
      commandLine = null;
      await requireConnection().use(demoTarget());
    },
    async setDemoRole(role) {
      const status = requireConnection().status();
      if (status.lms.mode !== 'demo') {
        throw new PassdeskError({
          code: 'refused',
          message: `Passdesk is connected to ${status.lms.url ?? 'your LMS'}, not the demo LMS. The demo admin and demo agent exist only on the demo LMS; choose "Use the demo LMS" in Settings first.`,
        });
      }
      options.settings.set('demo.role', role);
      await requireConnection().use(demoTarget());
    },
  };
}
