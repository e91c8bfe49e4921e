// The demo LMS in a process of its own, so a benchmark's client and server do not share one
// event loop (as in the app, where it is a child process). Prints one JSON line with its
// address and tokens once it listens, and runs until killed or its stdin closes.
import { parseArgs } from 'node:util';
import { createDemoLms } from '../../src/demo-lms/server';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    scale: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '1' },
  },
});
const dataDir = values.data;
const scale = values.scale === 'large' ? 'large' : values.scale === 'small' ? 'small' : null;
if (!dataDir || !scale) {
  console.error('usage: demo-lms-process --data DIR [--scale small|large] [--seed N]');
  process.exit(2);
}
async function main(dataDir: string, scale: 'small' | 'large'): Promise<void> {
const started = performance.now();
const lms = await createDemoLms({
  dataDir,
  scale,
  seed: Number(values.seed),
  allowFaults: true,
  log: (line) => console.error(`[demo-lms] ${line}`),
});
process.stdout.write(`${JSON.stringify({ url: lms.url, adminToken: lms.adminToken, agentToken: lms.agentToken, seededInMs: lms.seededInMs, readyInMs: Math.round(performance.now() - started) })}\n`);
const stop = () => {
  void lms.close().then(() => process.exit(0));
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
}

void main(dataDir, scale);
