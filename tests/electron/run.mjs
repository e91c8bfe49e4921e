// `npm run test:electron`: the _electron suite where an Electron binary is installed; where
// it is not (CI sets ELECTRON_SKIP_BINARY_DOWNLOAD), one line says it was skipped and why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildIfStale, projectRoot } from '../../scripts/build-if-stale.mjs';

const require = createRequire(path.join(projectRoot, 'package.json'));

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when it was never downloaded.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.log('electron: skipped — the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); browser mode covers the same services');
  process.exit(0);
}

buildIfStale('test:electron');
const playwright = [require.resolve('@playwright/test/cli'), 'test', '-c', path.join('tests', 'electron', 'playwright.config.ts')];
// Electron needs a display; on a headless Linux machine, xvfb-run provides one.
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const hasXvfb = headless && spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
if (headless && !hasXvfb) {
  console.error('test:electron needs a display: install xvfb (apt-get install -y xvfb) or run it in a desktop session.');
  process.exit(1);
}
const [command, args] = hasXvfb ? ['xvfb-run', ['-a', process.execPath, ...playwright]] : [process.execPath, playwright];
const run = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
process.exit(run.status ?? 1);
