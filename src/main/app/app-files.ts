// Where the parts Passdesk runs from live on disk, found from the file that is running:
// the built app (out/main/*.js) or its TypeScript source run through tsx (tests, `tsx
// src/main/serve/cli.ts`). The demo LMS is started from the same kind of file.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DemoLmsEntry } from './demo-lms-launcher';

export interface AppFiles {
  projectRoot: string;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  /** Browser mode's stand-in for the preload. */
  bridgeScript: string;
  demoLmsEntry: DemoLmsEntry;
  appVersion: string;
}

export function findProjectRoot(from: string): string {
  let dir = path.resolve(from);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'passdesk') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Passdesk's package.json was not found above ${from}.`);
    dir = parent;
  }
}

function readName(manifest: string): string | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return typeof data === 'object' && data !== null && 'name' in data && typeof data.name === 'string' ? data.name : undefined;
  } catch {
    return undefined;
  }
}

function readVersion(manifest: string): string {
  const data: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  return typeof data === 'object' && data !== null && 'version' in data && typeof data.version === 'string' ? data.version : '0.0.0';
}

/** The demo LMS to fork: beside the built entry, or its source through tsx's loader. */
export function demoLmsEntryFor(projectRoot: string, runningFromSource: boolean): DemoLmsEntry {
  if (!runningFromSource) return { modulePath: path.join(projectRoot, 'out', 'main', 'demo-lms.js'), execArgv: [] };
  const tsxLoader = createRequire(path.join(projectRoot, 'package.json')).resolve('tsx');
  return { modulePath: path.join(projectRoot, 'src', 'demo-lms', 'cli.ts'), execArgv: ['--import', pathToFileURL(tsxLoader).href] };
}

/** `runningFile` is the entry's own __filename. */
export function locateAppFiles(runningFile: string): AppFiles {
  const projectRoot = findProjectRoot(path.dirname(runningFile));
  const runningFromSource = /\.[cm]?ts$/.test(runningFile);
  return {
    projectRoot,
    rendererDir: path.join(projectRoot, 'out', 'renderer'),
    bridgeScript: path.join(projectRoot, 'out', 'bridge', 'bridge.js'),
    demoLmsEntry: demoLmsEntryFor(projectRoot, runningFromSource),
    appVersion: readVersion(path.join(projectRoot, 'package.json')),
  };
}
