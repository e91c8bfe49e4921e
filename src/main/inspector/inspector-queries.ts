// Finding what to inspect — a learner by name or address, the modules they are in or wrote
// about, any module by name — and the raw key/values of one attempt, searchable. Reads the
// cache only.
import type { Database, Statement } from 'better-sqlite3';
import { RAW_VALUE_SHOWN, type LearnerHit, type LearnerModule, type ModuleHit, type ModuleStanding, type RawData } from '../../shared/channels/inspector';
import { PassdeskError } from '../../shared/ipc-result';
import { Attempt } from '../../shared/lms/entities';

export interface InspectorQueries {
  searchLearners(search: string, limit: number): LearnerHit[];
  learnerModules(learnerId: string): { learner: LearnerHit; modules: LearnerModule[] };
  searchModules(search: string, limit: number): ModuleHit[];
  rawData(query: { attemptId: string; search: string; offset: number; limit: number }): RawData;
}

/**
 * A search box's words as an FTS5 query: each word a quoted prefix, all required. Quoting
 * keeps FTS5's own syntax (AND, NEAR, *, ") from being read out of what a person typed.
 */
export function ftsPrefixQuery(search: string): string | null {
  const words = search
    .split(/[\s"]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}@._+-]/gu, ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

/** A LIKE pattern matching `word` anywhere, with LIKE's own wildcards taken literally. */
export function likeAnywhere(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type HitRow = { id: string; name: string; email: string; workplace: string | null };
type ModuleRow = { module_id: string; module_name: string; course_name: string; category_name: string };

export function createInspectorQueries(db: Database): InspectorQueries {
  const q = {
    learnersByText: db.prepare<[string, number], HitRow>(
      `SELECT l.id, l.name, l.email, w.name AS workplace
         FROM learner_fts f JOIN learner l ON l.row_no = f.rowid LEFT JOIN workplace w ON w.id = l.workplace_id
        WHERE learner_fts MATCH ? ORDER BY f.rank, l.name LIMIT ?`,
    ),
    learnerById: db.prepare<[string], HitRow>('SELECT l.id, l.name, l.email, w.name AS workplace FROM learner l LEFT JOIN workplace w ON w.id = l.workplace_id WHERE l.id = ?'),
    learnerByEmail: db.prepare<[string], HitRow>(
      'SELECT l.id, l.name, l.email, w.name AS workplace FROM learner l LEFT JOIN workplace w ON w.id = l.workplace_id WHERE l.email = ? COLLATE NOCASE',
    ),
    enrollments: db.prepare<[string], { module_id: string; status: string }>('SELECT module_id, status FROM enrollment WHERE learner_id = ?'),
    attempts: db.prepare<[string], { module_id: string; attempts: number; last_at: string | null }>(
      'SELECT module_id, COUNT(*) AS attempts, MAX(COALESCE(last_data_at, started_at)) AS last_at FROM attempt WHERE learner_id = ? GROUP BY module_id',
    ),
    tickets: db.prepare<[string, string], { module_id: string; tickets: number }>(
      `SELECT module_id, COUNT(*) AS tickets FROM ticket
        WHERE module_id IS NOT NULL AND (learner_id = ? OR (learner_id IS NULL AND from_email = ? COLLATE NOCASE))
        GROUP BY module_id`,
    ),
    place: db.prepare<[string], ModuleRow>(
      `SELECT m.id AS module_id, m.name AS module_name, c.name AS course_name, g.name AS category_name
         FROM module m JOIN course c ON c.id = m.course_id JOIN category g ON g.id = c.category_id WHERE m.id = ?`,
    ),
    attempt: db.prepare<[string], { data: string }>('SELECT data FROM attempt WHERE id = ?'),
  };
  const moduleSearches = new Map<number, Statement<(string | number)[], ModuleRow>>();
  function moduleSearch(words: number): Statement<(string | number)[], ModuleRow> {
    let statement = moduleSearches.get(words);
    if (!statement) {
      const each = "(m.name LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR m.id = ?)";
      statement = db.prepare(
        `SELECT m.id AS module_id, m.name AS module_name, c.name AS course_name, g.name AS category_name
           FROM module m JOIN course c ON c.id = m.course_id JOIN category g ON g.id = c.category_id
          WHERE ${Array.from({ length: words }, () => each).join(' AND ')}
          ORDER BY c.name, m.name LIMIT ?`,
      );
      moduleSearches.set(words, statement);
    }
    return statement;
  }

  const hit = (row: HitRow): LearnerHit => ({ id: row.id, name: row.name, email: row.email, workplaceName: row.workplace });

  return {
    searchLearners(search, limit) {
      const exact = [q.learnerById.get(search.trim()), ...q.learnerByEmail.all(search.trim())].filter((r): r is HitRow => r !== undefined);
      const fts = ftsPrefixQuery(search);
      const found = fts ? q.learnersByText.all(fts, limit) : [];
      const seen = new Set<string>();
      return [...exact, ...found].filter((r) => !seen.has(r.id) && seen.add(r.id)).slice(0, limit).map(hit);
    },

    learnerModules(learnerId) {
      const row = q.learnerById.get(learnerId);
      if (!row) throw new PassdeskError({ code: 'not_found', message: `There is no learner ${learnerId} in Passdesk's copy of the LMS. Search for them by name or e-mail address.` });
      const standing = new Map<string, ModuleStanding>(q.enrollments.all(learnerId).map((e) => [e.module_id, e.status === 'completed' || e.status === 'in_progress' ? e.status : 'not_started']));
      const attempts = new Map(q.attempts.all(learnerId).map((a) => [a.module_id, a]));
      const tickets = new Map(q.tickets.all(learnerId, row.email).map((t) => [t.module_id, t.tickets]));
      const moduleIds = new Set([...standing.keys(), ...attempts.keys(), ...tickets.keys()]);
      const modules: LearnerModule[] = [];
      for (const moduleId of moduleIds) {
        const place = q.place.get(moduleId);
        if (!place) continue;
        const a = attempts.get(moduleId);
        modules.push({
          moduleId,
          moduleName: place.module_name,
          courseName: place.course_name,
          categoryName: place.category_name,
          standing: standing.get(moduleId) ?? 'not_enrolled',
          attempts: a?.attempts ?? 0,
          lastActivityAt: a?.last_at ?? null,
          tickets: tickets.get(moduleId) ?? 0,
        });
      }
      // What the learner wrote about first, then the most recent activity.
      modules.sort(
        (x, y) =>
          Number(y.tickets > 0) - Number(x.tickets > 0) ||
          (y.lastActivityAt ?? '').localeCompare(x.lastActivityAt ?? '') ||
          x.courseName.localeCompare(y.courseName) ||
          x.moduleName.localeCompare(y.moduleName),
      );
      return { learner: hit(row), modules };
    },

    searchModules(search, limit) {
      const words = search.split(/\s+/).filter((w) => w.length > 0).slice(0, 6);
      if (words.length === 0) return [];
      const params = words.flatMap((w) => [likeAnywhere(w), likeAnywhere(w), w]);
      return moduleSearch(words.length)
        .all(...params, limit)
        .map((r) => ({ moduleId: r.module_id, moduleName: r.module_name, courseName: r.course_name, categoryName: r.category_name }));
    },

    rawData({ attemptId, search, offset, limit }) {
      const row = q.attempt.get(attemptId);
      if (!row) throw new PassdeskError({ code: 'not_found', message: `There is no attempt ${attemptId} in Passdesk's copy of the LMS; it may have been removed upstream. Open the inspector again.` });
      const attempt = Attempt.parse(JSON.parse(row.data));
      const needle = search.toLowerCase();
      const all = Object.entries(attempt.cmi);
      const matching = needle === '' ? all : all.filter(([k, v]) => k.toLowerCase().includes(needle) || v.toLowerCase().includes(needle));
      return {
        attemptId,
        total: all.length,
        matched: matching.length,
        entries: matching.slice(offset, offset + limit).map(([key, value]) => ({
          key,
          value: value.length > RAW_VALUE_SHOWN ? value.slice(0, RAW_VALUE_SHOWN) : value,
          length: value.length,
          truncated: value.length > RAW_VALUE_SHOWN,
        })),
      };
    },
  };
}
