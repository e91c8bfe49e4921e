// What the inbox's filters offer: course categories, the chosen category's courses, the
// chosen course's modules, the tags in use (most used first) and the agents.
import type { Database, Statement } from 'better-sqlite3';
import type { FilterOptions, NamedOption } from '../../shared/channels/tickets';

export interface FilterOptionReader {
  options(categoryId: string | null, courseId: string | null, revision: number): FilterOptions;
}

/** Tags offered at most; a tag used on no ticket is not offered. */
const MAX_TAGS = 200;

export function createFilterOptions(db: Database): FilterOptionReader {
  const categories: Statement<[], NamedOption> = db.prepare('SELECT id, name FROM category ORDER BY name COLLATE NOCASE');
  const courses: Statement<[string], NamedOption> = db.prepare('SELECT id, name FROM course WHERE category_id = ? ORDER BY name COLLATE NOCASE');
  const modules: Statement<[string], NamedOption> = db.prepare('SELECT id, name FROM module WHERE course_id = ? ORDER BY name COLLATE NOCASE');
  const agents: Statement<[], NamedOption> = db.prepare('SELECT id, name FROM agent ORDER BY name COLLATE NOCASE');
  const tags: Statement<[number], { tag: string; tickets: number }> = db.prepare(
    'SELECT j.value AS tag, count(*) AS tickets FROM ticket t, json_each(t.tags) j GROUP BY j.value ORDER BY tickets DESC, tag LIMIT ?',
  );
  // Counting tags reads every ticket; the counts are kept until the inbox changes.
  let tagCache: { revision: number; tags: FilterOptions['tags'] } | null = null;
  return {
    options(categoryId, courseId, revision) {
      if (tagCache?.revision !== revision) tagCache = { revision, tags: tags.all(MAX_TAGS).filter((t) => typeof t.tag === 'string') };
      return {
        categories: categories.all(),
        courses: categoryId ? courses.all(categoryId) : [],
        modules: courseId ? modules.all(courseId) : [],
        tags: tagCache.tags,
        agents: agents.all(),
      };
    },
  };
}
