import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedApplier } from '../../../src/main/cache/apply-changes';
import { openCache } from '../../../src/main/cache/open-cache';
import { createQuarantineStore } from '../../../src/main/cache/quarantine';
import { createSyncStateStore } from '../../../src/main/cache/sync-state';
import { outboxEntry } from '../../../src/main/outbox/outbox-store';
import { recordTicketMessage } from '../../../src/main/outbox/ticket-writes';
import { forgetMirroredLms } from '../../../src/main/sync/forget-lms';
import { sample, upsert } from './sample-records';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('pointing the cache at another LMS', () => {
  it('drops the old records and cursor, and keeps unsent writes listed as not sent instead of sending them to the new LMS', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-forget-'));
    dirs.push(dir);
    const db = openCache({ dataDir: dir });
    try {
      const syncState = createSyncStateStore(db);
      const applier = createFeedApplier(db, { quarantine: createQuarantineStore(db), syncState, fingerprint: 'f', now: () => new Date() });
      applier.applyPage([upsert('ticket', sample.ticket()), upsert('learner', sample.learner()), upsert('attempt', { id: 'att-x' })], { cursor: 'c9', lmsId: 'https://old-lms.example' });
      const { writeId } = recordTicketMessage(db, { ticketId: 'tkt-1', body: 'Queued for the old LMS.', author: 'agent', authorId: null });

      expect(forgetMirroredLms(db, new Date())).toEqual({ unsent: 1 });

      for (const table of ['ticket', 'learner', 'message', 'quarantine', 'sync_state']) {
        expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
      }
      expect(db.prepare("SELECT count(*) AS n FROM ticket_fts WHERE ticket_fts MATCH 'incomplete'").get()).toEqual({ n: 0 });
      expect(syncState.read()).toMatchObject({ cursor: null, lmsId: null, firstSyncCompletedAt: null });
      expect(outboxEntry(db, writeId)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('another LMS') });
    } finally {
      db.close();
    }
  });
});
