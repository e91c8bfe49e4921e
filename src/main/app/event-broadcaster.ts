// The events main pushes to every window. A payload is checked against the event's schema
// before anyone hears it, so a listener (the Electron window, a browser-mode socket) only
// ever forwards what the contract describes.
import { events, type EventName, type EventPayload } from '../../shared/contract';

export type PassdeskEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
export type PassdeskEventListener = (event: PassdeskEvent) => void;

export interface EventBroadcaster {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): boolean;
  subscribe(listener: PassdeskEventListener): () => void;
}

export function createEventBroadcaster(log: (line: string) => void): EventBroadcaster {
  const listeners = new Set<PassdeskEventListener>();
  return {
    emit(name, payload) {
      const checked = events[name].safeParse(payload);
      if (!checked.success) {
        log(`[events] not sent: ${name} carried a payload outside the contract (${checked.error.issues.map((i) => `${i.path.join('.') || '(whole payload)'}: ${i.message}`).join('; ')})`);
        return false;
      }
      const event = { name, payload: checked.data } as PassdeskEvent;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          log(`[events] a listener of ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
