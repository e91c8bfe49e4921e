// The app's settings in the cache's app_setting table: typed values, and a value this
// version cannot read counts as unset rather than breaking the app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/main/cache/open-cache';
import { createSettingsStore } from '../../../src/main/app/settings-store';

let dataDir: string;
let db: Database;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'passdesk-settings-'));
  db = openCache({ dataDir });
});
afterEach(() => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('app settings', () => {
  it('keeps values across reopening the cache', () => {
    const settings = createSettingsStore(db, () => undefined);
    settings.set('lms.url', 'https://lms.example.com');
    settings.set('demo.role', 'agent');
    db.close();
    db = openCache({ dataDir });
    const again = createSettingsStore(db, () => undefined);
    expect(again.get('lms.url')).toBe('https://lms.example.com');
    expect(again.get('demo.role')).toBe('agent');
    again.delete('lms.url');
    expect(again.get('lms.url')).toBeNull();
  });

  it('reads a damaged or outdated value as unset and says so in the log', () => {
    const lines: string[] = [];
    const settings = createSettingsStore(db, (line) => lines.push(line));
    db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?)').run('demo.role', JSON.stringify('superuser'));
    db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?)').run('lms.url', '{not json');
    expect(settings.get('demo.role')).toBeNull();
    expect(settings.get('lms.url')).toBeNull();
    expect(lines.join('\n')).toMatch(/demo\.role[\s\S]*lms\.url/);
  });

  it('refuses to save a value of the wrong shape', () => {
    const settings = createSettingsStore(db, () => undefined);
    expect(() => settings.set('demo.role', 'owner' as never)).toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM app_setting').get()).toEqual({ n: 0 });
  });
});
