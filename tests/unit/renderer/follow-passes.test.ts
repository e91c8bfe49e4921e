import { describe, expect, it } from 'vitest';
import type { PassSummary } from '../../../src/shared/channels/passes';
import type { PassdeskBridge } from '../../../src/shared/ipc-result';
import { createPassdeskClient } from '../../../src/renderer/passdesk-client';
import { createPassPanelStore, followPasses } from '../../../src/renderer/passes/pass-panel-store';

function pass(alert: string | null): PassSummary {
  return {
    id: 'pass_1',
    learnerId: 'lrn_1',
    learnerName: 'Ana Lima',
    moduleId: 'mod_1',
    moduleName: 'Module 2: Exit Devices',
    courseName: 'Fire-Rated Door Hardware',
    blueBucks: 50,
    ticketId: null,
    state: 'confirmed',
    stateReason: null,
    override: false,
    verdictKind: 'eligible_score_data',
    reason: 'Score data shows 90%; completion never arrived.',
    requestedBy: 'agt_1',
    requestedByName: 'Dana Whitfield',
    requestedAt: '2026-12-04T10:00:00.000Z',
    undoUntil: '2026-12-04T10:00:10.000Z',
    cancellable: false,
    waitingFor: null,
    updatedAt: '2026-12-04T10:00:12.000Z',
    alert,
    lmsPassId: 'mp_1',
    evidence: { kind: 'score_data', attemptId: 'atm_1' },
  };
}

describe('following manual passes from any screen', () => {
  it('says once, above every screen, that a transcript disagrees, and keeps the live list in step', () => {
    let push: ((payload: unknown) => void) | null = null;
    const bridge: PassdeskBridge = {
      invoke: () => Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'not used here' } }),
      on: (_event, listener) => {
        push = listener;
        return () => {
          push = null;
        };
      },
    };
    const client = createPassdeskClient(() => bridge);
    const store = createPassPanelStore(client);
    const reported: string[] = [];
    const stop = followPasses(store, client, (what, error) => reported.push(`${what}: ${error.message}`));

    const mismatch = 'The transcript still shows Module 2 as incomplete.';
    push!({ passes: [pass(null)], proposalsChanged: false });
    push!({ passes: [pass(mismatch)], proposalsChanged: false });
    push!({ passes: [pass(mismatch)], proposalsChanged: false });
    expect(reported).toEqual([`Double-checking the pass of Ana Lima: ${mismatch}`]);
    expect(store.getState().live.map((p) => p.alert)).toEqual([mismatch]);

    stop();
    expect(push).toBeNull();
  });
});
