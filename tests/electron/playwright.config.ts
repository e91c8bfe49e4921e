import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // One Electron app at a time: each owns a data folder and starts the demo LMS.
  workers: 1,
  // The first start seeds the demo LMS's data.
  timeout: 180_000,
  reporter: [['list']],
});
