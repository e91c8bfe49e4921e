// Starts a real demo LMS in a temporary folder and talks to it over HTTP, as Passdesk does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_BASE } from '../../../src/shared/lms/api';
import { createDemoLms, type DemoLms, type DemoLmsOptions } from '../../../src/demo-lms/server';

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface Harness {
  lms: DemoLms;
  dataDir: string;
  call(method: string, apiPath: string, options?: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<Answer>;
  admin(method: string, apiPath: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  agent(method: string, apiPath: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  stop(): Promise<void>;
}

function parseJsonOrNull(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

export async function startDemoLms(options: Partial<DemoLmsOptions> = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'passdesk-demo-lms-'));
  const lms = await createDemoLms({ scale: 'small', seed: 1, ...options, dataDir });
  const call: Harness['call'] = async (method, apiPath, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? lms.adminToken}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${lms.url}${API_BASE}${apiPath}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: parseJsonOrNull(text), text };
  };
  return {
    lms,
    dataDir,
    call,
    admin: (method, apiPath, body, headers) => call(method, apiPath, { token: lms.adminToken, body, ...(headers ? { headers } : {}) }),
    agent: (method, apiPath, body, headers) => call(method, apiPath, { token: lms.agentToken, body, ...(headers ? { headers } : {}) }),
    async stop() {
      await lms.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads the whole change feed from the beginning (or a cursor) into a map per entity. */
export async function readWholeFeed(h: Harness, cursor?: string, limit = 5000): Promise<{ records: Map<string, unknown>; cursor: string; pages: number }> {
  const records = new Map<string, unknown>();
  let next = cursor;
  let pages = 0;
  for (;;) {
    const q = new URLSearchParams({ limit: String(limit) });
    if (next) q.set('cursor', next);
    const page = await h.admin('GET', `/changes?${q}`);
    if (page.status !== 200) throw new Error(`GET /changes answered ${page.status}: ${page.text}`);
    const body = page.body as { changes: { entity: string; id: string; data: unknown }[]; cursor: string; hasMore: boolean };
    pages += 1;
    for (const c of body.changes) records.set(`${c.entity}:${c.id}`, c.data);
    next = body.cursor;
    if (!body.hasMore) return { records, cursor: body.cursor, pages };
  }
}
