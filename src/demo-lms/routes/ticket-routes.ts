// Tickets: read one, change it (status, assignee, link to a learner and module, tags) with
// If-Match so nobody's edit is silently overwritten, and reply or add an internal note.
import { PatchTicketBody, PostMessageBody, PostMessageResponse, TicketResponse } from '../../shared/lms/api';
import type { Message, Ticket } from '../../shared/lms/entities';
import { ApiError, invalidRequest, notFound } from '../http/api-error';
import { parseBody } from '../http/parse-input';
import { json, type Reply } from '../http/reply';
import { idempotencyKeyOf, idempotentWrite } from './idempotent-write';
import { header, param, type Handler, type LmsState, type RequestContext } from './lms-context';

function etagOf(ticket: Ticket): string {
  return `"${ticket.version}"`;
}

export function loadTicket(lms: LmsState, id: string): Ticket {
  const ticket = lms.store.get('ticket', id);
  if (!ticket) throw notFound(`There is no ticket ${id}. It may have been mistyped; ticket ids look like tkt_000123.`);
  return ticket;
}

function expectedVersion(ctx: RequestContext): number {
  const value = header(ctx, 'if-match');
  if (value === undefined || value.trim() === '') {
    throw new ApiError(428, 'precondition_required', 'Send If-Match: <version> with the ticket version you last saw (GET /tickets/{id} gives it), so a change made meanwhile by someone else is not overwritten.');
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match?.[1]) throw invalidRequest(`If-Match: "${value.slice(0, 40)}" is not a ticket version; send the number from the ticket's "version" field, e.g. If-Match: 3.`);
  return Number(match[1]);
}

export const getTicket: Handler = (ctx, lms) => {
  const ticket = loadTicket(lms, param(ctx, 'id'));
  return json(TicketResponse, { ticket }, 200, { etag: etagOf(ticket) });
};

function checkReferences(lms: LmsState, body: PatchTicketBody): void {
  if (body.assigneeId && !lms.store.get('agent', body.assigneeId)) throw invalidRequest(`assigneeId: there is no agent ${body.assigneeId}; GET /agents lists who a ticket can be assigned to.`);
  if (body.learnerId && !lms.store.get('learner', body.learnerId)) throw invalidRequest(`learnerId: there is no learner ${body.learnerId}.`);
  if (body.moduleId && !lms.store.get('module', body.moduleId)) throw invalidRequest(`moduleId: there is no module ${body.moduleId}.`);
}

export const patchTicket: Handler = (ctx, lms): Reply => {
  const id = param(ctx, 'id');
  const key = idempotencyKeyOf(ctx, false);
  const body = parseBody(PatchTicketBody, ctx.body);
  const expected = expectedVersion(ctx);
  return idempotentWrite(ctx, lms, key, body, () => {
    const ticket = loadTicket(lms, id);
    if (ticket.version !== expected) {
      throw new ApiError(412, 'version_conflict', `Ticket ${id} changed since you loaded it (you sent version ${expected}, it is now at ${ticket.version}). Look at the current ticket in this answer, then apply your change to it.`, ticket);
    }
    checkReferences(lms, body);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const next: Ticket = { ...ticket };
    for (const field of ['status', 'assigneeId', 'learnerId', 'moduleId', 'tags'] as const) {
      const to = body[field];
      if (to === undefined) continue;
      if (JSON.stringify(ticket[field]) === JSON.stringify(to)) continue;
      changes[field] = { from: ticket[field], to };
      Object.assign(next, { [field]: to });
    }
    if (Object.keys(changes).length === 0) return { status: 200, value: { ticket }, headers: { etag: etagOf(ticket) } };
    const at = lms.now();
    const saved = lms.store.put('ticket', { ...next, updatedAt: at, version: ticket.version + 1 });
    lms.audit.record({ at, agentId: ctx.agent.id, action: 'ticket.update', entity: 'ticket', recordId: id, detail: changes });
    return { status: 200, value: TicketResponse.parse({ ticket: saved }), headers: { etag: etagOf(saved) } };
  });
};

export const postMessage: Handler = (ctx, lms): Reply => {
  const id = param(ctx, 'id');
  const key = idempotencyKeyOf(ctx, false);
  const body = parseBody(PostMessageBody, ctx.body);
  return idempotentWrite(ctx, lms, key, body, () => {
    const ticket = loadTicket(lms, id);
    const at = lms.now();
    const message: Message = lms.store.put('message', { id: lms.newId('msg'), ticketId: id, author: body.author, authorId: ctx.agent.id, body: body.body, createdAt: at });
    const saved = lms.store.put('ticket', { ...ticket, updatedAt: at, version: ticket.version + 1 });
    lms.audit.record({ at, agentId: ctx.agent.id, action: body.author === 'note' ? 'ticket.note' : 'ticket.reply', entity: 'message', recordId: message.id, detail: { ticketId: id } });
    return { status: 201, value: PostMessageResponse.parse({ message, ticket: saved }), headers: { etag: etagOf(saved) } };
  });
};
