// Reads `npm run demo-lms -- [flags]` into server options, or explains what is wrong.
import path from 'node:path';
import type { FaultSpec } from '../shared/lms/api';
import { parseFaultSpecText } from './faults/fault-spec-text';
import type { SeedScale } from './seed/seed-scale';

export const usage = `Usage: npm run demo-lms -- [options]

  --port N            port on 127.0.0.1 (default 0: a free port)
  --data DIR          data folder (default ./.passdesk-data/demo-lms); reused if it holds demo data
  --scale small|large how much demo data to seed into a new data folder (default small)
  --seed N            seed for the demo data; the same seed gives the same data (default 1)
  --admin-token T     the demo admin's token (default: $PASSDESK_DEMO_ADMIN_TOKEN, else random)
  --agent-token T     the demo agent's token (default: $PASSDESK_DEMO_AGENT_TOKEN, else random)
  --faults SPEC       inject faults, e.g. error500=0.1,resetBefore=0.05,resetAfter=0.05,latencyMs=200,trickle=0.2,paths=/manual-passes|/tickets
  --allow-faults      allow POST /api/v1/__faults to change the faults at run time
  --help              show this`;

export interface CliOptions {
  port: number;
  dataDir: string;
  scale: SeedScale;
  seed: number;
  adminToken?: string;
  agentToken?: string;
  faults?: FaultSpec;
  allowFaults: boolean;
  help: boolean;
}

export class UsageError extends Error {}

const valueFlags = new Set(['--port', '--data', '--scale', '--seed', '--admin-token', '--agent-token', '--faults']);

/** Tokens may come from the environment, which other users cannot read the way they read a command line (ps). */
const tokenFromEnv = { '--admin-token': 'PASSDESK_DEMO_ADMIN_TOKEN', '--agent-token': 'PASSDESK_DEMO_AGENT_TOKEN' } as const;

function checkedToken(flag: string, value: string): string {
  if (!/^[\x21-\x7e]{16,512}$/.test(value)) throw new UsageError(`${flag}: use 16–512 printable characters without spaces.`);
  return value;
}

export function parseCliArguments(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliOptions {
  const options: CliOptions = { port: 0, dataDir: path.resolve(cwd, '.passdesk-data', 'demo-lms'), scale: 'small', seed: 1, allowFaults: false, help: false };
  const adminFromEnv = env[tokenFromEnv['--admin-token']];
  const agentFromEnv = env[tokenFromEnv['--agent-token']];
  if (adminFromEnv) options.adminToken = checkedToken(tokenFromEnv['--admin-token'], adminFromEnv);
  if (agentFromEnv) options.agentToken = checkedToken(tokenFromEnv['--agent-token'], agentFromEnv);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--help' || flag === '-h') {
      options.help = true;
      continue;
    }
    if (flag === '--allow-faults') {
      options.allowFaults = true;
      continue;
    }
    if (!valueFlags.has(flag)) throw new UsageError(`Unknown option "${arg}".`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${flag} needs a value.`);
    switch (flag) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${value}: give a port from 0 to 65535 (0 picks a free one).`);
        options.port = port;
        break;
      }
      case '--data':
        options.dataDir = path.resolve(cwd, value);
        break;
      case '--scale':
        if (value !== 'small' && value !== 'large') throw new UsageError(`--scale ${value}: use small or large.`);
        options.scale = value;
        break;
      case '--seed': {
        const seed = Number(value);
        if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed ${value}: give a whole number from 0 to 4294967295.`);
        options.seed = seed;
        break;
      }
      case '--admin-token':
        options.adminToken = checkedToken(flag, value);
        break;
      case '--agent-token':
        options.agentToken = checkedToken(flag, value);
        break;
      case '--faults':
        try {
          options.faults = parseFaultSpecText(value);
        } catch (error) {
          throw new UsageError(`--faults: ${error instanceof Error ? error.message : String(error)}`);
        }
        break;
    }
  }
  return options;
}
