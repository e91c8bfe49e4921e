import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createChangeCounter } from '../../../src/main/cache/change-counter';
import { openCache, openCacheConnection } from '../../../src/main/cache/open-cache';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the cache change counter', () => {
  it('moves with this connection\'s writes and with commits from another connection (the first-sync writer), and only then', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-counter-'));
    dirs.push(dir);
    const main = openCache({ dataDir: dir });
    const writer = openCacheConnection(path.join(dir, 'cache.sqlite'));
    try {
      const counter = createChangeCounter(main);
      const start = counter.read();
      main.prepare('SELECT count(*) FROM ticket').get();
      expect(counter.read()).toBe(start);

      writer.prepare("INSERT INTO category (id, name, data, seq) VALUES ('cat-1', 'Allegion Door Hardware', '{}', 1)").run();
      const afterWriter = counter.read();
      expect(afterWriter).not.toBe(start);

      main.prepare("UPDATE category SET name = 'Schlage' WHERE id = 'cat-1'").run();
      expect(counter.read()).not.toBe(afterWriter);
    } finally {
      writer.close();
      main.close();
    }
  });

  it('refuses a second connection to a cache whose schema is not the one this code was built for', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-counter-'));
    dirs.push(dir);
    const main = openCache({ dataDir: dir, migrations: [] });
    main.close();
    expect(() => openCacheConnection(path.join(dir, 'cache.sqlite'))).toThrow(/schema version 0, not \d+; only the process that migrates it may write to it/);
  });
});
