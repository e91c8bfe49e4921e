// The manual pass's own setting: how long a confirmed pass waits, cancellable, before it
// goes out. Kept in the cache's app_setting table under its own key; a value that does not
// parse (hand-edited, older build) reads as the default.
import type { Database } from 'better-sqlite3';
import { PassSettings, UNDO_WINDOW_DEFAULT_SECONDS } from '../../shared/channels/passes';

const KEY = 'passes.undoWindowSeconds';

export interface PassSettingsStore {
  get(): PassSettings;
  set(settings: PassSettings): PassSettings;
}

export function createPassSettings(db: Database): PassSettingsStore {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?');
  const upsert = db.prepare<[string, string]>('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    get() {
      const row = select.get(KEY);
      let seconds: unknown = UNDO_WINDOW_DEFAULT_SECONDS;
      try {
        if (row) seconds = JSON.parse(row.value);
      } catch {
        seconds = UNDO_WINDOW_DEFAULT_SECONDS;
      }
      const parsed = PassSettings.safeParse({ undoWindowSeconds: seconds });
      return parsed.success ? parsed.data : { undoWindowSeconds: UNDO_WINDOW_DEFAULT_SECONDS };
    },
    set(settings) {
      const checked = PassSettings.parse(settings);
      upsert.run(KEY, JSON.stringify(checked.undoWindowSeconds));
      return checked;
    },
  };
}
