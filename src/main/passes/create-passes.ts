// The manual pass feature in main, composed from plain arguments: the cache, who is signed
// in, the LMS client, a clock. It hands the sync engine its outbox write kind, answers the
// passes.* channels, runs the verifier, and pushes passes.changed whenever a pass moves.
import type { Database } from 'better-sqlite3';
import {
  MAX_LEARNERS_PER_REQUEST,
  type EnrolledUser,
  type PassesChanged,
  type PassSummary,
  type LinkedTicket,
  type TranscriptView,
} from '../../shared/channels/passes';
import { PassdeskError } from '../../shared/ipc-result';
import type { Me } from '../../shared/lms/api';
import { Verdict } from '../../shared/verdict';
import type { Handlers } from '../ipc/dispatcher';
import type { LmsClient } from '../lms/client';
import { isLmsError } from '../lms/lms-error';
import type { RegisteredWriteKind } from '../outbox/write-kinds';
import { auditCsv } from './audit-csv';
import { createAuditLog, type AuditLog } from './audit-log';
import { createEnrolledUsers } from './enrolled-users';
import { checkEvidence } from './evidence-check';
import { manualPassWriteKind } from './manual-pass-write';
import { confirmationWord } from './pass-policy';
import { createPassRequests } from './pass-requests';
import { createPassSettings } from './pass-settings';
import { briefOf, createPassStore, type PassStore } from './pass-store';
import { createPassVerifier } from './pass-verifier';
import { EvidenceFacts } from '../../shared/channels/passes';
import type { VerdictSources } from '../inspector/verdict-sources';
import { createVerdictFacts } from './verdict-facts';

export type PassChannel = Extract<keyof Handlers, `passes.${string}`>;
export type PassHandlers = Pick<Handlers, PassChannel>;

export interface PassesOptions {
  db: Database;
  clock: { now(): Date };
  log: (line: string) => void;
  /** Who is signed in, from the LMS connection; null before the LMS has answered. */
  me(): Me | null;
  /** A client for the LMS in use, or null while none is located. */
  client(): LmsClient | null;
  emit(payload: PassesChanged): void;
  /** Writes were queued in the outbox (passes, ticket notes): the sync engine sends them. */
  writesQueued(): void;
  sources?: VerdictSources;
  random?: () => number;
}

export interface Passes {
  /** Give this to the sync engine (extraWriteKinds). */
  writeKind: RegisteredWriteKind;
  handlers: PassHandlers;
  store: PassStore;
  audit: AuditLog;
  start(): void;
  stop(): Promise<void>;
}

function lmsFailure(error: unknown, doing: string): never {
  if (isLmsError(error)) {
    const offline = error.kind === 'network' || error.kind === 'timeout';
    throw new PassdeskError({ code: offline ? 'offline' : 'lms_error', message: `Could not ${doing}: ${error.message}` });
  }
  throw error;
}

export function createPasses(options: PassesOptions): Passes {
  const { db, clock, log } = options;
  const audit = createAuditLog(db);
  const store = createPassStore(db, audit);
  const facts = options.sources ? createVerdictFacts(db, options.sources) : createVerdictFacts(db);
  const users = createEnrolledUsers(db);
  const settings = createPassSettings(db);

  // Moves are announced together: one event per turn of the event loop, however many passes moved.
  const movedIds = new Set<string>();
  let proposalsMoved = false;
  let flushing = false;
  let stopped = false;
  function announce(ids: readonly string[], proposalsChanged: boolean): void {
    if (stopped) return;
    for (const id of ids) movedIds.add(id);
    proposalsMoved ||= proposalsChanged;
    if (flushing) return;
    flushing = true;
    setImmediate(() => {
      flushing = false;
      // After stop() the cache may be closed; nobody is listening any more.
      if (stopped) return;
      const nowMs = clock.now().getTime();
      const passes: PassSummary[] = [];
      for (const id of movedIds) {
        const row = store.get(id);
        if (row) passes.push(store.summary(row, nowMs));
      }
      const payload = { passes, proposalsChanged: proposalsMoved };
      movedIds.clear();
      proposalsMoved = false;
      options.emit(payload);
    });
  }

  const verifier = createPassVerifier({
    db,
    store,
    client: options.client,
    clock,
    log,
    onMoved: (id) => announce([id], false),
    writesQueued: options.writesQueued,
    ...(options.random ? { random: options.random } : {}),
  });
  const writeKind = manualPassWriteKind({
    db,
    store,
    clock,
    onMoved: (id) => {
      announce([id], false);
      verifier.kick();
    },
  });
  const requests = createPassRequests({
    db,
    facts,
    store,
    audit,
    clock,
    me: options.me,
    undoWindowMs: () => settings.get().undoWindowSeconds * 1000,
    writesQueued: options.writesQueued,
    onMoved: announce,
  });

  // The rule of isLearnersTicket, in SQL: linked to the learner, or unlinked and from their address.
  const ticketsOf = db.prepare<[string, string], LinkedTicket>(
    `SELECT id, subject, status, module_id AS moduleId FROM ticket WHERE learner_id = ?
     UNION SELECT id, subject, status, module_id AS moduleId FROM ticket WHERE learner_id IS NULL AND from_email = ? COLLATE NOCASE`,
  );
  const linkedTickets = (learnerId: string, email: string): LinkedTicket[] => ticketsOf.all(learnerId, email).slice(0, 10);

  function requireAdmin(doing: string): Me {
    const me = options.me();
    if (me?.role !== 'admin') throw new PassdeskError({ code: 'forbidden', message: `Only an admin can ${doing}.` });
    return me;
  }

  const handlers: PassHandlers = {
    'passes.categories': () => users.categories(),
    'passes.modules': ({ categoryId, keyword, offset, limit }) => users.modules(categoryId, keyword, offset, limit),
    'passes.users': (query) => {
      const module = users.module(query.moduleId);
      const place = facts.place(query.moduleId);
      if (!module || !place) throw new PassdeskError({ code: 'not_found', message: `Module ${query.moduleId} is not in this desk's data; pick a module from the list.` });
      const { rows, total } = users.search(query);
      const now = clock.now();
      const passes = store.latestFor(module.id, rows.map((r) => r.learner_id));
      const list: EnrolledUser[] = rows.map((r) => {
        let verdict: EnrolledUser['verdict'] = null;
        try {
          const v = facts.verdict(r.learner_id, module.id, null, now).verdict;
          verdict = { kind: v.kind, headline: v.headline, passAllowed: v.passAllowed, reason: v.reasons[0] ?? '' };
        } catch (error) {
          log(`[passes] no verdict for ${r.learner_id} on ${module.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
        const pass = passes.get(r.learner_id);
        return {
          learnerId: r.learner_id,
          name: r.name,
          email: r.email,
          workplaceId: r.workplace_id,
          workplaceName: r.workplace_name ?? r.workplace_id,
          status: r.status,
          completedAt: r.completed_at,
          completionSource: r.completion_source,
          verdict,
          tickets: linkedTickets(r.learner_id, r.email),
          pass: pass ? briefOf(pass) : null,
        };
      });
      return { module, users: list, total, offset: query.offset, limit: query.limit };
    },
    'passes.workplaces': ({ moduleId }) => ({ workplaces: users.workplaces(moduleId) }),
    'passes.workplaceLearners': ({ moduleId, workplaceId }) => users.notCompletedIn(moduleId, workplaceId, MAX_LEARNERS_PER_REQUEST),
    'passes.review': ({ moduleId, learnerIds, tickets: ticketChoices }) => {
      const module = users.module(moduleId);
      const place = facts.place(moduleId);
      if (!module || !place) throw new PassdeskError({ code: 'not_found', message: `Module ${moduleId} is not in this desk's data; pick a module from the list.` });
      const now = clock.now();
      const judgedWith: Record<string, string> = {};
      const learners = [...new Set(learnerIds)].map((learnerId) => {
        const learner = facts.learner(learnerId);
        if (!learner) throw new PassdeskError({ code: 'not_found', message: `Learner ${learnerId} is not in this desk's data.` });
        const tickets = linkedTickets(learner.id, learner.email);
        const ticketId = ticketChoices.find((t) => t.learnerId === learner.id)?.ticketId ?? null;
        const forTicket = ticketId && tickets.some((t) => t.id === ticketId) ? ticketId : null;
        let judged;
        try {
          judged = facts.verdict(learner.id, moduleId, forTicket, now);
        } catch (error) {
          // A ticket about another module: judge without it, as the request will.
          if (!(error instanceof PassdeskError) || forTicket === null) throw error;
          judged = facts.verdict(learner.id, moduleId, null, now);
        }
        const { enrollment, verdict } = judged;
        const proposed = verdict.passEvidence ? checkEvidence(facts, verdict.passEvidence, learner, place) : null;
        const live = store.live(learner.id, moduleId);
        const workplace = db.prepare<[string], { name: string }>('SELECT name FROM workplace WHERE id = ?').get(learner.workplaceId);
        if (forTicket) judgedWith[learner.id] = forTicket;
        return {
          learnerId: learner.id,
          name: learner.name,
          email: learner.email,
          workplaceName: workplace?.name ?? learner.workplaceId,
          status: enrollment?.status ?? null,
          verdict,
          proposed: proposed?.ok ? proposed.facts : null,
          tickets,
          pendingPass: live ? briefOf(live) : null,
        };
      });
      return {
        module,
        learners,
        tickets: judgedWith,
        blueBucksTotal: module.blueBucks * learners.length,
        typeToConfirm: confirmationWord(module.blueBucks, learners.map((l) => l.name)),
      };
    },
    'passes.request': (input) => ({ passes: requests.request(input) }),
    'passes.cancel': ({ passId }) => requests.cancel(passId),
    'passes.list': (query) => {
      const { rows, total } = store.list(query);
      const nowMs = clock.now().getTime();
      return { passes: rows.map((row) => store.summary(row, nowMs)), total, admins: store.admins(), modules: store.modules() };
    },
    'passes.detail': ({ passId }) => {
      const row = store.get(passId);
      if (!row) throw new PassdeskError({ code: 'not_found', message: `There is no pass ${passId}.` });
      const snapshot = db.prepare<[string], { facts: string; verdict: string }>('SELECT facts, verdict FROM pass_evidence WHERE pass_id = ?').get(passId);
      if (!snapshot) throw new PassdeskError({ code: 'internal', message: `The evidence snapshot of pass ${passId} is missing.` });
      return {
        pass: store.summary(row, clock.now().getTime()),
        evidence: EvidenceFacts.parse(JSON.parse(snapshot.facts)),
        verdictAtRequest: Verdict.parse(JSON.parse(snapshot.verdict)),
        audit: audit.ofPass(passId),
      };
    },
    'passes.transcript': async ({ learnerId }) => {
      const client = options.client();
      if (!client) throw new PassdeskError({ code: 'offline', message: 'No LMS is connected, so the transcript cannot be read. Check Settings.' });
      let transcript;
      try {
        transcript = await client.transcript(learnerId);
      } catch (error) {
        lmsFailure(error, `read the transcript of learner ${learnerId}`);
      }
      const names: TranscriptView['names'] = {};
      for (const entry of transcript.entries) {
        const place = facts.place(entry.moduleId);
        if (place) names[entry.moduleId] = { module: place.module.name, course: place.course.name };
      }
      return { transcript, names, readAt: clock.now().toISOString() };
    },
    'passes.auditCheck': () => {
      const result = audit.check();
      return {
        ok: result.ok,
        entries: result.entries,
        brokenAt: result.ok ? null : result.brokenAt,
        problem: result.ok ? null : result.problem,
        checkedAt: clock.now().toISOString(),
      };
    },
    'passes.auditExport': ({ from, to }) => {
      const toExclusive = to ? new Date(Date.parse(to) + 86_400_000).toISOString().slice(0, 10) : null;
      const { csv, rows } = auditCsv(audit.between(from, toExclusive));
      return { fileName: `passdesk-pass-audit-${from ?? 'start'}-to-${to ?? clock.now().toISOString().slice(0, 10)}.csv`, csv, rows };
    },
    'passes.settings': () => settings.get(),
    'passes.setUndoWindow': (value) => {
      const me = requireAdmin('change the undo window');
      const before = settings.get();
      const after = db.transaction(() => {
        const saved = settings.set(value);
        audit.append({ at: clock.now(), actor: { id: me.id, name: me.name }, action: 'settings.undoWindow', passId: null, detail: `Undo window changed from ${before.undoWindowSeconds} s to ${saved.undoWindowSeconds} s.` });
        return saved;
      })();
      return after;
    },
    'passes.propose': (input) => requests.propose(input),
    'passes.proposals': ({ state, ticketId }) => ({ proposals: requests.proposals(state, ticketId) }),
    'passes.dismissProposal': ({ proposalId, reason }) => requests.dismissProposal(proposalId, reason),
  };

  return {
    writeKind,
    handlers,
    store,
    audit,
    start() {
      stopped = false;
      verifier.start();
    },
    async stop() {
      stopped = true;
      await verifier.stop();
    },
  };
}
