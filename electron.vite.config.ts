import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          // The Electron entry.
          index: resolve(__dirname, 'src/main/electron/index.ts'),
          // Browser mode: the same services in plain Node (`npm run serve`).
          serve: resolve(__dirname, 'src/main/serve/cli.ts'),
          // The embedded demo LMS, started as a child process when no LMS is configured.
          'demo-lms': resolve(__dirname, 'src/demo-lms/cli.ts'),
          // The screenshot viewer's decoding worker (worker_thread), kept off the main thread.
          'screenshot-inspection': resolve(__dirname, 'src/main/evidence/inspection-worker.ts'),
          // The first sync's feed reader and writer (worker_threads): one fetches and checks pages, the other commits them.
          'feed-reader': resolve(__dirname, 'src/main/sync/feed-reader-worker.ts'),
          'first-sync-writer': resolve(__dirname, 'src/main/sync/first-sync-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only electron itself, so zod (used by the contract's
      // name checks) must be bundled in, not left as require('zod').
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
