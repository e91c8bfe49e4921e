// Reads the text on a checked screenshot with tesseract.js. Everything it needs ships in
// node_modules — the WebAssembly core (tesseract.js-core) and the English data
// (@tesseract.js-data/eng) — and nothing is downloaded or cached at run time. tesseract.js
// runs recognition in its own worker_thread, so the main process keeps answering the window
// while it reads. One worker, started on first use, reads one picture at a time.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';

export interface OcrReader {
  /** The text on the picture, line by line, and how long reading took. */
  read(bytes: Buffer): Promise<{ text: string; milliseconds: number }>;
  close(): Promise<void>;
}

/** The folder of the English LSTM data inside @tesseract.js-data/eng (gzip-compressed). */
export function englishDataFolder(): string {
  const packageJson = createRequire(__filename).resolve('@tesseract.js-data/eng/package.json');
  return path.join(path.dirname(packageJson), '4.0.0_best_int');
}

export function createOcrReader(log: (line: string) => void): OcrReader {
  let starting: Promise<Worker> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function worker(): Promise<Worker> {
    starting ??= createWorker('eng', OEM.LSTM_ONLY, {
      langPath: englishDataFolder(),
      gzip: true,
      cacheMethod: 'none',
      errorHandler: (error: unknown) => log(`[evidence] OCR: ${error instanceof Error ? error.message : String(error)}`),
    }).catch((error: unknown) => {
      starting = null;
      throw new Error(`The OCR could not start: ${error instanceof Error ? error.message : String(error)}`);
    });
    return starting;
  }

  return {
    read(bytes) {
      const job = queue.then(async () => {
        const ocr = await worker();
        const startedAt = performance.now();
        const { data } = await ocr.recognize(bytes);
        return { text: data.text, milliseconds: Math.round(performance.now() - startedAt) };
      });
      queue = job.catch(() => undefined);
      return job;
    },
    async close() {
      const running = starting;
      starting = null;
      if (running) await (await running.catch(() => null))?.terminate();
    },
  };
}
