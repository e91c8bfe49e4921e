// Assembles, from the local cache, everything the verdict rests on for one learner + module
// (VerdictInput): the module, its course and category, the enrollment, every attempt here and
// elsewhere, the ticket and its checklist, the learner's other tickets, the screenshots they
// sent and their reviews, and the known issues. The inspector, the pass panel and the inbox
// all judge from this one assembly, so they cannot disagree.
import type { Database, Statement } from 'better-sqlite3';
import { PassdeskError } from '../../shared/ipc-result';
import { Attempt, Category, Course, Enrollment, KnownIssue, Learner, Module, Ticket } from '../../shared/lms/entities';
import type { LearnerScreenshot, OtherAttempt, OtherTicket, ParsedVerdictInput, Verdict, VerdictInput } from '../../shared/verdict';
import { computeVerdict, parseVerdictInput } from './verdict';
import { checklistNotKnown, verdictSourcesFromCache, type VerdictSources } from './verdict-sources';

export interface VerdictTarget {
  learnerId: string;
  moduleId: string;
  /** The ticket the verdict is for; null when an admin opened the learner + module directly. */
  ticketId: string | null;
}

export interface ModulePlace {
  module: Module;
  course: Course;
  category: Category;
}

export interface AssembledVerdictInput {
  input: ParsedVerdictInput;
  /** The ticket as the cache holds it (the verdict only sees its checklist and date). */
  ticket: Ticket | null;
  /** False when no checklist was known for the ticket, so its steps counted as not done. */
  checklistKnown: boolean;
  /** Every ticket of the learner, this one included, newest first. */
  tickets: Ticket[];
  workplaceName: string | null;
}

type Row = { data: string };
/** A ticket as the agent sees it: the server's record with this desk's unconfirmed link, status and tags on top. */
type TicketRow = Row & { learner_id: string | null; module_id: string | null; status: string; assignee_id: string | null; tags: string };
type PlaceRow = { module: string; course: string; category: string };

interface Statements {
  learner: Statement<[string], Row & { workplace: string | null }>;
  place: Statement<[string], PlaceRow>;
  enrollment: Statement<[string, string], Row>;
  enrollmentStatuses: Statement<[string], { module_id: string; status: string }>;
  attempts: Statement<[string], Row & { module_id: string }>;
  tickets: Statement<[string, string], TicketRow>;
  knownIssues: Statement<[], Row>;
}

const prepared = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  const known = prepared.get(db);
  if (known) return known;
  const made: Statements = {
    learner: db.prepare('SELECT l.data, w.name AS workplace FROM learner l LEFT JOIN workplace w ON w.id = l.workplace_id WHERE l.id = ?'),
    place: db.prepare(
      `SELECT m.data AS module, c.data AS course, g.data AS category
         FROM module m JOIN course c ON c.id = m.course_id JOIN category g ON g.id = c.category_id
        WHERE m.id = ?`,
    ),
    // A learner has one enrollment per module; should the feed ever bring two, the completed one is the truth.
    enrollment: db.prepare("SELECT data FROM enrollment WHERE learner_id = ? AND module_id = ? ORDER BY status = 'completed' DESC, id LIMIT 1"),
    enrollmentStatuses: db.prepare('SELECT module_id, status FROM enrollment WHERE learner_id = ?'),
    attempts: db.prepare('SELECT data, module_id FROM attempt WHERE learner_id = ?'),
    // Tickets linked to the learner, and those sent from their address but not linked yet.
    tickets: db.prepare(
      `SELECT data, learner_id, module_id, status, assignee_id, tags FROM ticket WHERE learner_id = ?
       UNION SELECT data, learner_id, module_id, status, assignee_id, tags FROM ticket WHERE learner_id IS NULL AND from_email = ? COLLATE NOCASE`,
    ),
    knownIssues: db.prepare('SELECT data FROM known_issue ORDER BY id'),
  };
  prepared.set(db, made);
  return made;
}

function parsed<T>(schema: { parse(data: unknown): T }, data: string): T {
  return schema.parse(JSON.parse(data));
}

function ticketAsSeen(row: TicketRow): Ticket {
  const server: unknown = JSON.parse(row.data);
  return Ticket.parse({ ...(typeof server === 'object' ? server : {}), learnerId: row.learner_id, moduleId: row.module_id, status: row.status, assigneeId: row.assignee_id, tags: JSON.parse(row.tags) });
}

function notFound(message: string): PassdeskError {
  return new PassdeskError({ code: 'not_found', message });
}

/** The module with its course and category; null when the feed has not brought all three. */
export function modulePlace(db: Database, moduleId: string): ModulePlace | null {
  const row = statements(db).place.get(moduleId);
  if (!row) return null;
  return { module: parsed(Module, row.module), course: parsed(Course, row.course), category: parsed(Category, row.category) };
}

function newestFirst<T extends { createdAt: string; id: string }>(list: T[]): T[] {
  return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

const enrollmentStatuses = new Set(['not_started', 'in_progress', 'completed']);
function isEnrollmentStatus(status: string | undefined): status is OtherAttempt['enrollmentStatus'] {
  return status !== undefined && enrollmentStatuses.has(status);
}

/**
 * Reads the verdict's input from the cache. Refuses, with a message a person can act on, a
 * learner, module or ticket the cache does not hold, and a ticket of another learner or module.
 */
export function assembleVerdictInput(db: Database, target: VerdictTarget, now: Date, sources: VerdictSources = verdictSourcesFromCache(db)): AssembledVerdictInput {
  const q = statements(db);
  const learnerRow = q.learner.get(target.learnerId);
  if (!learnerRow) throw notFound(`There is no learner ${target.learnerId} in Passdesk's copy of the LMS. Search for the learner by name or e-mail instead; if they are new, wait for the next sync.`);
  const learner = parsed(Learner, learnerRow.data);
  const place = modulePlace(db, target.moduleId);
  if (!place) throw notFound(`There is no module ${target.moduleId} (with its course and category) in Passdesk's copy of the LMS. Pick the module from the learner's list or search for it by name.`);
  const { module, course, category } = place;

  const tickets = newestFirst(q.tickets.all(learner.id, learner.email).map(ticketAsSeen));
  let ticket: Ticket | null = null;
  if (target.ticketId !== null) {
    ticket = tickets.find((t) => t.id === target.ticketId) ?? null;
    if (!ticket) {
      throw notFound(`Ticket ${target.ticketId} is not one of ${learner.name}'s tickets (it is not linked to them or sent from ${learner.email}). Open the inspector from the ticket itself, or without a ticket.`);
    }
    if (ticket.moduleId !== null && ticket.moduleId !== module.id) {
      throw new PassdeskError({
        code: 'refused',
        message: `Ticket ${ticket.id} is linked to another module, not ${module.name}. Inspect ${module.name} without the ticket, or change the ticket's link first.`,
      });
    }
  }

  const enrollmentRow = q.enrollment.get(learner.id, module.id);
  const enrollment = enrollmentRow ? parsed(Enrollment, enrollmentRow.data) : null;

  const statusByModule = new Map(q.enrollmentStatuses.all(learner.id).map((e) => [e.module_id, e.status]));
  const places = new Map<string, ModulePlace | null>();
  const placeOf = (moduleId: string) => {
    if (!places.has(moduleId)) places.set(moduleId, modulePlace(db, moduleId));
    return places.get(moduleId) ?? null;
  };

  const attempts: Attempt[] = [];
  const otherAttempts: OtherAttempt[] = [];
  for (const row of q.attempts.all(learner.id)) {
    const attempt = parsed(Attempt, row.data);
    if (row.module_id === module.id) {
      attempts.push(attempt);
      continue;
    }
    const there = placeOf(row.module_id);
    const status = statusByModule.get(row.module_id);
    // An attempt on a module the learner is no longer enrolled in says nothing about today's trouble.
    if (!there || !isEnrollmentStatus(status)) continue;
    const { learnerId: _learner, cmi: _cmi, ...facts } = attempt;
    otherAttempts.push({
      ...facts,
      moduleName: there.module.name,
      passingScore: there.module.passingScore,
      courseId: there.course.id,
      courseName: there.course.name,
      categoryId: there.category.id,
      enrollmentStatus: status,
    });
  }

  const otherTickets: OtherTicket[] = tickets
    .filter((t) => t.id !== ticket?.id)
    .map((t) => {
      const there = t.moduleId !== null ? placeOf(t.moduleId) : null;
      return {
        id: t.id,
        subject: t.subject,
        status: t.status,
        createdAt: t.createdAt,
        tags: t.tags,
        moduleId: t.moduleId,
        courseId: there?.course.id ?? null,
        categoryId: there?.category.id ?? null,
        courseName: there?.course.name ?? null,
        reportedEnvironment: sources.reportedEnvironment(t.id),
      };
    });

  const screenshots: LearnerScreenshot[] = sources.screenshots(learner.id, module.id);

  const checklist = ticket ? sources.checklist(ticket.id) : null;
  const raw: VerdictInput = {
    learner,
    module,
    course,
    category,
    enrollment,
    attempts,
    ticket: ticket
      ? { id: ticket.id, createdAt: ticket.createdAt, reportedEnvironment: sources.reportedEnvironment(ticket.id), checklist: checklist ?? checklistNotKnown }
      : null,
    screenshots,
    otherTickets,
    otherAttempts,
    knownIssues: q.knownIssues.all().map((row) => parsed(KnownIssue, row.data)),
    now: now.toISOString(),
  };
  return { input: parseVerdictInput(raw), ticket, checklistKnown: ticket === null || checklist !== null, tickets, workplaceName: learnerRow.workplace };
}

/**
 * The verdict on a learner + module from the cache — what the pass panel enforces and the
 * inbox shows. `ticketId` names the ticket it is for (its checklist counts); leave it out
 * when an admin acts without one.
 */
export function verdictForLearnerModule(
  db: Database,
  learnerId: string,
  moduleId: string,
  ticketId: string | null | undefined,
  now: Date,
  sources: VerdictSources = verdictSourcesFromCache(db),
): Verdict {
  return computeVerdict(assembleVerdictInput(db, { learnerId, moduleId, ticketId: ticketId ?? null }, now, sources).input);
}
