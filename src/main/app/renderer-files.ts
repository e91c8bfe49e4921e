// Maps a request path to a file of the built renderer, for both shells (Electron's app://
// protocol and browser mode's HTTP server). Anything that would land outside the renderer
// folder is refused before the file system is touched.
import path from 'node:path';

export type RendererPath =
  | { kind: 'file'; file: string; contentType: string }
  /** An in-app route such as /inbox: the app's index.html answers it. */
  | { kind: 'app' }
  | { kind: 'refused'; reason: string };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** `pathname` is the URL's path as received, still percent-encoded. */
export function locateRendererFile(root: string, pathname: string): RendererPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'refused', reason: 'The address is not valid percent-encoding.' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused', reason: 'The address contains characters no file of Passdesk has.' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'refused', reason: 'The address leaves the Passdesk app folder.' };
  if (decoded === '/' || decoded === '') return { kind: 'app' };
  const base = path.resolve(root);
  const file = path.resolve(base, `.${decoded}`);
  if (file !== base && !file.startsWith(base + path.sep)) return { kind: 'refused', reason: 'The address leaves the Passdesk app folder.' };
  const last = segments[segments.length - 1] ?? '';
  // No extension: a route inside the single-page app, so a reload on it keeps working.
  if (!last.includes('.')) return { kind: 'app' };
  return { kind: 'file', file, contentType: contentTypeOf(file) };
}
