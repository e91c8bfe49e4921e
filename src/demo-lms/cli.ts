// `npm run demo-lms`: starts the demo LMS, prints where it listens and the two tokens, and
// stops cleanly on Ctrl-C. Forked by Passdesk, it also tells its parent when it is ready.
import { parseCliArguments, usage, UsageError, type CliOptions } from './cli-arguments';
import { createDemoLms } from './server';

interface ReadyMessage {
  type: 'ready';
  url: string;
  adminToken: string;
  agentToken: string;
}

function readOptions(): CliOptions {
  try {
    return parseCliArguments(process.argv.slice(2), process.cwd(), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const log = (line: string) => process.stderr.write(`[demo-lms] ${line}\n`);
  const lms = await createDemoLms({
    dataDir: options.dataDir,
    port: options.port,
    scale: options.scale,
    seed: options.seed,
    allowFaults: options.allowFaults,
    log,
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    ...(options.agentToken ? { agentToken: options.agentToken } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(process.env.PASSDESK_SQLITE_BINDING ? { nativeBinding: process.env.PASSDESK_SQLITE_BINDING } : {}),
  });
  process.stdout.write(
    [
      `Demo LMS ready at ${lms.url}/api/v1`,
      `  admin token: ${lms.adminToken}`,
      `  agent token: ${lms.agentToken}`,
      `  data:        ${options.dataDir}${lms.seededInMs === null ? ' (reused)' : ` (seeded in ${lms.seededInMs} ms)`}`,
      options.faults ? `  faults:      ${JSON.stringify(options.faults)}` : null,
      'Press Ctrl-C to stop.',
    ]
      .filter((line) => line !== null)
      .join('\n') + '\n',
  );
  if (process.send) {
    const ready: ReadyMessage = { type: 'ready', url: lms.url, adminToken: lms.adminToken, agentToken: lms.agentToken };
    process.send(ready);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping.`);
    lms.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`Could not close cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // A forked child whose parent went away has nobody to serve.
  process.on('disconnect', () => stop('parent disconnected'));
}

main().catch((error: unknown) => {
  process.stderr.write(`[demo-lms] Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
