import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArguments, UsageError } from '../../../src/demo-lms/cli-arguments';

describe('npm run demo-lms -- [flags]', () => {
  it('defaults to a free port, small scale, seed 1 and ./.passdesk-data/demo-lms', () => {
    expect(parseCliArguments([], '/repo')).toMatchObject({ port: 0, scale: 'small', seed: 1, dataDir: path.resolve('/repo/.passdesk-data/demo-lms'), allowFaults: false });
  });

  it('reads every flag, with a space or an equals sign', () => {
    const options = parseCliArguments(['--port', '4010', '--data=here', '--scale', 'large', '--seed', '7', '--admin-token', 'a'.repeat(20), '--agent-token=' + 'b'.repeat(20), '--faults', 'error500=1', '--allow-faults'], '/repo');
    expect(options).toMatchObject({ port: 4010, dataDir: path.resolve('/repo/here'), scale: 'large', seed: 7, adminToken: 'a'.repeat(20), agentToken: 'b'.repeat(20), allowFaults: true });
    expect(options.faults?.error500).toBe(1);
  });

  it.each([
    [['--verbose'], /Unknown option "--verbose"/],
    [['--port', 'x'], /--port x/],
    [['--scale', 'huge'], /small or large/],
    [['--seed'], /needs a value/],
    [['--admin-token', 'short'], /16–512/],
    [['--faults', 'nope=1'], /--faults: Unknown fault/],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parseCliArguments(argv, '/repo')).toThrow(UsageError);
    expect(() => parseCliArguments(argv, '/repo')).toThrow(message);
  });

  it('takes the tokens from the environment, where ps cannot show them, and the flags still win', () => {
    const env = { PASSDESK_DEMO_ADMIN_TOKEN: 'a'.repeat(20), PASSDESK_DEMO_AGENT_TOKEN: 'b'.repeat(20) };
    expect(parseCliArguments([], '/repo', env)).toMatchObject({ adminToken: 'a'.repeat(20), agentToken: 'b'.repeat(20) });
    expect(parseCliArguments(['--agent-token', 'c'.repeat(20)], '/repo', env).agentToken).toBe('c'.repeat(20));
    expect(() => parseCliArguments([], '/repo', { PASSDESK_DEMO_ADMIN_TOKEN: 'short' })).toThrow(/PASSDESK_DEMO_ADMIN_TOKEN: use 16–512 printable characters/);
  });
});
