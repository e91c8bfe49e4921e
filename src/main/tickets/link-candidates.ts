// The courses a ticket may be about, from the cache, for the link suggestion: the learner's
// own courses first (what learners write about), the whole catalog when the learner is not
// known or names a course they are not in. The whole catalog is indexed once and kept until
// courses or modules change.
import type { Database, Statement } from 'better-sqlite3';
import { buildLinkCatalog, type CourseCandidate, type LinkCatalog } from './link-suggestion';

export interface LinkCandidates {
  /** The catalog of the learner's enrolled courses, and which modules they are enrolled in. */
  learnerCatalog(learnerId: string): { catalog: LinkCatalog; enrolled: Set<string> };
  /** Every course in the cache. */
  wholeCatalog(): LinkCatalog;
}

interface CourseModuleRow {
  course_id: string;
  course_name: string;
  module_id: string;
  module_name: string;
}

function group(rows: readonly CourseModuleRow[]): CourseCandidate[] {
  const byCourse = new Map<string, { id: string; name: string; modules: { id: string; name: string }[] }>();
  for (const r of rows) {
    const course = byCourse.get(r.course_id) ?? { id: r.course_id, name: r.course_name, modules: [] };
    course.modules.push({ id: r.module_id, name: r.module_name });
    byCourse.set(r.course_id, course);
  }
  return [...byCourse.values()];
}

export function createLinkCandidates(db: Database): LinkCandidates {
  const enrolledModules: Statement<[string], { module_id: string }> = db.prepare('SELECT module_id FROM enrollment WHERE learner_id = ?');
  const learnerCourses: Statement<[string], CourseModuleRow> = db.prepare(
    `SELECT co.id AS course_id, co.name AS course_name, mo.id AS module_id, mo.name AS module_name
       FROM course co JOIN module mo ON mo.course_id = co.id
      WHERE co.id IN (SELECT m2.course_id FROM enrollment e JOIN module m2 ON m2.id = e.module_id WHERE e.learner_id = ?)
      ORDER BY co.id, mo.name`,
  );
  const allCourses: Statement<[], CourseModuleRow> = db.prepare(
    'SELECT co.id AS course_id, co.name AS course_name, mo.id AS module_id, mo.name AS module_name FROM course co JOIN module mo ON mo.course_id = co.id ORDER BY co.id, mo.name',
  );
  const size: Statement<[], { courses: number; modules: number; seq: number | null }> = db.prepare(
    'SELECT (SELECT count(*) FROM course) AS courses, (SELECT count(*) FROM module) AS modules, (SELECT max(seq) FROM course) AS seq',
  );
  let whole: { key: string; catalog: LinkCatalog } | null = null;

  return {
    learnerCatalog(learnerId) {
      const enrolled = new Set(enrolledModules.all(learnerId).map((r) => r.module_id));
      return { catalog: buildLinkCatalog(group(learnerCourses.all(learnerId))), enrolled };
    },
    wholeCatalog() {
      const s = size.get();
      const key = `${s?.courses ?? 0}/${s?.modules ?? 0}/${s?.seq ?? 0}`;
      if (whole?.key !== key) whole = { key, catalog: buildLinkCatalog(group(allCourses.all())) };
      return whole.catalog;
    },
  };
}
