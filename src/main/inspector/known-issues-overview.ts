// The Known Issues screen's data: each of the LMS's known incompatibilities with the open
// tickets and the attempts it matches, and the map of where completion failures cluster.
// One pass over the attempts feeds both, since the cache has no index by module or time.
import type { Database } from 'better-sqlite3';
import { createChangeCounter } from '../cache/change-counter';
import type { KnownIssueAttempt, KnownIssueTicket, KnownIssueView, KnownIssuesOverview } from '../../shared/channels/inspector';
import { Attempt, KnownIssue, Ticket } from '../../shared/lms/entities';
import { completionFailed, failureMap, type ClusterAttempt } from './known-issue-clusters';
import { knownIssueCovers } from './known-issue-match';
import type { VerdictSources } from './verdict-sources';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Attempts listed under each issue; the counts cover them all. */
export const ATTEMPTS_LISTED_PER_ISSUE = 50;

type IssueRow = { data: string; category_name: string | null; course_name: string | null };
type ScanRow = {
  id: string;
  learner_id: string;
  module_id: string;
  started_at: string;
  last_data_at: string | null;
  completion_status: Attempt['completionStatus'];
  success_status: Attempt['successStatus'];
  score_raw: number | null;
  score_min: number | null;
  score_max: number | null;
  score_scaled: number | null;
  session_time: number | null;
  os: string | null;
  browser: string | null;
  errors: number | null;
};
type ModuleRow = { id: string; name: string; passing_score: number; course_id: string; course_name: string; category_id: string };
type TicketRow = { data: string; module_name: string; course_id: string; category_id: string; learner_name: string | null };

export interface KnownIssuesReader {
  overview(sinceDays: number, now: Date): Promise<KnownIssuesOverview>;
}

/**
 * Rows read between two turns of the event loop. At scale large the scan takes seconds; in
 * stretches, the rest of main (every other window call, the sync) keeps answering meanwhile.
 */
export const ROWS_PER_STRETCH = 20_000;

export function createKnownIssuesReader(db: Database, sources: Pick<VerdictSources, 'reportedEnvironment'>): KnownIssuesReader {
  // The first-sync writer's commits count too (another connection), so an unchanged reading means unchanged data.
  const changes = createChangeCounter(db);
  const q = {
    issues: db.prepare<[], IssueRow>(
      `SELECT k.data, g.name AS category_name, c.name AS course_name
         FROM known_issue k LEFT JOIN category g ON g.id = k.category_id LEFT JOIN course c ON c.id = k.course_id
        ORDER BY k.until IS NOT NULL, k.since DESC, k.id`,
    ),
    categories: db.prepare<[], { id: string; name: string }>('SELECT id, name FROM category'),
    // Every attempt inside the map's window, and every attempt in a category a known issue names,
    // one stretch of rows at a time. Module, course and category come from a map in memory: a
    // million primary-key lookups cost more than the scan itself. The JSON is read only for
    // the rows kept.
    scan: db.prepare<[number, number, string], ScanRow>(
      `SELECT a.id, a.learner_id, a.module_id, a.started_at, a.last_data_at, a.completion_status, a.success_status,
              a.score_raw, a.score_min, a.score_max, a.score_scaled,
              json_extract(a.data, '$.sessionTime') AS session_time,
              json_extract(a.data, '$.environment.os') AS os,
              json_extract(a.data, '$.environment.browser') AS browser,
              json_array_length(a.data, '$.errors') AS errors
         FROM attempt a
        WHERE a.rowid BETWEEN ? AND ?
          AND (COALESCE(a.last_data_at, a.started_at) >= ?
           OR a.module_id IN (SELECT m.id FROM module m JOIN course c ON c.id = m.course_id WHERE c.category_id IN (SELECT category_id FROM known_issue)))`,
    ),
    lastRow: db.prepare<[], { last: number | null }>('SELECT MAX(rowid) AS last FROM attempt'),
    modules: db.prepare<[], ModuleRow>(
      'SELECT m.id, m.name, m.passing_score, c.id AS course_id, c.name AS course_name, c.category_id FROM module m JOIN course c ON c.id = m.course_id',
    ),
    openTickets: db.prepare<[], TicketRow>(
      `SELECT t.data, m.name AS module_name, c.id AS course_id, c.category_id, l.name AS learner_name
         FROM ticket t JOIN module m ON m.id = t.module_id JOIN course c ON c.id = m.course_id LEFT JOIN learner l ON l.id = t.learner_id
        WHERE t.status != 'resolved' AND t.learner_id IS NOT NULL AND c.category_id IN (SELECT category_id FROM known_issue)
        ORDER BY t.created_at DESC`,
    ),
    attemptsOf: db.prepare<[string, string], { data: string }>('SELECT data FROM attempt WHERE learner_id = ? AND module_id = ?'),
    learnerName: db.prepare<[string], { name: string }>('SELECT name FROM learner WHERE id = ?'),
  };

  /** The last overview, kept while nothing was written and the hour has not turned: a scan at scale takes seconds. */
  let kept: { key: string; overview: KnownIssuesOverview } | null = null;

  return {
    async overview(sinceDays, now) {
      const key = `${sinceDays}|${changes.read()}|${Math.floor(now.getTime() / HOUR_MS)}`;
      if (kept?.key === key) return kept.overview;
      const overview = await readOverview(sinceDays, now);
      kept = { key, overview };
      return overview;
    },
  };

  async function readOverview(sinceDays: number, now: Date): Promise<KnownIssuesOverview> {
    const nowMs = now.getTime();
    const windowStart = new Date(nowMs - sinceDays * DAY_MS).toISOString();
    const issues = q.issues.all().map((row) => ({ issue: KnownIssue.parse(JSON.parse(row.data)), categoryName: row.category_name, courseName: row.course_name }));
    const matched = new Map<string, { attempts: (KnownIssueAttempt & { learnerId: string })[]; count: number; troubled: number }>(
      issues.map(({ issue }) => [issue.id, { attempts: [], count: 0, troubled: 0 }]),
    );

    const modules = new Map(q.modules.all().map((m) => [m.id, m]));
    const inWindow: ClusterAttempt[] = [];
    const rows = async function* (): AsyncGenerator<ScanRow> {
      const last = q.lastRow.get()?.last ?? 0;
      for (let from = 0; from <= last; from += ROWS_PER_STRETCH) {
        // .all(), not .iterate(): nothing may hold the connection open across the pause.
        yield* q.scan.all(from, from + ROWS_PER_STRETCH - 1, windowStart);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    for await (const row of rows()) {
      const place = modules.get(row.module_id);
      if (!place) continue;
      const facts = {
        startedAt: row.started_at,
        lastDataAt: row.last_data_at,
        completionStatus: row.completion_status,
        successStatus: row.success_status,
        sessionTime: row.session_time,
        scoreRaw: row.score_raw,
        scoreMin: row.score_min,
        scoreMax: row.score_max,
        scoreScaled: row.score_scaled,
        errorCount: row.errors ?? 0,
      };
      const failed = completionFailed(facts, place.passing_score, nowMs);
      const os = row.os ?? '';
      const browser = row.browser ?? '';
      if (Date.parse(row.last_data_at ?? row.started_at) >= nowMs - sinceDays * DAY_MS) inWindow.push({ categoryId: place.category_id, os, browser, failed });

      const fromMs = Date.parse(row.started_at);
      const at = { categoryId: place.category_id, courseId: place.course_id, os, browser, fromMs, toMs: row.last_data_at ? Math.max(fromMs, Date.parse(row.last_data_at)) : fromMs };
      for (const { issue } of issues) {
        if (!knownIssueCovers(issue, at, nowMs)) continue;
        const m = matched.get(issue.id);
        if (!m) continue;
        m.count += 1;
        if (failed) m.troubled += 1;
        m.attempts.push({ id: row.id, learnerId: row.learner_id, learnerName: '', moduleId: row.module_id, moduleName: place.name, courseName: place.course_name, startedAt: row.started_at, os, browser, trouble: failed });
      }
    }

    const tickets = q.openTickets.all().map((row) => ({ ...row, ticket: Ticket.parse(JSON.parse(row.data)) }));
    const views: KnownIssueView[] = issues.map(({ issue, categoryName, courseName }) => {
      const m = matched.get(issue.id) ?? { attempts: [], count: 0, troubled: 0 };
      // Trouble first, then the most recent: those are the ones an admin acts on.
      const listed = m.attempts
        .sort((a, b) => Number(b.trouble) - Number(a.trouble) || b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id))
        .slice(0, ATTEMPTS_LISTED_PER_ISSUE)
        .map(({ learnerId, ...a }) => ({ ...a, learnerId, learnerName: q.learnerName.get(learnerId)?.name ?? learnerId }));
      return {
        id: issue.id,
        categoryId: issue.categoryId,
        categoryName: categoryName ?? issue.categoryId,
        courseId: issue.courseId,
        courseName,
        os: issue.os,
        browser: issue.browser,
        description: issue.description,
        since: issue.since,
        until: issue.until,
        openTickets: tickets.flatMap((row) => {
          const matchedOn = ticketMatch(issue, row, nowMs);
          return matchedOn ? [matchedOn] : [];
        }),
        attempts: listed,
        matchingAttempts: m.count,
        troubledAttempts: m.troubled,
      };
    });

    const categoryNames = new Map(q.categories.all().map((c) => [c.id, c.name]));
    return {
      issues: views,
      failureMap: failureMap(inWindow, { sinceDays, categoryNames, knownIssues: issues.map((i) => i.issue) }),
      computedAt: now.toISOString(),
    };
  }

  /** The ticket's trouble is this issue's: its learner's attempts on the module ran where the issue bites, or they said so. */
  function ticketMatch(issue: KnownIssue, row: TicketRow & { ticket: Ticket }, nowMs: number): KnownIssueTicket | null {
    const { ticket } = row;
    if (ticket.learnerId === null || ticket.moduleId === null) return null;
    if (issue.categoryId !== row.category_id || (issue.courseId !== null && issue.courseId !== row.course_id)) return null;
    const base = { id: ticket.id, subject: ticket.subject, status: ticket.status, learnerId: ticket.learnerId, learnerName: row.learner_name ?? ticket.learnerId, moduleId: ticket.moduleId, moduleName: row.module_name };
    const place = { categoryId: row.category_id, courseId: row.course_id };
    for (const attemptRow of q.attemptsOf.all(ticket.learnerId, ticket.moduleId)) {
      const a = Attempt.parse(JSON.parse(attemptRow.data));
      const fromMs = Date.parse(a.startedAt);
      const toMs = a.lastDataAt ? Math.max(fromMs, Date.parse(a.lastDataAt)) : fromMs;
      if (knownIssueCovers(issue, { ...place, os: a.environment.os, browser: a.environment.browser, fromMs, toMs }, nowMs)) {
        return { ...base, matchedOn: `attempt ${a.id} (${a.environment.os} · ${a.environment.browser})` };
      }
    }
    const said = sources.reportedEnvironment(ticket.id);
    const ticketMs = Date.parse(ticket.createdAt);
    if (said && knownIssueCovers(issue, { ...place, os: said.os, browser: said.browser, fromMs: ticketMs, toMs: ticketMs }, nowMs)) {
      return { ...base, matchedOn: `what the learner said (${[said.os, said.browser].filter((x) => x !== null).join(' · ')})` };
    }
    return null;
  }
}
