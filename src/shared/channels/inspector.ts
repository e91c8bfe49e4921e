// Channels of the score-data inspector (issue #6) — step 3 of the help article, "check the
// data coming back into the system" — and of the Known Issues screen. Main reads the cache,
// computes the verdict and every derived figure (score in percent, suspend-data limit, what
// came back when); the renderer only shows them.
import { z } from 'zod';
import { Attempt, Enrollment, Id, IsoTime, TicketStatus } from '../lms/entities';
import { Verdict } from '../verdict';
import type { ChannelSpec } from './channel-spec';

const SearchText = z.string().trim().max(200, 'a search is at most 200 characters');

/** Which learner and module to inspect, and the ticket the inspection is for (null: opened directly). */
export const InspectorTarget = z
  .object({
    learnerId: Id,
    moduleId: Id,
    ticketId: Id.nullable().default(null),
  })
  .strict();
export type InspectorTarget = z.input<typeof InspectorTarget>;

// ── Finding a learner and a module ─────────────────────────────────────────────────────

export const LearnerHit = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  workplaceName: z.string().nullable(),
});
export type LearnerHit = z.infer<typeof LearnerHit>;

/** The learner's status on a module as the picker shows it; `not_enrolled` for a module only a ticket names. */
export const ModuleStanding = z.enum(['not_started', 'in_progress', 'completed', 'not_enrolled']);
export type ModuleStanding = z.infer<typeof ModuleStanding>;

export const LearnerModule = z.object({
  moduleId: Id,
  moduleName: z.string(),
  courseName: z.string(),
  categoryName: z.string(),
  standing: ModuleStanding,
  attempts: z.number().int().min(0),
  /** When data last came back on any attempt, or the latest attempt started. */
  lastActivityAt: IsoTime.nullable(),
  /** Tickets of this learner linked to this module. */
  tickets: z.number().int().min(0),
});
export type LearnerModule = z.infer<typeof LearnerModule>;

export const ModuleHit = z.object({
  moduleId: Id,
  moduleName: z.string(),
  courseName: z.string(),
  categoryName: z.string(),
});
export type ModuleHit = z.infer<typeof ModuleHit>;

// ── The inspection ─────────────────────────────────────────────────────────────────────

export const ScoreSource = z.enum(['scaled', 'raw', 'none']);

/** One attempt with what main read from it; the raw key/values come on demand (inspector.rawData). */
export const InspectedAttempt = Attempt.omit({ cmi: true, learnerId: true, moduleId: true }).extend({
  /** The score in percent, as the verdict reads it; null when none came back. */
  percent: z.number().min(0).max(100).nullable(),
  scoreSource: ScoreSource,
  /** Why a score could not be used, or how it was bent into range. */
  scoreNote: z.string().nullable(),
  /** percent ≥ the module's passing score; null without a score. */
  reachesPassingScore: z.boolean().nullable(),
  /** Characters the standard allows in suspend data (4,096 SCORM 1.2, 64,000 SCORM 2004). */
  suspendDataLimit: z.number().int().min(1),
  suspendDataOverflow: z.boolean(),
  /** How many raw key/values the course sent. */
  rawKeys: z.number().int().min(0),
  /** One line an admin reads at a glance: "passed at 14:02 UTC, completion never arrived". */
  summary: z.string(),
  /** The attempt the verdict's best score comes from. */
  isBest: z.boolean(),
});
export type InspectedAttempt = z.infer<typeof InspectedAttempt>;

export const TimelineEventKind = z.enum([
  'started',
  'data',
  'error',
  'completion_missing',
  'no_data',
  'ticket_opened',
  'completed',
]);
export type TimelineEventKind = z.infer<typeof TimelineEventKind>;

/** Something that happened on this learner + module, in time order. */
export const TimelineEvent = z.object({
  at: IsoTime,
  kind: TimelineEventKind,
  attemptId: Id.nullable(),
  text: z.string(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** What the attempts add up to: nothing launched, launched but nothing came back, or data. */
export const DataState = z.enum(['no_attempts', 'no_data', 'data']);
export type DataState = z.infer<typeof DataState>;

export const InspectedTicket = z.object({ id: Id, subject: z.string(), status: TicketStatus, createdAt: IsoTime });
export type InspectedTicket = z.infer<typeof InspectedTicket>;

export const Inspection = z.object({
  target: z.object({ learnerId: Id, moduleId: Id, ticketId: Id.nullable() }),
  learner: z.object({ id: Id, name: z.string(), email: z.string(), workplaceName: z.string().nullable() }),
  module: z.object({ id: Id, name: z.string(), passingScore: z.number().min(0).max(100) }),
  course: z.object({ id: Id, name: z.string(), blueBucks: z.number().int().min(0) }),
  category: z.object({ id: Id, name: z.string() }),
  enrollment: Enrollment.nullable(),
  /** The ticket the verdict is for; null when the inspector was opened directly. */
  ticket: InspectedTicket.nullable(),
  /** Whether the ticket's checklist came from the inbox; when false, the ticket's steps count as not done. */
  checklistKnown: z.boolean(),
  /** Every attempt, newest first. */
  attempts: z.array(InspectedAttempt),
  dataState: DataState,
  /** Oldest first. */
  timeline: z.array(TimelineEvent),
  /** This learner's other tickets about this module. */
  otherTickets: z.array(InspectedTicket),
  verdict: Verdict,
  computedAt: IsoTime,
});
export type Inspection = z.infer<typeof Inspection>;

export const RawDataQuery = z
  .object({
    attemptId: Id,
    /** Matched against keys and values, case-insensitively; empty lists everything. */
    search: SearchText.default(''),
    offset: z.number().int().min(0).max(100_000).default(0),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();
export type RawDataQuery = z.input<typeof RawDataQuery>;

/** Values longer than this (suspend data runs to 64,000 characters) come back cut, with their full length. */
export const RAW_VALUE_SHOWN = 2_000;

export const RawEntry = z.object({
  key: z.string(),
  value: z.string(),
  /** The value's full length in characters. */
  length: z.number().int().min(0),
  truncated: z.boolean(),
});
export type RawEntry = z.infer<typeof RawEntry>;

export const RawData = z.object({
  attemptId: Id,
  /** Key/values the course sent in all. */
  total: z.number().int().min(0),
  /** Key/values matching the search. */
  matched: z.number().int().min(0),
  entries: z.array(RawEntry),
});
export type RawData = z.infer<typeof RawData>;

// ── Known issues ───────────────────────────────────────────────────────────────────────

export const KnownIssueTicket = z.object({
  id: Id,
  subject: z.string(),
  status: TicketStatus,
  learnerId: Id,
  learnerName: z.string(),
  moduleId: Id,
  moduleName: z.string(),
  /** What matched: the attempt's OS/browser, or what the learner said. */
  matchedOn: z.string(),
});
export type KnownIssueTicket = z.infer<typeof KnownIssueTicket>;

export const KnownIssueAttempt = z.object({
  id: Id,
  learnerId: Id,
  learnerName: z.string(),
  moduleId: Id,
  moduleName: z.string(),
  courseName: z.string(),
  startedAt: IsoTime,
  os: z.string(),
  browser: z.string(),
  /** The attempt shows completion trouble (passed without completion, errors, cut off, no data). */
  trouble: z.boolean(),
});
export type KnownIssueAttempt = z.infer<typeof KnownIssueAttempt>;

export const KnownIssueView = z.object({
  id: Id,
  categoryId: Id,
  categoryName: z.string(),
  courseId: Id.nullable(),
  courseName: z.string().nullable(),
  os: z.string().nullable(),
  browser: z.string().nullable(),
  description: z.string(),
  since: IsoTime,
  until: IsoTime.nullable(),
  /** Open tickets (not resolved) this issue explains. */
  openTickets: z.array(KnownIssueTicket),
  /** Attempts on its courses, in its OS/browser, inside its window; the list is cut at `attemptsShown`. */
  attempts: z.array(KnownIssueAttempt),
  matchingAttempts: z.number().int().min(0),
  troubledAttempts: z.number().int().min(0),
});
export type KnownIssueView = z.infer<typeof KnownIssueView>;

/** One category × platform cell of the completion-failure map. */
export const FailureCell = z.object({
  categoryId: Id,
  platform: z.string(),
  attempts: z.number().int().min(0),
  failures: z.number().int().min(0),
  /** failures / attempts, 0–1. */
  rate: z.number().min(0).max(1),
  /** A known issue of this category names this platform. */
  knownIssueIds: z.array(Id),
  /** Failing well above the category's other platforms, and no known issue covers it. */
  suspicious: z.boolean(),
});
export type FailureCell = z.infer<typeof FailureCell>;

export const FailureMap = z.object({
  sinceDays: z.number().int().min(1),
  /** "OS · browser" families, most failures first. */
  platforms: z.array(z.string()),
  categories: z.array(z.object({ id: Id, name: z.string(), attempts: z.number().int().min(0), failures: z.number().int().min(0) })),
  cells: z.array(FailureCell),
  /** Attempts counted in all, and how many of them failed to complete. */
  attempts: z.number().int().min(0),
  failures: z.number().int().min(0),
});
export type FailureMap = z.infer<typeof FailureMap>;

export const KnownIssuesOverview = z.object({
  issues: z.array(KnownIssueView),
  failureMap: FailureMap,
  computedAt: IsoTime,
});
export type KnownIssuesOverview = z.infer<typeof KnownIssuesOverview>;

export const KnownIssuesQuery = z
  .object({
    /** How far back the failure map looks. */
    sinceDays: z.number().int().min(1).max(3650).default(90),
  })
  .strict();
export type KnownIssuesQuery = z.input<typeof KnownIssuesQuery>;

export const inspectorChannels = {
  'inspector.searchLearners': {
    kind: 'query',
    input: z.object({ search: SearchText.min(1, 'type part of a name or an e-mail address'), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({ learners: z.array(LearnerHit) }),
  },
  /** The modules a learner is enrolled in, has attempts on, or wrote about. */
  'inspector.learnerModules': {
    kind: 'query',
    input: z.object({ learnerId: Id }).strict(),
    output: z.object({ learner: LearnerHit, modules: z.array(LearnerModule) }),
  },
  /** Any module by its name or its course's, for a learner who is not enrolled in it. */
  'inspector.searchModules': {
    kind: 'query',
    input: z.object({ search: SearchText.min(1, 'type part of a module or course name'), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({ modules: z.array(ModuleHit) }),
  },
  'inspector.open': { kind: 'query', input: InspectorTarget, output: Inspection },
  'inspector.rawData': { kind: 'query', input: RawDataQuery, output: RawData },
  'knownIssues.overview': { kind: 'query', input: KnownIssuesQuery, output: KnownIssuesOverview },
} as const satisfies Record<string, ChannelSpec>;
