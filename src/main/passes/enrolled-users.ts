// The panel's lists, read from the cache so they work offline: Course Category → the modules
// of its courses (a course alone is never a choice) → the module's enrolled users, searched
// by keyword over name and e-mail through the learner full-text index, or by workplace.
import type { Database } from 'better-sqlite3';
import type { ModuleWorkplace, PassCategory, PassModule } from '../../shared/channels/passes';
import type { z } from 'zod';
import type { EnrollmentStatus } from '../../shared/lms/entities';

/** "jane smi" → "jane"* AND "smi"*: each word a prefix, quotes doubled so no word is FTS syntax. */
export function keywordMatch(keyword: string): string | null {
  const words = keyword
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND ');
}

export interface EnrolledRow {
  learner_id: string;
  name: string;
  email: string;
  workplace_id: string;
  workplace_name: string | null;
  status: z.infer<typeof EnrollmentStatus>;
  completed_at: string | null;
  completion_source: 'tracked' | 'manual' | null;
}

export interface UsersSearch {
  moduleId: string;
  keyword: string;
  workplaceId: string | null;
  offset: number;
  limit: number;
}

export interface EnrolledUsers {
  categories(): { categories: PassCategory[]; totalModules: number };
  modules(categoryId: string | null, keyword: string, offset: number, limit: number): { modules: PassModule[]; total: number };
  module(moduleId: string): PassModule | null;
  search(query: UsersSearch): { rows: EnrolledRow[]; total: number };
  workplaces(moduleId: string): ModuleWorkplace[];
  notCompletedIn(moduleId: string, workplaceId: string, limit: number): { learnerIds: string[]; total: number };
}

const MODULE_COLUMNS = `m.id, m.name, m.course_id, c.name AS course_name, c.category_id, k.name AS category_name, c.blue_bucks, m.passing_score`;
interface ModuleRow {
  id: string;
  name: string;
  course_id: string;
  course_name: string;
  category_id: string;
  category_name: string;
  blue_bucks: number;
  passing_score: number;
}
const moduleOf = (r: ModuleRow): PassModule => ({
  id: r.id,
  name: r.name,
  courseId: r.course_id,
  courseName: r.course_name,
  categoryId: r.category_id,
  categoryName: r.category_name,
  blueBucks: r.blue_bucks,
  passingScore: r.passing_score,
});

const USER_COLUMNS = `l.id AS learner_id, l.name, l.email, l.workplace_id, w.name AS workplace_name, e.status, e.completed_at, e.completion_source`;

export function createEnrolledUsers(db: Database): EnrolledUsers {
  const categories = db.prepare<[], { id: string; name: string; modules: number }>(
    `SELECT k.id, k.name, count(m.id) AS modules FROM category k
     LEFT JOIN course c ON c.category_id = k.id LEFT JOIN module m ON m.course_id = c.id
     GROUP BY k.id ORDER BY k.name COLLATE NOCASE`,
  );
  const moduleById = db.prepare<[string], ModuleRow>(
    `SELECT ${MODULE_COLUMNS} FROM module m JOIN course c ON c.id = m.course_id JOIN category k ON k.id = c.category_id WHERE m.id = ?`,
  );
  const byKeyword = {
    rows: db.prepare<{ module: string; match: string; limit: number; offset: number }, EnrolledRow>(
      `SELECT ${USER_COLUMNS}
       FROM learner_fts f JOIN learner l ON l.row_no = f.rowid
       JOIN enrollment e ON e.learner_id = l.id AND e.module_id = @module
       LEFT JOIN workplace w ON w.id = l.workplace_id
       WHERE learner_fts MATCH @match
       ORDER BY l.name COLLATE NOCASE, l.id LIMIT @limit OFFSET @offset`,
    ),
    count: db.prepare<{ module: string; match: string }, { n: number }>(
      `SELECT count(*) AS n FROM learner_fts f JOIN learner l ON l.row_no = f.rowid
       JOIN enrollment e ON e.learner_id = l.id AND e.module_id = @module WHERE learner_fts MATCH @match`,
    ),
  };
  const byWorkplace = {
    rows: db.prepare<{ module: string; workplace: string; limit: number; offset: number }, EnrolledRow>(
      `SELECT ${USER_COLUMNS}
       FROM learner l JOIN enrollment e ON e.learner_id = l.id AND e.module_id = @module
       LEFT JOIN workplace w ON w.id = l.workplace_id
       WHERE l.workplace_id = @workplace
       ORDER BY l.name COLLATE NOCASE, l.id LIMIT @limit OFFSET @offset`,
    ),
    count: db.prepare<{ module: string; workplace: string }, { n: number }>(
      `SELECT count(*) AS n FROM learner l JOIN enrollment e ON e.learner_id = l.id AND e.module_id = @module WHERE l.workplace_id = @workplace`,
    ),
  };
  const all = {
    rows: db.prepare<{ module: string; limit: number; offset: number }, EnrolledRow>(
      `SELECT ${USER_COLUMNS}
       FROM enrollment e JOIN learner l ON l.id = e.learner_id
       LEFT JOIN workplace w ON w.id = l.workplace_id
       WHERE e.module_id = @module
       ORDER BY l.name COLLATE NOCASE, l.id LIMIT @limit OFFSET @offset`,
    ),
    count: db.prepare<{ module: string }, { n: number }>('SELECT count(*) AS n FROM enrollment WHERE module_id = @module'),
  };
  const workplaces = db.prepare<[string], { id: string; name: string | null; enrolled: number; not_completed: number }>(
    `SELECT l.workplace_id AS id, w.name, count(*) AS enrolled, sum(e.status <> 'completed') AS not_completed
     FROM enrollment e JOIN learner l ON l.id = e.learner_id LEFT JOIN workplace w ON w.id = l.workplace_id
     WHERE e.module_id = ? GROUP BY l.workplace_id ORDER BY w.name COLLATE NOCASE`,
  );
  const notCompleted = db.prepare<[string, string], { id: string }>(
    `SELECT l.id FROM learner l JOIN enrollment e ON e.learner_id = l.id AND e.module_id = ?
     WHERE l.workplace_id = ? AND e.status <> 'completed' ORDER BY l.name COLLATE NOCASE, l.id`,
  );

  return {
    categories() {
      const rows = categories.all();
      return { categories: rows, totalModules: rows.reduce((n, r) => n + r.modules, 0) };
    },
    modules(categoryId, keyword, offset, limit) {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit, offset };
      if (categoryId !== null) {
        where.push('c.category_id = @category');
        params.category = categoryId;
      }
      const words = keyword.trim().toLowerCase();
      if (words) {
        where.push("(lower(m.name) LIKE @like ESCAPE '\\' OR lower(c.name) LIKE @like ESCAPE '\\')");
        params.like = `%${words.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const from = 'FROM module m JOIN course c ON c.id = m.course_id JOIN category k ON k.id = c.category_id';
      const total = db.prepare<Record<string, string | number>, { n: number }>(`SELECT count(*) AS n ${from} ${clause}`).get(params)?.n ?? 0;
      const rows = db
        .prepare<Record<string, string | number>, ModuleRow>(`SELECT ${MODULE_COLUMNS} ${from} ${clause} ORDER BY c.name COLLATE NOCASE, m.name COLLATE NOCASE LIMIT @limit OFFSET @offset`)
        .all(params);
      return { modules: rows.map(moduleOf), total };
    },
    module(moduleId) {
      const row = moduleById.get(moduleId);
      return row ? moduleOf(row) : null;
    },
    search({ moduleId, keyword, workplaceId, offset, limit }) {
      const match = keywordMatch(keyword);
      if (match !== null) {
        // A workplace filter on top of a keyword narrows the matched rows in memory-free SQL.
        if (workplaceId !== null) {
          const rows = db
            .prepare<{ module: string; match: string; workplace: string; limit: number; offset: number }, EnrolledRow>(
              `SELECT ${USER_COLUMNS} FROM learner_fts f JOIN learner l ON l.row_no = f.rowid
               JOIN enrollment e ON e.learner_id = l.id AND e.module_id = @module LEFT JOIN workplace w ON w.id = l.workplace_id
               WHERE learner_fts MATCH @match AND l.workplace_id = @workplace ORDER BY l.name COLLATE NOCASE, l.id LIMIT @limit OFFSET @offset`,
            )
            .all({ module: moduleId, match, workplace: workplaceId, limit, offset });
          const total =
            db
              .prepare<{ module: string; match: string; workplace: string }, { n: number }>(
                `SELECT count(*) AS n FROM learner_fts f JOIN learner l ON l.row_no = f.rowid JOIN enrollment e ON e.learner_id = l.id AND e.module_id = @module
                 WHERE learner_fts MATCH @match AND l.workplace_id = @workplace`,
              )
              .get({ module: moduleId, match, workplace: workplaceId })?.n ?? 0;
          return { rows, total };
        }
        return { rows: byKeyword.rows.all({ module: moduleId, match, limit, offset }), total: byKeyword.count.get({ module: moduleId, match })?.n ?? 0 };
      }
      if (workplaceId !== null) {
        return { rows: byWorkplace.rows.all({ module: moduleId, workplace: workplaceId, limit, offset }), total: byWorkplace.count.get({ module: moduleId, workplace: workplaceId })?.n ?? 0 };
      }
      return { rows: all.rows.all({ module: moduleId, limit, offset }), total: all.count.get({ module: moduleId })?.n ?? 0 };
    },
    workplaces(moduleId) {
      return workplaces.all(moduleId).map((r) => ({ id: r.id, name: r.name ?? r.id, enrolled: r.enrolled, notCompleted: r.not_completed }));
    },
    notCompletedIn(moduleId, workplaceId, limit) {
      const ids = notCompleted.all(moduleId, workplaceId).map((r) => r.id);
      return { learnerIds: ids.slice(0, limit), total: ids.length };
    },
  };
}
