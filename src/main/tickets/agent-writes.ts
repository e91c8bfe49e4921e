// The agent's writes on tickets — a reply or an internal note (with a status change in the
// same step), and edits of status, assignee, tags and link on one ticket or many — recorded
// in the cache with their outbox rows in one transaction, so they show at once, survive a
// restart, and go to the LMS when it is reachable.
import type { Database } from 'better-sqlite3';
import type { EditResult, EditInput, ReplyInput } from '../../shared/channels/tickets';
import { PassdeskError } from '../../shared/ipc-result';
import type { PatchTicketBody } from '../../shared/lms/api';
import type { Me } from '../../shared/lms/api';
import { recordTicketEdit, recordTicketMessage } from '../outbox/ticket-writes';
import type { TicketThreads } from './ticket-thread';
import type { z } from 'zod';

type ParsedReply = z.output<typeof ReplyInput>;
type ParsedEdit = z.output<typeof EditInput>;

export interface AgentWritesDeps {
  db: Database;
  threads: TicketThreads;
  me: () => Me | null;
  now: () => Date;
  /** Tells the sender a write is waiting, so it goes out now rather than at its next look. */
  writesQueued: () => void;
}

export interface AgentWrites {
  reply(input: ParsedReply): { writeIds: string[] };
  edit(input: ParsedEdit): EditResult;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

export function createAgentWrites(deps: AgentWritesDeps): AgentWrites {
  const { db, threads } = deps;

  function notCached(ticketId: string): PassdeskError {
    return new PassdeskError({ code: 'not_found', message: `Ticket ${ticketId} is not in this desk's cache yet; wait for the sync to bring it, then try again.` });
  }

  return {
    reply(input) {
      if (!threads.exists(input.ticketId)) throw notCached(input.ticketId);
      const me = deps.me();
      const now = deps.now();
      const writeIds = db.transaction(() => {
        const ids: string[] = [];
        const shown = threads.load(input.ticketId).shown;
        const message = recordTicketMessage(
          db,
          { ticketId: input.ticketId, body: input.body, author: input.author, authorId: me?.id ?? null, ...(me ? { senderName: `${me.name} <${me.email}>` } : {}) },
          now,
        );
        ids.push(message.writeId);
        if (input.setStatus !== null && input.setStatus !== shown.status) {
          ids.push(recordTicketEdit(db, { ticketId: input.ticketId, changes: { status: input.setStatus }, agentId: me?.id ?? null }, now).writeId);
        }
        return ids;
      })();
      deps.writesQueued();
      return { writeIds };
    },

    edit({ ticketIds, changes }) {
      const me = deps.me();
      if (changes.assignToMe && me === null) {
        throw new PassdeskError({ code: 'refused', message: 'Passdesk does not know who you are yet (the LMS has not answered since Passdesk started). Assign the ticket by name, or try again once the status bar shows you signed in.' });
      }
      const now = deps.now();
      const queued: string[] = [];
      const skipped: EditResult['skipped'] = [];
      db.transaction(() => {
        for (const ticketId of [...new Set(ticketIds)]) {
          if (!threads.exists(ticketId)) {
            skipped.push({ ticketId, reason: 'Not in this desk’s cache yet.' });
            continue;
          }
          const shown = threads.load(ticketId).shown;
          const patch: z.input<typeof PatchTicketBody> = {};
          if (changes.status !== undefined && changes.status !== shown.status) patch.status = changes.status;
          const assignee = changes.assignToMe ? (me?.id ?? null) : changes.assigneeId;
          if (assignee !== undefined && assignee !== shown.assigneeId) patch.assigneeId = assignee;
          if (changes.learnerId !== undefined && changes.learnerId !== shown.learnerId) patch.learnerId = changes.learnerId;
          if (changes.moduleId !== undefined && changes.moduleId !== shown.moduleId) patch.moduleId = changes.moduleId;
          if (changes.addTags || changes.removeTags) {
            const remove = new Set(changes.removeTags ?? []);
            const tags = [...new Set([...shown.tags.filter((t) => !remove.has(t)), ...(changes.addTags ?? []).filter((t) => !remove.has(t))])];
            if (tags.length > 50) {
              skipped.push({ ticketId, reason: 'A ticket can carry at most 50 tags.' });
              continue;
            }
            if (!sameTags(tags, shown.tags)) patch.tags = tags;
          }
          if (Object.keys(patch).length === 0) {
            skipped.push({ ticketId, reason: 'Already so; nothing to change.' });
            continue;
          }
          recordTicketEdit(db, { ticketId, changes: patch, agentId: me?.id ?? null }, now);
          queued.push(ticketId);
        }
      })();
      if (queued.length > 0) deps.writesQueued();
      return { queued, skipped };
    },
  };
}
