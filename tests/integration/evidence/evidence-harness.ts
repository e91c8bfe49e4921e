// What the evidence integration tests share: a real cache (SQLite in a temp folder) filled
// with tickets, learners and attachments as the sync engine would write them; an LMS on
// 127.0.0.1 that serves chosen bytes for each attachment (honest or not); and the evidence
// service over both, with the real inspection worker and the real content-addressed store.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { createEventBroadcaster, type PassdeskEvent } from '../../../src/main/app/event-broadcaster';
import { upsertParams, upsertSql } from '../../../src/main/cache/entity-tables';
import { openCache } from '../../../src/main/cache/open-cache';
import { createEvidenceService, type EvidenceService } from '../../../src/main/evidence/evidence-service';
import type { OcrReader } from '../../../src/main/evidence/ocr-reader';
import type { EntityName, EntityRecord } from '../../../src/shared/lms/entities';
import type { Me } from '../../../src/shared/lms/api';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface Served {
  bytes: Buffer;
  /** The ETag to send; by default the sha256 of the bytes, as the demo LMS does. */
  etag?: string | null;
}

export interface Harness {
  db: Database;
  dataDir: string;
  service: EvidenceService;
  events: PassdeskEvent[];
  lmsUrl: string;
  serve(attachmentId: string, served: Served): void;
  put<E extends EntityName>(entity: E, record: EntityRecord<E>): void;
  setOnline(online: boolean): void;
  setUser(user: Me | null): void;
  close(): Promise<void>;
}

export const admin: Me = { id: 'agt_0001', name: 'Dana Whitfield', email: 'dana@lms.example', role: 'admin' };

export async function startHarness(options: { ocr?: OcrReader } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'passdesk-evidence-'));
  const db = openCache({ dataDir });
  const served = new Map<string, Served>();
  let online = true;
  const server: Server = createServer((req, res) => {
    const match = /^\/api\/v1\/attachments\/([^/]+)\/content$/.exec(req.url ?? '');
    const item = match?.[1] ? served.get(decodeURIComponent(match[1])) : undefined;
    if (!online || !item) {
      res.writeHead(online ? 404 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: online ? 'not_found' : 'unavailable', message: online ? 'no such attachment' : 'down for maintenance' } }));
      return;
    }
    const etag = item.etag === undefined ? sha256(item.bytes) : item.etag;
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': item.bytes.length, ...(etag ? { etag: `"${etag}"` } : {}) });
    res.end(item.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const lmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const senders = { ticketSender: () => null, agentSender: () => null };
  let seq = 0;
  let user: Me | null = admin;
  const broadcaster = createEventBroadcaster(() => undefined);
  const events: PassdeskEvent[] = [];
  broadcaster.subscribe((event) => events.push(event));
  const status = () => ({ lms: { mode: 'configured' as const, url: lmsUrl, online, checkedAt: null, error: null }, user });
  const service = createEvidenceService({
    db,
    dataDir,
    connection: { access: () => ({ url: lmsUrl, token: 'test-token', lmsId: lmsUrl }), status },
    clock: { now: () => new Date() },
    log: () => undefined,
    events: broadcaster,
    ...(options.ocr ? { ocr: options.ocr } : {}),
  });
  return {
    db,
    dataDir,
    service,
    events,
    lmsUrl,
    serve: (id, item) => served.set(id, item),
    put(entity, record) {
      seq += 1;
      db.prepare(upsertSql(entity)).run(...upsertParams(entity, record, JSON.stringify(record), seq, senders));
    },
    setOnline(value) {
      online = value;
      broadcaster.emit('status.changed', { ...status(), appVersion: 'test' });
    },
    setUser(value) {
      user = value;
    },
    async close() {
      await service.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A course, a module (passing at 80 %) and learners, as the feed would bring them. */
export function seedCatalog(h: Harness): void {
  h.put('category', { id: 'cat_1', name: 'Solar' });
  h.put('course', { id: 'crs_1', categoryId: 'cat_1', name: 'Solar Racking Basics', blueBucks: 50 });
  h.put('module', { id: 'mod_1', courseId: 'crs_1', name: 'Module 2: Installation and Code Compliance', passingScore: 80 });
  h.put('workplace', { id: 'wp_1', name: 'Sunrise Roofing' });
  h.put('learner', { id: 'lrn_1', name: 'Ana Lopez', email: 'ana@sunrise.example', workplaceId: 'wp_1' });
  h.put('learner', { id: 'lrn_2', name: 'Bo Chen', email: 'bo@sunrise.example', workplaceId: 'wp_1' });
  h.put('enrollment', { id: 'enr_1', learnerId: 'lrn_1', moduleId: 'mod_1', status: 'in_progress', completedAt: null, completionSource: null });
  h.put('attempt', {
    id: 'att_a1',
    learnerId: 'lrn_1',
    moduleId: 'mod_1',
    startedAt: '2026-03-14T13:10:00Z',
    lastDataAt: null,
    standard: 'scorm12',
    completionStatus: null,
    successStatus: null,
    scoreRaw: null,
    scoreMin: null,
    scoreMax: null,
    scoreScaled: null,
    sessionTime: null,
    suspendDataLength: 0,
    environment: { os: 'macOS 14', browser: 'Safari 17', userAgent: 'Mozilla/5.0' },
    errors: [],
    cmi: {},
  });
}

let messageNo = 0;

/** A ticket from `learnerId` (or an unknown address) with one message carrying `attachments`. */
export function ticketWith(h: Harness, ticketId: string, from: { learnerId: string | null; email: string }, attachments: Array<{ id: string; fileName: string; bytes: Buffer; size?: number; sha256?: string }>): void {
  h.put('ticket', {
    id: ticketId,
    subject: `Module not completing (${ticketId})`,
    fromEmail: from.email,
    learnerId: from.learnerId,
    moduleId: from.learnerId ? 'mod_1' : null,
    status: 'open',
    assigneeId: null,
    tags: ['screenshot'],
    createdAt: '2026-03-14T15:00:00Z',
    updatedAt: '2026-03-14T15:00:00Z',
    version: 1,
  });
  messageNo += 1;
  const messageId = `msg_${ticketId}_${messageNo}`;
  h.put('message', { id: messageId, ticketId, author: 'learner', authorId: null, body: 'Here is my screenshot.', createdAt: '2026-03-14T15:00:00Z' });
  for (const a of attachments) {
    h.put('attachment', { id: a.id, ticketId, messageId, fileName: a.fileName, contentType: 'image/png', size: a.size ?? a.bytes.length, sha256: a.sha256 ?? sha256(a.bytes) });
    h.serve(a.id, { bytes: a.bytes });
  }
}
