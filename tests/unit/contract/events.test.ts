// Events reach listeners only with payloads the contract describes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { events } from '../../../src/shared/contract';
import type { AppStatus } from '../../../src/shared/channels/app';
import { createEventBroadcaster, type PassdeskEvent } from '../../../src/main/app/event-broadcaster';

const goodStatus: AppStatus = {
  lms: { mode: 'demo', url: 'http://127.0.0.1:4100', online: true, checkedAt: '2025-01-06T09:00:00.000Z', error: null },
  user: { id: 'agt_1', name: 'Dana Whitfield', email: 'dana.whitfield@support.example.com', role: 'admin' },
  appVersion: '0.1.0',
};

describe('events', () => {
  it('a payload outside the event schema is not emitted, and the log says which event', () => {
    const lines: string[] = [];
    const broadcaster = createEventBroadcaster((line) => lines.push(line));
    const heard: PassdeskEvent[] = [];
    broadcaster.subscribe((event) => heard.push(event));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ lms: fc.anything(), user: fc.anything(), appVersion: fc.anything() }),
          fc.record({ lms: fc.record({ mode: fc.string(), url: fc.anything(), online: fc.anything(), checkedAt: fc.anything(), error: fc.anything() }), user: fc.constant(null), appVersion: fc.string() }),
        ).filter((payload) => !events['status.changed'].safeParse(payload).success),
        (payload) => {
          expect(broadcaster.emit('status.changed', payload as AppStatus)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
    expect(heard).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.includes('status.changed'))).toBe(true);
  });

  it('a valid payload reaches every listener until it unsubscribes', () => {
    const broadcaster = createEventBroadcaster(() => undefined);
    const first: PassdeskEvent[] = [];
    const second: PassdeskEvent[] = [];
    const stopFirst = broadcaster.subscribe((event) => first.push(event));
    broadcaster.subscribe((event) => second.push(event));
    expect(broadcaster.emit('status.changed', goodStatus)).toBe(true);
    stopFirst();
    broadcaster.emit('status.changed', { ...goodStatus, lms: { ...goodStatus.lms, online: false, error: 'The demo LMS stopped.' } });
    expect(first).toEqual([{ name: 'status.changed', payload: goodStatus }]);
    expect(second).toHaveLength(2);
  });

  it('a listener that throws does not keep the event from the others', () => {
    const lines: string[] = [];
    const broadcaster = createEventBroadcaster((line) => lines.push(line));
    const heard: PassdeskEvent[] = [];
    broadcaster.subscribe(() => {
      throw new Error('window is gone');
    });
    broadcaster.subscribe((event) => heard.push(event));
    broadcaster.emit('status.changed', goodStatus);
    expect(heard).toHaveLength(1);
    expect(lines.join('\n')).toContain('window is gone');
  });
});
