import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheMigrations } from '../../../src/main/cache/migrations';
import { openCache } from '../../../src/main/cache/open-cache';
import { enqueueWrite } from '../../../src/main/outbox/outbox-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migration 5 (outbox rebuilt for dismissed writes)', () => {
  it('keeps every write of a cache made by the version before, in order, marks those left by an LMS switch, and never reuses a position', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-migrate-outbox-'));
    dirs.push(dir);
    const before = openCache({ dataDir: dir, migrations: cacheMigrations.filter((m) => m.version < 5) });
    const add = (id: string, state: string, lastError: string | null) => {
      before.transaction(() => enqueueWrite(before, { id, kind: 'ticket.message', entity: 'ticket', entityId: 'tkt-1', payload: { n: id } }))();
      before.prepare('UPDATE outbox SET state = ?, last_error = ? WHERE id = ?').run(state, lastError, id);
    };
    add('write-0001', 'confirmed', null);
    add('write-0002', 'failed', 'Not sent: Passdesk was switched to another LMS before this write went out.');
    add('write-0003', 'failed', 'The LMS refused the reply (400 invalid_request).');
    add('write-0004', 'queued', null);
    // The last write was withdrawn: its position must not be handed out again.
    before.prepare("DELETE FROM outbox WHERE id = 'write-0004'").run();
    before.close();

    const after = openCache({ dataDir: dir });
    try {
      const rows = after.prepare('SELECT position, id, state, last_error, for_previous_lms FROM outbox ORDER BY position').all();
      expect(rows).toEqual([
        { position: 1, id: 'write-0001', state: 'confirmed', last_error: null, for_previous_lms: 0 },
        { position: 2, id: 'write-0002', state: 'failed', last_error: 'Not sent: Passdesk was switched to another LMS before this write went out.', for_previous_lms: 1 },
        { position: 3, id: 'write-0003', state: 'failed', last_error: 'The LMS refused the reply (400 invalid_request).', for_previous_lms: 0 },
      ]);
      const next = after.transaction(() => enqueueWrite(after, { id: 'write-0005', kind: 'ticket.message', entity: 'ticket', entityId: 'tkt-1', payload: {} }))();
      expect(next.position).toBe(5);
      after.prepare("UPDATE outbox SET state = 'dismissed' WHERE id = 'write-0003'").run();
      expect(() => after.prepare("UPDATE outbox SET state = 'lost' WHERE id = 'write-0003'").run()).toThrow(/CHECK constraint/);
    } finally {
      after.close();
    }
  });
});
