// What other features record that the verdict rests on and the LMS's records alone cannot
// say: the ticket's checklist and what the learner said they use (the inbox, issue #5), and
// the screenshots with their reviews and reuse flags (the screenshot viewer, issue #7). The
// cache-backed sources use those features' own functions over the cache, so the inspector,
// the inbox and the pass panel read the same checklist and the same reviews.
import type { Database } from 'better-sqlite3';
import type { MessageAuthor, TicketStatus } from '../../shared/lms/entities';
import type { ChecklistState, LearnerScreenshot, ReportedEnvironment } from '../../shared/verdict';
import { createLearnerScreenshotReader } from '../evidence/learner-screenshots';
import { reportedEnvironment } from '../tickets/reported-environment';
import { checklistState } from '../tickets/ticket-checklist';

export interface VerdictSources {
  /** The help article's checklist for a ticket, as the inbox computes it; null when the ticket is unknown. */
  checklist(ticketId: string): ChecklistState | null;
  /** What the learner said they use, read from their messages; null when they named neither OS nor browser. */
  reportedEnvironment(ticketId: string): ReportedEnvironment | null;
  /** The screenshots the learner sent about this module, each with the review that counts and its reuse flag. */
  screenshots(learnerId: string, moduleId: string): LearnerScreenshot[];
}

/**
 * A ticket whose checklist nobody could compute has had none of its steps done, as far as
 * Passdesk can prove: a pass must never be allowed on steps it cannot see.
 */
export const checklistNotKnown: ChecklistState = {
  faqSent: false,
  detailsReceived: false,
  dataChecked: false,
  screenshotRequested: false,
  screenshotReceived: false,
};

type TicketRow = { learner_id: string | null; module_id: string | null; status: TicketStatus };
type MessageRow = { author: MessageAuthor; body: string; has_image: number };

const made = new WeakMap<Database, VerdictSources>();

/** The sources as the cache holds them: the ticket as the agent sees it (local edits included), its thread, the reviews. */
export function verdictSourcesFromCache(db: Database): VerdictSources {
  const known = made.get(db);
  if (known) return known;
  const ticket = db.prepare<[string], TicketRow>('SELECT learner_id, module_id, status FROM ticket WHERE id = ?');
  const messages = db.prepare<[string], MessageRow>(
    `SELECT m.author, m.body,
            EXISTS (SELECT 1 FROM attachment a WHERE a.message_id = m.id AND a.content_type LIKE 'image/%') AS has_image
       FROM message m WHERE m.ticket_id = ? ORDER BY m.created_at, m.row_no`,
  );
  let screenshots: ((learnerId: string, moduleId: string) => LearnerScreenshot[]) | null = null;
  const sources: VerdictSources = {
    checklist(ticketId) {
      const row = ticket.get(ticketId);
      if (!row) return null;
      return checklistState({
        messages: messages.all(ticketId).map((m) => ({ author: m.author, body: m.body, hasImage: m.has_image === 1 })),
        learnerId: row.learner_id,
        moduleId: row.module_id,
        // The checklist's state does not read the module's name; only its view does.
        moduleName: null,
        status: row.status,
      });
    },
    reportedEnvironment(ticketId) {
      const said = messages.all(ticketId).filter((m) => m.author === 'learner').map((m) => m.body);
      return said.length > 0 ? reportedEnvironment(said) : null;
    },
    screenshots(learnerId, moduleId) {
      screenshots ??= createLearnerScreenshotReader(db);
      return screenshots(learnerId, moduleId);
    },
  };
  made.set(db, sources);
  return sources;
}
