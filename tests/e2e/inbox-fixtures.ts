// What the inbox's end-to-end specs share: a demo LMS run as a separate process with tokens
// the test knows (so the test can be a learner writing in, or someone else editing a ticket,
// and can stop the LMS and start it again on the same port and data), browser mode connected
// to it as the demo agent, and a page on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';
import { ChangesPage, DemoInboundEmailResponse, FaultSpec, TicketResponse } from '../../src/shared/lms/api';
import { Message, type Ticket } from '../../src/shared/lms/entities';
import { startPassdeskServer, type PassdeskServer } from './fixtures/passdesk-server';

const repoRoot = path.resolve(__dirname, '../..');
const READY = /Demo LMS ready at (http:\/\/127\.0\.0\.1:(\d+))/;
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
export const AGENT_TOKEN = 'e2e-agent-token-0123456789abcdef';

export interface DemoLmsProcess {
  url: string;
  /** Stops the LMS; Passdesk finds it unreachable. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  dispose(): Promise<void>;
  /** A learner e-mails in (a new ticket, or a reply to ticketId). */
  inboundEmail(body: { fromEmail: string; body: string; subject?: string; ticketId?: string }): Promise<{ ticket: Ticket; message: Message }>;
  /** Someone else (the admin) edits the ticket on the LMS, on the version the LMS has. */
  patchTicket(ticketId: string, changes: Record<string, unknown>): Promise<Ticket>;
  ticket(ticketId: string): Promise<Ticket>;
  setFaults(spec: Partial<FaultSpec>): Promise<void>;
  /** Every message of a ticket as the LMS holds it, read from its change feed. */
  messagesOf(ticketId: string): Promise<Message[]>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startDemoLmsProcess(): Promise<DemoLmsProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'passdesk-e2e-inbox-lms-'));
  let port = 0;
  let child: ChildProcess | null = null;
  let url = '';

  async function launch(): Promise<void> {
    const started = spawn(
      process.execPath,
      [path.join(repoRoot, 'out/main/demo-lms.js'), '--port', String(port), '--data', dataDir, '--admin-token', ADMIN_TOKEN, '--agent-token', AGENT_TOKEN, '--allow-faults'],
      { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    const lines: string[] = [];
    createInterface({ input: started.stderr! }).on('line', (line) => lines.push(line));
    const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
      createInterface({ input: started.stdout! }).on('line', (line) => {
        lines.push(line);
        const match = READY.exec(line);
        if (match) resolve(match);
      });
      started.once('exit', (code) => reject(new Error(`The demo LMS stopped before it was ready (exit ${code}).\n${lines.join('\n')}`)));
    });
    url = ready[1]!;
    port = Number(ready[2]);
  }

  async function stop(): Promise<void> {
    const running = child;
    if (running?.pid === undefined || running.exitCode !== null || running.signalCode !== null) return;
    process.kill(-running.pid, 'SIGTERM');
    await exited(running);
  }

  async function call(method: string, apiPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    const res = await fetch(`${url}/api/v1${apiPath}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`${method} ${apiPath} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  }

  await launch();
  return {
    get url() {
      return url;
    },
    stop,
    start: launch,
    async dispose() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
    inboundEmail: async (body) => DemoInboundEmailResponse.parse(await call('POST', '/__demo/inbound-email', body)),
    ticket: async (ticketId) => TicketResponse.parse(await call('GET', `/tickets/${ticketId}`)).ticket,
    async patchTicket(ticketId, changes) {
      const current = TicketResponse.parse(await call('GET', `/tickets/${ticketId}`)).ticket;
      return TicketResponse.parse(await call('PATCH', `/tickets/${ticketId}`, changes, { 'if-match': String(current.version) })).ticket;
    },
    async setFaults(spec) {
      await call('POST', '/__faults', FaultSpec.parse(spec));
    },
    async messagesOf(ticketId) {
      const found = new Map<string, Message>();
      let cursor: string | undefined;
      for (;;) {
        const page = ChangesPage.parse(await call('GET', `/changes?limit=5000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
        for (const change of page.changes) {
          if (change.entity !== 'message' || change.op !== 'upsert') continue;
          const message = Message.parse(change.data);
          if (message.ticketId === ticketId) found.set(message.id, message);
        }
        cursor = page.cursor;
        if (!page.hasMore) return [...found.values()];
      }
    },
  };
}

let lms: DemoLmsProcess | null = null;
let server: PassdeskServer | null = null;

/* eslint-disable no-empty-pattern */
/** One demo LMS and one Passdesk (signed in as the demo agent) for the spec file. */
export function serveInboxForThisFile(): void {
  base.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(180_000);
    lms = await startDemoLmsProcess();
    server = await startPassdeskServer(['--lms', lms.url, '--token', AGENT_TOKEN]);
  });
  base.afterAll(async ({}, testInfo) => {
    testInfo.setTimeout(60_000);
    await server?.stop();
    await lms?.dispose();
    server = null;
    lms = null;
  });
}

export const test = base.extend<{ lms: DemoLmsProcess; passdesk: PassdeskServer; app: Page }>({
  lms: async ({}, use) => {
    if (!lms) throw new Error('This spec file did not call serveInboxForThisFile().');
    await use(lms);
  },
  passdesk: async ({}, use) => {
    if (!server) throw new Error('This spec file did not call serveInboxForThisFile().');
    await use(server);
  },
  app: async ({ page, passdesk }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(`a ${dialog.type()} dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(passdesk.url);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await use(page);
    expect(problems, 'errors the page threw, and dialogs nothing should have opened').toEqual([]);
  },
});
/* eslint-enable no-empty-pattern */

export { expect };

export function ticketList(page: Page) {
  return page.getByRole('listbox', { name: /^Tickets/ });
}

/** Waits until the first sync brought tickets and the list shows rows, not placeholders. */
export async function waitForTickets(page: Page): Promise<void> {
  await expect(ticketList(page).getByRole('option').first()).toContainText(/\S/, { timeout: 90_000 });
  await expect(ticketList(page).locator('.ticket-row-loading')).toHaveCount(0);
}

export function row(page: Page, ticketId: string) {
  return ticketList(page).locator(`[data-ticket-id="${ticketId}"]`);
}

/** Narrows the list to one ticket by searching for a word only it has, and opens it. */
export async function openBySearch(page: Page, word: string, ticketId: string): Promise<void> {
  await page.getByRole('button', { name: /^All/ }).click();
  const search = page.getByRole('searchbox', { name: 'Search tickets' });
  await search.fill(word);
  await expect(row(page, ticketId)).toBeVisible();
  await row(page, ticketId).click();
  await expect(page.getByRole('article')).toBeVisible();
}
