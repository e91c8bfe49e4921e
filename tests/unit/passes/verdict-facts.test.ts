import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedApplier } from '../../../src/main/cache/apply-changes';
import { openCache } from '../../../src/main/cache/open-cache';
import { createQuarantineStore } from '../../../src/main/cache/quarantine';
import { createSyncStateStore } from '../../../src/main/cache/sync-state';
import { createVerdictFacts } from '../../../src/main/passes/verdict-facts';
import { sample, upsert } from '../sync/sample-records';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the module place the pass panel shows and checks', () => {
  it('follows a course whose $BlueBucks the feed changed, rather than the amount it first read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-facts-'));
    dirs.push(dir);
    const db = openCache({ dataDir: dir });
    try {
      const applier = createFeedApplier(db, { quarantine: createQuarantineStore(db), syncState: createSyncStateStore(db), fingerprint: 'rules-1', now: () => new Date() });
      applier.applyPage([upsert('category', sample.category()), upsert('course', sample.course()), upsert('module', sample.module())], {});
      const facts = createVerdictFacts(db);
      expect(facts.place('mod-1')?.course.blueBucks).toBe(50);

      applier.applyPage([upsert('course', { ...sample.course(), blueBucks: 75 })], {});
      expect(facts.place('mod-1')?.course.blueBucks).toBe(75);
    } finally {
      db.close();
    }
  });
});
