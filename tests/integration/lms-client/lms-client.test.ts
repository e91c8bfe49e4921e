// The client against the real demo LMS over real HTTP: both roles, the whole change feed,
// the long-poll waking on a write, the manual pass replayed under one idempotency key, a
// stale ticket change turning into a 412 with the current ticket, and injected faults.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLmsClient, type LmsClient } from '../../../src/main/lms/client';
import { LmsError } from '../../../src/main/lms/lms-error';
import { createDemoLms } from '../../../src/demo-lms/server';
import { API_BASE, ChangesPage } from '../../../src/shared/lms/api';
import { entitySchemas, type Attachment, type Attempt, type Enrollment, type Ticket } from '../../../src/shared/lms/entities';

let demo: Awaited<ReturnType<typeof createDemoLms>>;
let dataDir: string;
let admin: LmsClient;
let agent: LmsClient;

/** The feed as the client would have applied it: the latest record per entity and id. */
const state = new Map<string, unknown>();
let headCursor = '';
let feedChanges = 0;
const records = <T>(entity: keyof typeof entitySchemas): T[] =>
  [...state.entries()].filter(([key]) => key.startsWith(`${entity}/`)).map(([, value]) => value as T);

async function failure(promise: Promise<unknown>): Promise<LmsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LmsError);
  return error as LmsError;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'passdesk-lms-client-'));
  demo = await createDemoLms({ dataDir, port: 0, scale: 'small', seed: 7, allowFaults: true });
  admin = createLmsClient({ baseUrl: demo.url, token: demo.adminToken });
  agent = createLmsClient({ baseUrl: demo.url, token: demo.agentToken });
});

afterAll(async () => {
  await demo?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('signing in', () => {
  it('knows the demo admin and the demo agent by their tokens', async () => {
    const [asAdmin, asAgent] = await Promise.all([admin.me(), agent.me()]);
    expect(asAdmin.role).toBe('admin');
    expect(asAgent.role).toBe('agent');
    expect(asAdmin.id).not.toBe(asAgent.id);
    const team = await admin.agents();
    expect(team.map((a) => a.id)).toEqual(expect.arrayContaining([asAdmin.id, asAgent.id]));
  });

  it('an unknown token is a final 401 that points at Settings', async () => {
    const stranger = createLmsClient({ baseUrl: demo.url, token: 'not-a-real-token-0000' });
    const e = await failure(stranger.me());
    expect(e).toMatchObject({ kind: 'http', status: 401, code: 'unauthorized', retryable: false });
    expect(e.message).toContain('Check the token in Settings');
    expect(e.message).not.toContain('not-a-real-token-0000');
  });
});

describe('the change feed', () => {
  it('pages from the beginning to the end with strictly increasing seq and records that match their schemas', async () => {
    let cursor: string | undefined;
    let lastSeq = 0;
    let invalid = 0;
    for (;;) {
      // The client checks each change later, in the cache; the demo LMS must send every one whole.
      const page = ChangesPage.parse(await admin.changes({ cursor, limit: 5000 }));
      for (const change of page.changes) {
        expect(change.seq).toBeGreaterThan(lastSeq);
        lastSeq = change.seq;
        const key = `${change.entity}/${change.id}`;
        if (change.op === 'delete') {
          state.delete(key);
          continue;
        }
        const parsed = entitySchemas[change.entity].safeParse(change.data);
        if (!parsed.success) invalid += 1;
        else state.set(key, parsed.data);
      }
      feedChanges += page.changes.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    headCursor = cursor ?? '';
    expect(invalid).toBe(0);
    expect(feedChanges).toBeGreaterThanOrEqual(state.size);
    expect(records('ticket').length).toBeGreaterThan(0);
    expect(records('enrollment').length).toBeGreaterThan(0);
    expect(records('attempt').length).toBeGreaterThan(0);
    // At the end, asking again gives nothing new.
    const after = await admin.changes({ cursor: headCursor });
    expect(after).toMatchObject({ changes: [], hasMore: false });
  });

  it('a long-poll at the head answers empty when nothing happens', async () => {
    const page = await admin.waitForChanges({ cursor: headCursor, timeoutMs: 200 });
    expect(page.changes).toEqual([]);
  });

  it('a long-poll wakes up with the change when someone writes', async () => {
    const ticket = records<Ticket>('ticket')[0];
    expect(ticket).toBeDefined();
    const waiting = admin.waitForChanges({ cursor: headCursor, timeoutMs: 30_000 });
    const body = `Checked the tracking data for this module — ${Date.now()}.`;
    const posted = await agent.postMessage(ticket!.id, { body, author: 'note' }, { idempotencyKey: `note-${Date.now()}` });
    const woke = await waiting;
    const messages = ChangesPage.parse(woke).changes.filter((c) => c.entity === 'message' && c.op === 'upsert');
    expect(messages.map((c) => c.id)).toContain(posted.message.id);
    expect(posted.message).toMatchObject({ ticketId: ticket!.id, author: 'note', body });
    headCursor = woke.cursor;
  });
});

describe('tickets', () => {
  it('a change based on a stale version is refused with 412 and the current ticket', async () => {
    const known = records<Ticket>('ticket').find((t) => t.status !== 'resolved') ?? records<Ticket>('ticket')[1];
    const fresh = await agent.ticket(known!.id);
    const changed = await agent.patchTicket(fresh.id, { tags: [...fresh.tags.filter((t) => t !== 'checked'), 'checked'] }, {
      ifMatch: fresh.version,
      idempotencyKey: `tag-${fresh.id}-${fresh.version}`,
    });
    expect(changed.version).toBeGreaterThan(fresh.version);

    const stale = await failure(agent.patchTicket(fresh.id, { status: 'waiting' }, { ifMatch: fresh.version, idempotencyKey: `status-${fresh.id}-stale` }));
    expect(stale).toMatchObject({ kind: 'http', status: 412, code: 'version_conflict', retryable: false });
    expect(stale.current).toMatchObject({ id: fresh.id, version: changed.version });
    expect(stale.message).toContain('Someone else changed this ticket first');
  });

  it('downloads an attachment whose bytes match its sha256, and refuses it under a smaller limit', async () => {
    const listed = records<Attachment>('attachment')[0];
    expect(listed).toBeDefined();
    const meta = await agent.attachment(listed!.id);
    const content = await agent.attachmentContent(meta.id, { maxBytes: 20 * 1024 * 1024 });
    expect(createHash('sha256').update(content.bytes).digest('hex')).toBe(meta.sha256);
    expect(content.bytes.length).toBe(meta.size);
    expect(content.contentType).toContain(meta.contentType.split(';')[0]);
    const tooBig = await failure(agent.attachmentContent(meta.id, { maxBytes: Math.max(1, Math.floor(meta.size / 2)) }));
    expect(tooBig).toMatchObject({ kind: 'invalid_response', code: 'too_large' });
  });
});

describe('the manual pass', () => {
  /** An enrollment not yet complete whose learner has an attempt on that module to cite. */
  function candidate(skip: Set<string>): { enrollment: Enrollment; attempt: Attempt } {
    const attempts = new Map(records<Attempt>('attempt').map((a) => [`${a.learnerId}/${a.moduleId}`, a]));
    for (const enrollment of records<Enrollment>('enrollment')) {
      const attempt = attempts.get(`${enrollment.learnerId}/${enrollment.moduleId}`);
      if (enrollment.status !== 'completed' && attempt && !skip.has(enrollment.id)) return { enrollment, attempt };
    }
    throw new Error('the demo data has no incomplete enrollment with an attempt');
  }
  const used = new Set<string>();

  it('is recorded once however often the same key is sent, and the transcript shows it as manual', async () => {
    const { enrollment, attempt } = candidate(used);
    used.add(enrollment.id);
    const before = await admin.enrollments({ learnerId: enrollment.learnerId, moduleId: enrollment.moduleId });
    expect(before.map((e) => e.status)).not.toContain('completed');

    const body = {
      learnerId: enrollment.learnerId,
      moduleId: enrollment.moduleId,
      reason: 'Score data shows a passing score but completion never registered.',
      evidence: { kind: 'score_data' as const, attemptId: attempt.id },
    };
    const key = `pass-${enrollment.id}`;
    const first = await admin.createManualPass(body, { idempotencyKey: key });
    const replays = await Promise.all([1, 2, 3].map(() => admin.createManualPass(body, { idempotencyKey: key })));
    for (const replay of replays) expect(replay.manualPass.id).toBe(first.manualPass.id);
    expect(first.enrollment).toMatchObject({ id: enrollment.id, status: 'completed', completionSource: 'manual' });

    const transcript = await admin.transcript(enrollment.learnerId);
    expect(transcript.learner.id).toBe(enrollment.learnerId);
    expect(transcript.entries.find((e) => e.moduleId === enrollment.moduleId)).toMatchObject({ status: 'completed', source: 'manual' });

    const passes = ChangesPage.parse(await admin.changes({ cursor: headCursor })).changes.filter((c) => c.entity === 'manual_pass');
    expect(passes.map((c) => c.id)).toEqual([first.manualPass.id]);
  });

  it('maps the refusals: same key with another body, already complete, and an agent trying', async () => {
    const { enrollment, attempt } = candidate(used);
    used.add(enrollment.id);
    const body = { learnerId: enrollment.learnerId, moduleId: enrollment.moduleId, reason: 'Passing score in the data.', evidence: { kind: 'score_data' as const, attemptId: attempt.id } };

    const byAgent = await failure(agent.createManualPass(body, { idempotencyKey: `agent-${enrollment.id}` }));
    expect(byAgent).toMatchObject({ kind: 'http', status: 403, code: 'forbidden', retryable: false });

    await admin.createManualPass(body, { idempotencyKey: `first-${enrollment.id}` });
    const reused = await failure(admin.createManualPass({ ...body, reason: 'A different reason.' }, { idempotencyKey: `first-${enrollment.id}` }));
    expect(reused).toMatchObject({ kind: 'http', status: 422, code: 'idempotency_key_reused', retryable: false });

    const again = await failure(admin.createManualPass(body, { idempotencyKey: `second-${enrollment.id}` }));
    expect(again).toMatchObject({ kind: 'http', status: 409, code: 'already_completed', retryable: false });
  });
});

describe('injected faults', () => {
  async function setFaults(spec: Record<string, unknown>): Promise<void> {
    const base = demo.url.replace(/\/+$/, '').replace(new RegExp(`${API_BASE}$`), '');
    const res = await fetch(`${base}${API_BASE}/__faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    expect(res.status).toBe(200);
  }

  it('a 500 becomes a retryable server error, a reset a retryable network error, and both pass when the faults stop', async () => {
    try {
      await setFaults({ error500: 1, paths: ['/agents'] });
      expect(await failure(agent.agents())).toMatchObject({ kind: 'server', status: 500, retryable: true });

      await setFaults({ resetBefore: 1, paths: ['/agents'] });
      expect(await failure(agent.agents())).toMatchObject({ kind: 'network', retryable: true });

      await setFaults({ resetAfter: 1, paths: ['/agents'] });
      expect(await failure(agent.agents())).toMatchObject({ kind: 'network', retryable: true });

      await setFaults({ latencyMs: 500, paths: ['/agents'] });
      const impatient = createLmsClient({ baseUrl: demo.url, token: demo.agentToken, timeoutMs: 100 });
      expect(await failure(impatient.agents())).toMatchObject({ kind: 'timeout', retryable: true });

      await setFaults({ trickle: 1, paths: ['/agents'] });
      expect((await agent.agents()).length).toBeGreaterThan(0);
    } finally {
      await setFaults({});
    }
    expect((await agent.agents()).length).toBeGreaterThan(0);
  });
});
