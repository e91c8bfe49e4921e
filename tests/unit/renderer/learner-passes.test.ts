import { describe, expect, test } from 'vitest';
import type { PassSummary } from '../../../src/shared/channels/passes';
import { latestPassByModule } from '../../../src/renderer/inbox/use-learner-passes';

const pass = (id: string, moduleId: string, state: PassSummary['state']): PassSummary => ({
  id,
  learnerId: 'L1',
  learnerName: 'Ada Byron',
  moduleId,
  moduleName: `Module ${moduleId}`,
  courseName: 'Door hardware',
  blueBucks: 0,
  ticketId: null,
  state,
  stateReason: null,
  override: false,
  verdictKind: 'eligible_score_data',
  reason: 'passing score in the data',
  requestedBy: 'A1',
  requestedByName: 'Admin One',
  requestedAt: '2026-12-01T10:00:00.000Z',
  undoUntil: '2026-12-01T10:00:10.000Z',
  cancellable: false,
  waitingFor: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
  alert: null,
  lmsPassId: null,
  evidence: { kind: 'score_data', attemptId: 'T1' },
});

describe("the learner panel's pass per enrollment", () => {
  test('shows the newest pass of each module (main lists newest first), not an older cancelled one', () => {
    const latest = latestPassByModule([pass('p3', 'M1', 'verified'), pass('p2', 'M2', 'queued'), pass('p1', 'M1', 'cancelled')]);
    expect(latest.get('M1')?.id).toBe('p3');
    expect(latest.get('M2')?.state).toBe('queued');
    expect(latest.has('M3')).toBe(false);
  });
});
