// The Content-Security-Policy the renderer runs under. One definition for both shells:
// Electron (nothing to connect to — every request goes through IPC) and browser mode
// (the page's only connection is the bridge WebSocket on its own loopback port).

const fixed: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
];
const closing: ReadonlyArray<readonly [string, string]> = [
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

function render(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Electron's production policy: the page may not open any connection of its own. */
export function electronContentSecurityPolicy(): string {
  return render([...fixed, ['connect-src', "'none'"], ...closing]);
}

/** Browser mode: the same, except the page may reach its own bridge socket on `port`. */
export function browserModeContentSecurityPolicy(port: number): string {
  return render([...fixed, ['connect-src', `'self' ws://127.0.0.1:${port}`], ...closing]);
}

/**
 * `npm run dev` only: Vite's hot reload injects an inline React-refresh preamble and talks
 * to its dev server over a WebSocket, so the dev policy allows exactly that origin.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const origin = new URL(devServerUrl);
  const socket = `${origin.protocol === 'https:' ? 'wss' : 'ws'}://${origin.host}`;
  return render([
    ['default-src', "'self'"],
    ['script-src', "'self' 'unsafe-inline'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['connect-src', `'self' ${socket}`],
    ...closing,
  ]);
}
