// Builds a second copy of better-sqlite3 for Electron's ABI, beside the Node build that
// `npm install` already made. Tests and browser mode load the Node build from node_modules;
// the Electron entry passes this copy to better-sqlite3 as `nativeBinding`. One install
// therefore serves both runtimes and nobody rebuilds by hand.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const target = path.join(root, '.electron-native', 'better-sqlite3');
const binding = path.join(target, 'build', 'Release', 'better_sqlite3.node');

function say(line) {
  console.log(`[electron-native] ${line}`);
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  say('skipped: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so there is no Electron to build for (tests and browser mode use the Node build).');
  process.exit(0);
}

let electronBinary;
let electronVersion;
try {
  electronBinary = require('electron');
  electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
} catch {
  say('skipped: the electron package is not installed.');
  process.exit(0);
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  say('skipped: the Electron binary is not present; `npm start` needs it, browser mode does not.');
  process.exit(0);
}

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(source, target, {
  recursive: true,
  filter: (file) => !file.startsWith(path.join(source, 'build')),
});

// npm's own nodedir (set on some machines to build against local Node headers) would make
// node-gyp build for Node while claiming Electron; drop it for this build.
const env = { ...process.env };
for (const key of Object.keys(env)) {
  if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
}
const arch = process.arch;
const prebuilt = spawnSync(
  process.execPath,
  [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', arch],
  { cwd: target, env, stdio: 'inherit' },
);
/** npm's own node-gyp (npm names it to install scripts), else one installed beside the project. */
function nodeGyp() {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return null;
  }
}
const gyp = prebuilt.status === 0 ? null : nodeGyp();
if (prebuilt.status !== 0 && gyp === null) {
  say('FAILED: no prebuilt better-sqlite3 for Electron and no node-gyp to build one. `npm start` will report this; `npm test` and browser mode are unaffected.');
  process.exit(0);
}
if (prebuilt.status !== 0 && gyp !== null) {
  say('no prebuilt binary for Electron; compiling from source against Electron headers.');
  const built = spawnSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: target, env, stdio: 'inherit' },
  );
  if (built.status !== 0) {
    say('FAILED to build better-sqlite3 for Electron. `npm start` will report this; `npm test` and browser mode are unaffected.');
    process.exit(0);
  }
}

// Trust nothing a build tool reports: load the binary inside Electron itself.
const check = spawnSync(
  electronBinary,
  ['-e', `new (require(${JSON.stringify(path.join(target))}))(':memory:', { nativeBinding: ${JSON.stringify(binding)} }).close()`],
  { env: { ...env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' },
);
if (check.status === 0) {
  say(`better-sqlite3 for Electron ${electronVersion} is ready at ${path.relative(root, binding)}`);
} else {
  say(`WARNING: the Electron build of better-sqlite3 does not load in Electron: ${check.stderr.trim()}`);
}
