// Where a worker_thread's code is, and how to start it, whether Passdesk runs built (an
// electron-vite entry in out/main) or from its TypeScript sources (tests, tsx). The screenshot
// inspection worker, the first-sync writer and its feed reader all start this way.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { findProjectRoot } from './app-files';

export interface WorkerEntry {
  modulePath: string;
  /** For a .ts source: tsx's CommonJS register API, loaded in the worker before the source. */
  tsxApi: string | null;
}

/** Loader hooks given to the parent do not reach a worker_thread, so the worker registers tsx itself. */
const TSX_BOOTSTRAP = "const { workerData } = require('node:worker_threads'); require(workerData.tsxApi).register(); require(workerData.entry);";

/**
 * `runningFile` is the caller's own __filename: a .ts file means Passdesk runs from source.
 * `builtName` is the worker's entry in electron.vite.config.ts; `source` its path under the project.
 */
export function locateWorker(runningFile: string, builtName: string, source: string): WorkerEntry {
  const root = findProjectRoot(path.dirname(runningFile));
  // Built, the caller sits in a shared chunk (out/main/chunks/…); the worker is an entry of its own.
  if (!/\.[cm]?ts$/.test(runningFile)) return { modulePath: path.join(root, 'out', 'main', `${builtName}.js`), tsxApi: null };
  const tsxApi = createRequire(path.join(root, 'package.json')).resolve('tsx/cjs/api');
  return { modulePath: path.join(root, source), tsxApi };
}

/** Starts the worker; `what` names it in the error a person reads when the build is missing. */
export function startWorker(entry: WorkerEntry, what: string, resourceLimits?: ResourceLimits): Worker {
  if (!existsSync(entry.modulePath)) throw new Error(`The ${what} ${entry.modulePath} is missing; build Passdesk again (npm run build).`);
  const limits = resourceLimits ? { resourceLimits } : {};
  return entry.tsxApi
    ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData: { tsxApi: entry.tsxApi, entry: entry.modulePath }, ...limits })
    : new Worker(entry.modulePath, limits);
}
