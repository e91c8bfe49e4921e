// The shared state digest: the same records in any order and any key order digest the same;
// any change to a record changes it.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, createEntityDigester, digestRecords } from '../../../src/shared/lms/state-digest';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const record = fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), value: fc.jsonValue(), tags: fc.array(fc.string(), { maxLength: 3 }) });
const distinctRecords = fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 40 });

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

describe('state digest', () => {
  it('does not depend on record order or key order', () => {
    fc.assert(
      fc.property(distinctRecords, (records) => {
        const shuffled = [...records].reverse().map((r) => reverseKeys(r) as { id: string });
        expect(digestRecords(shuffled, sha256)).toEqual(digestRecords(records, sha256));
      }),
    );
  });

  it('changes when any record changes, and counts records', () => {
    fc.assert(
      fc.property(distinctRecords.filter((r) => r.length > 0), fc.nat(), (records, pick) => {
        const i = pick % records.length;
        const changed = records.map((r, n) => (n === i ? { ...r, tags: [...r.tags, 'changed'] } : r));
        const before = digestRecords(records, sha256);
        expect(before.count).toBe(records.length);
        expect(digestRecords(changed, sha256).checksum).not.toBe(before.checksum);
      }),
    );
  });

  it('writes canonical JSON with sorted keys and no undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('refuses records streamed out of id order', () => {
    const digester = createEntityDigester(sha256);
    digester.add({ id: 'b' });
    expect(() => digester.add({ id: 'a' })).toThrow(/ascending id order/);
  });
});
