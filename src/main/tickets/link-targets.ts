// Finding a learner or a module by hand, for when the suggestion is wrong or missing: learners
// by name or address (full-text, prefix), modules by course or module name — the learner's
// own enrolled modules first.
import type { Database, Statement } from 'better-sqlite3';
import type { LinkedLearner, LinkedModule } from '../../shared/channels/tickets';
import { parseSearch } from './search-terms';

export interface LinkTargets {
  learners(query: string, limit: number): LinkedLearner[];
  modules(query: string, learnerId: string | null, limit: number): LinkedModule[];
}

interface ModuleRow {
  id: string;
  name: string;
  course_id: string;
  course_name: string;
  category_id: string;
  category_name: string;
}

const toModule = (r: ModuleRow): LinkedModule => ({ id: r.id, name: r.name, courseId: r.course_id, courseName: r.course_name, categoryId: r.category_id, categoryName: r.category_name });

const MODULE_COLUMNS = 'mo.id, mo.name, mo.course_id, co.name AS course_name, co.category_id, ca.name AS category_name';
const MODULE_JOIN = 'FROM module mo JOIN course co ON co.id = mo.course_id JOIN category ca ON ca.id = co.category_id';

/** A LIKE pattern for one word, with LIKE's own wildcards taken literally. */
function likeWord(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createLinkTargets(db: Database): LinkTargets {
  const learnersByText: Statement<[string, number], { id: string; name: string; email: string; workplace: string | null }> = db.prepare(
    `SELECT l.id, l.name, l.email, w.name AS workplace FROM learner_fts f JOIN learner l ON l.row_no = f.rowid LEFT JOIN workplace w ON w.id = l.workplace_id
      WHERE learner_fts MATCH ? ORDER BY rank LIMIT ?`,
  );
  const enrolledModules: Statement<[string], ModuleRow> = db.prepare(
    `SELECT ${MODULE_COLUMNS} ${MODULE_JOIN} WHERE mo.id IN (SELECT module_id FROM enrollment WHERE learner_id = ?) ORDER BY co.name, mo.name`,
  );
  const statements = new Map<number, Statement>();
  function modulesLike(words: readonly string[], limit: number): ModuleRow[] {
    let statement = statements.get(words.length);
    if (!statement) {
      const where = words.map(() => "(co.name || ' ' || mo.name) LIKE ? ESCAPE '\\'").join(' AND ');
      statement = db.prepare(`SELECT ${MODULE_COLUMNS} ${MODULE_JOIN} WHERE ${where} ORDER BY co.name, mo.name LIMIT ?`);
      statements.set(words.length, statement);
    }
    return statement.all(...words.map(likeWord), limit) as ModuleRow[];
  }

  return {
    learners(query, limit) {
      const terms = parseSearch(query);
      if (terms.match === null) return [];
      return learnersByText.all(terms.match, limit).map((r) => ({ id: r.id, name: r.name, email: r.email, workplaceName: r.workplace }));
    },
    modules(query, learnerId, limit) {
      const words = query.toLowerCase().split(/\s+/u).filter((w) => w.length > 0).slice(0, 6);
      const own = learnerId ? enrolledModules.all(learnerId) : [];
      const ownMatching = own.filter((m) => words.every((w) => `${m.course_name} ${m.name}`.toLowerCase().includes(w)));
      if (words.length === 0) return ownMatching.slice(0, limit).map(toModule);
      const seen = new Set(ownMatching.map((m) => m.id));
      const others = modulesLike(words, limit).filter((m) => !seen.has(m.id));
      return [...ownMatching, ...others].slice(0, limit).map(toModule);
    },
  };
}
