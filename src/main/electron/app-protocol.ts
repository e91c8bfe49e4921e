// Serves the built renderer at app://passdesk/… with the production CSP. A privileged,
// standard, secure scheme gives the page a real origin (unlike file://), so the CSP's 'self'
// means exactly the app and nothing else on the disk.
import { protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { electronContentSecurityPolicy } from '../app/content-security-policy';
import { locateRendererFile } from '../app/renderer-files';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': electronContentSecurityPolicy() },
  });
}

export function serveRendererOverAppScheme(rendererDir: string, log: (line: string) => void): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return textResponse(404, 'Not part of Passdesk.');
    const located = locateRendererFile(root, url.pathname);
    if (located.kind === 'refused') {
      log(`[app://] refused ${url.pathname.slice(0, 200)}: ${located.reason}`);
      return textResponse(403, located.reason);
    }
    const file = located.kind === 'app' ? path.join(root, 'index.html') : located.file;
    const contentType = located.kind === 'app' ? 'text/html; charset=utf-8' : located.contentType;
    try {
      const real = await realpath(file);
      const realRoot = await realpath(root);
      if (!real.startsWith(realRoot + path.sep)) return textResponse(403, 'The address leaves the Passdesk app folder.');
      const body = await readFile(real);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': contentType,
          'content-security-policy': electronContentSecurityPolicy(),
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return textResponse(404, `Nothing here: ${url.pathname.slice(0, 200)}`);
    }
  });
}
