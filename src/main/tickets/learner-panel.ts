// The learner next to the ticket: who they are, where they work, their other tickets, and
// their enrollments and recent attempts across every course — with the completion trouble
// in other courses called out, because the article warns that a learner with trouble in one
// course often has it in others, and that points at their computer, not the course.
import type { Database, Statement } from 'better-sqlite3';
import type { LearnerPanel, PanelCourse, PanelModule, PanelTicket } from '../../shared/channels/tickets';
import { Attempt, Enrollment, KnownIssue, Ticket } from '../../shared/lms/entities';
import type { OtherAttempt, OtherTicket } from '../../shared/verdict';
import { findTroubleElsewhere } from '../inspector/completion-trouble';
import { reachesPassingScore, scorePercent } from '../inspector/score-percent';
import { verdictSourcesFromCache } from '../inspector/verdict-sources';

/** Attempts shown per module; older ones are counted, not listed. */
export const RECENT_ATTEMPTS = 3;

export class LearnerNotFound extends Error {
  constructor(readonly learnerId: string) {
    super(`Learner ${learnerId} is not in this desk's cache yet; the panel fills in once the sync brings them.`);
    this.name = 'LearnerNotFound';
  }
}

interface PlaceRow {
  module_id: string;
  module_name: string;
  passing_score: number;
  course_id: string;
  course_name: string;
  category_id: string;
  category_name: string;
}

export interface LearnerPanels {
  panel(learnerId: string, ticketId: string | null): LearnerPanel;
}

export function createLearnerPanels(db: Database, now: () => Date): LearnerPanels {
  const facts = verdictSourcesFromCache(db);
  const learner: Statement<[string], { id: string; name: string; email: string; workplace_id: string; workplace: string | null }> = db.prepare(
    'SELECT l.id, l.name, l.email, l.workplace_id, w.name AS workplace FROM learner l LEFT JOIN workplace w ON w.id = l.workplace_id WHERE l.id = ?',
  );
  const tickets: Statement<[string, string], { data: string }> = db.prepare(
    'SELECT data FROM ticket WHERE learner_id = ? UNION SELECT data FROM ticket WHERE from_email = ? COLLATE NOCASE',
  );
  const enrollments: Statement<[string], { data: string }> = db.prepare('SELECT data FROM enrollment WHERE learner_id = ?');
  const attempts: Statement<[string], { data: string }> = db.prepare('SELECT data FROM attempt WHERE learner_id = ?');
  const knownIssues: Statement<[], { data: string }> = db.prepare('SELECT data FROM known_issue');
  const placeStatements = new Map<number, Statement>();
  function places(moduleIds: readonly string[]): Map<string, PlaceRow> {
    if (moduleIds.length === 0) return new Map();
    let statement = placeStatements.get(moduleIds.length);
    if (!statement) {
      statement = db.prepare(
        `SELECT mo.id AS module_id, mo.name AS module_name, mo.passing_score, co.id AS course_id, co.name AS course_name, ca.id AS category_id, ca.name AS category_name
           FROM module mo JOIN course co ON co.id = mo.course_id JOIN category ca ON ca.id = co.category_id
          WHERE mo.id IN (${moduleIds.map(() => '?').join(', ')})`,
      );
      placeStatements.set(moduleIds.length, statement);
    }
    return new Map((statement.all(...moduleIds) as PlaceRow[]).map((p) => [p.module_id, p]));
  }

  return {
    panel(learnerId, ticketId) {
      const who = learner.get(learnerId);
      if (!who) throw new LearnerNotFound(learnerId);
      const nowMs = now().getTime();
      const theirTickets = tickets.all(who.id, who.email).map((r) => Ticket.parse(JSON.parse(r.data)));
      const theirEnrollments = enrollments.all(who.id).map((r) => Enrollment.parse(JSON.parse(r.data)));
      const theirAttempts = attempts.all(who.id).map((r) => Attempt.parse(JSON.parse(r.data)));
      const moduleIds = [...new Set([...theirEnrollments.map((e) => e.moduleId), ...theirAttempts.map((a) => a.moduleId), ...theirTickets.flatMap((t) => (t.moduleId ? [t.moduleId] : []))])];
      const where = places(moduleIds);
      const current = ticketId ? theirTickets.find((t) => t.id === ticketId) : undefined;
      const currentCourse = current?.moduleId ? (where.get(current.moduleId)?.course_id ?? null) : null;

      const enrollmentOf = new Map(theirEnrollments.map((e) => [e.moduleId, e]));
      const otherAttempts: OtherAttempt[] = theirAttempts.flatMap((a) => {
        const place = where.get(a.moduleId);
        if (!place) return [];
        const { learnerId: _learner, cmi: _cmi, ...rest } = a;
        return [{
          ...rest,
          moduleName: place.module_name,
          passingScore: place.passing_score,
          courseId: place.course_id,
          courseName: place.course_name,
          categoryId: place.category_id,
          enrollmentStatus: enrollmentOf.get(a.moduleId)?.status ?? 'in_progress',
        }];
      });
      const otherTickets: OtherTicket[] = theirTickets
        .filter((t) => t.id !== ticketId)
        .map((t) => {
          const place = t.moduleId ? where.get(t.moduleId) : undefined;
          return {
            id: t.id,
            subject: t.subject,
            status: t.status,
            createdAt: t.createdAt,
            tags: t.tags,
            moduleId: t.moduleId,
            courseId: place?.course_id ?? null,
            categoryId: place?.category_id ?? null,
            courseName: place?.course_name ?? null,
            reportedEnvironment: facts.reportedEnvironment(t.id),
          };
        });
      const trouble = findTroubleElsewhere({
        courseId: currentCourse ?? '',
        otherTickets,
        otherAttempts,
        knownIssues: knownIssues.all().map((r) => KnownIssue.parse(JSON.parse(r.data))),
        nowMs,
      });
      const signsByCourse = new Map<string, string[]>();
      for (const sign of trouble.signs) signsByCourse.set(sign.courseId, [...(signsByCourse.get(sign.courseId) ?? []), sign.description]);

      const courses = new Map<string, PanelCourse>();
      for (const moduleId of moduleIds) {
        const place = where.get(moduleId);
        const enrollment = enrollmentOf.get(moduleId);
        if (!place || !enrollment) continue;
        const onModule = theirAttempts.filter((a) => a.moduleId === moduleId).sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
        const module: PanelModule = {
          moduleId,
          moduleName: place.module_name,
          passingScore: place.passing_score,
          status: enrollment.status,
          completedAt: enrollment.completedAt,
          completionSource: enrollment.completionSource,
          attempts: onModule.slice(0, RECENT_ATTEMPTS).map((a) => {
            const { percent } = scorePercent(a);
            return {
              id: a.id,
              startedAt: a.startedAt,
              lastDataAt: a.lastDataAt,
              scorePercent: percent,
              passed: percent === null ? (a.successStatus === null || a.successStatus === 'unknown' ? null : a.successStatus === 'passed') : reachesPassingScore(percent, place.passing_score),
              completionStatus: a.completionStatus,
              successStatus: a.successStatus,
              errors: a.errors.length,
              environment: [a.environment.os, a.environment.browser].filter((s) => s.trim() !== '').join(', '),
            };
          }),
          olderAttempts: Math.max(0, onModule.length - RECENT_ATTEMPTS),
        };
        const course = courses.get(place.course_id) ?? {
          courseId: place.course_id,
          courseName: place.course_name,
          categoryName: place.category_name,
          modules: [],
          trouble: signsByCourse.get(place.course_id) ?? [],
          current: place.course_id === currentCourse,
          lastActivityAt: null,
        };
        course.modules.push(module);
        const latest = onModule[0]?.lastDataAt ?? onModule[0]?.startedAt ?? enrollment.completedAt;
        if (latest && (course.lastActivityAt === null || latest > course.lastActivityAt)) course.lastActivityAt = latest;
        courses.set(place.course_id, course);
      }
      // This ticket's course first, then trouble, then the most recently active.
      const ordered = [...courses.values()]
        .map((c) => ({ ...c, modules: c.modules.sort((a, b) => a.moduleName.localeCompare(b.moduleName)) }))
        .sort((a, b) => Number(b.current) - Number(a.current) || b.trouble.length - a.trouble.length || (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? ''));

      const panelTickets: PanelTicket[] = theirTickets
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((t) => {
          const place = t.moduleId ? where.get(t.moduleId) : undefined;
          return { id: t.id, subject: t.subject, status: t.status, createdAt: t.createdAt, courseName: place?.course_name ?? null, moduleName: place?.module_name ?? null };
        });
      const troubled = trouble.unexplainedCourses.length;
      return {
        learner: { id: who.id, name: who.name, email: who.email, workplaceName: who.workplace },
        workplace: who.workplace ? { id: who.workplace_id, name: who.workplace } : null,
        tickets: panelTickets,
        courses: ordered,
        troubleElsewhere: troubled,
        warning: trouble.signs.length > 0 ? trouble.summary : null,
      };
    },
  };
}
