// Which addresses are the app itself. In production the renderer is served from the
// app://passdesk origin (see app-protocol.ts); under `npm run dev` from electron-vite's dev
// server. Pure, so the rules are tested without Electron.

export const APP_SCHEME = 'app';
export const APP_HOST = 'passdesk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface AppOrigin {
  /** With the colon, as URL.protocol has it: "app:" or "http:". */
  protocol: string;
  host: string;
}

export const productionOrigin: AppOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };

export function devOrigin(devServerUrl: string): AppOrigin {
  const url = new URL(devServerUrl);
  return { protocol: url.protocol, host: url.host };
}

/** Compared by scheme and host: URL.origin is "null" for custom schemes such as app:. */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === origin.protocol && parsed.host === origin.host && parsed.username === '' && parsed.password === '';
}

export interface SenderFacts {
  /** The frame the IPC message came from; null when it is already gone. */
  frameUrl: string | null;
  /** Whether that frame is the top frame of Passdesk's own window. */
  isMainWindowTopFrame: boolean;
}

/** IPC is answered only for the main window's top frame showing the app. */
export function isTrustedSender(facts: SenderFacts, origin: AppOrigin): boolean {
  return facts.isMainWindowTopFrame && facts.frameUrl !== null && isAppUrl(facts.frameUrl, origin);
}

/**
 * Links the app opens in a new window (target=_blank, window.open) may go to the user's
 * browser, but only plain https addresses without credentials: no file:, no custom
 * schemes that start other programs, no http that could be tampered with on the way.
 */
export function mayOpenInBrowser(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && url.length <= 2000;
}
