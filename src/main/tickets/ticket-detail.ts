// Everything the ticket view shows, read from the cache in one go: the thread, the link to a
// learner and a module (or the suggestion for one), the article's checklist with the verdict
// and the next step, the canned replies filled in for this learner and module, and this
// desk's writes on the ticket that the LMS has not confirmed yet.
import type { Database, Statement } from 'better-sqlite3';
import type { LinkedLearner, LinkedModule, LinkSuggestion, TicketChecklist, TicketDetail, TicketWrite } from '../../shared/channels/tickets';
import { Attempt, Enrollment } from '../../shared/lms/entities';
import type { Verdict as VerdictResult } from '../../shared/verdict';
import { listTicketConflicts } from '../outbox/conflicts';
import { UNCONFIRMED_STATES, entriesOfRecord } from '../outbox/outbox-store';
import { ORDERING_ENTITY, ticketMessageKind, ticketPatchKind } from '../outbox/ticket-writes';
import { verdictForLearnerModule } from '../inspector/verdict-input';
import { cannedReplies } from './canned-replies';
import { dataCheckNote } from './data-check-note';
import type { LinkCandidates } from './link-candidates';
import { guessLink } from './link-suggestion';
import { checklistState, checklistView } from './ticket-checklist';
import type { TicketThreads } from './ticket-thread';

export interface DetailDeps {
  db: Database;
  threads: TicketThreads;
  candidates: LinkCandidates;
  now: () => Date;
  /** The signed-in agent, for the canned replies' sign-off. */
  me: () => { id: string; name: string } | null;
}

export interface TicketDetails {
  detail(ticketId: string, revision: number): TicketDetail;
  learner(learnerId: string): LinkedLearner | null;
  module(moduleId: string): LinkedModule | null;
}

export function createTicketDetails(deps: DetailDeps): TicketDetails {
  const { db, threads } = deps;
  const learnerRow: Statement<[string], { id: string; name: string; email: string; workplace: string | null }> = db.prepare(
    'SELECT l.id, l.name, l.email, w.name AS workplace FROM learner l LEFT JOIN workplace w ON w.id = l.workplace_id WHERE l.id = ?',
  );
  const learnerByEmail: Statement<[string], { id: string }> = db.prepare('SELECT id FROM learner WHERE email = ? COLLATE NOCASE LIMIT 1');
  const moduleRow: Statement<[string], { id: string; name: string; course_id: string; course_name: string; category_id: string; category_name: string; passing_score: number }> = db.prepare(
    `SELECT mo.id, mo.name, mo.course_id, co.name AS course_name, co.category_id, ca.name AS category_name, mo.passing_score
       FROM module mo JOIN course co ON co.id = mo.course_id JOIN category ca ON ca.id = co.category_id WHERE mo.id = ?`,
  );
  const courseRow: Statement<[string], { id: string; name: string; first_module: string | null }> = db.prepare(
    'SELECT co.id, co.name, (SELECT mo.id FROM module mo WHERE mo.course_id = co.id ORDER BY mo.name LIMIT 1) AS first_module FROM course co WHERE co.id = ?',
  );
  const agentName: Statement<[string], { name: string }> = db.prepare('SELECT name FROM agent WHERE id = ?');
  const attemptsOn: Statement<[string, string], { data: string }> = db.prepare('SELECT data FROM attempt WHERE learner_id = ? AND module_id = ?');
  const enrollmentOn: Statement<[string, string], { data: string }> = db.prepare('SELECT data FROM enrollment WHERE learner_id = ? AND module_id = ? LIMIT 1');

  function learner(id: string): LinkedLearner | null {
    const row = learnerRow.get(id);
    return row ? { id: row.id, name: row.name, email: row.email, workplaceName: row.workplace } : null;
  }
  function module(id: string): LinkedModule | null {
    const row = moduleRow.get(id);
    return row ? { id: row.id, name: row.name, courseId: row.course_id, courseName: row.course_name, categoryId: row.category_id, categoryName: row.category_name } : null;
  }
  /** A course guess with no module named still needs a module to link; its place is shown by the course's first. */
  function moduleOrCourse(courseId: string, moduleId: string | null): LinkedModule | null {
    if (moduleId) return module(moduleId);
    const course = courseRow.get(courseId);
    return course?.first_module ? module(course.first_module) : null;
  }

  function suggest(text: string, fromEmail: string, linkedLearnerId: string | null): LinkSuggestion {
    const byAddress = linkedLearnerId ? null : (learnerByEmail.get(fromEmail.trim())?.id ?? null);
    const learnerId = linkedLearnerId ?? byAddress;
    let guesses = [] as ReturnType<typeof guessLink>;
    if (learnerId) {
      const { catalog, enrolled } = deps.candidates.learnerCatalog(learnerId);
      guesses = guessLink(text, catalog, enrolled);
    }
    if (guesses.length === 0) guesses = guessLink(text, deps.candidates.wholeCatalog());
    const modules = guesses.flatMap((g) => {
      const m = moduleOrCourse(g.courseId, g.moduleId);
      return m ? [{ guess: g, module: m }] : [];
    });
    const best = modules[0];
    return {
      learner: byAddress ? learner(byAddress) : null,
      learnerReason: byAddress ? 'The sender’s address is this learner’s.' : null,
      module: best?.guess.moduleId ? best.module : null,
      moduleReason: best ? `The learner wrote “${best.guess.quote}”.${best.guess.moduleId ? '' : ' No module was named.'}` : null,
      confidence: best?.guess.moduleId ? best.guess.confidence : 0,
      alternatives: modules.slice(best?.guess.moduleId ? 1 : 0).map((m) => m.module),
    };
  }

  function verdictFor(learnerId: string | null, moduleId: string | null, ticketId: string): { verdict: VerdictResult | null; pending: string | null } {
    if (learnerId === null || moduleId === null) return { verdict: null, pending: 'Link the ticket to a learner and a module to see the verdict.' };
    try {
      return { verdict: verdictForLearnerModule(db, learnerId, moduleId, ticketId, deps.now()), pending: null };
    } catch (error) {
      return { verdict: null, pending: `No verdict yet: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  function writesOf(ticketId: string): TicketWrite[] {
    return entriesOfRecord(db, ORDERING_ENTITY, ticketId, [...UNCONFIRMED_STATES, 'failed']).map((e) => ({
        id: e.id,
        kind: e.kind,
        summary: (e.kind === ticketPatchKind.kind ? ticketPatchKind : ticketMessageKind).describe(e.payload),
        state: e.state,
        lastError: e.lastError,
      }));
  }

  return {
    learner,
    module,
    detail(ticketId, revision) {
      const loaded = threads.load(ticketId);
      const { shown } = loaded;
      const learnerText = [shown.subject, ...loaded.messages.filter((m) => m.author === 'learner').map((m) => m.body.slice(0, 20_000))].join('\n');
      const linkedLearner = shown.learnerId ? learner(shown.learnerId) : null;
      const linkedModule = shown.moduleId ? module(shown.moduleId) : null;
      const suggestion = suggest(learnerText, shown.fromEmail, shown.learnerId);
      const facts = {
        messages: loaded.messages.map((m) => ({ author: m.author, body: m.body, hasImage: m.attachments.some((a) => a.isImage) })),
        learnerId: shown.learnerId,
        moduleId: shown.moduleId,
        moduleName: linkedModule?.name ?? null,
        status: shown.status,
      };
      const state = checklistState(facts);
      const { verdict, pending } = verdictFor(shown.learnerId, shown.moduleId, shown.id);
      const suggestedLearner = linkedLearner ? null : suggestion.learner;
      const suggestedModule = linkedModule ? null : suggestion.module;
      const suggestionLabel = [suggestedLearner?.name, suggestedModule ? `${suggestedModule.name} (${suggestedModule.courseName})` : null].filter(Boolean).join(' · ') || null;
      const view = checklistView(state, facts, {
        suggestedLearnerId: suggestedLearner?.id ?? null,
        suggestedModuleId: suggestedModule?.id ?? null,
        suggestionLabel,
        verdict,
        verdictPending: pending,
      });
      const checklist: TicketChecklist = { steps: view.steps, next: view.next, verdict };

      const nameLearner = linkedLearner ?? suggestion.learner;
      const nameModule = linkedModule ?? suggestion.module;
      const me = deps.me();
      const noteModule = linkedModule ? moduleRow.get(linkedModule.id) : undefined;
      const note =
        shown.learnerId && noteModule
          ? dataCheckNote({
              moduleName: noteModule.name,
              passingScore: noteModule.passing_score,
              enrollment: ((row) => (row ? Enrollment.parse(JSON.parse(row.data)) : null))(enrollmentOn.get(shown.learnerId, noteModule.id)),
              attempts: attemptsOn.all(shown.learnerId, noteModule.id).map((r) => Attempt.parse(JSON.parse(r.data))),
            })
          : 'Checked the data: link the ticket to a learner and a module first, so the note can say what came back.';
      return {
        ticket: shown,
        confirmed: loaded.confirmed,
        assigneeName: shown.assigneeId ? (agentName.get(shown.assigneeId)?.name ?? shown.assigneeId) : null,
        messages: loaded.messages,
        learner: linkedLearner,
        module: linkedModule,
        suggestion,
        checklist,
        cannedReplies: cannedReplies(
          { learnerName: nameLearner?.name ?? null, moduleName: nameModule?.name ?? null, courseName: nameModule?.courseName ?? null, agentName: me?.name ?? null },
          note,
        ),
        writes: writesOf(ticketId),
        conflicts: listTicketConflicts(db, 0, ticketId),
        revision,
      };
    },
  };
}

