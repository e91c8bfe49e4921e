// Which LMS Passdesk uses, through the contract the renderer calls: the demo LMS when none
// is configured (signed in as the demo admin, switchable to the demo agent), a saved LMS
// once Settings connected to one — and the token never comes back out.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../../src/shared/lms/api';
import type { InvokeResult } from '../../../src/shared/ipc-result';
import { createPassdesk, type Passdesk, type PassdeskOptions } from '../../../src/main/app/create-passdesk';
import { createSecretFileStore, plainFileCipher } from '../../../src/main/app/secret-store';
import type { LmsSignIn } from '../../../src/main/app/lms-connection';
import { LmsError } from '../../../src/main/lms/lms-error';

const DEMO_URL = 'http://127.0.0.1:4999';
const REAL_URL = 'https://lms.example.com';
const REAL_TOKEN = 'tok_live_8c1f0e2d9a';

// A stand-in demo LMS: a real child process that records how it was started and reports
// ready the way src/demo-lms/cli.ts does.
const fakeDemoLms = `
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
const get = (flag) => args[args.indexOf(flag) + 1];
fs.mkdirSync(get('--data'), { recursive: true });
fs.appendFileSync(path.join(get('--data'), 'starts.jsonl'), JSON.stringify({ pid: process.pid, args }) + '\\n');
process.send({ type: 'ready', url: ${JSON.stringify(DEMO_URL)}, adminToken: process.env.PASSDESK_DEMO_ADMIN_TOKEN, agentToken: process.env.PASSDESK_DEMO_AGENT_TOKEN });
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
setInterval(() => {}, 60000);
`;

const demoAdmin: Me = { id: 'agt_demo_admin', name: 'Morgan Reyes', email: 'morgan.reyes@demo-lms.example', role: 'admin' };
const demoAgent: Me = { id: 'agt_demo_agent', name: 'Sam Okafor', email: 'sam.okafor@demo-lms.example', role: 'agent' };
const realAdmin: Me = { id: 'agt_77', name: 'Dana Whitfield', email: 'dana.whitfield@acme-training.com', role: 'admin' };

/** The LMSes these tests can reach, by address and token. */
const signIn: LmsSignIn = ({ url, token }) => ({
  me: () => {
    if (url === DEMO_URL && token.startsWith('demo-admin-')) return Promise.resolve(demoAdmin);
    if (url === DEMO_URL && token.startsWith('demo-agent-')) return Promise.resolve(demoAgent);
    if (url === REAL_URL && token === REAL_TOKEN) return Promise.resolve(realAdmin);
    if (url === REAL_URL) return Promise.reject(new LmsError({ kind: 'http', status: 401, code: 'unauthorized', message: 'The LMS did not accept the token.' }));
    return Promise.reject(new LmsError({ kind: 'network', code: 'ENOTFOUND', message: `No server answers at ${url}.` }));
  },
});

let root: string;
let fakeEntry: string;
const open: Passdesk[] = [];

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'passdesk-choice-'));
  fakeEntry = path.join(root, 'fake-demo-lms.cjs');
  writeFileSync(fakeEntry, fakeDemoLms);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function launch(dataDir: string, extra: Partial<PassdeskOptions> = {}): Passdesk {
  const passdesk = createPassdesk({
    dataDir,
    lms: null,
    secrets: createSecretFileStore(path.join(dataDir, 'secrets.json'), plainFileCipher),
    demoLmsEntry: { modulePath: fakeEntry, execArgv: [] },
    log: () => undefined,
    appVersion: '0.1.0',
    signIn,
    ...extra,
  });
  open.push(passdesk);
  return passdesk;
}

async function call(passdesk: Passdesk, channel: string, payload: unknown = {}): Promise<InvokeResult> {
  return passdesk.dispatcher.dispatch(channel, payload);
}
async function value(passdesk: Passdesk, channel: string, payload: unknown = {}): Promise<unknown> {
  const result = await call(passdesk, channel, payload);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value;
}

function starts(dataDir: string): Array<{ pid: number; args: string[] }> {
  const file = path.join(dataDir, 'demo-lms', 'starts.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { pid: number; args: string[] });
}
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
function settingsRows(dataDir: string): unknown[] {
  const db = new BetterSqlite3(path.join(dataDir, 'cache.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT key, value FROM app_setting ORDER BY key').all();
  } finally {
    db.close();
  }
}
/** Closing the cache is what checkpoints the WAL, so look at every cache file. */
function cacheBytes(dataDir: string): string {
  return readdirSync(dataDir)
    .filter((f) => f.startsWith('cache.sqlite'))
    .map((f) => readFileSync(path.join(dataDir, f)).toString('latin1'))
    .join('');
}

describe('with no LMS configured', () => {
  it('starts the demo LMS in the data folder and signs in as the demo admin', async () => {
    const dataDir = path.join(root, 'first-launch');
    const passdesk = launch(dataDir);
    const status = await passdesk.firstCheck;
    expect(status).toMatchObject({ lms: { mode: 'demo', url: DEMO_URL, online: true, error: null }, user: demoAdmin });
    expect(await value(passdesk, 'settings.get')).toEqual({ lmsMode: 'demo', lmsUrl: null, hasToken: false, demoRole: 'admin' });
    // What the sync engine gets: the demo's data set under a name that survives its changing port.
    expect(passdesk.connection.access()).toEqual({ lmsId: 'demo', url: DEMO_URL, token: expect.stringMatching(/^demo-admin-/) });
    const [start] = starts(dataDir);
    // The tokens travel in the environment, never on a command line other users can read.
    expect(start?.args).toEqual(['--port', '0', '--data', path.join(dataDir, 'demo-lms')]);
  });

  it('switches between the demo admin and the demo agent, and remembers the choice and the tokens', async () => {
    const dataDir = path.join(root, 'roles');
    const first = launch(dataDir);
    await first.firstCheck;
    const heard: unknown[] = [];
    first.subscribe((event) => heard.push(event));
    const asAgent = await value(first, 'settings.setDemoRole', { role: 'agent' });
    expect(asAgent).toMatchObject({ lms: { mode: 'demo', online: true }, user: demoAgent });
    expect(heard).toContainEqual({ name: 'status.changed', payload: expect.objectContaining({ user: demoAgent }) });
    await first.close();
    const firstPid = starts(dataDir)[0]?.pid ?? -1;
    expect(isRunning(firstPid)).toBe(false);

    const second = launch(dataDir);
    expect(await second.firstCheck).toMatchObject({ user: demoAgent });
    const [a, b] = starts(dataDir);
    // Same tokens on every launch, so the demo data and its users stay the same.
    expect(b?.args).toEqual(a?.args);
    expect(await value(second, 'settings.setDemoRole', { role: 'admin' })).toMatchObject({ user: demoAdmin });
  });
});

describe('connecting to an LMS in Settings', () => {
  it('refuses a wrong token with the reason and changes nothing', async () => {
    const dataDir = path.join(root, 'wrong-token');
    const passdesk = launch(dataDir);
    await passdesk.firstCheck;
    const rowsBefore = settingsRows(dataDir);
    const secretsBefore = readFileSync(path.join(dataDir, 'secrets.json'), 'utf8');
    const result = await call(passdesk, 'settings.connectLms', { url: REAL_URL, token: 'tok_typo' });
    expect(result).toMatchObject({ ok: false, error: { code: 'lms_error' } });
    if (!result.ok) expect(result.error.message).toBe(`Passdesk could not sign in to ${REAL_URL}, so nothing was changed: The LMS did not accept the token.`);
    const unreachable = await call(passdesk, 'settings.connectLms', { url: 'https://lms.typo.example', token: REAL_TOKEN });
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(settingsRows(dataDir)).toEqual(rowsBefore);
    expect(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')).toBe(secretsBefore);
    expect(await value(passdesk, 'app.status')).toMatchObject({ lms: { mode: 'demo', online: true } });
  });

  it('saves a working LMS, stops the demo LMS, keeps the token out of the cache and out of every answer', async () => {
    const dataDir = path.join(root, 'connect');
    const passdesk = launch(dataDir);
    await passdesk.firstCheck;
    const demoPid = starts(dataDir)[0]?.pid ?? -1;
    const answers: unknown[] = [];
    passdesk.subscribe((event) => answers.push(event));

    answers.push(await value(passdesk, 'settings.connectLms', { url: `${REAL_URL}/`, token: REAL_TOKEN }));
    expect(answers.at(-1)).toMatchObject({ lms: { mode: 'configured', url: REAL_URL, online: true }, user: realAdmin });
    expect(isRunning(demoPid)).toBe(false);
    answers.push(await value(passdesk, 'settings.get'));
    expect(answers.at(-1)).toEqual({ lmsMode: 'configured', lmsUrl: REAL_URL, hasToken: true, demoRole: 'admin' });
    answers.push(await value(passdesk, 'app.status'));

    const refused = await call(passdesk, 'settings.setDemoRole', { role: 'agent' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!refused.ok) expect(refused.error.message).toContain('exist only on the demo LMS');
    answers.push(refused);

    expect(JSON.stringify(answers)).not.toContain(REAL_TOKEN);
    await passdesk.close();
    expect(cacheBytes(dataDir)).not.toContain(REAL_TOKEN);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'))).toMatchObject({ 'lms.token': REAL_TOKEN });

    // The next launch uses the saved LMS and does not start the demo LMS.
    const again = launch(dataDir);
    expect(await again.firstCheck).toMatchObject({ lms: { mode: 'configured', url: REAL_URL, online: true }, user: realAdmin });
    expect(starts(dataDir)).toHaveLength(1);

    // Back to the demo LMS: the token is forgotten.
    expect(await value(again, 'settings.useDemoLms')).toMatchObject({ lms: { mode: 'demo', url: DEMO_URL, online: true }, user: demoAdmin });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'))).not.toHaveProperty('lms.token');
    expect(await value(again, 'settings.get')).toEqual({ lmsMode: 'demo', lmsUrl: null, hasToken: false, demoRole: 'admin' });
  });

  it('uses an LMS given at launch for that launch only', async () => {
    const dataDir = path.join(root, 'command-line');
    const passdesk = launch(dataDir, { lms: { url: REAL_URL, token: REAL_TOKEN } });
    expect(await passdesk.firstCheck).toMatchObject({ lms: { mode: 'configured', url: REAL_URL, online: true } });
    expect(await value(passdesk, 'settings.get')).toEqual({ lmsMode: 'configured', lmsUrl: REAL_URL, hasToken: true, demoRole: 'admin' });
    expect(starts(dataDir)).toHaveLength(0);
    expect(settingsRows(dataDir)).toEqual([]);
    expect(existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('says which LMS is unreachable and that it will try again', async () => {
    const dataDir = path.join(root, 'offline');
    const passdesk = launch(dataDir, { lms: { url: 'https://lms.unreachable.example', token: REAL_TOKEN } });
    expect(await passdesk.firstCheck).toMatchObject({
      lms: { mode: 'configured', url: 'https://lms.unreachable.example', online: false, error: 'No server answers at https://lms.unreachable.example.' },
      user: null,
    });
  });
});
