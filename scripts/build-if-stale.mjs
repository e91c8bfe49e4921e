// Builds Passdesk (`npm run build`) when an output is missing or older than the sources.
// Used by `npm run serve` and the Electron test runner, so both work on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['out/main/index.js', 'out/main/serve.js', 'out/main/demo-lms.js', 'out/preload/index.js', 'out/renderer/index.html', 'out/bridge/bridge.js'].map((p) =>
  path.join(projectRoot, p),
);
const inputs = ['src', 'package.json', 'package-lock.json', 'electron.vite.config.ts', 'vite.bridge.config.ts', 'tsconfig.json'].map((p) => path.join(projectRoot, p));

function newestIn(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestIn(path.join(target, entry)));
  return newest;
}

/** Why a build is needed, or null when out/ is up to date. */
export function buildReason() {
  const missing = outputs.find((file) => !existsSync(file));
  if (missing) return `${path.relative(projectRoot, missing)} is missing`;
  const builtAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const changedAt = Math.max(...inputs.map(newestIn));
  return changedAt > builtAt ? 'the sources changed since the last build' : null;
}

/** Build output goes to stderr, so stdout stays for what the caller prints. Exits on failure. */
export function buildIfStale(who) {
  const reason = buildReason();
  if (!reason) return;
  process.stderr.write(`[${who}] building Passdesk first (${reason})…\n`);
  // Under `npm run`, npm_execpath is npm's own script; otherwise find npm on PATH.
  const npm = process.env.npm_execpath;
  const [command, args] =
    npm && npm.endsWith('.js') ? [process.execPath, [npm, 'run', 'build']] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']];
  const built = spawnSync(command, args, { cwd: projectRoot, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (built.status !== 0) {
    process.stderr.write(`[${who}] the build failed (${built.error?.message ?? `exit code ${built.status}`}); see above.\n`);
    process.exit(1);
  }
}
