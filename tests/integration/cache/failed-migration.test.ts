// A migration that fails halfway leaves the cache usable at the previous version, with an
// error that names the failed migration — on a real SQLite file, reopened afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/main/cache/open-cache';
import { MigrationError, schemaVersion, type Migration } from '../../../src/main/cache/migrate';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'passdesk-migrate-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const tickets: Migration = {
  version: 1,
  name: 'tickets',
  up(db) {
    db.exec('CREATE TABLE ticket (id TEXT PRIMARY KEY, subject TEXT NOT NULL) STRICT');
  },
};
/** Creates a table and changes data, then fails: every part of it must roll back. */
const brokenTags: Migration = {
  version: 2,
  name: 'ticket tags',
  up(db) {
    db.exec('CREATE TABLE ticket_tag (ticket_id TEXT NOT NULL REFERENCES ticket(id), tag TEXT NOT NULL) STRICT');
    db.exec("UPDATE ticket SET subject = 'rewritten by a half-applied migration'");
    db.exec("INSERT INTO ticket_tag (ticket_id, tag) VALUES ('t1', 'completion')");
    db.exec('ALTER TABLE ticket ADD COLUMN subject TEXT'); // duplicate column: fails here
  },
};
const fixedTags: Migration = {
  version: 2,
  name: 'ticket tags',
  up(db) {
    db.exec('CREATE TABLE ticket_tag (ticket_id TEXT NOT NULL REFERENCES ticket(id), tag TEXT NOT NULL) STRICT');
  },
};

describe('a migration that fails halfway', () => {
  it('leaves the cache at the previous version, intact, and names the migration', () => {
    const first = openCache({ dataDir, migrations: [tickets] });
    first.prepare('INSERT INTO ticket (id, subject) VALUES (?, ?)').run('t1', 'Fire-Rated Door Hardware module 2 still says incomplete');
    first.close();

    let thrown: unknown;
    try {
      openCache({ dataDir, migrations: [tickets, brokenTags] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MigrationError);
    const message = (thrown as Error).message;
    expect(message).toContain('Migration 2 (ticket tags) failed');
    expect(message).toContain('stays at version 1');
    expect(message).toMatch(/duplicate column/i);

    const reopened = openCache({ dataDir, migrations: [tickets] });
    try {
      expect(schemaVersion(reopened)).toBe(1);
      expect(reopened.prepare('SELECT subject FROM ticket WHERE id = ?').get('t1')).toEqual({ subject: 'Fire-Rated Door Hardware module 2 still says incomplete' });
      expect(reopened.prepare("SELECT name FROM sqlite_master WHERE name = 'ticket_tag'").get()).toBeUndefined();
      // Usable: it takes writes at the old version.
      reopened.prepare('INSERT INTO ticket (id, subject) VALUES (?, ?)').run('t2', 'Got 90% but no credit');
      expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      reopened.close();
    }

    const repaired = openCache({ dataDir, migrations: [tickets, fixedTags] });
    try {
      expect(schemaVersion(repaired)).toBe(2);
      expect(repaired.prepare('SELECT count(*) AS n FROM ticket').get()).toEqual({ n: 2 });
    } finally {
      repaired.close();
    }
  });

  it('refuses a cache written by a newer Passdesk instead of guessing', () => {
    openCache({ dataDir, migrations: [tickets, fixedTags] }).close();
    expect(() => openCache({ dataDir, migrations: [tickets] })).toThrow(/newer Passdesk \(schema 2; this version knows 1\)/);
  });
});
