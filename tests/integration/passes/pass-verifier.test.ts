// The article's last step, automated: a pass the LMS recorded is verified only when the
// learner's transcript shows the module completed; when it does not, the pass raises an
// alert and is read again, and the ticket gets its note only once verified.
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/main/cache/open-cache';
import type { LmsClient } from '../../../src/main/lms/client';
import { createAuditLog } from '../../../src/main/passes/audit-log';
import { createPassStore } from '../../../src/main/passes/pass-store';
import { createPassVerifier } from '../../../src/main/passes/pass-verifier';
import type { Transcript } from '../../../src/shared/lms/api';
import { tempDir } from '../sync/engine-fixtures';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function world() {
  const dir = tempDir('passdesk-verifier-');
  const db = openCache({ dataDir: dir.dir });
  cleanups.push(
    () => dir.remove(),
    () => {
      db.close();
    },
  );
  const audit = createAuditLog(db);
  const store = createPassStore(db, audit);
  const at = '2026-12-01T10:00:00.000Z';
  db.prepare(
    `INSERT INTO ticket (id, subject, from_email, learner_id, module_id, status, assignee_id, tags, created_at, updated_at, version, data, seq)
     VALUES ('tkt_1', 'Module 3 incomplete', 'ana@example.com', 'lrn_1', 'mod_3', 'open', NULL, '[]', ?, ?, 1, ?, 1)`,
  ).run(at, at, JSON.stringify({ id: 'tkt_1', subject: 'Module 3 incomplete', fromEmail: 'ana@example.com', learnerId: 'lrn_1', moduleId: 'mod_3', status: 'open', assigneeId: null, tags: [], createdAt: at, updatedAt: at, version: 1 }));
  db.prepare(
    `INSERT INTO pass_request (id, idempotency_key, outbox_id, batch_id, learner_id, learner_name, module_id, module_name, course_name, blue_bucks, ticket_id, proposal_id,
       requested_by, requested_by_name, reason, override, verdict_kind, reply_to_learner, evidence, state, lms_pass_id, sends, undo_until, requested_at, updated_at)
     VALUES ('p1', 'pass-p1-key', 'pass-p1-key', 'b1', 'lrn_1', 'Ana Lee', 'mod_3', 'Module 3: Flashing', 'Roofing Basics', 25, 'tkt_1', NULL,
       'agt_demo_admin', 'Dana Whitfield', 'Passing score in the data.', 0, 'eligible_score_data', 1, '{"kind":"score_data","attemptId":"atm_1"}', 'confirmed', 'mp_1', 1, ?, ?, ?)`,
  ).run(at, at, at);
  return { db, store };
}

function transcriptSaying(status: 'in_progress' | 'completed'): Transcript {
  return {
    learner: { id: 'lrn_1', name: 'Ana Lee', email: 'ana@example.com', workplaceId: 'wp_1' },
    entries: [{ moduleId: 'mod_3', courseId: 'crs_1', status, completedAt: status === 'completed' ? '2026-12-01T10:00:11.000Z' : null, source: status === 'completed' ? 'manual' : null }],
  };
}

describe('the verifier', () => {
  it('raises an alert while the transcript disagrees, and verifies once it agrees — then notes the ticket', async () => {
    const { db, store } = world();
    let says: 'in_progress' | 'completed' = 'in_progress';
    const client = { transcript: () => Promise.resolve(transcriptSaying(says)) } as Pick<LmsClient, 'transcript'>;
    const moved: string[] = [];
    let queued = 0;
    let changed: () => void = () => undefined;
    const verifier = createPassVerifier({
      db,
      store,
      client: () => client as LmsClient,
      clock: { now: () => new Date() },
      log: () => undefined,
      onMoved: (id) => {
        moved.push(id);
        changed();
      },
      writesQueued: () => (queued += 1),
      recheckDisagreementMs: 50,
    });
    const next = () => new Promise<void>((resolve) => (changed = resolve));
    const alerted = next();
    verifier.start();
    cleanups.push(() => verifier.stop());
    await alerted;
    expect(store.get('p1')).toMatchObject({ state: 'confirmed', alert: expect.stringMatching(/transcript shows Module 3: Flashing as in progress/) });

    says = 'completed';
    const verified = next();
    verifier.kick();
    await verified;
    const row = store.get('p1');
    expect(row).toMatchObject({ state: 'verified', alert: null });
    const notes = db.prepare<[], { author: string; body: string }>("SELECT author, body FROM message WHERE ticket_id = 'tkt_1' ORDER BY row_no").all();
    expect(notes.map((n) => n.author)).toEqual(['note', 'agent']);
    expect(notes[0]?.body).toMatch(/^Manual pass verified: Ana Lee is marked complete on Module 3: Flashing .* released 25 \$BlueBucks/);
    expect(notes[1]?.body).toMatch(/^Hi Ana,/);
    expect(queued).toBe(1);
    expect(db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE kind = 'ticket.message'").get()?.n).toBe(2);
  });
});
