// The app's own settings, kept in the cache's app_setting table as JSON values. Each key
// has a schema; a value that no longer matches (hand-edited, older build) reads as unset
// instead of breaking the app.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { Role } from '../../shared/lms/entities';

const settingSchemas = {
  /** The LMS the user connected to in Settings; absent means the demo LMS. */
  'lms.url': z.string().url(),
  /** On the demo LMS, whom Passdesk signs in as. */
  'demo.role': Role,
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export interface SettingsStore {
  get<K extends SettingKey>(key: K): SettingValue<K> | null;
  set<K extends SettingKey>(key: K, value: SettingValue<K>): void;
  delete(key: SettingKey): void;
}

export function createSettingsStore(db: Database, log: (line: string) => void): SettingsStore {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare<[string]>('DELETE FROM app_setting WHERE key = ?');

  return {
    get(key) {
      const row = select.get(key);
      if (!row) return null;
      let json: unknown;
      try {
        json = JSON.parse(row.value);
      } catch {
        json = undefined;
      }
      const parsed = settingSchemas[key].safeParse(json);
      if (!parsed.success) {
        log(`[settings] ignoring the saved value of ${key}: it does not match what this version expects.`);
        return null;
      }
      return parsed.data as SettingValue<typeof key>;
    },
    set(key, value) {
      upsert.run(key, JSON.stringify(settingSchemas[key].parse(value)));
    },
    delete(key) {
      remove.run(key);
    },
  };
}
