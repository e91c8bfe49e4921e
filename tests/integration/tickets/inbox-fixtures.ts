// The inbox's services over a cache synced from the demo LMS, as the app composes them, plus
// the ways a test waits for the sync without sleeping.
import type { Database } from 'better-sqlite3';
import { createTicketService, type TicketService } from '../../../src/main/tickets/ticket-service';
import { TicketResponse, type Me } from '../../../src/shared/lms/api';
import type { Ticket } from '../../../src/shared/lms/entities';
import { EditInput, InboxQuery, ReplyInput, type EditResult, type InboxPage } from '../../../src/shared/channels/tickets';
import { startDemoLms, type DemoLmsUnderTest } from '../sync/demo-lms-fixtures';
import { startEngine, statusWhere, tempDir, type EngineUnderTest } from '../sync/engine-fixtures';
import type { z } from 'zod';

export const DEMO_AGENT: Me = { id: 'agt_demo_agent', name: 'Marcus Bell', email: 'marcus.bell@buildlearn.com', role: 'agent' };

export interface InboxUnderTest {
  demo: DemoLmsUnderTest;
  run: EngineUnderTest;
  db: Database;
  service: TicketService;
  list(query: z.input<typeof InboxQuery>): InboxPage;
  reply(input: z.input<typeof ReplyInput>): { writeIds: string[] };
  edit(input: z.input<typeof EditInput>): EditResult;
  /** Resolves once `done` holds, checked after every sync status change. */
  until(done: () => boolean): Promise<void>;
  /** Someone else's edit on the LMS, made with the admin token and the version the LMS has. */
  patchAsSomeoneElse(ticketId: string, changes: Record<string, unknown>): Promise<Ticket>;
  close(): Promise<void>;
}

/** The inbox's handlers answer from the cache at once; a promise here would be a change worth knowing about. */
function settled<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new Error('The inbox handlers read and write the cache synchronously.');
  return value;
}

export async function startInbox(seed: number): Promise<InboxUnderTest> {
  const server = tempDir('passdesk-inbox-lms-');
  const cache = tempDir('passdesk-inbox-cache-');
  const demo = await startDemoLms(server.dir, seed);
  const run = startEngine(cache.dir, () => ({ lmsId: 'demo', url: demo.lms.url, token: demo.lms.agentToken }));
  await statusWhere(run.engine, (s) => s.phase === 'live');
  const service = createTicketService({ db: run.db, me: () => DEMO_AGENT, writesQueued: () => run.engine.writesQueued(), watchEveryMs: 50 });
  const h = service.handlers;
  return {
    demo,
    run,
    db: run.db,
    service,
    list: (query) => settled(h['tickets.list'](InboxQuery.parse(query))),
    reply: (input) => settled(h['tickets.reply'](ReplyInput.parse(input))),
    edit: (input) => settled(h['tickets.edit'](EditInput.parse(input))),
    until: async (done) => {
      await statusWhere(run.engine, () => done());
    },
    async patchAsSomeoneElse(ticketId, changes) {
      const headers = { authorization: `Bearer ${demo.lms.adminToken}`, 'content-type': 'application/json' };
      const current = TicketResponse.parse(await (await fetch(`${demo.lms.url}/api/v1/tickets/${ticketId}`, { headers })).json()).ticket;
      const res = await fetch(`${demo.lms.url}/api/v1/tickets/${ticketId}`, {
        method: 'PATCH',
        headers: { ...headers, 'if-match': String(current.version), 'idempotency-key': `someone-else-${Date.now()}` },
        body: JSON.stringify(changes),
      });
      if (!res.ok) throw new Error(`PATCH answered ${res.status}: ${await res.text()}`);
      return TicketResponse.parse(await res.json()).ticket;
    },
    async close() {
      service.stop();
      await run.close();
      await demo.lms.close();
      server.remove();
      cache.remove();
    },
  };
}
