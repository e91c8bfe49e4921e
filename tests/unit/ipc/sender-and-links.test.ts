// Which frames may call main, and which addresses count as the app or may open in the
// user's browser — the rules src/main/electron applies to every IPC call and navigation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { devOrigin, isAppUrl, isTrustedSender, mayOpenInBrowser, productionOrigin, APP_ENTRY_URL } from '../../../src/main/electron/app-origin';

describe('the app origin', () => {
  it('accepts the app:// pages and nothing that merely looks like them', () => {
    expect(isAppUrl(APP_ENTRY_URL, productionOrigin)).toBe(true);
    expect(isAppUrl('app://passdesk/inbox?ticket=12#top', productionOrigin)).toBe(true);
    for (const url of [
      'app://passdesk.evil.example/index.html',
      'app://evil/index.html',
      'https://passdesk/index.html',
      'file:///work/main/out/renderer/index.html',
      'app://user:pw@passdesk/index.html',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
    ]) {
      expect(isAppUrl(url, productionOrigin), url).toBe(false);
    }
  });

  it('in development, only the dev server origin counts', () => {
    const origin = devOrigin('http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/index.html', origin)).toBe(true);
    expect(isAppUrl('http://localhost:5174/index.html', origin)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', origin)).toBe(false);
    expect(isAppUrl(APP_ENTRY_URL, origin)).toBe(false);
  });

  it('no address on another host is ever the app', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        expect(isAppUrl(url, productionOrigin)).toBe(false);
      }),
    );
  });
});

describe('IPC senders', () => {
  it('only the main window top frame showing the app is trusted', () => {
    expect(isTrustedSender({ frameUrl: APP_ENTRY_URL, isMainWindowTopFrame: true }, productionOrigin)).toBe(true);
    expect(isTrustedSender({ frameUrl: APP_ENTRY_URL, isMainWindowTopFrame: false }, productionOrigin)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://example.com/', isMainWindowTopFrame: true }, productionOrigin)).toBe(false);
    expect(isTrustedSender({ frameUrl: null, isMainWindowTopFrame: true }, productionOrigin)).toBe(false);
  });
});

describe('links opened in the system browser', () => {
  it('are plain https addresses only', () => {
    expect(mayOpenInBrowser('https://help.example-lms.com/technical-issues-faq')).toBe(true);
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'smb://server/share', 'ms-settings:privacy', 'javascript:alert(1)', 'https://user:pw@example.com/', 'app://passdesk/index.html', '']) {
      expect(mayOpenInBrowser(url), url).toBe(false);
    }
  });

  it('never lets a non-https scheme through', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'ftp', 'file', 'ws', 'data'] }), (url) => {
        expect(mayOpenInBrowser(url)).toBe(false);
      }),
    );
  });
});

describe('the main window', () => {
  it('runs the page isolated, sandboxed, without Node, with web security and without webviews', async () => {
    const { lockedDownWebPreferences } = await import('../../../src/main/electron/window-preferences');
    expect(lockedDownWebPreferences('/app/out/preload/index.js')).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});
