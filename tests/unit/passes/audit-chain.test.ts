// The audit log's chain: each entry's hash follows from the one before, so any change,
// removal or reordering shows at the first entry it touches — and the CSV export keeps
// every field, quoting what needs quoting and defusing what a spreadsheet would run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, verifyChain, type AuditFields, type ChainedEntry } from '../../../src/main/passes/audit-chain';
import { auditCsv, csvCell } from '../../../src/main/passes/audit-csv';

function chain(fields: Array<Omit<AuditFields, 'seq'>>): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  for (const [i, f] of fields.entries()) {
    const prevHash = out[i - 1]?.hash ?? GENESIS_HASH;
    const entry = { ...f, seq: i + 1 };
    out.push({ ...entry, prevHash, hash: entryHash(prevHash, entry) });
  }
  return out;
}

const field = fc.record({
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  actorId: fc.string({ minLength: 1, maxLength: 12 }),
  actorName: fc.string({ maxLength: 20 }),
  action: fc.constantFrom('pass.requested', 'pass.claimed', 'pass.confirmed', 'pass.verified', 'pass.cancelled'),
  passId: fc.option(fc.uuid(), { nil: null }),
  detail: fc.string({ maxLength: 80 }),
});

describe('the audit chain', () => {
  it('holds for any entries written in order', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 30 }), (fields) => {
        expect(verifyChain(chain(fields))).toEqual({ ok: true, entries: fields.length });
      }),
    );
  });

  it('breaks at the entry whose contents were changed', () => {
    fc.assert(
      fc.property(fc.array(field, { minLength: 2, maxLength: 20 }), fc.nat(), fc.string({ minLength: 1, maxLength: 10 }), (fields, at, extra) => {
        const entries = chain(fields);
        const i = at % entries.length;
        const tampered = entries.map((e, j) => (j === i ? { ...e, detail: `${e.detail}${extra}` } : e));
        expect(verifyChain(tampered)).toMatchObject({ ok: false, brokenAt: i + 1 });
      }),
    );
  });

  it('breaks where an entry was removed, in the middle or at the start', () => {
    const entries = chain([
      { at: '2026-12-01T10:00:00.000Z', actorId: 'agt_1', actorName: 'Dana', action: 'pass.requested', passId: 'p1', detail: 'a' },
      { at: '2026-12-01T10:00:10.000Z', actorId: 'passdesk', actorName: 'Passdesk', action: 'pass.claimed', passId: 'p1', detail: 'b' },
      { at: '2026-12-01T10:00:11.000Z', actorId: 'passdesk', actorName: 'Passdesk', action: 'pass.confirmed', passId: 'p1', detail: 'c' },
    ]);
    expect(verifyChain([entries[0]!, entries[2]!])).toMatchObject({ ok: false, brokenAt: 3, problem: expect.stringMatching(/Entries 2–2 are missing/) });
    expect(verifyChain([entries[1]!, entries[2]!])).toMatchObject({ ok: false, brokenAt: 2, problem: expect.stringMatching(/entries before it are missing/) });
  });

  it('breaks when two entries swap places', () => {
    const entries = chain([
      { at: '2026-12-01T10:00:00.000Z', actorId: 'a', actorName: 'A', action: 'pass.requested', passId: 'p1', detail: 'one' },
      { at: '2026-12-01T10:00:01.000Z', actorId: 'a', actorName: 'A', action: 'pass.cancelled', passId: 'p1', detail: 'two' },
    ]);
    expect(verifyChain([entries[1]!, entries[0]!]).ok).toBe(false);
  });
});

describe('the CSV export', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(null)).toBe('');
  });

  it('writes one row per entry after the header, every field recoverable', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 10 }), (fields) => {
        const entries = chain(fields);
        const { csv, rows } = auditCsv(entries);
        expect(rows).toBe(entries.length);
        expect(csv.startsWith('seq,at,actor_id,actor_name,action,pass_id,detail,prev_hash,hash\r\n')).toBe(true);
        for (const e of entries) expect(csv).toContain(e.hash);
      }),
    );
  });
});
