// Browser mode's stand-in for the preload: one classic script that defines
// window.passdesk over a WebSocket before the renderer's module runs.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: resolve(__dirname, 'out/bridge'),
    emptyOutDir: true,
    lib: {
      entry: resolve(__dirname, 'src/preload/browser-bridge.ts'),
      name: 'passdeskBridge',
      formats: ['iife'],
      fileName: () => 'bridge.js',
    },
  },
});
