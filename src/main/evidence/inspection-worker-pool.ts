// Starts the inspection worker on first use and hands it one picture at a time. The worker
// is the built out/main/screenshot-inspection.js, or its TypeScript source registered with
// tsx inside the worker when Passdesk itself runs from source (tests, tsx); see
// app/worker-entry.ts.
import type { ScreenshotImageType } from '../../shared/channels/evidence';
import { locateWorker, startWorker, type WorkerEntry } from '../app/worker-entry';
import type { InspectionAnswer } from './inspection-job';
import type { Worker } from 'node:worker_threads';

export type { WorkerEntry };

export function locateInspectionWorker(runningFile: string): WorkerEntry {
  return locateWorker(runningFile, 'screenshot-inspection', 'src/main/evidence/inspection-worker.ts');
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
    const started = startWorker(entry, 'screenshot inspection worker', { maxOldGenerationSizeMb: 1024 });
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
