// The attempt data shown beside a screenshot: the learner's attempts on the ticket's module,
// read from the cache, with the module's passing score — what the screenshot is compared with.
import type { Database } from 'better-sqlite3';
import type { ScreenshotAttemptContext } from '../../shared/channels/evidence';
import { Attempt, Course, Module } from '../../shared/lms/entities';
import { scorePercent } from '../inspector/score-percent';

const ATTEMPTS_SHOWN = 50;

export function createAttemptContextReader(db: Database): (learnerId: string | null, moduleId: string | null) => ScreenshotAttemptContext | null {
  const learner = db.prepare<[string], { name: string }>('SELECT name FROM learner WHERE id = ?');
  const moduleRow = db.prepare<[string], { data: string }>('SELECT data FROM module WHERE id = ?');
  const courseRow = db.prepare<[string], { data: string }>('SELECT data FROM course WHERE id = ?');
  const enrollment = db.prepare<[string, string], { status: string }>('SELECT status FROM enrollment WHERE learner_id = ? AND module_id = ?');
  const attempts = db.prepare<[string, string, number], { data: string }>('SELECT data FROM attempt WHERE learner_id = ? AND module_id = ? ORDER BY started_at DESC LIMIT ?');

  return (learnerId, moduleId) => {
    if (learnerId === null || moduleId === null) return null;
    const who = learner.get(learnerId);
    const moduleParsed = Module.safeParse(JSON.parse(moduleRow.get(moduleId)?.data ?? 'null'));
    if (!who || !moduleParsed.success) return null;
    const mod = moduleParsed.data;
    const course = Course.safeParse(JSON.parse(courseRow.get(mod.courseId)?.data ?? 'null'));
    const status = enrollment.get(learnerId, moduleId)?.status;
    return {
      learnerId,
      learnerName: who.name,
      moduleId,
      moduleName: mod.name,
      courseName: course.success ? course.data.name : null,
      passingScore: mod.passingScore,
      enrollmentStatus: status === 'not_started' || status === 'in_progress' || status === 'completed' ? status : 'not_enrolled',
      attempts: attempts
        .all(learnerId, moduleId, ATTEMPTS_SHOWN)
        .map((row) => Attempt.safeParse(JSON.parse(row.data)))
        .filter((parsed) => parsed.success)
        .map(({ data: a }) => ({
          id: a.id,
          startedAt: a.startedAt,
          lastDataAt: a.lastDataAt,
          standard: a.standard,
          completionStatus: a.completionStatus,
          successStatus: a.successStatus,
          sessionTime: a.sessionTime,
          environment: a.environment,
          percent: scorePercent(a).percent,
          errorCount: a.errors.length,
        })),
    };
  };
}
