// Property: whatever the renderer sends that does not match a channel's input schema is
// refused by the dispatcher with invalid_payload and a message naming the field — for every
// channel, query or command — and nothing is written, signed in or announced.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, channels, isChannel, type Channel } from '../../../src/shared/contract';
import { createPassdesk, type Passdesk } from '../../../src/main/app/create-passdesk';
import { createSecretFileStore, plainFileCipher } from '../../../src/main/app/secret-store';
import { LmsError } from '../../../src/main/lms/lms-error';
import type { PassdeskEvent } from '../../../src/main/app/event-broadcaster';

let dataDir: string;
let passdesk: Passdesk;
let signIns = 0;
const heard: PassdeskEvent[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'passdesk-contract-'));
  const secrets = createSecretFileStore(path.join(dataDir, 'secrets.json'), plainFileCipher);
  secrets.set('lms.token', 'saved-token');
  passdesk = createPassdesk({
    dataDir,
    lms: { url: 'http://127.0.0.1:9', token: 'launch-token' },
    secrets,
    demoLmsEntry: { modulePath: '/nonexistent/demo-lms.js', execArgv: [] },
    log: () => undefined,
    appVersion: '0.0.0-test',
    // An LMS that never answers: the payload checks must not depend on it.
    signIn: () => ({
      me: () => {
        signIns += 1;
        return Promise.reject(new LmsError({ kind: 'network', code: 'ECONNREFUSED', message: 'The LMS at http://127.0.0.1:9 refused the connection.' }));
      },
    }),
  });
  await passdesk.firstCheck;
  passdesk.subscribe((event) => heard.push(event));
});

afterAll(async () => {
  await passdesk.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Everything that could have been written by a handler. */
function snapshot(): string {
  const db = new BetterSqlite3(path.join(dataDir, 'cache.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT key, value FROM app_setting ORDER BY key').all();
    const secrets = existsSync(path.join(dataDir, 'secrets.json')) ? readFileSync(path.join(dataDir, 'secrets.json'), 'utf8') : '';
    return JSON.stringify({ rows, secrets, signIns });
  } finally {
    db.close();
  }
}

/** Wrong-shaped payloads for a schema: any value at all, and objects using the schema's own field names with arbitrary values. */
function wrongPayloads(schema: z.ZodType): fc.Arbitrary<unknown> {
  const fieldNames = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const keys = fieldNames.length ? fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 12 })) : fc.string({ maxLength: 12 });
  const objects = fc.dictionary(keys, fc.anything(), { maxKeys: 5 });
  const nearMisses = fieldNames.length ? fc.record(Object.fromEntries(fieldNames.map((f) => [f, fc.anything()]))) : objects;
  return fc.oneof(fc.anything(), objects, nearMisses).filter((value) => !schema.safeParse(value).success);
}

function firstIssuePath(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failing payload');
  const first = result.error.issues[0];
  return first && first.path.length ? first.path.map(String).join('.') : '(whole payload)';
}

describe('the dispatcher refuses payloads of the wrong shape', () => {
  it('covers both kinds of channel: queries and commands', () => {
    const kinds = new Set(channelNames.map((c) => channels[c].kind));
    expect(kinds).toEqual(new Set(['query', 'command']));
  });

  for (const channel of channelNames) {
    it(`${channel} (${channels[channel].kind}) refuses wrong payloads, names the field and changes nothing`, async () => {
      const before = snapshot();
      const heardBefore = heard.length;
      await fc.assert(
        fc.asyncProperty(wrongPayloads(channels[channel].input), async (payload) => {
          const result = await passdesk.dispatcher.dispatch(channel, payload);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.error.code).toBe('invalid_payload');
          expect(result.error.message).toContain(channel);
          expect(result.error.message).toContain(firstIssuePath(channels[channel].input, payload));
          expect(result.error.issues?.length).toBeGreaterThan(0);
        }),
        { numRuns: 150 },
      );
      expect(snapshot()).toBe(before);
      expect(heard.length).toBe(heardBefore);
    });
  }

  it('names the offending field for a command payload with one bad field', async () => {
    const result = await passdesk.dispatcher.dispatch('settings.connectLms', { url: 'ftp://lms.example.com', token: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    if (!result.ok) expect(result.error.message).toMatch(/url: The LMS URL must start with http:\/\/ or https:\/\//);
  });

  it('refuses channels that are not in the contract', async () => {
    const before = snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.anything()).filter((name) => !isChannel(name)),
        fc.anything(),
        async (name, payload) => {
          const result = await passdesk.dispatcher.dispatch(name, payload);
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
        },
      ),
      { numRuns: 200 },
    );
    // Inherited object keys are not channels either.
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(await passdesk.dispatcher.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(snapshot()).toBe(before);
  });

  it('still answers a well-formed call after all of that', async () => {
    const result = await passdesk.dispatcher.dispatch('app.ping' satisfies Channel, {});
    expect(result).toMatchObject({ ok: true, value: { at: expect.any(Number) } });
  });
});
