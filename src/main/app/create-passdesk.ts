// Passdesk's services, composed from plain arguments so the same code runs under Electron
// (src/main/electron) and in plain Node (browser mode, tests). Nothing here imports
// electron. New services (sync, tickets, passes …) are built in the marked section, get the
// cache, the LMS connection and the event broadcaster, add their channel handlers to
// `handlers`, and are closed in reverse order of creation.
import type { Database } from 'better-sqlite3';
import type { AppStatus } from '../../shared/channels/app';
import { openCache } from '../cache/open-cache';
import { createEvidenceService } from '../evidence/evidence-service';
import { createInspectorHandlers } from '../inspector/inspector-service';
import { createDispatcher, type Dispatcher, type Handlers } from '../ipc/dispatcher';
import { createLmsClient } from '../lms/client';
import { createPasses } from '../passes/create-passes';
import { lmsClientFor } from '../lms/lms-client-for';
import { createSyncEngine, type SyncEngine } from '../sync/sync-engine';
import { createAppHandlers } from './app-handlers';
import { systemClock, type Clock } from './clock';
import type { DemoLmsEntry } from './demo-lms-launcher';
import { createDemoLmsSession } from './demo-lms-session';
import { createEventBroadcaster, type PassdeskEventListener } from './event-broadcaster';
import { createLmsChoice } from './lms-choice';
import { createLmsConnection, type LmsAccess, type LmsConnection, type LmsSignIn } from './lms-connection';
import type { SecretStore } from './secret-store';
import { createSettingsStore } from './settings-store';
import { createTicketService } from '../tickets/ticket-service';

export interface PassdeskOptions {
  /** Where the cache, the secrets file and the demo LMS's data live. */
  dataDir: string;
  /** An LMS given at launch (browser mode's --lms/--token); used for this run, not saved. */
  lms: LmsAccess | null;
  secrets: SecretStore;
  clock?: Clock;
  /** better-sqlite3 built for this runtime (Electron passes its own build). */
  nativeBinding?: string;
  demoLmsEntry: DemoLmsEntry;
  log: (line: string) => void;
  appVersion: string;
  /** Tests replace how Passdesk signs in to an LMS; the app uses the real client. */
  signIn?: LmsSignIn;
  /** How often to try an unreachable LMS again (30 s unless a test says otherwise). */
  offlineRetryMs?: number;
}

export interface Passdesk {
  dispatcher: Dispatcher;
  subscribe(listener: PassdeskEventListener): () => void;
  status(): AppStatus;
  /** Settles when the first connection check at start has an answer (online or not). */
  firstCheck: Promise<AppStatus>;
  /** For services in main only. */
  connection: LmsConnection;
  close(): Promise<void>;
}

const realSignIn: LmsSignIn = ({ url, token }) => createLmsClient({ baseUrl: url, token });

export function createPassdesk(options: PassdeskOptions): Passdesk {
  const clock = options.clock ?? systemClock;
  const log = options.log;
  const signIn = options.signIn ?? realSignIn;

  const db: Database = openCache({ dataDir: options.dataDir, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const closers: Array<() => unknown> = [() => db.close()];

  try {
    const broadcaster = createEventBroadcaster(log);
    const settings = createSettingsStore(db, log);

    // The demo LMS reports a crash to the connection, which is created after it; the sync
    // engine, created after the connection, is told at once when the LMS comes back.
    let connection: LmsConnection | null = null;
    let sync: SyncEngine | null = null;
    const demo = createDemoLmsSession({
      entry: options.demoLmsEntry,
      dataDir: options.dataDir,
      secrets: options.secrets,
      log,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      onUnexpectedExit: (reason) => {
        log(`[demo-lms] ${reason}`);
        void connection?.check();
      },
    });
    closers.push(() => demo.close());

    const choice = createLmsChoice({ settings, secrets: options.secrets, demo, signIn, commandLine: options.lms, log });
    const lmsConnection = createLmsConnection({
      target: choice.initialTarget(),
      signIn,
      clock,
      log,
      onChange: (status) => {
        broadcaster.emit('status.changed', { ...status, appVersion: options.appVersion });
        if (status.lms.online) sync?.syncNow();
      },
      ...(options.offlineRetryMs ? { retryEveryMs: options.offlineRetryMs } : {}),
    });
    connection = lmsConnection;
    closers.push(() => lmsConnection.close());
    choice.attach(lmsConnection);
    const appStatus = (): AppStatus => ({ ...lmsConnection.status(), appVersion: options.appVersion });

    // ── Services of later features go here (sync engine, tickets, inspector, passes). ──
    // The manual pass brings its own outbox write, so it exists before the engine that sends it.
    const passes = createPasses({ db, clock, log, me: () => lmsConnection.status().user, client: lmsClientFor(() => lmsConnection.access()), emit: (changed) => broadcaster.emit('passes.changed', changed), writesQueued: () => sync?.writesQueued() });
    // The connection keeps the last signed-in LMS while it is unreachable, so the engine
    // retries it with its own backoff instead of forgetting where it syncs from.
    const syncEngine = createSyncEngine({
      db,
      clock,
      log,
      access: () => lmsConnection.access(),
      extraWriteKinds: [passes.writeKind],
      me: () => lmsConnection.status().user,
      // The first-sync writer opens its own connection with the same build of better-sqlite3.
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    sync = syncEngine;
    closers.push(syncEngine.subscribe((status) => broadcaster.emit('sync.changed', status)));
    closers.push(() => syncEngine.stop());
    syncEngine.start();
    passes.start();
    closers.push(() => passes.stop());

    const evidence = createEvidenceService({ db, dataDir: options.dataDir, connection: lmsConnection, clock, log, events: broadcaster });
    closers.push(() => evidence.close());

    const tickets = createTicketService({ db, clock, me: () => lmsConnection.status().user, writesQueued: () => syncEngine.writesQueued(), onChanged: (revision) => broadcaster.emit('tickets.changed', { revision }) });
    tickets.start();
    closers.push(() => tickets.stop());

    const handlers: Handlers = {
      ...createAppHandlers({ choice, clock, appStatus }),
      ...createInspectorHandlers({ db, clock }),
      ...syncEngine.handlers,
      ...tickets.handlers,
      ...evidence.handlers,
      ...passes.handlers,
    };
    const dispatcher = createDispatcher(handlers, log);
    const firstCheck = lmsConnection.check().then(() => appStatus());

    let closing: Promise<void> | null = null;
    return {
      dispatcher,
      subscribe: (listener) => broadcaster.subscribe(listener),
      status: appStatus,
      firstCheck,
      connection: lmsConnection,
      close() {
        closing ??= closeAll(closers, log);
        return closing;
      },
    };
  } catch (error) {
    void closeAll(closers, log);
    throw error;
  }
}

async function closeAll(closers: Array<() => unknown>, log: (line: string) => void): Promise<void> {
  for (const close of [...closers].reverse()) {
    try {
      await close();
    } catch (error) {
      log(`[passdesk] while closing: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
