import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SyncPanelView } from '../../../src/renderer/sync/SyncPanel';
import { SyncProgress } from '../../../src/renderer/sync/SyncProgress';
import { createSyncStore, followSync } from '../../../src/renderer/sync/sync-store';
import { syncSummary } from '../../../src/renderer/sync/sync-text';
import { createPassdeskClient } from '../../../src/renderer/passdesk-client';
import type { PendingWrite, SyncStatus, TicketConflict } from '../../../src/shared/channels/sync';
import type { InvokeResult, PassdeskBridge } from '../../../src/shared/ipc-result';
import { sample } from './sample-records';

const now = new Date('2024-06-01T12:10:00.000Z');

function statusOf(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    phase: 'live',
    online: true,
    lmsUrl: 'http://127.0.0.1:4100',
    lastPullAt: '2024-06-01T12:09:58.000Z',
    pendingWrites: 0,
    failedWrites: 0,
    conflicts: 0,
    quarantined: 0,
    error: null,
    firstSync: null,
    ...over,
  };
}

const firstSync: SyncStatus['firstSync'] = {
  startedAt: '2024-06-01T12:00:00.000Z',
  entities: [
    { entity: 'learner', done: 2000, total: 2000 },
    { entity: 'enrollment', done: 4000, total: 20000 },
  ],
  done: 6000,
  total: 22000,
  fraction: 6000 / 22000,
  etaSeconds: 95,
};

const write: PendingWrite = {
  id: 'w-3',
  kind: 'ticket.patch',
  summary: 'Change on ticket tkt-3',
  state: 'queued',
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  queuedAt: '2024-06-01T12:00:00.000Z',
  queuedBy: 'agt-1',
  canTryAgain: false,
  noTryAgainReason: null,
};

const conflict: TicketConflict = {
  writeId: 'w-1234567890',
  ticketId: 'tkt-1',
  subject: 'Module 2 still incomplete',
  mine: { status: 'waiting' },
  baseVersion: 1,
  theirs: { ...sample.ticket('tkt-1', 'Module 2 still incomplete', 2), status: 'resolved' },
  detectedAt: '2024-06-01T12:05:00.000Z',
};

describe('sync status in the status bar', () => {
  it('shows a first sync as a progress bar with its value, the time left, and counts per entity', () => {
    const html = renderToStaticMarkup(createElement(SyncProgress, { status: statusOf({ phase: 'first_sync', firstSync }), now }));
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-label="First sync progress"');
    expect(html).toContain('aria-valuenow="27"');
    expect(html).toContain('aria-valuetext="27%, about 2 min left"');
    expect(html).toContain('Enrollments: 4,000 of 20,000');
    expect(html).toContain('First sync 27%');
  });

  it('shows no bar once the cache is up to date, but says when it last synced and what waits', () => {
    const html = renderToStaticMarkup(createElement(SyncProgress, { status: statusOf({ pendingWrites: 3, conflicts: 1 }), now }));
    expect(html).not.toContain('progressbar');
    expect(html).toContain('Up to date · 3 writes pending · 1 conflict to resolve');
    expect(html).toContain('last sync');
  });

  it('says offline in words that tell the agent their work is kept', () => {
    expect(syncSummary(statusOf({ phase: 'offline', online: false, pendingWrites: 1 }))).toBe('Offline — changes are kept and sent later · 1 write pending');
  });
});

describe('the Sync panel', () => {
  it('lists pending and refused writes, quarantined records with reasons, and conflicts with both versions and named choices', () => {
    const html = renderToStaticMarkup(
      createElement(SyncPanelView, {
        status: statusOf({ pendingWrites: 1, failedWrites: 1, conflicts: 1, quarantined: 2, error: 'The LMS did not answer in time.' }),
        pending: [
          { ...write, id: 'w-1', kind: 'ticket.message', summary: 'Reply on ticket tkt-1', state: 'queued', attempts: 3, lastError: 'The LMS closed the connection.' },
          { ...write, id: 'w-2', kind: 'ticket.patch', summary: 'Change on ticket tkt-2: status → open', state: 'failed', lastError: 'Forbidden: agents cannot reopen.', canTryAgain: true },
        ],
        quarantine: {
          records: [
            { entity: 'attempt', recordId: 'att-9', reason: 'scoreRaw: expected number', quarantinedAt: 'x', preview: '{}' },
            { entity: 'feed_change', recordId: 'widget/w-1', reason: "The LMS sent a change (seq 5) Passdesk cannot read: unknown entity 'widget'.", quarantinedAt: 'x', preview: '{}' },
          ],
          total: 2,
        },
        conflicts: [conflict],
        busy: false,
        error: null,
        onSyncNow: () => undefined,
        onResolve: () => undefined,
        onDismiss: () => undefined,
        onTryAgain: () => undefined,
        now,
      }),
    );
    expect(html).toContain('aria-label="Sync now"');
    expect(html).toContain('Pending writes (1)');
    expect(html).toContain('Refused by the LMS (1)');
    expect(html).toContain('aria-label="Dismiss failed write: Change on ticket tkt-2: status → open"');
    expect(html).toContain('aria-label="Try failed write again: Change on ticket tkt-2: status → open"');
    expect(html).not.toContain('Dismiss failed write: Reply on ticket tkt-1');
    expect(html).toContain('Reply on ticket tkt-1');
    expect(html).toContain('3 tries');
    expect(html).toContain('Refused by the LMS');
    expect(html).toContain('Forbidden: agents cannot reopen.');
    expect(html).toContain('Attempts (score data) att-9');
    expect(html).toContain('scoreRaw: expected number');
    expect(html).toContain('Quarantined records (2)');
    expect(html).toContain('Unreadable feed change widget/w-1');
    expect(html).toContain('unknown entity &#x27;widget&#x27;');
    expect(html).toContain('aria-label="Keep my change to ticket tkt-1"');
    expect(html).toContain('aria-label="Keep their version of ticket tkt-1"');
    expect(html).toMatch(/<th scope="row">status<\/th><td>waiting<\/td><td>resolved<\/td>/);
    expect(html).toContain('The LMS did not answer in time.');
  });

  it('offers only Dismiss for a refused write main will not send again, and says why', () => {
    const html = renderToStaticMarkup(
      createElement(SyncPanelView, {
        status: statusOf({ failedWrites: 1 }),
        pending: [
          {
            ...write,
            kind: 'manual_pass.create',
            summary: 'Manual pass of Ana Lima on Module 2',
            state: 'failed',
            lastError: 'The LMS says Ana Lima is not enrolled in Module 2 (any more); the pass was not sent.',
            noTryAgainReason: 'A refused manual pass is final (the pass is marked rejected).',
          },
        ],
        quarantine: { records: [], total: 0 },
        conflicts: [],
        busy: false,
        error: null,
        onSyncNow: () => undefined,
        onResolve: () => undefined,
        onDismiss: () => undefined,
        onTryAgain: () => undefined,
        now,
      }),
    );
    expect(html).toContain('aria-label="Dismiss failed write: Manual pass of Ana Lima on Module 2"');
    expect(html).not.toContain('Try again');
    expect(html).toContain('A refused manual pass is final');
    expect(html).toContain('not enrolled in Module 2');
    expect(html).toContain('Pending writes (0)');
    expect(html).toContain('Nothing else is waiting for the LMS.');
  });
});

describe('the sync store', () => {
  function fakeMain() {
    const calls: Array<{ channel: string; payload: unknown }> = [];
    let push: ((payload: unknown) => void) | null = null;
    let current = statusOf();
    const answers: Record<string, () => unknown> = {
      'sync.status': () => current,
      'sync.now': () => current,
      'sync.pending': () => ({ writes: [] }),
      'sync.quarantine': () => ({ records: [], total: current.quarantined }),
      'sync.conflicts': () => ({ conflicts: current.conflicts ? [conflict] : [] }),
      'sync.resolveConflict': () => ({ conflicts: [] }),
      'sync.dismissWrite': () => ({ ...current, failedWrites: 0 }),
    };
    const bridge: PassdeskBridge = {
      async invoke(channel, payload): Promise<InvokeResult> {
        calls.push({ channel, payload });
        const answer = answers[channel];
        // Main refuses to send a manual pass again, and a conflict someone else already settled.
        if (channel === 'sync.tryWriteAgain') return { ok: false, error: { code: 'refused', message: '“Manual pass of Ana Lima on Module 2” cannot be tried again.' } };
        if (channel === 'sync.resolveConflict' && (payload as { writeId: string }).writeId === 'w-gone') return { ok: false, error: { code: 'not_found', message: 'That conflict was already settled.' } };
        return answer ? { ok: true, value: answer() } : { ok: false, error: { code: 'unknown_channel', message: channel } };
      },
      on(_event, listener) {
        push = listener;
        return () => {
          push = null;
        };
      },
    };
    return {
      client: createPassdeskClient(() => bridge),
      calls,
      push(status: SyncStatus) {
        current = status;
        push?.(status);
      },
    };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('follows sync.changed and reads the lists again when the counts move', async () => {
    const main = fakeMain();
    const store = createSyncStore(main.client);
    const stop = followSync(store, main.client, { withLists: true });
    await settle();
    expect(store.getState().status?.phase).toBe('live');
    const listReads = () => main.calls.filter((c) => c.channel === 'sync.conflicts').length;
    const before = listReads();
    main.push(statusOf({ conflicts: 1 }));
    await settle();
    expect(listReads()).toBe(before + 1);
    expect(store.getState().conflicts).toHaveLength(1);
    // Progress alone does not re-read the lists.
    main.push(statusOf({ conflicts: 1, lastPullAt: '2024-06-01T12:11:00.000Z' }));
    await settle();
    expect(listReads()).toBe(before + 1);
    stop();
  });

  it('sends the chosen side of a conflict and shows what is left', async () => {
    const main = fakeMain();
    const store = createSyncStore(main.client);
    await store.getState().resolveConflict('w-1234567890', 'theirs');
    expect(main.calls).toContainEqual({ channel: 'sync.resolveConflict', payload: { writeId: 'w-1234567890', choice: 'theirs' } });
    expect(store.getState()).toMatchObject({ conflicts: [], busy: false, error: null });
  });

  it('dismisses a refused write and takes the status main answers with', async () => {
    const main = fakeMain();
    main.push(statusOf({ failedWrites: 1 }));
    const store = createSyncStore(main.client);
    await store.getState().dismissWrite('w-2');
    expect(main.calls).toContainEqual({ channel: 'sync.dismissWrite', payload: { writeId: 'w-2' } });
    expect(main.calls.at(-1)?.channel).not.toBe('sync.dismissWrite');
    expect(store.getState()).toMatchObject({ busy: false, error: null });
    expect(store.getState().status?.failedWrites).toBe(0);
  });

  it('keeps main’s refusal in view after the lists are read again', async () => {
    const main = fakeMain();
    const store = createSyncStore(main.client);
    await store.getState().tryWriteAgain('w-pass');
    expect(main.calls.map((c) => c.channel)).toEqual(['sync.tryWriteAgain', 'sync.pending', 'sync.quarantine', 'sync.conflicts']);
    expect(store.getState()).toMatchObject({ busy: false, error: '“Manual pass of Ana Lima on Module 2” cannot be tried again.' });

    await store.getState().resolveConflict('w-gone', 'mine');
    expect(main.calls.slice(-3).map((c) => c.channel)).toEqual(['sync.pending', 'sync.quarantine', 'sync.conflicts']);
    expect(store.getState()).toMatchObject({ busy: false, error: 'That conflict was already settled.' });
  });
});
