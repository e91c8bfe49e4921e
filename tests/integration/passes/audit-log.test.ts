// The audit log in a real cache file: entries can be appended only inside a transaction,
// SQLite itself refuses to change or remove one, and an edit made behind Passdesk's back
// (triggers dropped by hand) is caught by the chain check, at the entry that was changed.
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/main/cache/open-cache';
import { createAuditLog } from '../../../src/main/passes/audit-log';
import { auditCsv } from '../../../src/main/passes/audit-csv';
import { tempDir } from '../sync/engine-fixtures';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function logWith(entries: number) {
  const dir = tempDir('passdesk-audit-');
  const db = openCache({ dataDir: dir.dir });
  cleanups.push(() => dir.remove(), () => db.close());
  const audit = createAuditLog(db);
  db.transaction(() => {
    for (let i = 0; i < entries; i += 1) {
      audit.append({ at: new Date(Date.UTC(2026, 11, 1, 10, 0, i)), actor: { id: 'agt_demo_admin', name: 'Dana Whitfield' }, action: 'pass.requested', passId: `p${i}`, detail: `entry ${i}, with "quotes", commas` });
    }
  })();
  return { db, audit };
}

describe('the audit log in the cache', () => {
  it('refuses an entry written outside the transaction of its change', () => {
    const { audit } = logWith(0);
    expect(() => audit.append({ at: new Date(), actor: { id: 'a', name: 'A' }, action: 'x', passId: null, detail: '' })).toThrow(/transaction of the change it records/);
  });

  it('cannot be changed or shortened through SQL', () => {
    const { db, audit } = logWith(3);
    expect(() => db.prepare("UPDATE pass_audit SET detail = 'nothing happened' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM pass_audit WHERE seq = 3').run()).toThrow(/append-only/);
    expect(audit.check()).toEqual({ ok: true, entries: 3 });
  });

  it('shows an edit made with the triggers dropped, at the entry that was edited', () => {
    const { db, audit } = logWith(5);
    db.exec('DROP TRIGGER pass_audit_no_update');
    db.prepare("UPDATE pass_audit SET actor_name = 'Someone Else' WHERE seq = 3").run();
    expect(audit.check()).toMatchObject({ ok: false, brokenAt: 3, problem: expect.stringMatching(/changed after it was written/) });
  });

  it('exports every entry to CSV, in order, filtered by date', () => {
    const { audit } = logWith(4);
    const all = auditCsv(audit.between(null, null));
    expect(all.rows).toBe(4);
    expect(all.csv).toContain('"entry 2, with ""quotes"", commas"');
    expect(auditCsv(audit.between('2026-12-01T10:00:02', null)).rows).toBe(2);
  });
});
