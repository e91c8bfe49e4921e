// Every way a request to the LMS can fail, over a real socket, must arrive as an LmsError of
// the right kind with a message a support person can act on — and never with the token in it.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const client = (timeoutMs = 15_000) => createLmsClient({ baseUrl: lms.url, token: TOKEN, timeoutMs });

async function failure(promise: Promise<unknown>): Promise<LmsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LmsError);
    const e = error as LmsError;
    // Whatever happened, the token must not be in anything a log or a screen could show.
    expect(e.message).not.toContain(TOKEN);
    expect(JSON.stringify(e)).not.toContain(TOKEN);
    expect(inspect(e, { depth: 10 })).not.toContain(TOKEN);
    return e;
  }
  throw new Error('expected the request to fail');
}

describe('LMS answers with an error status', () => {
  it('500 with an error body is a retryable server error that quotes the LMS', async () => {
    lms.answer((_q, res) => sendJson(res, 500, { error: { code: 'internal', message: 'The database is locked.' } }));
    const e = await failure(client().me());
    expect(e).toMatchObject({ kind: 'server', status: 500, code: 'internal', retryable: true, serverMessage: 'The database is locked.' });
    expect(e.message).toContain(lms.url);
    expect(e.message).toContain('The database is locked');
    expect(e.message).toContain('will try again');
  });

  it('502 from a proxy without a JSON body is still a server error', async () => {
    lms.answer((_q, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
    });
    const e = await failure(client().agents());
    expect(e).toMatchObject({ kind: 'server', status: 502, code: 'http_502', retryable: true });
  });

  it('404 with an error body is final and carries the LMS code and sentence', async () => {
    lms.answer((_q, res) => sendJson(res, 404, { error: { code: 'not_found', message: 'There is no ticket t-999.' } }));
    const e = await failure(client().ticket('t-999'));
    expect(e).toMatchObject({ kind: 'http', status: 404, code: 'not_found', retryable: false, serverMessage: 'There is no ticket t-999.' });
    expect(e.message).toBe('The LMS refused to load ticket t-999 (404 not_found): There is no ticket t-999.');
  });

  it('404 from something that is not the LMS API says to check the URL', async () => {
    lms.answer((_q, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Cannot GET /api/v1/me');
    });
    const e = await failure(client().me());
    expect(e).toMatchObject({ kind: 'http', status: 404, code: 'http_404', retryable: false });
    expect(e.message).toContain('Check that the URL in Settings points at the LMS Support API');
  });

  it('412 version_conflict hands over the ticket as the LMS has it now', async () => {
    lms.answer((_q, res) =>
      sendJson(res, 412, { error: { code: 'version_conflict', message: 'Ticket t-000123 is at version 4, not 3.', current: ticket } }),
    );
    const e = await failure(client().patchTicket('t-000123', { status: 'resolved' }, { ifMatch: 3, idempotencyKey: 'patch-key-0001' }));
    expect(e).toMatchObject({ kind: 'http', status: 412, code: 'version_conflict', retryable: false });
    expect(e.current).toEqual(ticket);
    expect(e.message).toContain('Someone else changed this ticket first');
  });

  it('401 tells the person to check the token, and a server echoing the token gets it scrubbed', async () => {
    lms.answer((_q, res) => sendJson(res, 401, { error: { code: 'unauthorized', message: `Token ${TOKEN} is not known.` } }));
    const e = await failure(client().me());
    expect(e).toMatchObject({ kind: 'http', status: 401, code: 'unauthorized', retryable: false });
    expect(e.message).toContain('Check the token in Settings');
    expect(e.serverMessage).toBe('Token [token] is not known.');
  });

  it('429 is retryable and passes on Retry-After', async () => {
    lms.answer((_q, res) => sendJson(res, 429, { error: { code: 'rate_limited', message: 'Slow down.' } }, { 'retry-after': '3' }));
    const e = await failure(client().me());
    expect(e).toMatchObject({ kind: 'http', status: 429, retryable: true, retryAfterMs: 3000 });
  });

  it('403 on a manual pass explains that an admin can do it', async () => {
    lms.answer((_q, res) => sendJson(res, 403, { error: { code: 'forbidden', message: 'Only an admin can manually pass a learner.' } }));
    const e = await failure(
      client().createManualPass(
        { learnerId: 'l-1', moduleId: 'm-1', reason: 'Passing score 90 in the data', evidence: { kind: 'score_data', attemptId: 'a-1' } },
        { idempotencyKey: 'pass-key-0001' },
      ),
    );
    expect(e).toMatchObject({ kind: 'http', status: 403, code: 'forbidden', retryable: false });
    expect(e.message).toContain('an admin can do it');
  });
});

describe('the connection fails', () => {
  it('a refused connection says the LMS could not be reached and what to check', async () => {
    const gone = await startFakeLms();
    const url = gone.url;
    await gone.close();
    const e = await failure(createLmsClient({ baseUrl: url, token: TOKEN }).me());
    expect(e).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', retryable: true });
    expect(e.message).toBe(
      `The LMS at ${url} could not be reached to check who is signed in: connection refused. Check the URL in Settings or your network.`,
    );
  });

  it('a proxy demanding its own sign-in (407) is a network problem, as fetch defines it', async () => {
    lms.answer((_q, res) => {
      res.writeHead(407).end();
    });
    const e = await failure(client().me());
    expect(e).toMatchObject({ kind: 'network', retryable: true });
    expect(e.message).toContain('a proxy or firewall may have refused it');
  });

  it('a connection dropped before any answer is a retryable network error', async () => {
    lms.answer((req) => req.socket.destroy());
    const e = await failure(client().me());
    expect(e).toMatchObject({ kind: 'network', retryable: true });
  });

  it('a connection destroyed in the middle of the body is a network error, not a parse error', async () => {
    lms.answer((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('{"changes":[{"seq":1,"entity":"ticket"');
      setImmediate(() => res.socket?.destroy());
    });
    const e = await failure(client().changes());
    expect(e).toMatchObject({ kind: 'network', retryable: true });
    expect(e.message).toContain('broke before the answer');
  });

  it('a write cut off mid-answer warns that it may have been applied and will be resent with the same key', async () => {
    lms.answer((req) => req.socket.destroy());
    const e = await failure(client().postMessage('t-1', { body: 'Thanks, looking into it.', author: 'agent' }, { idempotencyKey: 'msg-key-0001' }));
    expect(e.kind).toBe('network');
    expect(e.message).toContain('same idempotency key');
  });
});

describe('the LMS is too slow', () => {
  it('no answer at all within the deadline is a retryable timeout', async () => {
    lms.answer(() => undefined);
    const e = await failure(client(150).me());
    expect(e).toMatchObject({ kind: 'timeout', code: 'timeout', retryable: true });
    expect(e.message).toContain('did not answer within 0.2 s');
  });

  it('headers sent but the body stalls also hits the deadline', async () => {
    lms.answer((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    });
    const e = await failure(client(150).me());
    expect(e).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('the long-poll gets the server wait plus the ordinary deadline before timing out', async () => {
    const page = { changes: [], cursor: 'c-9', hasMore: false };
    lms.answer((req, res) => {
      const wait = Number(new URL(req.url ?? '', 'http://x').searchParams.get('timeout'));
      setTimeout(() => sendJson(res, 200, page), wait);
    });
    await expect(client(150).waitForChanges({ cursor: 'c-9', timeoutMs: 300 })).resolves.toEqual(page);
  });

  it('a long-poll the caller abandons ends as cancelled, not as a failure to report', async () => {
    lms.answer(() => undefined);
    const controller = new AbortController();
    const pending = client().waitForChanges({ cursor: 'c-1', timeoutMs: 30_000, signal: controller.signal });
    const closed = lms.nextClose();
    controller.abort();
    const e = await failure(pending);
    expect(e).toMatchObject({ kind: 'cancelled', retryable: false });
    await closed;
  });
});

describe('the LMS answers 200 with something else', () => {
  it('HTML instead of JSON is an invalid response that shows what came back', async () => {
    lms.answer((_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Sign in</title>');
    });
    const e = await failure(client().me());
    expect(e).toMatchObject({ kind: 'invalid_response', code: 'not_json', retryable: false });
    expect(e.message).toContain('text/html');
    expect(e.message).toContain('<!doctype html>');
  });

  it('JSON that fails the schema names the fields that are wrong', async () => {
    lms.answer((_q, res) => sendJson(res, 200, { ...me, role: 'superuser', email: 42 }));
    const e = await failure(client().me());
    expect(e).toMatchObject({ kind: 'invalid_response', code: 'schema_mismatch', retryable: false });
    expect(e.message).toContain('email');
    expect(e.message).toContain('role');
  });

  it('an empty 200 body is an invalid response', async () => {
    lms.answer((_q, res) => {
      res.writeHead(200).end();
    });
    const e = await failure(client().agents());
    expect(e).toMatchObject({ kind: 'invalid_response', code: 'not_json' });
    expect(e.message).toContain('an empty body');
  });
});
