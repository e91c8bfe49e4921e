// With no LMS configured, Passdesk starts the real demo LMS (src/demo-lms) as a child
// process with its data in the data folder, signs in as the demo admin, switches to the
// demo agent on request, and finds the same demo data and tokens on the next launch.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLmsEntryFor } from '../../../src/main/app/app-files';
import { createPassdesk, type Passdesk } from '../../../src/main/app/create-passdesk';
import { createSecretFileStore, plainFileCipher } from '../../../src/main/app/secret-store';

const projectRoot = path.resolve(__dirname, '..', '..', '..');
let dataDir: string;

function launch(): Passdesk {
  return createPassdesk({
    dataDir,
    lms: null,
    secrets: createSecretFileStore(path.join(dataDir, 'secrets.json'), plainFileCipher),
    demoLmsEntry: demoLmsEntryFor(projectRoot, true),
    log: () => undefined,
    appVersion: '0.1.0',
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'passdesk-demo-default-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the demo LMS by default', () => {
  it('starts it, signs in as the demo admin, switches to the demo agent, and reuses it next launch', async () => {
    const first = launch();
    try {
      const status = await first.firstCheck;
      expect(status.lms).toMatchObject({ mode: 'demo', online: true, error: null, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
      expect(status.user?.role).toBe('admin');
      expect(existsSync(path.join(dataDir, 'demo-lms'))).toBe(true);

      const asAgent = await first.dispatcher.dispatch('settings.setDemoRole', { role: 'agent' });
      expect(asAgent).toMatchObject({ ok: true, value: { lms: { mode: 'demo', online: true }, user: { role: 'agent' } } });
    } finally {
      await first.close();
    }
    const tokens = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(tokens).sort()).toEqual(['demo.adminToken', 'demo.agentToken']);

    const second = launch();
    try {
      const again = await second.firstCheck;
      expect(again.lms).toMatchObject({ mode: 'demo', online: true });
      expect(again.user?.role).toBe('agent');
      expect(JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'))).toEqual(tokens);
      const asAdmin = await second.dispatcher.dispatch('settings.setDemoRole', { role: 'admin' });
      expect(asAdmin).toMatchObject({ ok: true, value: { user: { role: 'admin' } } });
    } finally {
      await second.close();
    }
  });

  it('refuses to connect to the demo LMS with a wrong token, and nothing changes', async () => {
    const passdesk = launch();
    try {
      const status = await passdesk.firstCheck;
      const result = await passdesk.dispatcher.dispatch('settings.connectLms', { url: status.lms.url, token: 'not-a-demo-token' });
      expect(result).toMatchObject({ ok: false, error: { code: 'lms_error' } });
      expect(await passdesk.dispatcher.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { lmsMode: 'demo', hasToken: false } });
    } finally {
      await passdesk.close();
    }
  });
});
