// Rules for every web page Electron creates, set before the first window opens: no
// webviews, no navigation away from the app, new windows only as https links in the
// user's browser, and no permission (camera, notifications, …) ever granted.
import { app, session, shell, type Session, type WebContents } from 'electron';
import { devContentSecurityPolicy } from '../app/content-security-policy';
import { isAppUrl, mayOpenInBrowser, type AppOrigin } from './app-origin';

export function hardenAllWebContents(origin: AppOrigin, log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('[security] refused to attach a <webview>.');
    });
    // A page's own navigation attempts are refused outright; opening the system browser is
    // reserved for links the app opens in a new window (below), which the user clicked.
    const guard = (event: Electron.Event, url: string, what: string) => {
      if (isAppUrl(url, origin)) return;
      event.preventDefault();
      log(`[security] refused ${what} to ${url.slice(0, 200)}`);
    };
    contents.on('will-navigate', (event) => guard(event, event.url, 'navigation'));
    contents.on('will-frame-navigate', (event) => guard(event, event.url, 'frame navigation'));
    contents.on('will-redirect', (event) => guard(event, event.url, 'redirect'));
    contents.setWindowOpenHandler(({ url }) => {
      if (mayOpenInBrowser(url)) {
        void shell.openExternal(url).catch((error: unknown) => log(`[links] could not open ${url.slice(0, 200)}: ${String(error)}`));
      } else {
        log(`[security] refused to open a window for ${url.slice(0, 200)}`);
      }
      return { action: 'deny' };
    });
  });
}

export function denyAllPermissions(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

/** `npm run dev` serves the renderer over http; add the dev policy to its responses. */
export function addDevContentSecurityPolicy(devServerUrl: string, target: Session = session.defaultSession): void {
  const policy = devContentSecurityPolicy(devServerUrl);
  const prefix = new URL(devServerUrl).origin;
  target.webRequest.onHeadersReceived((details, callback) => {
    if (!details.url.startsWith(prefix)) return callback({});
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
