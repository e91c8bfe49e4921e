// `npm run bench [-- FILTER…]`: runs every bench/**/*.bench.ts in its own process (so one
// benchmark's memory never counts against another's), passes each figure through as one JSON
// line, and ends with a table. A FILTER keeps only files whose path inside bench/ contains it.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Figure } from './figures';

const benchDir = path.resolve(import.meta.dirname);
const root = path.dirname(benchDir);
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function benchFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return benchFiles(full);
      return entry.name.endsWith('.bench.ts') ? [full] : [];
    })
    .sort();
}

function isFigure(value: unknown): value is Figure {
  if (typeof value !== 'object' || value === null) return false;
  return typeof Reflect.get(value, 'bench') === 'string' && typeof Reflect.get(value, 'value') === 'number' && typeof Reflect.get(value, 'unit') === 'string';
}

function runOne(file: string, figures: Figure[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = null;
      }
      if (isFigure(parsed)) {
        figures.push(parsed);
        process.stdout.write(`${line}\n`);
      } else {
        process.stderr.write(`${line}\n`);
      }
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

function table(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const details = Object.entries(f)
      .filter(([k]) => !['bench', 'value', 'unit'].includes(k))
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
    return [f.bench, String(f.value), f.unit, details];
  });
  const header = ['bench', 'value', 'unit', 'details'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  // Matched against the path inside bench/, so the checkout's own folder name never matches.
  const files = benchFiles(benchDir).filter((f) => filters.length === 0 || filters.some((flt) => path.relative(benchDir, f).includes(flt)));
  if (files.length === 0) {
    console.error(`No benchmark matches ${filters.join(', ')}; the benchmarks are:\n${benchFiles(benchDir).map((f) => `  ${path.relative(root, f)}`).join('\n')}`);
    process.exit(1);
  }
  const figures: Figure[] = [];
  const failed: string[] = [];
  for (const file of files) {
    console.error(`\n── ${path.relative(root, file)}`);
    const code = await runOne(file, figures);
    if (code !== 0) failed.push(`${path.relative(root, file)} (exit ${code})`);
  }
  console.log(`\n${table(figures)}`);
  if (failed.length > 0) {
    console.error(`\nBenchmarks that failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

void main();
