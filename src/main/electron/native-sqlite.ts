// better-sqlite3 is a native module, built once for Node by `npm install` and once more for
// Electron's ABI by scripts/electron-native.mjs (postinstall) into .electron-native/. The
// Electron entry hands that second build to the cache as `nativeBinding`.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function electronSqliteBinding(projectRoot: string): string {
  return path.join(projectRoot, '.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

export function missingBindingMessage(binding: string): string | null {
  if (existsSync(binding)) return null;
  return [
    'Passdesk cannot open its local cache: better-sqlite3 has not been built for Electron.',
    `Expected: ${binding}`,
    '',
    'To fix it, in the Passdesk folder:',
    '  1. make sure the Electron binary is installed (if ELECTRON_SKIP_BINARY_DOWNLOAD was set, unset it and run "node node_modules/electron/install.js");',
    '  2. run "npm run postinstall" (it builds better-sqlite3 for Electron);',
    '  3. start Passdesk again with "npm start".',
    '',
    'Without Electron, "npm run serve" runs the same app in your browser.',
  ].join('\n');
}
