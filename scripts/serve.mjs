// `npm run serve -- [--port N] [--data DIR] [--lms URL --token T]`: builds Passdesk when the
// build is missing or older than its sources, then runs browser mode (out/main/serve.js,
// which reads the same arguments) in this very process, so Ctrl-C and SIGTERM reach it
// directly. Build output goes to stderr; stdout carries only "Passdesk is ready: …".
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale, projectRoot } from './build-if-stale.mjs';

buildIfStale('serve');
await import(pathToFileURL(path.join(projectRoot, 'out', 'main', 'serve.js')).href);
