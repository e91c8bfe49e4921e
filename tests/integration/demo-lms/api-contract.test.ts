// The LMS Support API as the demo LMS serves it, over real HTTP: every endpoint's answer is
// checked against the shared schemas, and every error code is provoked once.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AgentsResponse,
  ApiErrorBody,
  AttachmentResponse,
  ChangesPage,
  DemoAttemptResponse,
  DemoCompleteResponse,
  DemoInboundEmailResponse,
  EnrollmentsResponse,
  FaultsResponse,
  ManualPassResponse,
  Me,
  PostMessageResponse,
  StateDigestResponse,
  TicketResponse,
  Transcript,
  API_BASE,
  MAX_INBOUND_ATTACHMENTS,
  MAX_INBOUND_ATTACHMENT_BYTES,
} from '../../../src/shared/lms/api';
import { renderScreenshot } from '../../../src/demo-lms/screenshots/render-screenshot';
import { entitySchemas, type Attachment, type Attempt, type Enrollment, type Learner, type Ticket } from '../../../src/shared/lms/entities';
import { readWholeFeed, startDemoLms, type Answer, type Harness } from './demo-lms-harness';

let h: Harness;
let records: Map<string, unknown>;

const parsed = new Map<string, unknown[]>();
/** The seeded records of one entity, as they were when the file started (parsed once). */
function all<E extends keyof typeof entitySchemas>(entity: E): z.infer<(typeof entitySchemas)[E]>[] {
  let list = parsed.get(entity);
  if (!list) {
    list = [...records.entries()].filter(([k]) => k.startsWith(`${entity}:`)).map(([, v]) => entitySchemas[entity].parse(v));
    parsed.set(entity, list);
  }
  return list as z.infer<(typeof entitySchemas)[E]>[];
}

let candidates: { learner: Learner; enrollment: Enrollment; attempt: Attempt }[] | null = null;

function errorOf(answer: Answer): { code: string; message: string; current?: Ticket } {
  return ApiErrorBody.parse(answer.body).error;
}

/** Learners with an in-progress enrollment that has score data on that module, none passed yet. */
function passCandidates(): { learner: Learner; enrollment: Enrollment; attempt: Attempt }[] {
  if (candidates) return candidates;
  const learners = new Map(all('learner').map((l) => [l.id, l]));
  const attemptsByPair = new Map<string, Attempt>();
  for (const a of all('attempt')) if (a.lastDataAt) attemptsByPair.set(`${a.learnerId}|${a.moduleId}`, a);
  candidates = all('enrollment')
    .filter((e) => e.status === 'in_progress' && attemptsByPair.has(`${e.learnerId}|${e.moduleId}`))
    .map((e) => ({ learner: learners.get(e.learnerId) as Learner, enrollment: e, attempt: attemptsByPair.get(`${e.learnerId}|${e.moduleId}`) as Attempt }));
  return candidates;
}

beforeAll(async () => {
  h = await startDemoLms({ seed: 11 });
  records = (await readWholeFeed(h)).records;
});

afterAll(async () => {
  await h.stop();
});

describe('signing in', () => {
  it('tells the admin and the agent who they are', async () => {
    expect(Me.parse((await h.admin('GET', '/me')).body)).toMatchObject({ role: 'admin', name: 'Dana Whitfield' });
    expect(Me.parse((await h.agent('GET', '/me')).body)).toMatchObject({ role: 'agent', name: 'Marcus Bell' });
  });

  it('refuses a missing, unknown or malformed token with 401 and says what to send', async () => {
    for (const answer of [
      await h.call('GET', '/me', { token: null }),
      await h.call('GET', '/me', { token: 'not-a-real-token-0000' }),
      await h.call('GET', '/me', { token: null, headers: { authorization: 'Basic abc' } }),
    ]) {
      expect(answer.status).toBe(401);
      expect(errorOf(answer).code).toBe('unauthorized');
      expect(errorOf(answer).message).toMatch(/token|Bearer/);
    }
  });

  it('answers 404 for an unknown path and 405 with Allow for a wrong method', async () => {
    const missing = await h.admin('GET', '/nothing-here');
    expect(missing.status).toBe(404);
    expect(errorOf(missing)).toMatchObject({ code: 'not_found' });
    const outside = await fetch(`${h.lms.url}/elsewhere`);
    expect(outside.status).toBe(404);
    const wrong = await h.admin('DELETE', '/me');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('lists the agents a ticket can be assigned to', async () => {
    const { agents } = AgentsResponse.parse((await h.agent('GET', '/agents')).body);
    expect(agents.map((a) => a.name)).toEqual(expect.arrayContaining(['Dana Whitfield', 'Marcus Bell']));
    expect(agents.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the change feed', () => {
  it('pages with an opaque cursor and validates its query', async () => {
    const first = ChangesPage.parse((await h.agent('GET', '/changes?limit=3')).body);
    expect(first.changes).toHaveLength(3);
    expect(first.hasMore).toBe(true);
    const second = ChangesPage.parse((await h.agent('GET', `/changes?limit=3&cursor=${first.cursor}`)).body);
    expect(second.changes[0]?.seq).toBeGreaterThan(first.changes[2]?.seq ?? Infinity);
    // How many records a first sync should expect, on its first page only, for the progress bar.
    const inFeed = await readWholeFeed(h);
    const counted: Record<string, number> = {};
    for (const key of inFeed.records.keys()) counted[key.slice(0, key.indexOf(':'))] = (counted[key.slice(0, key.indexOf(':'))] ?? 0) + 1;
    expect(first.totals).toEqual(counted);
    expect(second.totals).toBeUndefined();

    const tooMany = await h.agent('GET', '/changes?limit=5001');
    expect(tooMany.status).toBe(400);
    expect(errorOf(tooMany)).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('limit') });
    const badCursor = await h.agent('GET', '/changes?cursor=garbage!');
    expect(badCursor.status).toBe(400);
    expect(errorOf(badCursor).message).toContain('cursor');
    const foreign = await h.agent('GET', `/changes?cursor=${Buffer.from('v1.other-feed.12').toString('base64url')}`);
    expect(errorOf(foreign).message).toMatch(/another LMS database/);
  });

  it('long-poll answers empty at the timeout, and at once when something is written', async () => {
    const end = ChangesPage.parse((await h.agent('GET', '/changes?limit=5000&cursor=' + (await readWholeFeed(h)).cursor)).body);
    const quiet = ChangesPage.parse((await h.agent('GET', `/changes/wait?cursor=${end.cursor}&timeout=50`)).body);
    expect(quiet).toMatchObject({ changes: [], cursor: end.cursor, hasMore: false });

    const waiting = h.agent('GET', `/changes/wait?cursor=${end.cursor}&timeout=30000`);
    const ticket = all('ticket')[0] as Ticket;
    await h.agent('POST', `/tickets/${ticket.id}/messages`, { body: 'Looking into it now.', author: 'note' });
    const woken = ChangesPage.parse((await waiting).body);
    expect(woken.changes.map((c) => c.entity).sort()).toEqual(['message', 'ticket']);
  });
});

describe('tickets', () => {
  it('reads one ticket with its version as ETag, and 404s an unknown one', async () => {
    const ticket = all('ticket')[5] as Ticket;
    const answer = await h.agent('GET', `/tickets/${ticket.id}`);
    const got = TicketResponse.parse(answer.body).ticket;
    expect(answer.headers.get('etag')).toBe(`"${got.version}"`);
    expect((await h.agent('GET', '/tickets/tkt_nope')).status).toBe(404);
  });

  it('PATCH needs If-Match, refuses a stale version with the current ticket, and applies a fresh one', async () => {
    const ticket = TicketResponse.parse((await h.agent('GET', `/tickets/${(all('ticket')[7] as Ticket).id}`)).body).ticket;
    const missing = await h.agent('PATCH', `/tickets/${ticket.id}`, { status: 'waiting' });
    expect(missing.status).toBe(428);
    expect(errorOf(missing).code).toBe('precondition_required');

    const applied = await h.agent('PATCH', `/tickets/${ticket.id}`, { status: 'waiting', tags: ['screenshot-requested'] }, { 'if-match': String(ticket.version) });
    expect(applied.status).toBe(200);
    const after = TicketResponse.parse(applied.body).ticket;
    expect(after).toMatchObject({ status: 'waiting', tags: ['screenshot-requested'], version: ticket.version + 1 });

    const stale = await h.agent('PATCH', `/tickets/${ticket.id}`, { status: 'resolved' }, { 'if-match': `"${ticket.version}"` });
    expect(stale.status).toBe(412);
    expect(errorOf(stale)).toMatchObject({ code: 'version_conflict', current: { id: ticket.id, version: ticket.version + 1, status: 'waiting' } });
  });

  it('PATCH refuses bad bodies naming the field', async () => {
    const ticket = TicketResponse.parse((await h.agent('GET', `/tickets/${(all('ticket')[8] as Ticket).id}`)).body).ticket;
    const ifMatch = { 'if-match': String(ticket.version) };
    const badStatus = await h.agent('PATCH', `/tickets/${ticket.id}`, { status: 'closed' }, ifMatch);
    expect(badStatus.status).toBe(400);
    expect(errorOf(badStatus)).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('status') });
    const empty = await h.agent('PATCH', `/tickets/${ticket.id}`, {}, ifMatch);
    expect(empty.status).toBe(400);
    const stranger = await h.agent('PATCH', `/tickets/${ticket.id}`, { assigneeId: 'agt_nobody' }, ifMatch);
    expect(errorOf(stranger).message).toContain('assigneeId');
    const notJson = await h.call('PATCH', `/tickets/${ticket.id}`, { token: h.lms.agentToken, rawBody: '{"status":', headers: { ...ifMatch, 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(errorOf(notJson).code).toBe('malformed_json');
  });

  it('a reply bumps the ticket and comes back with it; a repeated Idempotency-Key replays it', async () => {
    const ticket = TicketResponse.parse((await h.agent('GET', `/tickets/${(all('ticket')[9] as Ticket).id}`)).body).ticket;
    const key = { 'idempotency-key': 'reply-key-0001' };
    const first = await h.agent('POST', `/tickets/${ticket.id}/messages`, { body: 'Please send a screenshot of your score.', author: 'agent' }, key);
    expect(first.status).toBe(201);
    const posted = PostMessageResponse.parse(first.body);
    expect(posted.message).toMatchObject({ ticketId: ticket.id, author: 'agent', authorId: 'agt_demo_agent' });
    expect(posted.ticket.version).toBe(ticket.version + 1);
    expect(posted.ticket.updatedAt > ticket.updatedAt).toBe(true);

    const again = await h.agent('POST', `/tickets/${ticket.id}/messages`, { body: 'Please send a screenshot of your score.', author: 'agent' }, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(PostMessageResponse.parse(again.body).message.id).toBe(posted.message.id);
    const now = TicketResponse.parse((await h.agent('GET', `/tickets/${ticket.id}`)).body).ticket;
    expect(now.version).toBe(ticket.version + 1);

    const bad = await h.agent('POST', `/tickets/${ticket.id}/messages`, { body: 'x', author: 'learner' });
    expect(errorOf(bad).message).toContain('author');
    expect((await h.agent('POST', '/tickets/tkt_nope/messages', { body: 'x', author: 'agent' })).status).toBe(404);
  });

  it('refuses a body over 1 MiB with 413 without reading it all', async () => {
    const ticket = all('ticket')[10] as Ticket;
    const big = JSON.stringify({ body: 'x'.repeat(1024 * 1024 + 10), author: 'note' });
    const status = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const url = new URL(`${h.lms.url}${API_BASE}/tickets/${ticket.id}/messages`);
      // No Content-Length: chunked, so the server has to count as it reads.
      const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${h.lms.agentToken}`, 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
      for (let i = 0; i < big.length; i += 65536) req.write(big.slice(i, i + 65536));
      req.end();
    });
    expect(status.status).toBe(413);
    expect(ApiErrorBody.parse(JSON.parse(status.text)).error.code).toBe('payload_too_large');
    const declared = await h.call('POST', `/tickets/${ticket.id}/messages`, { token: h.lms.agentToken, rawBody: big, headers: { 'content-type': 'application/json' } });
    expect(declared.status).toBe(413);
  });
});

describe('manual passes', () => {
  it('is for admins only, needs an Idempotency-Key, and validates the body naming the field', async () => {
    const [c] = passCandidates();
    if (!c) throw new Error('the seed has no pass candidate');
    const body = { learnerId: c.learner.id, moduleId: c.enrollment.moduleId, reason: 'Passing score in the data.', evidence: { kind: 'score_data', attemptId: c.attempt.id } };
    const asAgent = await h.agent('POST', '/manual-passes', body, { 'idempotency-key': 'agent-tries-0001' });
    expect(asAgent.status).toBe(403);
    expect(errorOf(asAgent).code).toBe('forbidden');
    const noKey = await h.admin('POST', '/manual-passes', body);
    expect(noKey.status).toBe(400);
    expect(errorOf(noKey).code).toBe('missing_idempotency_key');
    const badEvidence = await h.admin('POST', '/manual-passes', { ...body, evidence: { kind: 'gut_feeling' } }, { 'idempotency-key': 'bad-body-0001' });
    expect(badEvidence.status).toBe(400);
    expect(errorOf(badEvidence).message).toContain('evidence.kind');
  });

  it('refuses a learner who is not enrolled and evidence that names nothing or someone else', async () => {
    const [c, other] = passCandidates();
    if (!c || !other) throw new Error('the seed has too few pass candidates');
    const enrolledModules = new Set(all('enrollment').filter((e) => e.learnerId === c.learner.id).map((e) => e.moduleId));
    const foreignModule = all('module').find((m) => !enrolledModules.has(m.id));
    const base = { learnerId: c.learner.id, moduleId: c.enrollment.moduleId, reason: 'Passing score in the data.' };
    const key = (n: number) => ({ 'idempotency-key': `refusals-${n}-0001` });

    const notEnrolled = await h.admin('POST', '/manual-passes', { ...base, moduleId: foreignModule?.id, evidence: { kind: 'score_data', attemptId: c.attempt.id } }, key(1));
    expect(notEnrolled.status).toBe(422);
    expect(errorOf(notEnrolled).code).toBe('not_enrolled');
    const nobody = await h.admin('POST', '/manual-passes', { ...base, learnerId: 'lrn_nobody', evidence: { kind: 'score_data', attemptId: c.attempt.id } }, key(2));
    expect(errorOf(nobody).code).toBe('not_enrolled');

    const missingAttempt = await h.admin('POST', '/manual-passes', { ...base, evidence: { kind: 'score_data', attemptId: 'atm_nope' } }, key(3));
    expect(missingAttempt.status).toBe(422);
    expect(errorOf(missingAttempt).code).toBe('evidence_not_found');
    const othersAttempt = await h.admin('POST', '/manual-passes', { ...base, evidence: { kind: 'score_data', attemptId: other.attempt.id } }, key(4));
    expect(errorOf(othersAttempt)).toMatchObject({ code: 'evidence_not_found', message: expect.stringContaining('another learner') });
    const tickets = new Map(all('ticket').map((t) => [t.id, t]));
    const othersScreenshot = all('attachment').find((a: Attachment) => tickets.get(a.ticketId)?.learnerId !== c.learner.id && tickets.get(a.ticketId)?.fromEmail !== c.learner.email);
    const screenshot = await h.admin('POST', '/manual-passes', { ...base, evidence: { kind: 'screenshot', attachmentId: othersScreenshot?.id } }, key(5));
    expect(errorOf(screenshot).code).toBe('evidence_not_found');
    const unknownIssue = await h.admin('POST', '/manual-passes', { ...base, evidence: { kind: 'known_issue', knownIssueId: 'ki_999' } }, key(6));
    expect(errorOf(unknownIssue).code).toBe('evidence_not_found');
    const noTicket = await h.admin('POST', '/manual-passes', { ...base, ticketId: 'tkt_nope', evidence: { kind: 'score_data', attemptId: c.attempt.id } }, key(7));
    expect(errorOf(noTicket).code).toBe('evidence_not_found');

    // Nothing was written by any refusal.
    const { enrollments } = EnrollmentsResponse.parse((await h.admin('GET', `/enrollments?learnerId=${c.learner.id}&moduleId=${c.enrollment.moduleId}`)).body);
    expect(enrollments[0]?.status).toBe('in_progress');
  });

  it('passes once, replays the same key, refuses a reused key with another body, then 409s a second pass', async () => {
    const c = passCandidates()[2];
    if (!c) throw new Error('the seed has too few pass candidates');
    const body = { learnerId: c.learner.id, moduleId: c.enrollment.moduleId, reason: 'Passing score in the data.', evidence: { kind: 'score_data', attemptId: c.attempt.id } };
    const key = { 'idempotency-key': 'pass-once-0001' };
    const first = await h.admin('POST', '/manual-passes', body, key);
    expect(first.status).toBe(201);
    const created = ManualPassResponse.parse(first.body);
    expect(created.enrollment).toMatchObject({ id: c.enrollment.id, status: 'completed', completionSource: 'manual' });
    expect(created.manualPass).toMatchObject({ learnerId: c.learner.id, passedBy: 'agt_demo_admin', ticketId: null });

    const replay = await h.admin('POST', '/manual-passes', body, key);
    expect([200, 201]).toContain(replay.status);
    expect(ManualPassResponse.parse(replay.body).manualPass.id).toBe(created.manualPass.id);
    const reused = await h.admin('POST', '/manual-passes', { ...body, reason: 'Something else.' }, key);
    expect(reused.status).toBe(422);
    expect(errorOf(reused).code).toBe('idempotency_key_reused');
    const second = await h.admin('POST', '/manual-passes', body, { 'idempotency-key': 'pass-twice-0001' });
    expect(second.status).toBe(409);
    expect(errorOf(second).code).toBe('already_completed');

    const transcript = Transcript.parse((await h.admin('GET', `/learners/${c.learner.id}/transcript`)).body);
    expect(transcript.entries.find((e) => e.moduleId === c.enrollment.moduleId)).toMatchObject({ status: 'completed', source: 'manual' });
    expect((await h.admin('GET', '/learners/lrn_nobody/transcript')).status).toBe(404);
  });

  it('records exactly one pass and one enrollment change when 25 repeats arrive at once', async () => {
    const c = passCandidates()[3];
    if (!c) throw new Error('the seed has too few pass candidates');
    const before = await readWholeFeed(h);
    const body = { learnerId: c.learner.id, moduleId: c.enrollment.moduleId, reason: 'Passing score in the data.', evidence: { kind: 'score_data', attemptId: c.attempt.id } };
    const answers = await Promise.all(Array.from({ length: 25 }, () => h.admin('POST', '/manual-passes', body, { 'idempotency-key': 'concurrent-pass-0001' })));
    expect(new Set(answers.map((a) => a.status)).size).toBeLessThanOrEqual(2);
    const ids = new Set(answers.map((a) => ManualPassResponse.parse(a.body).manualPass.id));
    expect(ids.size).toBe(1);

    const after = ChangesPage.parse((await h.admin('GET', `/changes?limit=5000&cursor=${before.cursor}`)).body);
    const passes = after.changes.filter((ch) => ch.entity === 'manual_pass');
    const enrollmentChanges = after.changes.filter((ch) => ch.entity === 'enrollment' && ch.id === c.enrollment.id);
    expect(passes).toHaveLength(1);
    expect(enrollmentChanges).toHaveLength(1);
  });

  it('lists enrollments for the sender\'s re-check and validates the query', async () => {
    const c = passCandidates()[4];
    if (!c) throw new Error('the seed has too few pass candidates');
    const mine = EnrollmentsResponse.parse((await h.agent('GET', `/enrollments?learnerId=${c.learner.id}`)).body);
    expect(mine.enrollments.length).toBeGreaterThan(1);
    expect(mine.enrollments.every((e) => e.learnerId === c.learner.id)).toBe(true);
    const missing = await h.agent('GET', '/enrollments');
    expect(missing.status).toBe(400);
    expect(errorOf(missing).message).toContain('learnerId');
  });
});

describe('attachments', () => {
  it('serves metadata and bytes whose sha256 is the ETag, and honours If-None-Match', async () => {
    const attachment = all('attachment')[0] as Attachment;
    const meta = AttachmentResponse.parse((await h.agent('GET', `/attachments/${attachment.id}`)).body).attachment;
    expect(meta).toEqual(attachment);
    const res = await fetch(`${h.lms.url}${API_BASE}/attachments/${attachment.id}/content`, { headers: { authorization: `Bearer ${h.lms.agentToken}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-type')).toBe(attachment.contentType);
    expect(res.headers.get('etag')).toBe(`"${attachment.sha256}"`);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(attachment.sha256);
    expect(bytes.length).toBe(attachment.size);
    const cached = await fetch(`${h.lms.url}${API_BASE}/attachments/${attachment.id}/content`, { headers: { authorization: `Bearer ${h.lms.agentToken}`, 'if-none-match': `"${attachment.sha256}"` } });
    expect(cached.status).toBe(304);
    expect((await h.agent('GET', '/attachments/file_nope')).status).toBe(404);
    expect((await h.agent('GET', '/attachments/file_nope/content')).status).toBe(404);
  });
});

describe('demo hooks and faults', () => {
  it('lets a learner write in, reply, and re-open a ticket', async () => {
    const learner = all('learner')[3] as Learner;
    const opened = await h.admin('POST', '/__demo/inbound-email', { fromEmail: learner.email, body: 'I finished module 2 and it still says incomplete, I got 90%' });
    expect(opened.status).toBe(201);
    const { ticket } = DemoInboundEmailResponse.parse(opened.body);
    expect(ticket).toMatchObject({ status: 'new', learnerId: learner.id, version: 1 });
    await h.agent('PATCH', `/tickets/${ticket.id}`, { status: 'waiting' }, { 'if-match': '1' });
    const replied = DemoInboundEmailResponse.parse((await h.admin('POST', '/__demo/inbound-email', { fromEmail: learner.email, body: 'here is the screenshot', ticketId: ticket.id })).body);
    expect(replied.ticket).toMatchObject({ id: ticket.id, status: 'open', version: 3 });
    expect(replied.message).toMatchObject({ author: 'learner', authorId: learner.id });
    expect((await h.agent('POST', '/__demo/inbound-email', { fromEmail: learner.email, body: 'x' })).status).toBe(403);
  });

  it('stores the files a learner e-mails as attachments on the message, once per content, in the change feed', async () => {
    const learner = all('learner')[4] as Learner;
    const screenshot = renderScreenshot({ kind: 'passing', learnerName: learner.name, courseName: 'Roofing Basics', moduleName: 'Module 3: Flashing', score: 92, takenAt: new Date('2026-11-02T14:02:00Z'), format: 'png' });
    const dataBase64 = screenshot.bytes.toString('base64');
    const { cursor } = await readWholeFeed(h);
    const sent = await h.admin('POST', '/__demo/inbound-email', {
      fromEmail: learner.email,
      body: 'Here is my screen, it says I passed.',
      attachments: [
        { fileName: screenshot.fileName, contentType: screenshot.contentType, dataBase64 },
        { fileName: 'same-picture-again.png', contentType: 'IMAGE/PNG', dataBase64 },
      ],
    });
    expect(sent.status).toBe(201);
    const { ticket, message, attachments } = DemoInboundEmailResponse.parse(sent.body);
    const sha256 = createHash('sha256').update(screenshot.bytes).digest('hex');
    expect(attachments.map((a) => [a.fileName, a.contentType, a.size, a.sha256, a.ticketId, a.messageId])).toEqual([
      [screenshot.fileName, 'image/png', screenshot.bytes.length, sha256, ticket.id, message.id],
      ['same-picture-again.png', 'image/png', screenshot.bytes.length, sha256, ticket.id, message.id],
    ]);
    expect(new Set(attachments.map((a) => a.id)).size).toBe(2);
    for (const attachment of attachments) {
      expect(AttachmentResponse.parse((await h.agent('GET', `/attachments/${attachment.id}`)).body).attachment).toEqual(attachment);
      const res = await fetch(`${h.lms.url}${API_BASE}/attachments/${attachment.id}/content`, { headers: { authorization: `Bearer ${h.lms.agentToken}` } });
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer()).equals(screenshot.bytes)).toBe(true);
    }
    // The feed carries the ticket, the message and both attachment records, the message before its files.
    const page = ChangesPage.parse((await h.agent('GET', `/changes?limit=5000&cursor=${cursor}`)).body);
    const order = page.changes.map((c) => `${c.entity}:${c.id}`);
    expect(order).toEqual([`ticket:${ticket.id}`, `message:${message.id}`, ...attachments.map((a) => `attachment:${a.id}`)]);
    expect(page.changes.filter((c) => c.entity === 'attachment').map((c) => c.data)).toEqual(attachments);

    // Without files the answer says so with an empty list.
    expect(DemoInboundEmailResponse.parse((await h.admin('POST', '/__demo/inbound-email', { fromEmail: learner.email, body: 'no picture', ticketId: ticket.id })).body).attachments).toEqual([]);
  });

  it('refuses an e-mail whose files are too many, too big, not base64 or badly named, and writes nothing of it', async () => {
    const learner = all('learner')[5] as Learner;
    const file = { fileName: 'screen.png', contentType: 'image/png', dataBase64: Buffer.from('not really a png').toString('base64') };
    const { cursor } = await readWholeFeed(h);
    const refusals: [unknown, RegExp][] = [
      [Array.from({ length: MAX_INBOUND_ATTACHMENTS + 1 }, () => file), /attachments: an e-mail may carry at most 5 files/],
      [[{ ...file, dataBase64: 'this is not base64!' }], /attachments\.0\.dataBase64: dataBase64 is not standard base64/],
      [[{ ...file, fileName: '../../etc/passwd' }], /attachments\.0\.fileName: a file name has no folders/],
      [[{ ...file, contentType: 'png' }], /attachments\.0\.contentType: a content type looks like "image\/png"/],
      [[{ ...file, dataBase64: '' }], /attachments\.0\.dataBase64/],
      [[{ ...file, extra: 1 }], /attachments\.0/],
      // Just over the decoded limit, yet its base64 is within the schema's length bound.
      [[{ ...file, dataBase64: Buffer.alloc(MAX_INBOUND_ATTACHMENT_BYTES + 1).toString('base64') }], /is 700001 bytes; a file may be at most 700000 bytes/],
    ];
    for (const [attachments, message] of refusals) {
      const answer = await h.admin('POST', '/__demo/inbound-email', { fromEmail: learner.email, body: 'see attached', attachments });
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(errorOf(answer)).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(message) as unknown as string });
    }
    const page = ChangesPage.parse((await h.agent('GET', `/changes?limit=5000&cursor=${cursor}`)).body);
    expect(page.changes).toEqual([]);
  });

  it('lets the course send data and the learner complete on their own, tracked', async () => {
    const c = passCandidates()[5];
    if (!c) throw new Error('the seed has too few pass candidates');
    const sent = DemoAttemptResponse.parse((await h.admin('POST', '/__demo/attempts', { learnerId: c.learner.id, moduleId: c.enrollment.moduleId, standard: 'scorm2004', scoreRaw: 92, completionStatus: 'incomplete', successStatus: 'passed' })).body);
    expect(sent.attempt).toMatchObject({ scoreRaw: 92, scoreScaled: 0.92, completionStatus: 'incomplete' });
    expect(sent.attempt.cmi['cmi.success_status']).toBe('passed');
    expect(sent.enrollment.status).toBe('in_progress');
    const done = DemoCompleteResponse.parse((await h.admin('POST', '/__demo/complete', { learnerId: c.learner.id, moduleId: c.enrollment.moduleId })).body);
    expect(done.enrollment).toMatchObject({ status: 'completed', completionSource: 'tracked' });
    const pass = await h.admin('POST', '/manual-passes', { learnerId: c.learner.id, moduleId: c.enrollment.moduleId, reason: 'x', evidence: { kind: 'score_data', attemptId: sent.attempt.id } }, { 'idempotency-key': 'after-tracked-0001' });
    expect(errorOf(pass).code).toBe('already_completed');
  });

  it('gives a digest per entity, and shows faults but refuses to change them without --allow-faults', async () => {
    const { digest } = StateDigestResponse.parse((await h.admin('GET', '/__demo/state-digest')).body);
    expect(digest.learner.count).toBe(2000);
    expect(FaultsResponse.parse((await h.admin('GET', '/__faults')).body).faults.error500).toBe(0);
    expect((await h.agent('GET', '/__faults')).status).toBe(403);
    const refused = await h.admin('POST', '/__faults', { error500: 1 });
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe('faults_disabled');
  });
});
