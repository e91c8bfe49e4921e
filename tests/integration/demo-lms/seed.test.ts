// The seed generator: the sizes issue 3 names, every record valid, every case the inspector
// must tell apart present, the same seed giving the same data — and a restart reusing it.
import { createHash } from 'node:crypto';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualPassResponse } from '../../../src/shared/lms/api';
import { entitySchemas, type Attempt, type EntityName } from '../../../src/shared/lms/entities';
import type { StateDigest } from '../../../src/shared/lms/state-digest';
import { computeStateDigest } from '../../../src/demo-lms/routes/demo-routes';
import { openDemoDatabase } from '../../../src/demo-lms/store/demo-database';
import { RecordStore } from '../../../src/demo-lms/store/record-store';
import { startDemoLms } from './demo-lms-harness';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'passdesk-seed-'));
  dirs.push(dir);
  return dir;
}

function seedInto(dir: string, seed: number): { store: RecordStore; digest: StateDigest; close: () => void } {
  const opened = openDemoDatabase({ dataDir: dir, scale: 'small', seed, log: () => undefined });
  const store = new RecordStore(opened.db);
  return { store, digest: computeStateDigest(store, sha256), close: () => opened.db.close() };
}

let first: ReturnType<typeof seedInto>;
let firstDir: string;
beforeAll(() => {
  firstDir = freshDir();
  first = seedInto(firstDir, 1);
});
afterAll(() => {
  first.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('small scale', () => {
  it('has the sizes the issue names', () => {
    const count = (e: EntityName) => first.digest[e].count;
    expect({ categories: count('category'), courses: count('course'), modules: count('module'), workplaces: count('workplace'), learners: count('learner'), enrollments: count('enrollment'), attempts: count('attempt'), tickets: count('ticket') }).toEqual({
      categories: 20, courses: 200, modules: 800, workplaces: 150, learners: 2000, enrollments: 20000, attempts: 30000, tickets: 500,
    });
    expect(count('message')).toBeGreaterThan(1500);
    expect(count('message')).toBeLessThan(2600);
    expect(count('agent')).toBeGreaterThanOrEqual(4);
    expect(count('known_issue')).toBeGreaterThanOrEqual(4);
    expect(count('attachment')).toBeGreaterThanOrEqual(10);
    expect(count('manual_pass')).toBeGreaterThan(0);
  });

  it('writes only records that satisfy the shared schemas', () => {
    for (const entity of Object.keys(entitySchemas) as EntityName[]) {
      for (const record of first.store.all(entity)) {
        const result = entitySchemas[entity].safeParse(record);
        if (!result.success) throw new Error(`${entity} ${record.id}: ${result.error.message}`);
      }
    }
  });

  it('covers every case the inspector must tell apart', () => {
    const attempts = [...first.store.all('attempt')] as Attempt[];
    const modules = new Map([...first.store.all('module')].map((m) => [m.id, m]));
    const percent = (a: Attempt) => (a.scoreRaw === null ? null : a.scoreMax ? (a.scoreRaw / a.scoreMax) * 100 : a.scoreRaw);
    const passing = (a: Attempt) => (percent(a) ?? -1) >= (modules.get(a.moduleId)?.passingScore ?? 101);
    expect(attempts.some((a) => passing(a) && a.completionStatus === 'completed')).toBe(true);
    expect(attempts.some((a) => passing(a) && a.completionStatus === 'incomplete')).toBe(true);
    expect(attempts.some((a) => a.scoreRaw !== null && !passing(a) && a.successStatus === 'failed')).toBe(true);
    expect(attempts.some((a) => a.lastDataAt === null && Object.keys(a.cmi).length === 0)).toBe(true);
    expect(attempts.some((a) => a.standard === 'scorm12' && a.suspendDataLength >= 4000 && a.suspendDataLength <= 4096)).toBe(true);
    expect(attempts.some((a) => a.errors.some((e) => /LMSCommit|LMSFinish/.test(e.code + e.message)))).toBe(true);
    expect(attempts.some((a) => a.lastDataAt !== null && a.sessionTime === null && a.completionStatus === 'incomplete')).toBe(true);
    expect(new Set(attempts.map((a) => a.standard))).toEqual(new Set(['scorm12', 'scorm2004', 'xapi']));
    expect(attempts.find((a) => a.standard === 'scorm12' && a.scoreRaw !== null)?.cmi['cmi.core.score.raw']).toMatch(/^\d+$/);

    const enrollments = [...first.store.all('enrollment')];
    expect(new Set(enrollments.map((e) => e.completionSource))).toEqual(new Set([null, 'tracked', 'manual']));
    const knownIssues = [...first.store.all('known_issue')];
    expect(knownIssues.some((k) => k.os === 'macOS' && k.browser === 'Safari')).toBe(true);
  });

  it('reads like a real LMS: trade categories, module names, work e-mails, tickets in learners\' words', () => {
    const categories = [...first.store.all('category')].map((c) => c.name).join(' | ');
    expect(categories).toMatch(/Door Hardware|HVAC|Roofing|Flooring|Lighting|Plumbing/);
    expect([...first.store.all('module')].every((m) => /^Module \d+: \S/.test(m.name))).toBe(true);
    const workplaces = new Map([...first.store.all('workplace')].map((w) => [w.id, w]));
    const learners = [...first.store.all('learner')];
    expect(learners.every((l) => workplaces.has(l.workplaceId) && /^[a-z0-9.]+@[a-z0-9-]+\.[a-z]+$/.test(l.email))).toBe(true);
    const bodies = [...first.store.all('message')].filter((m) => m.author === 'learner').map((m) => m.body).join('\n');
    expect(bodies).toMatch(/\bmod(ule)? \d/i);
    expect(bodies).toMatch(/incomplete/);
    const notes = [...first.store.all('message')].filter((m) => m.author === 'note');
    expect(notes.length).toBeGreaterThan(50);
  });

  it('ships real screenshots, some of them sent by more than one learner', () => {
    const attachments = [...first.store.all('attachment')];
    expect(new Set(attachments.map((a) => a.contentType))).toEqual(new Set(['image/png', 'image/jpeg']));
    const tickets = new Map([...first.store.all('ticket')].map((t) => [t.id, t]));
    const sendersBySha = new Map<string, Set<string>>();
    for (const a of attachments) sendersBySha.set(a.sha256, (sendersBySha.get(a.sha256) ?? new Set()).add(tickets.get(a.ticketId)?.fromEmail ?? ''));
    expect([...sendersBySha.values()].some((senders) => senders.size > 1)).toBe(true);
  });
});

describe('determinism', () => {
  it('gives the same data for the same seed and different data for another', () => {
    const again = seedInto(freshDir(), 1);
    const other = seedInto(freshDir(), 2);
    try {
      expect(again.digest).toEqual(first.digest);
      expect(other.digest.ticket.checksum).not.toBe(first.digest.ticket.checksum);
      expect(other.digest.attempt.checksum).not.toBe(first.digest.attempt.checksum);
    } finally {
      again.close();
      other.close();
    }
  });
});

describe('restarting', () => {
  it('reuses the database with the passes made on it instead of seeding again', async () => {
    const dir = freshDir();
    const one = await startDemoLms({ dataDir: dir, seed: 1 });
    expect(one.lms.seededInMs).not.toBeNull();
    const enrollment = [...first.store.all('enrollment')].find((e) => e.status === 'in_progress');
    const attempts = (await one.admin('GET', `/enrollments?learnerId=${enrollment?.learnerId}`)).body as { enrollments: { moduleId: string; status: string }[] };
    const target = attempts.enrollments.find((e) => e.status === 'in_progress');
    const sent = (await one.admin('POST', '/__demo/attempts', { learnerId: enrollment?.learnerId, moduleId: target?.moduleId, scoreRaw: 95, completionStatus: 'incomplete', successStatus: 'passed' })).body as { attempt: { id: string } };
    const pass = await one.admin('POST', '/manual-passes', { learnerId: enrollment?.learnerId, moduleId: target?.moduleId, reason: 'Score 95 came back.', evidence: { kind: 'score_data', attemptId: sent.attempt.id } }, { 'idempotency-key': 'restart-pass-0001' });
    const made = ManualPassResponse.parse(pass.body).manualPass;
    await one.stop();

    const two = await startDemoLms({ dataDir: dir, seed: 1 });
    try {
      expect(two.lms.seededInMs).toBeNull();
      const replay = await two.admin('POST', '/manual-passes', { learnerId: enrollment?.learnerId, moduleId: target?.moduleId, reason: 'Score 95 came back.', evidence: { kind: 'score_data', attemptId: sent.attempt.id } }, { 'idempotency-key': 'restart-pass-0001' });
      expect(ManualPassResponse.parse(replay.body).manualPass).toEqual(made);
    } finally {
      await two.stop();
    }
  });

  it('runs as a forked child: says ready over IPC with its URL and tokens, and stops on SIGTERM', async () => {
    const child = fork(path.resolve('src/demo-lms/cli.ts'), ['--data', firstDir, '--port', '0', '--admin-token', 'admin-token-for-fork-test'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const ready = await new Promise<{ type: string; url: string; adminToken: string; agentToken: string }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { type: string; url: string; adminToken: string; agentToken: string }));
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    expect(ready).toMatchObject({ type: 'ready', adminToken: 'admin-token-for-fork-test' });
    expect(ready.agentToken.length).toBeGreaterThanOrEqual(22);
    const me = await fetch(`${ready.url}/api/v1/me`, { headers: { authorization: `Bearer ${ready.adminToken}` } });
    expect(me.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
