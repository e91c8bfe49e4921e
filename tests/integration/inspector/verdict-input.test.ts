// The verdict's input as the inspector assembles it from a real cache, filled by syncing from
// the demo LMS over real HTTP, checked against the LMS's own change feed read independently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { createReviewStore } from '../../../src/main/evidence/review-store';
import { createInspectorHandlers } from '../../../src/main/inspector/inspector-service';
import { computeVerdict } from '../../../src/main/inspector/verdict';
import { assembleVerdictInput, verdictForLearnerModule } from '../../../src/main/inspector/verdict-input';
import { createLmsClient } from '../../../src/main/lms/client';
import { PassdeskError } from '../../../src/shared/ipc-result';
import { ChangesPage } from '../../../src/shared/lms/api';
import { Attempt, Course, Enrollment, KnownIssue, Learner, Module, Ticket, type EntityName } from '../../../src/shared/lms/entities';
import type { VerdictKind } from '../../../src/shared/verdict';
import { startDemoLms, type DemoLmsUnderTest } from '../sync/demo-lms-fixtures';
import { startEngine, statusWhere, tempDir, type EngineUnderTest } from '../sync/engine-fixtures';

/** The LMS's records as its feed sends them, read page by page without Passdesk's cache. */
interface FeedTruth {
  attempts: Attempt[];
  enrollments: Enrollment[];
  tickets: Ticket[];
  learnerEmail: Map<string, string>;
  moduleCourse: Map<string, string>;
  courseCategory: Map<string, string>;
  knownIssueIds: string[];
}

async function readFeed(demo: DemoLmsUnderTest): Promise<FeedTruth> {
  const client = createLmsClient({ baseUrl: demo.lms.url, token: demo.lms.adminToken });
  const records = new Map<EntityName, Map<string, unknown>>();
  let cursor: string | undefined;
  for (;;) {
    // The client leaves each change to the cache's checks; the demo LMS must send them whole.
    const page = ChangesPage.parse(await client.changes({ ...(cursor ? { cursor } : {}), limit: 5000 }));
    for (const change of page.changes) {
      const table = records.get(change.entity) ?? new Map<string, unknown>();
      records.set(change.entity, table);
      if (change.op === 'delete') table.delete(change.id);
      else table.set(change.id, change.data);
    }
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const list = <T,>(entity: EntityName, schema: { parse(data: unknown): T }): T[] => [...(records.get(entity)?.values() ?? [])].map((r) => schema.parse(r));
  return {
    attempts: list('attempt', Attempt),
    enrollments: list('enrollment', Enrollment),
    tickets: list('ticket', Ticket),
    learnerEmail: new Map(list('learner', Learner).map((l) => [l.id, l.email])),
    moduleCourse: new Map(list('module', Module).map((m) => [m.id, m.courseId])),
    courseCategory: new Map(list('course', Course).map((c) => [c.id, c.categoryId])),
    knownIssueIds: list('known_issue', KnownIssue).map((k) => k.id).sort(),
  };
}

const NOW = new Date('2026-12-01T09:00:00.000Z');
const server = tempDir('passdesk-inspector-lms-');
const cache = tempDir('passdesk-inspector-cache-');
let demo: DemoLmsUnderTest;
let run: EngineUnderTest;
let db: Database;
let truth: FeedTruth;
let linked: Ticket[];

beforeAll(async () => {
  demo = await startDemoLms(server.dir, 1);
  run = startEngine(cache.dir, () => ({ lmsId: 'demo', url: demo.lms.url, token: demo.lms.agentToken }));
  await statusWhere(run.engine, (s) => s.phase === 'live');
  db = run.db;
  truth = await readFeed(demo);
  linked = truth.tickets.filter((t) => t.learnerId !== null && t.moduleId !== null);
}, 180_000);

afterAll(async () => {
  await run?.close();
  await demo?.lms.close();
  cache.remove();
  server.remove();
});

function refusal(action: () => unknown): PassdeskError {
  try {
    action();
  } catch (error) {
    if (error instanceof PassdeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the verdict input assembled from the synced cache', () => {
  it('holds, for every linked ticket, exactly the LMS’s attempts, enrollment, other tickets and known issues', () => {
    expect(linked.length).toBeGreaterThan(100);
    for (const ticket of linked) {
      const learnerId = ticket.learnerId ?? '';
      const moduleId = ticket.moduleId ?? '';
      const { input, checklistKnown } = assembleVerdictInput(db, { learnerId, moduleId, ticketId: ticket.id }, NOW);

      const theirs = truth.attempts.filter((a) => a.learnerId === learnerId);
      expect(input.attempts.map((a) => a.id).sort(), `attempts for ${ticket.id}`).toEqual(theirs.filter((a) => a.moduleId === moduleId).map((a) => a.id).sort());
      const enrolledModules = new Set(truth.enrollments.filter((e) => e.learnerId === learnerId).map((e) => e.moduleId));
      expect(input.otherAttempts.map((a) => a.id).sort()).toEqual(theirs.filter((a) => a.moduleId !== moduleId && enrolledModules.has(a.moduleId)).map((a) => a.id).sort());
      expect(input.enrollment?.id ?? null).toBe(truth.enrollments.find((e) => e.learnerId === learnerId && e.moduleId === moduleId)?.id ?? null);

      const email = truth.learnerEmail.get(learnerId)?.toLowerCase();
      const otherTickets = truth.tickets.filter((t) => t.id !== ticket.id && (t.learnerId === learnerId || (t.learnerId === null && t.fromEmail.toLowerCase() === email)));
      expect(input.otherTickets.map((t) => t.id).sort()).toEqual(otherTickets.map((t) => t.id).sort());
      for (const other of input.otherTickets) {
        const courseId = other.moduleId ? truth.moduleCourse.get(other.moduleId) : undefined;
        expect(other.courseId).toBe(courseId ?? null);
        expect(other.categoryId).toBe(courseId ? truth.courseCategory.get(courseId) : null);
      }
      expect(input.knownIssues.map((k) => k.id).sort()).toEqual(truth.knownIssueIds);
      expect(input.ticket?.id).toBe(ticket.id);
      expect(checklistKnown).toBe(true);
      // The linked ticket names its learner and module: the article's details step is done.
      expect(input.ticket?.checklist.detailsReceived).toBe(true);
    }
  });

  it('gives the pass panel the same verdict the inspector shows', async () => {
    const handlers = createInspectorHandlers({ db, clock: { now: () => NOW } });
    for (const ticket of linked.slice(0, 60)) {
      const target = { learnerId: ticket.learnerId ?? '', moduleId: ticket.moduleId ?? '', ticketId: ticket.id };
      const shown = await handlers['inspector.open'](target);
      expect(verdictForLearnerModule(db, target.learnerId, target.moduleId, ticket.id, NOW)).toEqual(shown.verdict);
      expect(computeVerdict(assembleVerdictInput(db, target, NOW).input)).toEqual(shown.verdict);
    }
  });

  it('reaches the verdicts the demo data was seeded for', () => {
    const kinds = new Set<VerdictKind>(linked.map((t) => verdictForLearnerModule(db, t.learnerId ?? '', t.moduleId ?? '', t.id, NOW).kind));
    for (const kind of ['not_eligible_already_complete', 'not_eligible_failing_score', 'eligible_score_data', 'needs_screenshot', 'check_computer_first'] as const) {
      expect(kinds, `some demo ticket gets ${kind}`).toContain(kind);
    }
    // A ticket about a module the learner is not enrolled in.
    const stranger = truth.tickets.find((t) => t.learnerId !== null && t.moduleId !== null && !truth.enrollments.some((e) => e.learnerId === t.learnerId && e.moduleId === t.moduleId));
    if (stranger) expect(verdictForLearnerModule(db, stranger.learnerId ?? '', stranger.moduleId ?? '', stranger.id, NOW).kind).toBe('not_eligible_not_enrolled');
  });

  it('counts a reviewed screenshot showing a pass as the evidence it is', () => {
    const candidates = linked.filter((t) => db.prepare("SELECT 1 FROM attachment WHERE ticket_id = ? AND content_type LIKE 'image/%'").get(t.id) !== undefined);
    const waiting = candidates.find((t) => verdictForLearnerModule(db, t.learnerId ?? '', t.moduleId ?? '', t.id, NOW).kind === 'needs_screenshot');
    expect(waiting, 'a demo ticket with a screenshot that waits for its review').toBeDefined();
    if (!waiting) return;
    const before = assembleVerdictInput(db, { learnerId: waiting.learnerId ?? '', moduleId: waiting.moduleId ?? '', ticketId: waiting.id }, NOW).input;
    expect(before.screenshots.length).toBeGreaterThan(0);
    const reviews = createReviewStore(db);
    for (const shot of before.screenshots) {
      reviews.record(
        { attachmentId: shot.attachmentId, sha256: shot.sha256, reviewedBy: 'agt_0001', reviewerName: 'Dana Whitfield', reviewedAt: NOW.toISOString(), showsPassingScore: true, scoreRead: 100, courseShown: before.course.name, moduleShown: before.module.name },
        null,
      );
    }
    const after = verdictForLearnerModule(db, waiting.learnerId ?? '', waiting.moduleId ?? '', waiting.id, NOW);
    expect(['eligible_screenshot', 'eligible_known_issue']).toContain(after.kind);
    expect(before.screenshots.map((s) => s.attachmentId)).toContain(after.evidence.screenshotReview?.attachmentId);
    expect(after.missingSteps).not.toContain('screenshotReviewed');
  });

  it('reads the ticket as the agent sees it: a link made on this desk and not yet confirmed counts', () => {
    const ticket = truth.tickets.find((t) => t.learnerId !== null && t.moduleId === null && truth.enrollments.some((e) => e.learnerId === t.learnerId));
    expect(ticket).toBeDefined();
    if (!ticket) return;
    const moduleId = truth.enrollments.find((e) => e.learnerId === ticket.learnerId)?.moduleId ?? '';
    db.prepare('UPDATE ticket SET module_id = ?, pending_edits = 1 WHERE id = ?').run(moduleId, ticket.id);
    try {
      const { input } = assembleVerdictInput(db, { learnerId: ticket.learnerId ?? '', moduleId, ticketId: ticket.id }, NOW);
      expect(input.ticket?.checklist.detailsReceived).toBe(true);
    } finally {
      db.prepare('UPDATE ticket SET module_id = NULL, pending_edits = 0 WHERE id = ?').run(ticket.id);
    }
  });

  it('refuses, in words a person can act on, what the cache does not hold or what does not belong together', () => {
    const ticket = linked[0] as Ticket;
    const learnerId = ticket.learnerId ?? '';
    const moduleId = ticket.moduleId ?? '';
    expect(refusal(() => assembleVerdictInput(db, { learnerId: 'lrn_nobody', moduleId, ticketId: null }, NOW)).message).toMatch(/no learner lrn_nobody.*Search/);
    expect(refusal(() => assembleVerdictInput(db, { learnerId, moduleId: 'mod_nowhere', ticketId: null }, NOW)).code).toBe('not_found');
    const strangers = linked.find((t) => t.learnerId !== learnerId) as Ticket;
    expect(refusal(() => assembleVerdictInput(db, { learnerId, moduleId, ticketId: strangers.id }, NOW)).message).toMatch(/not one of .*'s tickets/);
    const otherModule = truth.enrollments.find((e) => e.learnerId === learnerId && e.moduleId !== moduleId);
    if (otherModule) {
      const wrong = refusal(() => assembleVerdictInput(db, { learnerId, moduleId: otherModule.moduleId, ticketId: ticket.id }, NOW));
      expect(wrong.code).toBe('refused');
      expect(wrong.message).toMatch(/linked to another module/);
    }
  });
});

describe('the Known Issues overview on the synced cache', () => {
  it('lists every known issue with the open tickets and attempts it matches, and a failure map whose counts add up', async () => {
    const handlers = createInspectorHandlers({ db, clock: { now: () => NOW } });
    const overview = await handlers['knownIssues.overview']({ sinceDays: 90 });
    expect(overview.issues.map((i) => i.id).sort()).toEqual(truth.knownIssueIds);
    for (const issue of overview.issues) {
      expect(issue.troubledAttempts).toBeLessThanOrEqual(issue.matchingAttempts);
      expect(issue.attempts.length).toBe(Math.min(issue.matchingAttempts, 50));
      for (const a of issue.attempts) {
        const attempt = truth.attempts.find((x) => x.id === a.id);
        const courseId = truth.moduleCourse.get(attempt?.moduleId ?? '');
        expect(truth.courseCategory.get(courseId ?? '')).toBe(issue.categoryId);
        if (issue.courseId) expect(courseId).toBe(issue.courseId);
      }
      for (const t of issue.openTickets) {
        const ticket = truth.tickets.find((x) => x.id === t.id);
        expect(ticket?.status).not.toBe('resolved');
        expect(ticket?.learnerId).toBe(t.learnerId);
      }
    }
    expect(overview.issues.some((i) => i.openTickets.length > 0)).toBe(true);
    const map = overview.failureMap;
    const shown = new Set(map.categories.map((c) => c.id));
    for (const cat of map.categories) {
      const cells = map.cells.filter((c) => c.categoryId === cat.id);
      expect(cells.reduce((n, c) => n + c.attempts, 0)).toBe(cat.attempts);
      expect(cells.reduce((n, c) => n + c.failures, 0)).toBe(cat.failures);
    }
    expect(map.cells.every((c) => shown.has(c.categoryId))).toBe(true);
    expect(map.failures).toBeLessThanOrEqual(map.attempts);
    // The same data asked again is answered from memory, identically.
    expect(await handlers['knownIssues.overview']({ sinceDays: 90 })).toEqual(overview);
  });
});
