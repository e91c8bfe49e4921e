// End-to-end tests: real Chromium against browser mode (`node out/main/serve.js`), which
// `npm run test:e2e` builds first. Each spec file starts its own Passdesk on a fresh data
// folder (fixtures/passdesk-server.ts), so files never share state.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/** PLAYWRIGHT_CHROMIUM_PATH, else Debian's chromium, else Playwright's own browser. */
function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

// Chromium's sandbox cannot start as root (CI runs as root); anyone else keeps it.
const runningAsRoot = process.getuid?.() === 0;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: path.resolve(__dirname, '../../test-results/e2e'),
  // Two cores: one browser and one Passdesk (plus its demo LMS) per worker.
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  // Generous: a 2-core CI machine starts a demo LMS per file; speed is measured in bench/.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        ...(runningAsRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
