// An in-memory stand-in for the services' WebSocket and a hand-driven clock, so the
// bridge's reconnect and failure handling can be stepped through exactly.
import type { ConnectSocket, SocketHandlers, StartTimer } from '../../../src/preload/socket-bridge';

export interface FakeSocket {
  url: string;
  handlers: SocketHandlers;
  sent: string[];
  closedByBridge: boolean;
  /** The services accept the connection. */
  accept(): void;
  /** The services send a frame. */
  push(frame: unknown): void;
  pushText(text: string): void;
  /** The connection fails or drops. */
  drop(): void;
}

export function fakeServices() {
  const sockets: FakeSocket[] = [];
  const connect: ConnectSocket = (url, handlers) => {
    const socket: FakeSocket = {
      url,
      handlers,
      sent: [],
      closedByBridge: false,
      accept: () => handlers.open(),
      push: (frame) => handlers.message(JSON.stringify(frame)),
      pushText: (text) => handlers.message(text),
      drop: () => handlers.close(),
    };
    sockets.push(socket);
    return {
      send: (text) => socket.sent.push(text),
      close: () => {
        socket.closedByBridge = true;
        handlers.close();
      },
    };
  };
  return {
    sockets,
    connect,
    latest(): FakeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('the bridge has not opened a socket');
      return socket;
    },
  };
}

export function manualClock() {
  let now = 0;
  let timers: Array<{ at: number; run: () => void; cancelled: boolean }> = [];
  const startTimer: StartTimer = (run, ms) => {
    const timer = { at: now + ms, run, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  return {
    startTimer,
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => !t.cancelled && t.at <= now).sort((a, b) => a.at - b.at);
      timers = timers.filter((t) => !t.cancelled && t.at > now);
      for (const t of due) t.run();
    },
    pending: () => timers.filter((t) => !t.cancelled).length,
  };
}

export interface SentInvoke {
  type: 'invoke';
  id: number;
  channel: string;
  payload: unknown;
}

export function sentInvokes(socket: FakeSocket): SentInvoke[] {
  return socket.sent.map((text) => JSON.parse(text) as SentInvoke);
}
