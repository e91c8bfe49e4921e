// What main answers on the inspector's and the Known Issues screen's channels
// (src/shared/channels/inspector.ts). Every answer is read from the cache at the moment it is
// asked for, with the clock the services share, so the verdict is always today's.
import type { Database } from 'better-sqlite3';
import type { inspectorChannels } from '../../shared/channels/inspector';
import type { Clock } from '../app/clock';
import type { Handlers } from '../ipc/dispatcher';
import { buildInspection } from './inspection';
import { createInspectorQueries } from './inspector-queries';
import { createKnownIssuesReader } from './known-issues-overview';
import { computeVerdict } from './verdict';
import { assembleVerdictInput } from './verdict-input';
import { verdictSourcesFromCache, type VerdictSources } from './verdict-sources';

export type InspectorHandlers = Pick<Handlers, keyof typeof inspectorChannels>;

export interface InspectorServiceDeps {
  db: Database;
  clock: Clock;
  /** Where checklists and screenshot reviews come from; the cache's unless a test says otherwise. */
  sources?: VerdictSources;
}

export function createInspectorHandlers({ db, clock, sources = verdictSourcesFromCache(db) }: InspectorServiceDeps): InspectorHandlers {
  const queries = createInspectorQueries(db);
  const knownIssues = createKnownIssuesReader(db, sources);
  return {
    'inspector.searchLearners': ({ search, limit }) => ({ learners: queries.searchLearners(search, limit) }),
    'inspector.learnerModules': ({ learnerId }) => queries.learnerModules(learnerId),
    'inspector.searchModules': ({ search, limit }) => ({ modules: queries.searchModules(search, limit) }),
    'inspector.open': (target) => {
      const assembled = assembleVerdictInput(db, target, clock.now(), sources);
      return buildInspection(assembled, computeVerdict(assembled.input));
    },
    'inspector.rawData': (query) => queries.rawData(query),
    'knownIssues.overview': ({ sinceDays }) => knownIssues.overview(sinceDays, clock.now()),
  };
}
