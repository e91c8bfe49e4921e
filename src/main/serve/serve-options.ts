// The command line of browser mode: npm run serve -- [--port N] [--data DIR] [--lms URL --token T]
import path from 'node:path';
import type { LmsAccess } from '../app/lms-connection';

export const SERVE_USAGE = [
  'Usage: npm run serve -- [--port N] [--data DIR] [--lms URL --token T]',
  '  --port N     port on 127.0.0.1 (default 0: a free port chosen at random)',
  '  --data DIR   data folder for the cache, secrets and demo LMS (default ./.passdesk-data)',
  '  --lms URL    the LMS to use for this launch instead of the demo LMS (needs --token,',
  '  --token T    or the token in the PASSDESK_LMS_TOKEN environment variable, which keeps it out of `ps`)',
].join('\n');

export interface ServeOptions {
  port: number;
  dataDir: string;
  lms: LmsAccess | null;
}

export type ServeArgs = { kind: 'run'; options: ServeOptions } | { kind: 'help' } | { kind: 'invalid'; message: string };

const flags = new Set(['--port', '--data', '--lms', '--token']);

export function parseServeArgs(argv: readonly string[], env: Record<string, string | undefined>, cwd: string): ServeArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!flags.has(flag)) return { kind: 'invalid', message: `Unknown option "${arg.slice(0, 80)}".` };
    if (values.has(flag)) return { kind: 'invalid', message: `${flag} was given twice.` };
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return { kind: 'invalid', message: `${flag} needs a value.` };
    values.set(flag, value);
  }

  const portText = values.get('--port') ?? '0';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!Number.isInteger(port) || port > 65535) return { kind: 'invalid', message: `--port must be a whole number from 0 to 65535, not "${portText.slice(0, 20)}".` };

  const dataDir = path.resolve(cwd, values.get('--data') ?? '.passdesk-data');

  const url = values.get('--lms');
  const token = values.get('--token') ?? (url ? env.PASSDESK_LMS_TOKEN : undefined);
  if (!url && values.has('--token')) return { kind: 'invalid', message: '--token was given without --lms; give the LMS URL too.' };
  if (url && !token) return { kind: 'invalid', message: '--lms needs a token: add --token T or set PASSDESK_LMS_TOKEN.' };
  let lms: LmsAccess | null = null;
  if (url && token) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { kind: 'invalid', message: `--lms "${url.slice(0, 200)}" is not a web address; write it as http://host:port or https://host.` };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'invalid', message: '--lms must start with http:// or https://.' };
    lms = { url, token };
  }
  return { kind: 'run', options: { port, dataDir, lms } };
}
