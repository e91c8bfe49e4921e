// An LMS in memory for outbox tests: tickets with versions, messages, idempotency keys, and
// a script of failures to answer with. Only what the outbox sends is implemented.
import type { LmsClient } from '../../../src/main/lms/client';
import { LmsError } from '../../../src/main/lms/lms-error';
import type { Message, Ticket } from '../../../src/shared/lms/entities';

export interface FakeCall {
  method: 'postMessage' | 'patchTicket';
  ticketId: string;
  key: string;
  ifMatch?: number;
  body: unknown;
}

export type Failure = 'network' | 'timeout' | 'server' | { status: number; code: string; message: string };

function failureError(failure: Failure, current?: Ticket): LmsError {
  if (failure === 'network') return new LmsError({ kind: 'network', code: 'connection_reset', message: 'The LMS closed the connection.' });
  if (failure === 'timeout') return new LmsError({ kind: 'timeout', code: 'timeout', message: 'The LMS did not answer in time.' });
  if (failure === 'server') return new LmsError({ kind: 'server', code: 'internal', status: 500, message: 'The LMS had an internal error.' });
  return new LmsError({ kind: 'http', code: failure.code, status: failure.status, message: failure.message, serverMessage: failure.message, ...(current ? { current } : {}) });
}

export function createFakeLms(tickets: Ticket[]) {
  const state = new Map(tickets.map((t) => [t.id, { ...t }]));
  const messages: Message[] = [];
  const byKey = new Map<string, unknown>();
  const calls: FakeCall[] = [];
  const failures: Failure[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let nextMessage = 1;
  /** Lets a test hold answers until it says so. */
  let gate: Promise<void> = Promise.resolve();

  const notImplemented = (name: string) => () => Promise.reject(new Error(`fake LMS: ${name} is not used by the outbox`));

  async function exchange<T>(call: FakeCall, work: () => T): Promise<T> {
    calls.push(call);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await gate;
      await new Promise((resolve) => setImmediate(resolve));
      const failure = failures.shift();
      if (failure) throw failureError(failure);
      if (byKey.has(call.key)) return byKey.get(call.key) as T;
      const answer = work();
      byKey.set(call.key, answer);
      return answer;
    } finally {
      inFlight -= 1;
    }
  }

  function bump(ticket: Ticket, changes: Partial<Ticket>): Ticket {
    const next = { ...ticket, ...changes, version: ticket.version + 1, updatedAt: new Date(Date.parse(ticket.updatedAt) + 1000).toISOString() };
    state.set(ticket.id, next);
    return next;
  }

  const client: LmsClient = {
    shownUrl: 'http://fake-lms.test',
    me: notImplemented('me'),
    changes: notImplemented('changes'),
    waitForChanges: notImplemented('waitForChanges'),
    async ticket(id) {
      const t = state.get(id);
      if (!t) throw failureError({ status: 404, code: 'not_found', message: 'No such ticket.' });
      return t;
    },
    postMessage(ticketId, body, { idempotencyKey }) {
      return exchange({ method: 'postMessage', ticketId, key: idempotencyKey, body }, () => {
        const ticket = state.get(ticketId);
        if (!ticket) throw failureError({ status: 404, code: 'not_found', message: `Ticket ${ticketId} does not exist.` });
        const message: Message = { id: `srv-msg-${nextMessage++}`, ticketId, author: body.author, authorId: 'agt-1', body: body.body, createdAt: ticket.updatedAt };
        messages.push(message);
        return { message, ticket: bump(ticket, {}) };
      });
    },
    patchTicket(id, body, { ifMatch, idempotencyKey }) {
      return exchange({ method: 'patchTicket', ticketId: id, key: idempotencyKey, ifMatch, body }, () => {
        const ticket = state.get(id);
        if (!ticket) throw failureError({ status: 404, code: 'not_found', message: `Ticket ${id} does not exist.` });
        if (ticket.version !== ifMatch) throw failureError({ status: 412, code: 'version_conflict', message: 'The ticket was changed by someone else.' }, ticket);
        return bump(ticket, body as Partial<Ticket>);
      });
    },
    createManualPass: notImplemented('createManualPass'),
    enrollments: notImplemented('enrollments'),
    transcript: notImplemented('transcript'),
    attachment: notImplemented('attachment'),
    attachmentContent: notImplemented('attachmentContent'),
    agents: notImplemented('agents'),
  };

  return {
    client,
    calls,
    messages,
    failures,
    ticket: (id: string) => state.get(id),
    /** Someone else edits the ticket on the LMS. */
    editElsewhere(id: string, changes: Partial<Ticket>): Ticket {
      const t = state.get(id);
      if (!t) throw new Error(`no ticket ${id}`);
      return bump(t, changes);
    },
    maxInFlight: () => maxInFlight,
    hold(): () => void {
      let release!: () => void;
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return release;
    },
  };
}
