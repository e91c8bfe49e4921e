// Starts the embedded demo LMS as a child process and waits until it says where it
// listens. `fork` runs the child with process.execPath, which is Node in browser mode and
// the Electron binary in the app; ELECTRON_RUN_AS_NODE makes the latter behave as Node.
import { fork, type ChildProcess } from 'node:child_process';
import { z } from 'zod';

/** Which script starts the demo LMS: the built out/main/demo-lms.js, or its source via tsx. */
export interface DemoLmsEntry {
  modulePath: string;
  execArgv: readonly string[];
}

export interface DemoLmsLaunch {
  entry: DemoLmsEntry;
  /** The demo LMS's own data folder (its SQLite database lives there). */
  dataDir: string;
  adminToken: string;
  agentToken: string;
  /**
   * better-sqlite3 built for this runtime's ABI. Under Electron the child is Electron
   * running as Node, so it needs the Electron build too; it is handed over in
   * PASSDESK_SQLITE_BINDING for the demo LMS to pass to better-sqlite3.
   */
  nativeBinding?: string;
  log: (line: string) => void;
  /** Told when the demo LMS stops without being asked to. */
  onUnexpectedExit: (reason: string) => void;
  /** How long the first start (which seeds the demo data) may take. */
  readyTimeoutMs?: number;
}

export interface RunningDemoLms {
  url: string;
  adminToken: string;
  agentToken: string;
  readonly running: boolean;
  stop(): Promise<void>;
}

const ReadyMessage = z.object({
  type: z.literal('ready'),
  url: z.string().url(),
  adminToken: z.string().min(1),
  agentToken: z.string().min(1),
});

const STOP_GRACE_MS = 5_000;
const STDERR_TAIL_CHARS = 2_000;

export class DemoLmsStartError extends Error {
  override name = 'DemoLmsStartError';
}

export function launchDemoLms(options: DemoLmsLaunch): Promise<RunningDemoLms> {
  const args = ['--port', '0', '--data', options.dataDir];
  // The tokens go in the environment: a command line is readable by every user of the machine.
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1', PASSDESK_DEMO_ADMIN_TOKEN: options.adminToken, PASSDESK_DEMO_AGENT_TOKEN: options.agentToken };
  if (options.nativeBinding) env.PASSDESK_SQLITE_BINDING = options.nativeBinding;

  let child: ChildProcess;
  try {
    // stdout stays closed: the demo LMS prints its tokens there, and they belong in no log.
    child = fork(options.entry.modulePath, args, { execArgv: [...options.entry.execArgv], env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  } catch (error) {
    return Promise.reject(new DemoLmsStartError(`The demo LMS could not be started: ${error instanceof Error ? error.message : String(error)}`));
  }

  let stderrTail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    for (const line of chunk.split('\n')) if (line.trim()) options.log(line.startsWith('[demo-lms]') ? line : `[demo-lms] ${line}`);
  });

  let exited = false;
  let stopping = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });

  return new Promise<RunningDemoLms>((resolve, reject) => {
    let ready = false;
    const timeoutMs = options.readyTimeoutMs ?? 180_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new DemoLmsStartError(`The demo LMS did not report ready within ${Math.round(timeoutMs / 1000)} s. ${tail()}`));
    }, timeoutMs);
    timer.unref();

    function tail(): string {
      const text = stderrTail.trim();
      return text ? `Its last words: ${text.split('\n').slice(-5).join(' | ')}` : 'It printed nothing on stderr.';
    }

    child.on('message', (message: unknown) => {
      if (ready) return;
      const parsed = ReadyMessage.safeParse(message);
      if (!parsed.success) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        url: parsed.data.url.replace(/\/+$/, ''),
        adminToken: parsed.data.adminToken,
        agentToken: parsed.data.agentToken,
        get running() {
          return !exited;
        },
        async stop() {
          if (exited) return;
          stopping = true;
          child.kill('SIGTERM');
          const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
          await exit;
          clearTimeout(force);
        },
      });
    });
    child.once('error', (error) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new DemoLmsStartError(`The demo LMS could not be started: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code ?? 'unknown'}`;
      if (!ready) {
        clearTimeout(timer);
        reject(new DemoLmsStartError(`The demo LMS ${how} before it was ready. ${tail()}`));
        return;
      }
      if (!stopping) options.onUnexpectedExit(`The demo LMS ${how}. Passdesk will start it again. ${tail()}`);
    });
  });
}
