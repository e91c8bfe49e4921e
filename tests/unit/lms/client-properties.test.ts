// Whatever an LMS (or something pretending to be one) sends back, the client answers with a
// typed LmsError of a predictable kind — never a stray TypeError or SyntaxError that would
// crash a sync loop.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLmsClient } from '../../../src/main/lms/client';
import { LmsError } from '../../../src/main/lms/lms-error';
import { Me, ReceivedChangesPage } from '../../../src/shared/lms/api';
import { sendJson, startFakeLms, type FakeLms } from './fake-lms';
import { me, TOKEN } from './fixtures';

let lms: FakeLms;
beforeAll(async () => {
  lms = await startFakeLms();
});
afterAll(async () => {
  await lms.close();
});

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Me-shaped records with one field broken, the near misses a schema check exists for. */
const nearMissMe = fc.oneof(
  fc.record({ field: fc.constantFrom('id', 'name', 'email', 'role'), value: fc.jsonValue() }).map(({ field, value }) => ({ ...me, [field]: value })),
  fc.constantFrom('id', 'name', 'email', 'role').map((field) => Object.fromEntries(Object.entries(me).filter(([k]) => k !== field))),
);

describe('answers that do not match the schema', () => {
  it('any JSON that is not a valid /me answer is an invalid_response, never another kind of error', async () => {
    const client = createLmsClient({ baseUrl: lms.url, token: TOKEN });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), nearMissMe).filter((v) => !Me.safeParse(v).success), async (body) => {
        lms.answer((_q, res) => sendJson(res, 200, body));
        const error = await errorOf(client.me());
        expect(error).toBeInstanceOf(LmsError);
        expect(error).toMatchObject({ kind: 'invalid_response', code: 'schema_mismatch', retryable: false });
      }),
      { numRuns: 150 },
    );
  });

  it('any change-feed page whose own fields fail the schema is refused with the failing field named', async () => {
    const client = createLmsClient({ baseUrl: lms.url, token: TOKEN });
    const brokenPage = fc.record({
      changes: fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.string(), fc.constant(null), fc.dictionary(fc.string(), fc.integer())),
      cursor: fc.oneof(fc.string({ maxLength: 200 }), fc.integer(), fc.string({ minLength: 201, maxLength: 220 })),
      hasMore: fc.oneof(fc.boolean(), fc.constant('yes')),
      totals: fc.oneof(fc.constant(undefined), fc.record({ ticket: fc.oneof(fc.nat(), fc.integer({ max: -1 }), fc.string()) }), fc.record({ widget: fc.nat() })),
    });
    await fc.assert(
      fc.asyncProperty(brokenPage.filter((v) => !ReceivedChangesPage.safeParse(v).success), async (body) => {
        lms.answer((_q, res) => sendJson(res, 200, body));
        const error = await errorOf(client.changes({ limit: 10 }));
        expect(error).toMatchObject({ kind: 'invalid_response', code: 'schema_mismatch' });
        expect((error as LmsError).message).toMatch(/changes|cursor|hasMore|totals/);
      }),
      { numRuns: 60 },
    );
  });

  it('a sound page with broken changes in it is passed on whole: the cache quarantines each broken change on its own', async () => {
    const client = createLmsClient({ baseUrl: lms.url, token: TOKEN });
    const brokenChanges = fc.array(
      fc.oneof(fc.record({ seq: fc.oneof(fc.integer({ max: 0 }), fc.string()), entity: fc.string(), id: fc.string(), op: fc.string() }), fc.jsonValue()),
      { minLength: 1, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(brokenChanges, fc.string({ maxLength: 200 }), fc.boolean(), async (changes, cursor, hasMore) => {
        lms.answer((_q, res) => sendJson(res, 200, { changes, cursor, hasMore }));
        const page = await client.changes({ limit: 10 });
        expect(page).toEqual(JSON.parse(JSON.stringify({ changes, cursor, hasMore })));
      }),
      { numRuns: 60 },
    );
  });

  it('any body that is not JSON at all is an invalid_response saying so', async () => {
    const client = createLmsClient({ baseUrl: lms.url, token: TOKEN });
    const notJson = fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)).filter((b) => {
      try {
        JSON.parse(b.toString('utf8'));
        return false;
      } catch {
        return true;
      }
    });
    await fc.assert(
      fc.asyncProperty(notJson, async (bytes) => {
        lms.answer((_q, res) => {
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
        });
        const error = await errorOf(client.me());
        expect(error).toMatchObject({ kind: 'invalid_response', code: 'not_json', retryable: false });
      }),
      { numRuns: 100 },
    );
  });
});

describe('error statuses', () => {
  // 407 is left out: fetch turns a proxy's 407 into a network error by specification.
  it('every 4xx is an http error (retryable only for 429) and every 5xx a retryable server error, whatever the body', async () => {
    const client = createLmsClient({ baseUrl: lms.url, token: TOKEN });
    const body = fc.oneof(
      fc.record({ error: fc.record({ code: fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/), message: fc.string({ minLength: 1 }) }) }).map((b) => JSON.stringify(b)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 400, max: 599 }).filter((s) => s !== 407), body, async (status, text) => {
        lms.answer((_q, res) => {
          res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
        });
        const error = await errorOf(client.agents());
        expect(error).toBeInstanceOf(LmsError);
        const e = error as LmsError;
        expect(e.status).toBe(status);
        if (status >= 500) expect(e).toMatchObject({ kind: 'server', retryable: true });
        else expect(e).toMatchObject({ kind: 'http', retryable: status === 429 });
        expect(e.message).not.toContain(TOKEN);
        expect(e.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 150 },
    );
  });
});
