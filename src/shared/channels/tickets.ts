// Channels of the support inbox: the ticket list (views with live counts, filters, full-text
// search, paging for a virtualized list), one ticket with its thread, link suggestion and the
// help article's checklist, the learner panel, and the agent's writes — replies, notes, edits
// of status, assignee, tags and link — which go through the outbox and show as pending until
// the LMS confirms them.
import { z } from 'zod';
import { EnrollmentStatus, Id, IsoTime, MessageAuthor, Tag, Ticket, TicketStatus, CompletionSource } from '../lms/entities';
import { Verdict } from '../verdict';
import { TicketConflict, WriteState } from './sync';
import type { ChannelSpec } from './channel-spec';

export const InboxView = z.enum(['new', 'open', 'waiting', 'resolved', 'mine', 'unassigned', 'all']);
export type InboxView = z.infer<typeof InboxView>;
export const inboxViews = InboxView.options;

/** What each view is called on screen; "waiting" is waiting on the learner. */
export const inboxViewLabels: Record<InboxView, string> = {
  new: 'New',
  open: 'Open',
  waiting: 'Waiting on learner',
  resolved: 'Resolved',
  mine: 'Mine',
  unassigned: 'Unassigned',
  all: 'All',
};

export const ticketStatusLabels: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  waiting: 'Waiting on learner',
  resolved: 'Resolved',
};

export const InboxSort = z.enum([
  /** Most recent activity first. */
  'activity',
  /** Oldest first: who has waited longest. */
  'age',
]);
export type InboxSort = z.infer<typeof InboxSort>;

export const InboxFilters = z
  .object({
    categoryId: Id.nullable().default(null),
    courseId: Id.nullable().default(null),
    moduleId: Id.nullable().default(null),
    tag: Tag.nullable().default(null),
    /** An agent's id; "unassigned" is the Unassigned view. */
    assigneeId: Id.nullable().default(null),
    /** true: only tickets with a screenshot; false: only without; null: either. */
    hasScreenshot: z.boolean().nullable().default(null),
  })
  .strict();
export type InboxFilters = z.infer<typeof InboxFilters>;

/** The most rows one page may ask for; the virtualized list asks for a window at a time. */
export const MAX_PAGE_ROWS = 500;
export const MAX_SEARCH_LENGTH = 200;

export const InboxQuery = z
  .object({
    view: InboxView.default('all'),
    filters: InboxFilters.default({ categoryId: null, courseId: null, moduleId: null, tag: null, assigneeId: null, hasScreenshot: null }),
    search: z.string().max(MAX_SEARCH_LENGTH, `Search for at most ${MAX_SEARCH_LENGTH} characters.`).default(''),
    sort: InboxSort.default('activity'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(MAX_PAGE_ROWS).default(100),
  })
  .strict();
export type InboxQuery = z.input<typeof InboxQuery>;

/** A matched stretch of text: [start, end) in UTF-16 code units of the string it belongs to. */
export const MatchMark = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
export type MatchMark = z.infer<typeof MatchMark>;

export const InboxRow = z.object({
  id: Id,
  subject: z.string(),
  subjectMarks: z.array(MatchMark),
  /** The sender's address; the learner's name when the ticket is linked to one. */
  fromEmail: z.string(),
  fromMarks: z.array(MatchMark),
  learnerName: z.string().nullable(),
  /** A short stretch of the thread: around the first search match, else the learner's latest words. */
  snippet: z.string(),
  snippetMarks: z.array(MatchMark),
  moduleName: z.string().nullable(),
  courseName: z.string().nullable(),
  status: TicketStatus,
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  tags: z.array(Tag),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  attachments: z.number().int().min(0),
  hasScreenshot: z.boolean(),
  /** The learner wrote last: nobody on the desk has answered their latest message. */
  unread: z.boolean(),
  /** This desk has changes on the ticket the LMS has not confirmed yet. */
  pending: z.boolean(),
  /** One of those changes collided with someone else's; a person must choose. */
  conflict: z.boolean(),
});
export type InboxRow = z.infer<typeof InboxRow>;

export const ViewCounts = z.record(InboxView, z.number().int().min(0));
export type ViewCounts = z.infer<typeof ViewCounts>;

export const InboxPage = z.object({
  rows: z.array(InboxRow),
  /** Tickets in the view with these filters and this search. */
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  /** Each view's count with the same filters and search, so switching views holds no surprise. */
  counts: ViewCounts,
  /** The words searched for, as the search understood them. */
  searchTerms: z.array(z.string()),
  /** The inbox revision this page was read at (see tickets.changed). */
  revision: z.number().int().min(0),
});
export type InboxPage = z.infer<typeof InboxPage>;

export const NamedOption = z.object({ id: Id, name: z.string() });
export type NamedOption = z.infer<typeof NamedOption>;

export const FilterOptions = z.object({
  categories: z.array(NamedOption),
  /** The courses of the chosen category (empty until one is chosen). */
  courses: z.array(NamedOption),
  /** The modules of the chosen course (empty until one is chosen). */
  modules: z.array(NamedOption),
  tags: z.array(z.object({ tag: Tag, tickets: z.number().int().min(0) })),
  agents: z.array(NamedOption),
});
export type FilterOptions = z.infer<typeof FilterOptions>;

// ── One ticket ────────────────────────────────────────────────────────────────────────

export const ThreadAttachment = z.object({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
  isImage: z.boolean(),
});
export type ThreadAttachment = z.infer<typeof ThreadAttachment>;

export const ThreadMessage = z.object({
  id: z.string(),
  author: MessageAuthor,
  /** Who wrote it, as the agent reads it: the learner's name or address, the agent's name. */
  authorName: z.string(),
  body: z.string(),
  createdAt: IsoTime,
  /** Written on this desk and not yet confirmed by the LMS. */
  pending: WriteState.nullable(),
  attachments: z.array(ThreadAttachment),
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

export const LinkedModule = z.object({
  id: Id,
  name: z.string(),
  courseId: Id,
  courseName: z.string(),
  categoryId: Id,
  categoryName: z.string(),
});
export type LinkedModule = z.infer<typeof LinkedModule>;

export const LinkedLearner = z.object({ id: Id, name: z.string(), email: z.string(), workplaceName: z.string().nullable() });
export type LinkedLearner = z.infer<typeof LinkedLearner>;

export const LinkSuggestion = z.object({
  learner: LinkedLearner.nullable(),
  /** Why that learner: e.g. "the sender's address is theirs". */
  learnerReason: z.string().nullable(),
  module: LinkedModule.nullable(),
  /** Why that module, quoting the learner's words: e.g. "“fire rated door hardwre … module 2”". */
  moduleReason: z.string().nullable(),
  /** 0–1: how sure the match is. */
  confidence: z.number().min(0).max(1),
  /** Other courses/modules the text could mean, best first. */
  alternatives: z.array(LinkedModule),
});
export type LinkSuggestion = z.infer<typeof LinkSuggestion>;

export const CannedReplyId = z.enum(['faq', 'details', 'screenshot', 'known_issue', 'data_check']);
export type CannedReplyId = z.infer<typeof CannedReplyId>;

export const CannedReply = z.object({
  id: CannedReplyId,
  label: z.string(),
  /** A reply to the learner, or an internal note. */
  author: z.enum(['agent', 'note']),
  body: z.string(),
  /** The status the ticket takes when this is sent with its step, e.g. waiting on the learner. */
  setsStatus: TicketStatus.nullable(),
});
export type CannedReply = z.infer<typeof CannedReply>;

/** The inbox's steps: the article's five, then the verdict. */
export const InboxStep = z.enum(['faqSent', 'detailsReceived', 'dataChecked', 'screenshotRequested', 'screenshotReceived', 'verdict']);
export type InboxStep = z.infer<typeof InboxStep>;

export const ChecklistEntry = z.object({
  step: InboxStep,
  label: z.string(),
  done: z.boolean(),
  /** Not needed for this ticket (e.g. no screenshot when the data came back). */
  skipped: z.boolean(),
  /** What showed it done, or what is missing, in a few words. */
  detail: z.string(),
});
export type ChecklistEntry = z.infer<typeof ChecklistEntry>;

export const NextAction = z.discriminatedUnion('kind', [
  /** Send a canned reply or note (filled in for this learner and module), optionally setting the status. */
  z.object({ kind: z.literal('send'), label: z.string(), cannedId: CannedReplyId }),
  /** Confirm the suggested link to a learner and a module. */
  z.object({ kind: z.literal('link'), label: z.string(), learnerId: Id.nullable(), moduleId: Id.nullable() }),
  /** Only a status change is due (e.g. waiting on the learner's screenshot). */
  z.object({ kind: z.literal('status'), label: z.string(), status: TicketStatus }),
  /** Nothing to send: look at the verdict in the inspector. */
  z.object({ kind: z.literal('inspect'), label: z.string(), learnerId: Id, moduleId: Id }),
]);
export type NextAction = z.infer<typeof NextAction>;

export const TicketChecklist = z.object({
  steps: z.array(ChecklistEntry),
  next: NextAction.nullable(),
  /** Main's verdict once the ticket is linked to a learner and a module; null before. */
  verdict: Verdict.nullable(),
});
export type TicketChecklist = z.infer<typeof TicketChecklist>;

export const TicketWrite = z.object({
  id: z.string(),
  kind: z.string(),
  summary: z.string(),
  state: WriteState,
  lastError: z.string().nullable(),
});
export type TicketWrite = z.infer<typeof TicketWrite>;

export const TicketDetail = z.object({
  /** As the agent sees it: the LMS's ticket with this desk's unconfirmed edits on top. */
  ticket: Ticket,
  /** The LMS's own version of the ticket, for comparison while edits are pending. */
  confirmed: Ticket,
  assigneeName: z.string().nullable(),
  messages: z.array(ThreadMessage),
  learner: LinkedLearner.nullable(),
  module: LinkedModule.nullable(),
  suggestion: LinkSuggestion,
  checklist: TicketChecklist,
  cannedReplies: z.array(CannedReply),
  /** This desk's writes on the ticket that the LMS has not confirmed (or refused). */
  writes: z.array(TicketWrite),
  conflicts: z.array(TicketConflict),
  revision: z.number().int().min(0),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

// ── The learner panel ────────────────────────────────────────────────────────────────

export const PanelAttempt = z.object({
  id: Id,
  startedAt: IsoTime,
  lastDataAt: IsoTime.nullable(),
  scorePercent: z.number().nullable(),
  passed: z.boolean().nullable(),
  completionStatus: z.string().nullable(),
  successStatus: z.string().nullable(),
  errors: z.number().int().min(0),
  environment: z.string(),
});
export type PanelAttempt = z.infer<typeof PanelAttempt>;

export const PanelModule = z.object({
  moduleId: Id,
  moduleName: z.string(),
  passingScore: z.number(),
  status: EnrollmentStatus,
  completedAt: IsoTime.nullable(),
  completionSource: CompletionSource.nullable(),
  attempts: z.array(PanelAttempt),
  /** Attempts beyond the recent ones shown. */
  olderAttempts: z.number().int().min(0),
});
export type PanelModule = z.infer<typeof PanelModule>;

export const PanelCourse = z.object({
  courseId: Id,
  courseName: z.string(),
  categoryName: z.string(),
  modules: z.array(PanelModule),
  /** Signs of completion trouble in this course, one sentence each; empty when none. */
  trouble: z.array(z.string()),
  /** The course this ticket is about. */
  current: z.boolean(),
  lastActivityAt: IsoTime.nullable(),
});
export type PanelCourse = z.infer<typeof PanelCourse>;

export const PanelTicket = z.object({
  id: Id,
  subject: z.string(),
  status: TicketStatus,
  createdAt: IsoTime,
  courseName: z.string().nullable(),
  moduleName: z.string().nullable(),
});
export type PanelTicket = z.infer<typeof PanelTicket>;

export const LearnerPanel = z.object({
  learner: LinkedLearner,
  workplace: NamedOption.nullable(),
  tickets: z.array(PanelTicket),
  courses: z.array(PanelCourse),
  /** How many courses other than this ticket's show trouble: the article's warning, at a glance. */
  troubleElsewhere: z.number().int().min(0),
  /** One line summing up that warning; null when there is nothing to warn about. */
  warning: z.string().nullable(),
});
export type LearnerPanel = z.infer<typeof LearnerPanel>;

// ── Writes ───────────────────────────────────────────────────────────────────────────

export const ReplyInput = z
  .object({
    ticketId: Id,
    body: z.string().trim().min(1, 'Write something before sending.').max(100_000, 'A message can be at most 100,000 characters.'),
    author: z.enum(['agent', 'note']),
    /** Change the status in the same step (e.g. waiting on the learner after asking for details). */
    setStatus: TicketStatus.nullable().default(null),
  })
  .strict();
export type ReplyInput = z.input<typeof ReplyInput>;

/** The most tickets one bulk edit may change. */
export const MAX_BULK_TICKETS = 500;

export const TicketEdit = z
  .object({
    status: TicketStatus.optional(),
    assigneeId: Id.nullable().optional(),
    /** Assign to whoever is signed in. */
    assignToMe: z.boolean().optional(),
    addTags: z.array(Tag).max(20).optional(),
    removeTags: z.array(Tag).max(20).optional(),
    learnerId: Id.nullable().optional(),
    moduleId: Id.nullable().optional(),
  })
  .strict()
  .refine((e) => Object.values(e).some((v) => v !== undefined && v !== false), { message: 'Say what to change: a status, an assignee, tags or the link.' })
  .refine((e) => !(e.assignToMe && e.assigneeId !== undefined), { message: 'Either assign to yourself or name an assignee, not both.' });
export type TicketEdit = z.input<typeof TicketEdit>;

export const EditInput = z
  .object({
    ticketIds: z.array(Id).min(1, 'Select at least one ticket.').max(MAX_BULK_TICKETS, `Change at most ${MAX_BULK_TICKETS} tickets at once.`),
    changes: TicketEdit,
  })
  .strict();
export type EditInput = z.input<typeof EditInput>;

export const EditResult = z.object({
  /** Tickets whose edit was queued for the LMS. */
  queued: z.array(Id),
  /** Tickets left as they were, each with why (already so, not in the cache …). */
  skipped: z.array(z.object({ ticketId: Id, reason: z.string() })),
});
export type EditResult = z.infer<typeof EditResult>;

export const LinkTargetQuery = z
  .object({
    query: z.string().trim().max(200).default(''),
    /** Modules: the learner's enrolled modules come first. */
    learnerId: Id.nullable().default(null),
    limit: z.number().int().min(1).max(50).default(12),
  })
  .strict();

const TicketIdInput = z.object({ ticketId: Id }).strict();

export const ticketChannels = {
  'tickets.list': { kind: 'query', input: InboxQuery, output: InboxPage },
  'tickets.filterOptions': {
    kind: 'query',
    input: z.object({ categoryId: Id.nullable().default(null), courseId: Id.nullable().default(null) }).strict(),
    output: FilterOptions,
  },
  'tickets.detail': { kind: 'query', input: TicketIdInput, output: TicketDetail },
  'tickets.learnerPanel': {
    kind: 'query',
    input: z.object({ learnerId: Id, ticketId: Id.nullable().default(null) }).strict(),
    output: LearnerPanel,
  },
  /** Learners by name or address, for linking a ticket by hand. */
  'tickets.findLearners': { kind: 'query', input: LinkTargetQuery, output: z.object({ learners: z.array(LinkedLearner) }) },
  /** Modules by course or module name, for linking a ticket by hand. */
  'tickets.findModules': { kind: 'query', input: LinkTargetQuery, output: z.object({ modules: z.array(LinkedModule) }) },
  /** A reply to the learner or an internal note, queued for the LMS (and a status change with it). */
  'tickets.reply': { kind: 'command', input: ReplyInput, output: z.object({ writeIds: z.array(z.string()) }) },
  /** Status, assignee, tags or link of one or many tickets, queued for the LMS with If-Match. */
  'tickets.edit': { kind: 'command', input: EditInput, output: EditResult },
} as const satisfies Record<string, ChannelSpec>;

/** Pushed when the cache's tickets, messages or this desk's writes on them changed. */
export const TicketsChanged = z.object({ revision: z.number().int().min(0) });
export type TicketsChanged = z.infer<typeof TicketsChanged>;
