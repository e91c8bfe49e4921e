// `npm run serve -- …`: the options it understands, and a clear usage error for the rest.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../src/main/serve/serve-options';

const cwd = '/home/ana/passdesk';

describe('browser mode’s command line', () => {
  it('defaults to a random port and ./.passdesk-data, on the demo LMS', () => {
    expect(parseServeArgs([], {}, cwd)).toEqual({ kind: 'run', options: { port: 0, dataDir: path.join(cwd, '.passdesk-data'), lms: null } });
  });

  it('takes a port, a data folder and an LMS with its token, as --flag value or --flag=value', () => {
    expect(parseServeArgs(['--port', '4321', '--data=/tmp/pd', '--lms', 'https://lms.example.com', '--token', 'tok_1'], {}, cwd)).toEqual({
      kind: 'run',
      options: { port: 4321, dataDir: '/tmp/pd', lms: { url: 'https://lms.example.com', token: 'tok_1' } },
    });
  });

  it('takes the token from PASSDESK_LMS_TOKEN, which keeps it out of the process list', () => {
    expect(parseServeArgs(['--lms', 'https://lms.example.com'], { PASSDESK_LMS_TOKEN: 'tok_env' }, cwd)).toMatchObject({ options: { lms: { token: 'tok_env' } } });
  });

  it('refuses what it does not understand, saying what is wrong', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--prot', '80'], /Unknown option "--prot"/],
      [['--port'], /--port needs a value/],
      [['--port', '70000'], /from 0 to 65535/],
      [['--port', '-1'], /--port needs a value|from 0 to 65535/],
      [['--lms', 'https://lms.example.com'], /needs a token/],
      [['--token', 'x'], /without --lms/],
      [['--lms', 'lms.example.com', '--token', 'x'], /not a web address/],
      [['--lms', 'ftp://lms.example.com', '--token', 'x'], /http:\/\/ or https:\/\//],
      [['--data', 'a', '--data', 'b'], /given twice/],
    ];
    for (const [argv, message] of cases) {
      const parsed = parseServeArgs(argv, {}, cwd);
      expect(parsed.kind, argv.join(' ')).toBe('invalid');
      if (parsed.kind === 'invalid') expect(parsed.message, argv.join(' ')).toMatch(message);
    }
    expect(parseServeArgs(['--help'], {}, cwd)).toEqual({ kind: 'help' });
  });

  it('exits with a usage message on an unknown flag, before touching any data', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'main', 'serve', 'cli.ts'), '--bogus'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Unknown option "--bogus"');
    expect(run.stderr).toContain('Usage: npm run serve -- [--port N] [--data DIR] [--lms URL --token T]');
  });
});
