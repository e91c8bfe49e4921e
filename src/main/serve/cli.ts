// Browser mode: `npm run serve -- [--port N] [--data DIR] [--lms URL --token T]`. The same
// services as the Electron app, in plain Node, with the renderer served on 127.0.0.1 and
// the contract bridged over a WebSocket. Prints exactly one line on stdout when ready:
//   Passdesk is ready: http://127.0.0.1:N/?key=<secret>
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { locateAppFiles } from '../app/app-files';
import { createPassdesk, type Passdesk } from '../app/create-passdesk';
import { createSecretFileStore, plainFileCipher } from '../app/secret-store';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { parseServeArgs, SERVE_USAGE } from './serve-options';

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** An exit code, or 'serving' while the server runs until a signal stops it. */
async function main(): Promise<number | 'serving'> {
  const args = parseServeArgs(process.argv.slice(2), process.env, process.cwd());
  if (args.kind === 'help') {
    process.stdout.write(`${SERVE_USAGE}\n`);
    return 0;
  }
  if (args.kind === 'invalid') {
    log(`${args.message}\n${SERVE_USAGE}`);
    return 2;
  }
  const { options } = args;
  const files = locateAppFiles(__filename);
  for (const needed of [path.join(files.rendererDir, 'index.html'), files.bridgeScript]) {
    if (!existsSync(needed)) {
      log(`${needed} is missing. Build Passdesk first with "npm run build" (npm run serve does this for you).`);
      return 1;
    }
  }

  // The cache holds learners' names and emails: keep the folder to this user, as Electron's userData is.
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const secrets = createSecretFileStore(path.join(options.dataDir, 'secrets.json'), plainFileCipher);
  let passdesk: Passdesk;
  try {
    passdesk = createPassdesk({
      dataDir: options.dataDir,
      lms: options.lms,
      secrets,
      demoLmsEntry: files.demoLmsEntry,
      log,
      appVersion: files.appVersion,
    });
  } catch (error) {
    log(`Passdesk could not open its data folder ${options.dataDir}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  let server: BrowserServer;
  try {
    server = await startBrowserServer({
      port: options.port,
      rendererDir: files.rendererDir,
      bridgeScript: files.bridgeScript,
      dispatcher: passdesk.dispatcher,
      subscribe: passdesk.subscribe,
      log,
    });
  } catch (error) {
    await passdesk.close();
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    log(busy ? `Port ${options.port} on 127.0.0.1 is in use; choose another with --port, or --port 0 for any free one.` : `Passdesk could not start its server: ${String(error)}`);
    return 1;
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: stopping now.`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: closing Passdesk…`);
    void Promise.all([server.close(), passdesk.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  log(`Data folder: ${options.dataDir} (secrets ${secrets.protection}).`);
  const status = await passdesk.firstCheck;
  const lms = status.lms.mode === 'demo' ? 'the demo LMS' : (status.lms.url ?? 'the LMS');
  log(
    status.lms.online
      ? `Signed in to ${lms} as ${status.user?.name ?? 'unknown'} (${status.user?.role ?? 'no role'}).`
      : `${lms} is offline: ${status.lms.error ?? 'no answer'} Passdesk keeps trying every 30 s.`,
  );
  if (!stopping) process.stdout.write(`Passdesk is ready: ${server.url}\n`);
  return 'serving';
}

main().then(
  (code) => {
    if (code !== 'serving') process.exit(code);
  },
  (error: unknown) => {
    log(`Passdesk stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
