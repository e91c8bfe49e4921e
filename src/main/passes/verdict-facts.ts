// What the pass panel and main's re-check read from the cache about a learner + module: the
// verdict (through the inspector's one assembly of its facts, so the inspector, the inbox and
// the pass panel never disagree), and the records a pass's evidence may name.
import type { Database } from 'better-sqlite3';
import { Attempt, Enrollment, KnownIssue, Learner, Ticket, type Attachment } from '../../shared/lms/entities';
import type { LearnerScreenshot, Verdict } from '../../shared/verdict';
import { assembleVerdictInput, modulePlace, type ModulePlace } from '../inspector/verdict-input';
import { computeVerdict } from '../inspector/verdict';
import { verdictSourcesFromCache, type VerdictSources } from '../inspector/verdict-sources';
import { createChangeCounter } from '../cache/change-counter';

export type { ModulePlace } from '../inspector/verdict-input';

export interface LearnerVerdict {
  enrollment: Enrollment | null;
  verdict: Verdict;
}

export interface VerdictFacts {
  place(moduleId: string): ModulePlace | null;
  learner(learnerId: string): Learner | null;
  /** The verdict for this learner on this module, for a ticket when one is given (its checklist counts). */
  verdict(learnerId: string, moduleId: string, ticketId: string | null, now: Date): LearnerVerdict;
  screenshotsOf(learnerId: string, moduleId: string): LearnerScreenshot[];
  attachment(id: string): (Attachment & { ticket: Ticket | null }) | null;
  knownIssue(id: string): KnownIssue | null;
  attempt(id: string): Attempt | null;
}

function parseRow<T>(schema: { parse(data: unknown): T }, row: { data: string } | undefined): T | null {
  return row ? schema.parse(JSON.parse(row.data)) : null;
}

export function createVerdictFacts(db: Database, sources: VerdictSources = verdictSourcesFromCache(db)): VerdictFacts {
  const q = {
    learner: db.prepare<[string], { data: string }>('SELECT data FROM learner WHERE id = ?'),
    attempt: db.prepare<[string], { data: string }>('SELECT data FROM attempt WHERE id = ?'),
    ticket: db.prepare<[string], { data: string }>('SELECT data FROM ticket WHERE id = ?'),
    attachment: db.prepare<[string], { data: string }>('SELECT data FROM attachment WHERE id = ?'),
    knownIssue: db.prepare<[string], { data: string }>('SELECT data FROM known_issue WHERE id = ?'),
  };
  // Modules, courses and categories change rarely, but their $BlueBucks and names do change in
  // the feed: a found place is kept only while nothing has been written to the cache.
  const changes = createChangeCounter(db);
  let places = { at: changes.read(), byModule: new Map<string, ModulePlace>() };
  return {
    place(moduleId) {
      const at = changes.read();
      if (places.at !== at) places = { at, byModule: new Map() };
      const known = places.byModule.get(moduleId);
      if (known) return known;
      const found = modulePlace(db, moduleId);
      if (found) places.byModule.set(moduleId, found);
      return found;
    },
    learner: (id) => parseRow(Learner, q.learner.get(id)),
    verdict(learnerId, moduleId, ticketId, now) {
      const { input } = assembleVerdictInput(db, { learnerId, moduleId, ticketId }, now, sources);
      return { enrollment: input.enrollment, verdict: computeVerdict(input) };
    },
    screenshotsOf: (learnerId, moduleId) => sources.screenshots(learnerId, moduleId),
    attempt: (id) => parseRow(Attempt, q.attempt.get(id)),
    knownIssue: (id) => parseRow(KnownIssue, q.knownIssue.get(id)),
    attachment(id) {
      const row = q.attachment.get(id);
      if (!row) return null;
      const attachment = JSON.parse(row.data) as Attachment;
      return { ...attachment, ticket: parseRow(Ticket, q.ticket.get(attachment.ticketId)) };
    },
  };
}
