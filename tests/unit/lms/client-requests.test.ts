// What the client puts on the wire: the path, query, headers and body the API documents, and
// nothing at all when an argument is one the LMS would refuse anyway.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLmsClient } from '../../../src/main/lms/client';
import { LmsError } from '../../../src/main/lms/lms-error';
import { sendJson, startFakeLms, type FakeLms } from './fake-lms';
import { me, ticket, TOKEN } from './fixtures';

let lms: FakeLms;
beforeAll(async () => {
  lms = await startFakeLms();
});
afterAll(async () => {
  await lms.close();
});
beforeEach(() => {
  lms.seen.length = 0;
});

const client = () => createLmsClient({ baseUrl: `${lms.url}/`, token: TOKEN });

async function refusal(promise: Promise<unknown>): Promise<LmsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LmsError);
  return error as LmsError;
}

describe('requests on the wire', () => {
  it('signs every request with the bearer token and asks for JSON under /api/v1', async () => {
    lms.answer((_q, res) => sendJson(res, 200, me));
    await expect(client().me()).resolves.toEqual(me);
    expect(lms.seen[0]).toMatchObject({ method: 'GET', url: '/api/v1/me' });
    expect(lms.seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(lms.seen[0]?.headers.accept).toBe('application/json');
  });

  it('pages the change feed with cursor and limit, and long-polls with the wait in milliseconds', async () => {
    const page = { changes: [{ seq: 7, entity: 'ticket', id: ticket.id, op: 'upsert', data: ticket }], cursor: 'c-7', hasMore: false };
    lms.answer((_q, res) => sendJson(res, 200, page));
    await expect(client().changes({ cursor: 'c-6', limit: 500 })).resolves.toEqual(page);
    await client().changes();
    await client().waitForChanges({ cursor: 'c-7', timeoutMs: 0 });
    expect(lms.seen.map((r) => r.url)).toEqual(['/api/v1/changes?cursor=c-6&limit=500', '/api/v1/changes', '/api/v1/changes/wait?cursor=c-7&timeout=0']);
  });

  it('posts a message with its idempotency key and JSON body', async () => {
    const message = { id: 'msg-1', ticketId: ticket.id, author: 'note', authorId: 'ag-0001', body: 'Checked the score data: 90%.', createdAt: '2026-12-01T10:00:00.000Z' };
    lms.answer((_q, res) => sendJson(res, 201, { message, ticket }));
    await expect(client().postMessage(ticket.id, { body: message.body, author: 'note' }, { idempotencyKey: 'msg-key-0001' })).resolves.toEqual({ message, ticket });
    const sent = lms.seen[0];
    expect(sent).toMatchObject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages` });
    expect(sent?.headers['idempotency-key']).toBe('msg-key-0001');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({ body: message.body, author: 'note' });
  });

  it('patches a ticket with If-Match set to the version it is based on', async () => {
    lms.answer((_q, res) => sendJson(res, 200, { ticket: { ...ticket, status: 'resolved', version: 5 } }));
    const updated = await client().patchTicket(ticket.id, { status: 'resolved' }, { ifMatch: 4, idempotencyKey: 'patch-key-0001' });
    expect(updated).toMatchObject({ status: 'resolved', version: 5 });
    expect(lms.seen[0]).toMatchObject({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}` });
    expect(lms.seen[0]?.headers['if-match']).toBe('4');
  });

  it('encodes ids in paths and queries, so an odd id cannot reach another endpoint', async () => {
    lms.answer((_q, res) => sendJson(res, 404, { error: { code: 'not_found', message: 'No such learner.' } }));
    await refusal(client().transcript('../tickets/t-1'));
    await refusal(client().enrollments({ learnerId: 'l 1&moduleId=x' }));
    expect(lms.seen.map((r) => r.url)).toEqual(['/api/v1/learners/..%2Ftickets%2Ft-1/transcript', '/api/v1/enrollments?learnerId=l+1%26moduleId%3Dx']);
  });

  it('keeps a path prefix in the configured URL', async () => {
    lms.answer((_q, res) => sendJson(res, 200, { agents: [] }));
    await createLmsClient({ baseUrl: `${lms.url}/support/api/v1`, token: TOKEN }).agents();
    expect(lms.seen[0]?.url).toBe('/support/api/v1/agents');
  });
});

describe('arguments the LMS would refuse are never sent', () => {
  it('an empty ticket change, a short idempotency key, a zero version and a too-long wait are refused by name', async () => {
    const c = client();
    const emptyPatch = await refusal(c.patchTicket(ticket.id, {}, { ifMatch: 4, idempotencyKey: 'patch-key-0001' }));
    expect(emptyPatch.message).toContain('Name at least one field to change');
    const shortKey = await refusal(c.createManualPass({ learnerId: 'l-1', moduleId: 'm-1', reason: 'Score 90', evidence: { kind: 'score_data' } }, { idempotencyKey: 'k' }));
    expect(shortKey.message).toContain('idempotencyKey');
    const badVersion = await refusal(c.patchTicket(ticket.id, { status: 'open' }, { ifMatch: 0, idempotencyKey: 'patch-key-0002' }));
    expect(badVersion.message).toContain('ifMatch');
    const longWait = await refusal(c.waitForChanges({ timeoutMs: 60_000 }));
    expect(longWait.message).toContain('timeoutMs');
    const blankReason = await refusal(c.createManualPass({ learnerId: 'l-1', moduleId: 'm-1', reason: '   ', evidence: { kind: 'screenshot' } }, { idempotencyKey: 'pass-key-0001' }));
    expect(blankReason.message).toContain('reason');
    for (const e of [emptyPatch, shortKey, badVersion, longWait, blankReason]) expect(e).toMatchObject({ kind: 'invalid_request', retryable: false });
    expect(lms.seen).toEqual([]);
  });
});

describe('attachment content', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]);
  const sha = createHash('sha256').update(png).digest('hex');

  it('returns the bytes, the stored content type and the sha256 ETag', async () => {
    lms.answer((_q, res) => {
      res.writeHead(200, { 'content-type': 'image/png', etag: `"${sha}"`, 'content-length': png.length }).end(png);
    });
    const content = await client().attachmentContent('att-1', { maxBytes: 1024 * 1024 });
    expect(content).toEqual({ bytes: png, contentType: 'image/png', etag: sha });
    expect(lms.seen[0]?.url).toBe('/api/v1/attachments/att-1/content');
  });

  it('refuses a file whose announced size is over the limit without reading it', async () => {
    lms.answer((_q, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png);
    });
    const e = await refusal(client().attachmentContent('att-1', { maxBytes: 1000 }));
    expect(e).toMatchObject({ kind: 'invalid_response', code: 'too_large', retryable: false });
    expect(e.message).toContain('at most 1000 bytes');
  });

  it('stops reading a file of unannounced size as soon as it passes the limit', async () => {
    const closed = lms.nextClose();
    lms.answer((_q, res) => {
      // The answer never ends: only a client that counts while streaming can refuse it.
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.write(Buffer.alloc(64 * 1024, 1));
      res.write(Buffer.alloc(64 * 1024, 2));
    });
    const e = await refusal(client().attachmentContent('att-2', { maxBytes: 100 * 1024 }));
    expect(e).toMatchObject({ kind: 'invalid_response', code: 'too_large' });
    await closed;
  });

  it('refuses bytes that do not match the sha256 ETag', async () => {
    lms.answer((_q, res) => {
      res.writeHead(200, { 'content-type': 'image/png', etag: `"${'0'.repeat(64)}"` }).end(png);
    });
    const e = await refusal(client().attachmentContent('att-1', { maxBytes: 1024 * 1024 }));
    expect(e).toMatchObject({ kind: 'invalid_response', code: 'checksum_mismatch' });
  });
});
