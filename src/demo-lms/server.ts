// The demo LMS: a real HTTP server on 127.0.0.1 with its own SQLite database in a data folder,
// implementing the LMS Support API (src/shared/lms/api.ts). Passdesk starts it when no LMS is
// configured; tests start it in-process on a random port.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_BASE, FaultSpec } from '../shared/lms/api';
import { ChangeWaiters } from './feed/change-waiters';
import { decideFaults, noFaults, type FaultDecision } from './faults/fault-injector';
import { ApiError } from './http/api-error';
import { BearerTokens } from './http/bearer-tokens';
import { errorReply, type Reply } from './http/reply';
import { readRequestBody } from './http/request-body';
import { sendReply } from './http/send-reply';
import { apiRoutes } from './routes/api-routes';
import type { LmsState, RequestContext } from './routes/lms-context';
import { SeededRandom } from './seed/seeded-random';
import { DEMO_ADMIN_ID, DEMO_AGENT_ID } from './seed/people';
import type { SeedScale } from './seed/seed-scale';
import { AuditLog } from './store/audit-log';
import { BlobStore } from './store/blob-store';
import { openDemoDatabase } from './store/demo-database';
import { IdempotencyStore } from './store/idempotency-store';
import { RecordStore } from './store/record-store';

export interface DemoLmsOptions {
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  scale?: SeedScale;
  seed?: number;
  adminToken?: string;
  agentToken?: string;
  faults?: FaultSpec;
  /** Whether POST /__faults may change the faults at run time. */
  allowFaults?: boolean;
  log?: (line: string) => void;
  /** A better-sqlite3 binary built for this runtime (Electron passes its own). */
  nativeBinding?: string;
}

export interface DemoLms {
  /** http://127.0.0.1:<port> — the API is under /api/v1. */
  url: string;
  adminToken: string;
  agentToken: string;
  /** How long seeding took when this start created the database; null when it was reused. */
  seededInMs: number | null;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 1;

function newToken(role: string): string {
  return `demo-${role}-${randomBytes(24).toString('base64url')}`;
}

const noBodyMethods = new Set(['GET', 'HEAD', 'DELETE']);

export async function createDemoLms(options: DemoLmsOptions): Promise<DemoLms> {
  const log = options.log ?? (() => undefined);
  const opened = openDemoDatabase({
    dataDir: options.dataDir,
    scale: options.scale ?? 'small',
    seed: options.seed ?? DEFAULT_SEED,
    log,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const { db } = opened;
  const store = new RecordStore(db);
  const waiters = new ChangeWaiters(store);
  const lms: LmsState = {
    store,
    blobs: new BlobStore(db),
    idempotency: new IdempotencyStore(db),
    audit: new AuditLog(db),
    waiters,
    feedId: opened.feedId,
    sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
    now: () => new Date().toISOString(),
    newId: (prefix) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    faults: { spec: FaultSpec.parse(options.faults ?? {}), changeable: options.allowFaults === true },
  };
  const adminToken = options.adminToken ?? newToken('admin');
  const agentToken = options.agentToken ?? newToken('agent');
  if (adminToken === agentToken) throw new Error('The admin and agent tokens must differ, or the LMS cannot tell the two roles apart.');
  const tokens = new BearerTokens([
    { token: adminToken, agentId: DEMO_ADMIN_ID },
    { token: agentToken, agentId: DEMO_AGENT_ID },
  ]);
  const routes = apiRoutes();
  // Faults are drawn from their own stream so a test run with the same seed sees the same ones.
  const faultDice = new SeededRandom(options.seed ?? DEFAULT_SEED, 'faults');
  let closing = false;

  async function answer(req: IncomingMessage, res: ServerResponse, apiPath: string, query: URLSearchParams, faults: FaultDecision): Promise<Reply> {
    const method = (req.method ?? 'GET').toUpperCase();
    const agent = tokens.authenticate(req, (id) => store.get('agent', id));
    const found = routes.find(method, apiPath);
    if (found.kind === 'none') throw new ApiError(404, 'not_found', `There is no endpoint ${method} ${API_BASE}${apiPath}. The endpoints are listed in docs/lms-api.openapi.json.`);
    if (found.kind === 'wrong_method') {
      throw new ApiError(405, 'invalid_request', `${method} is not allowed on ${API_BASE}${apiPath}; use ${found.allowed.join(' or ')}.`, undefined, { allow: found.allowed.join(', ') });
    }
    const body = noBodyMethods.has(method) ? Buffer.alloc(0) : await readRequestBody(req);
    if (faults.error500) throw new ApiError(500, 'internal', 'The LMS failed (an injected fault) and did not apply the request; try again.');
    const aborted = new AbortController();
    res.once('close', () => aborted.abort());
    const ctx: RequestContext = { agent, method, apiPath, params: found.match.params, query, headers: req.headers, body, signal: aborted.signal };
    return found.match.handler(ctx, lms);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const underApi = url.pathname === API_BASE || url.pathname.startsWith(`${API_BASE}/`);
    const apiPath = underApi ? url.pathname.slice(API_BASE.length) || '/' : url.pathname;
    const faults = underApi ? decideFaults(lms.faults.spec, apiPath, () => faultDice.next()) : noFaults;
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.resetBefore) {
      req.socket.destroy();
      return;
    }
    let reply: Reply;
    try {
      if (!underApi) throw new ApiError(404, 'not_found', `Nothing is served at ${url.pathname}; the LMS Support API is under ${API_BASE}.`);
      if (closing) throw new ApiError(503, 'internal', 'The demo LMS is shutting down; try again when it is back.');
      reply = await answer(req, res, apiPath, url.searchParams, faults);
    } catch (error) {
      if (error instanceof ApiError) reply = errorReply(error);
      else {
        log(`Internal error on ${req.method} ${url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        reply = errorReply(new ApiError(500, 'internal', 'The LMS hit an unexpected error and did not finish the request; try again, and report it if it keeps happening.'));
      }
    }
    if (faults.resetAfter) {
      req.socket.destroy();
      return;
    }
    await sendReply(res, reply, faults.trickle);
    // A refused oversized body is left unread; closing the connection is cheaper than draining it.
    if (reply.headers.connection === 'close') res.once('finish', () => req.socket.destroy());
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`Could not answer ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy();
    });
  });
  // Long-polls hold a request open for up to 30 s; keep the server's own timeouts above that.
  server.requestTimeout = 120_000;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    waiters.close();
    db.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  log(`Demo LMS listening on ${url}${API_BASE} (data in ${options.dataDir}).`);

  let closed: Promise<void> | null = null;
  return {
    url,
    adminToken,
    agentToken,
    seededInMs: opened.seededInMs,
    close() {
      closed ??= (async () => {
        closing = true;
        // Waiting long-polls get their (empty) answer before the connections go.
        waiters.close();
        await new Promise((resolve) => setImmediate(resolve));
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 200).unref();
        await stopped;
        db.close();
      })();
      return closed;
    },
  };
}
