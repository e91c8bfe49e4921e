// Starts the inspection worker on first use and hands it one picture at a time. The worker
// is the built out/main/screenshot-inspection.js, or its TypeScript source registered with
// tsx inside the worker when Passdesk itself runs from source (tests, tsx); see
// locateInspectionWorker.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScreenshotImageType } from '../../shared/channels/evidence';
import { findProjectRoot } from '../app/app-files';
import type { InspectionAnswer } from './inspection-job';

export interface WorkerEntry {
  modulePath: string;
  /** For a .ts source: tsx's CommonJS register API, loaded in the worker before the source. */
  tsxApi: string | null;
}

/** Loader hooks given to the parent do not reach a worker_thread, so the worker registers tsx itself. */
const TSX_BOOTSTRAP = "const { workerData } = require('node:worker_threads'); require(workerData.tsxApi).register(); require(workerData.entry);";

/** `runningFile` is this module's own __filename: a .ts file means Passdesk runs from source. */
export function locateInspectionWorker(runningFile: string): WorkerEntry {
  const root = findProjectRoot(path.dirname(runningFile));
  // Built, this module sits in a shared chunk (out/main/chunks/…); the worker is an entry of its own.
  if (!/\.[cm]?ts$/.test(runningFile)) return { modulePath: path.join(root, 'out', 'main', 'screenshot-inspection.js'), tsxApi: null };
  const tsxApi = createRequire(path.join(root, 'package.json')).resolve('tsx/cjs/api');
  return { modulePath: path.join(root, 'src', 'main', 'evidence', 'inspection-worker.ts'), tsxApi };
}

export type InspectionResult = { ok: true; perceptualHash: string; thumbnail: Uint8Array } | { ok: false; problem: string };

export interface InspectionPool {
  inspect(job: { type: ScreenshotImageType; bytes: Uint8Array; orientation: number | null; width: number; height: number }): Promise<InspectionResult>;
  close(): Promise<void>;
}

export function createInspectionPool(entry: WorkerEntry, log: (line: string) => void): InspectionPool {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (result: InspectionResult) => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  }

  function start(): Worker {
    if (worker) return worker;
    if (!existsSync(entry.modulePath)) throw new Error(`The screenshot inspection worker ${entry.modulePath} is missing; build Passdesk again (npm run build).`);
    const resourceLimits = { maxOldGenerationSizeMb: 1024 };
    const started = entry.tsxApi
      ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData: { tsxApi: entry.tsxApi, entry: entry.modulePath }, resourceLimits })
      : new Worker(entry.modulePath, { resourceLimits });
    started.on('message', (answer: InspectionAnswer) => {
      const pending = waiting.get(answer.id);
      if (!pending) return;
      waiting.delete(answer.id);
      pending.resolve(answer.ok ? { ok: true, perceptualHash: answer.perceptualHash, thumbnail: new Uint8Array(answer.thumbnail) } : { ok: false, problem: answer.problem });
    });
    started.on('error', (error) => {
      log(`[evidence] the inspection worker failed: ${error.message}`);
      failAll(new Error(`The screenshot inspection worker stopped: ${error.message}`));
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      if (waiting.size > 0) failAll(new Error(`The screenshot inspection worker exited (code ${code}) before answering.`));
    });
    worker = started;
    return started;
  }

  return {
    inspect(job) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        try {
          // A copy, transferred: Buffer.slice would share (and the transfer detach) the caller’s memory.
          const copy = new Uint8Array(job.bytes);
          start().postMessage({ id, ...job, bytes: copy }, [copy.buffer]);
        } catch (error) {
          waiting.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    async close() {
      const running = worker;
      worker = null;
      failAll(new Error('Passdesk is closing.'));
      if (running) await running.terminate();
    },
  };
}
