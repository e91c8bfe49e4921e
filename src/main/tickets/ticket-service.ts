// The inbox's services over the cache, and the handlers of the tickets.* channels. Built from
// plain arguments (the cache, who is signed in, a clock, how to wake the outbox sender), so
// the same code runs under Electron, in browser mode and in tests.
import type { Database } from 'better-sqlite3';
import type { ticketChannels } from '../../shared/channels/tickets';
import { PassdeskError } from '../../shared/ipc-result';
import type { Me } from '../../shared/lms/api';
import type { Handlers } from '../ipc/dispatcher';
import { createAgentWrites } from './agent-writes';
import { createFilterOptions } from './filter-options';
import { createInboxList } from './inbox-list';
import { createInboxRevision } from './inbox-revision';
import { createLearnerPanels, LearnerNotFound } from './learner-panel';
import { createLinkCandidates } from './link-candidates';
import { createLinkTargets } from './link-targets';
import { createTicketDetails } from './ticket-detail';
import { createTicketThreads, TicketNotFound } from './ticket-thread';

export type TicketHandlers = Pick<Handlers, keyof typeof ticketChannels>;

export interface TicketServiceOptions {
  db: Database;
  /** The signed-in user, or null while the LMS has not said. */
  me: () => Me | null;
  clock?: { now(): Date };
  /** Wakes the outbox sender after a write was queued. */
  writesQueued?: () => void;
  /** Announces a new inbox revision (the tickets.changed event). */
  onChanged?: (revision: number) => void;
  /** How often to look for changes in the cache; tests and benchmarks may turn it down. */
  watchEveryMs?: number;
}

export interface TicketService {
  handlers: TicketHandlers;
  start(): void;
  stop(): void;
}

/** The search index is read into memory this long after start. */
const WARM_AFTER_MS = 1500;

function asContractError(error: unknown): never {
  if (error instanceof TicketNotFound || error instanceof LearnerNotFound) throw new PassdeskError({ code: 'not_found', message: error.message });
  throw error;
}

export function createTicketService(options: TicketServiceOptions): TicketService {
  const { db } = options;
  const now = () => options.clock?.now() ?? new Date();
  const revision = createInboxRevision({ db, onChange: (r) => options.onChanged?.(r), ...(options.watchEveryMs ? { everyMs: options.watchEveryMs } : {}) });
  const threads = createTicketThreads(db);
  const list = createInboxList(db);
  const filters = createFilterOptions(db);
  const details = createTicketDetails({ db, threads, candidates: createLinkCandidates(db), now, me: options.me });
  const panels = createLearnerPanels(db, now);
  const targets = createLinkTargets(db);
  const writes = createAgentWrites({
    db,
    threads,
    me: options.me,
    now,
    writesQueued: () => {
      options.writesQueued?.();
      revision.check();
    },
  });

  let warmTimer: NodeJS.Timeout | null = null;
  const handlers: TicketHandlers = {
    'tickets.list': (query) => list.list(query, options.me()?.id ?? null, revision.check()),
    'tickets.filterOptions': ({ categoryId, courseId }) => filters.options(categoryId, courseId, revision.current()),
    'tickets.detail': ({ ticketId }) => {
      try {
        return details.detail(ticketId, revision.check());
      } catch (error) {
        return asContractError(error);
      }
    },
    'tickets.learnerPanel': ({ learnerId, ticketId }) => {
      try {
        return panels.panel(learnerId, ticketId);
      } catch (error) {
        return asContractError(error);
      }
    },
    'tickets.findLearners': ({ query, limit }) => ({ learners: targets.learners(query, limit) }),
    'tickets.findModules': ({ query, learnerId, limit }) => ({ modules: targets.modules(query, learnerId, limit) }),
    'tickets.reply': (input) => writes.reply(input),
    'tickets.edit': (input) => writes.edit(input),
  };

  return {
    handlers,
    start() {
      revision.start();
      // After the window's first calls, not before them.
      warmTimer = setTimeout(() => list.warm(revision.current()), WARM_AFTER_MS);
      warmTimer.unref();
    },
    stop() {
      revision.stop();
      if (warmTimer) clearTimeout(warmTimer);
    },
  };
}
