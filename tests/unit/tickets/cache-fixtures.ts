// A small cache for the inbox's queries: real SQLite with the real schema, filled through the
// real feed applier (so triggers and full-text indexes are the app's), with records a test
// can reason about.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { createFeedApplier } from '../../../src/main/cache/apply-changes';
import { openCache } from '../../../src/main/cache/open-cache';
import { createQuarantineStore } from '../../../src/main/cache/quarantine';
import { createSyncStateStore } from '../../../src/main/cache/sync-state';
import type { Change } from '../../../src/shared/lms/api';
import type { Attachment, EntityName, EntityRecord, Message, Ticket } from '../../../src/shared/lms/entities';

export interface TestCache {
  db: Database;
  apply<E extends EntityName>(entity: E, records: readonly EntityRecord<E>[]): void;
  close(): void;
}

let seq = 0;

export function openTestCache(): TestCache {
  const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-inbox-unit-'));
  const db = openCache({ dataDir: dir });
  const applier = createFeedApplier(db, { quarantine: createQuarantineStore(db), syncState: createSyncStateStore(db), fingerprint: 'test', now: () => new Date('2026-11-30T17:00:00Z') });
  return {
    db,
    apply(entity, records) {
      const changes: Change[] = records.map((data) => ({ seq: (seq += 1), entity, id: data.id, op: 'upsert', data }));
      applier.applyPage(changes, { cursor: `c${seq}` });
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();

export function ticket(id: string, fields: Partial<Ticket> = {}): Ticket {
  return {
    id,
    subject: `Subject of ${id}`,
    fromEmail: `${id}@example.com`,
    learnerId: null,
    moduleId: null,
    status: 'new',
    assigneeId: null,
    tags: [],
    createdAt: at(1),
    updatedAt: at(1),
    version: 1,
    ...fields,
  };
}

export function message(id: string, ticketId: string, body: string, fields: Partial<Message> = {}): Message {
  return { id, ticketId, author: 'learner', authorId: null, body, createdAt: at(1), ...fields };
}

export function attachment(id: string, ticketId: string, messageId: string, contentType = 'image/png'): Attachment {
  return { id, ticketId, messageId, fileName: `${id}.png`, contentType, size: 1234, sha256: 'a'.repeat(64) };
}

/** A small catalog: two categories, three courses, modules numbered like the LMS's. */
export function seedCatalog(cache: TestCache): void {
  cache.apply('category', [
    { id: 'cat_1', name: 'Northgate Door Hardware' },
    { id: 'cat_2', name: 'Summit HVAC' },
  ]);
  cache.apply('course', [
    { id: 'crs_1', categoryId: 'cat_1', name: 'Door Closers', blueBucks: 10 },
    { id: 'crs_2', categoryId: 'cat_1', name: 'Exit Devices Essentials', blueBucks: 0 },
    { id: 'crs_3', categoryId: 'cat_2', name: 'Ductless Mini-Split Systems', blueBucks: 25 },
  ]);
  cache.apply('module', [
    { id: 'mod_11', courseId: 'crs_1', name: 'Module 1: Product Overview', passingScore: 80 },
    { id: 'mod_12', courseId: 'crs_1', name: 'Module 2: Field Adjustments', passingScore: 80 },
    { id: 'mod_21', courseId: 'crs_2', name: 'Module 1: Product Overview', passingScore: 75 },
    { id: 'mod_31', courseId: 'crs_3', name: 'Module 1: System Overview', passingScore: 70 },
  ]);
  cache.apply('agent', [
    { id: 'agt_me', name: 'Marcus Bell', email: 'marcus@lms.test', role: 'agent' },
    { id: 'agt_other', name: 'Priya Raman', email: 'priya@lms.test', role: 'agent' },
  ]);
  cache.apply('workplace', [{ id: 'wp_1', name: 'Cross Creek Exteriors' }]);
  cache.apply('learner', [
    { id: 'lrn_1', name: 'Maria Lopez', email: 'maria@crosscreek.test', workplaceId: 'wp_1' },
    { id: 'lrn_2', name: 'José Müller', email: 'jose@crosscreek.test', workplaceId: 'wp_1' },
  ]);
}

export function closeAll(caches: TestCache[]): void {
  for (const c of caches.splice(0)) c.close();
}
