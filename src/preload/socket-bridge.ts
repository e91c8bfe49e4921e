// The window.passdesk contract carried over one WebSocket to the services process (browser
// mode). Whatever happens to the socket, every call gets an answer: calls made while it
// connects wait for it, calls in flight when it drops are answered with an `offline`
// envelope, and calls made while it is down are answered so at once — never left hanging.
// The socket itself is injected, so this logic runs against a fake in unit tests and
// against a real `ws` server in integration tests.
import { z } from 'zod';
import { isChannel, isEventName } from '../shared/contract';
import { InvokeResult, PassdeskError, PassdeskErrorData, type PassdeskBridge } from '../shared/ipc-result';
import { defaultBackoff, reconnectDelay, type BackoffPolicy } from './reconnect-backoff';

/** What the bridge needs from a socket: it is told about open, text messages and close. */
export interface SocketHandlers {
  open(): void;
  message(text: string): void;
  /** Called once per socket, whether it failed to connect or dropped later. */
  close(): void;
}
export interface SocketConnection {
  send(text: string): void;
  close(): void;
}
export type ConnectSocket = (url: string, handlers: SocketHandlers) => SocketConnection;

/** Cancels a scheduled callback. */
export type CancelTimer = () => void;
export type StartTimer = (run: () => void, ms: number) => CancelTimer;

export interface SocketBridgeOptions {
  url: string;
  connect: ConnectSocket;
  backoff?: BackoffPolicy;
  /** Give up on a connection attempt that neither opens nor fails within this time. */
  connectTimeoutMs?: number;
  startTimer?: StartTimer;
  /** Told each time the services become reachable or unreachable. */
  onConnectionChange?: (connected: boolean) => void;
  /** Where problems nobody asked about go (a malformed frame, a throwing listener). */
  report?: (problem: string) => void;
}

export interface SocketBridge extends PassdeskBridge {
  /** Whether the socket is open right now. */
  readonly connected: boolean;
  /** Closes the socket for good and answers every waiting call with `offline`. */
  dispose(): void;
}

// Frames from the services: a call's answer, an event pushed to every window, or a frame
// of ours they could not read as a call (answered as an error when it names our call).
const FrameId = z.union([z.number(), z.string()]);
const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: FrameId, result: z.unknown() }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
  z.object({ type: z.literal('error'), id: FrameId.nullable(), error: PassdeskErrorData }),
]);

type Answer = (result: InvokeResult) => void;
interface Waiting {
  id: string;
  channel: string;
  frame: string;
  answer: Answer;
}

const defaultStartTimer: StartTimer = (run, ms) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

function failure(error: PassdeskErrorData): InvokeResult {
  return { ok: false, error };
}

function notSent(channel: string): InvokeResult {
  return failure({
    code: 'offline',
    message: `Passdesk's services cannot be reached right now, so this request (${channel}) was not sent. Passdesk keeps reconnecting; try again in a moment.`,
  });
}

function lostInFlight(channel: string): InvokeResult {
  return failure({
    code: 'offline',
    message: `The connection to Passdesk's services dropped before this request (${channel}) was answered, so it may or may not have been applied. Passdesk is reconnecting; check the result before trying again.`,
  });
}

export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const backoff = options.backoff ?? defaultBackoff;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const startTimer = options.startTimer ?? defaultStartTimer;
  const report = options.report ?? ((problem: string) => console.error(`[passdesk bridge] ${problem}`));

  let socket: SocketConnection | null = null;
  let state: 'connecting' | 'open' | 'down' | 'disposed' = 'down';
  let retries = 0;
  let nextId = 1;
  let cancelRetry: CancelTimer | null = null;
  let cancelConnectTimeout: CancelTimer | null = null;
  /** Calls made while the socket was connecting, sent once it opens. */
  let queued: Waiting[] = [];
  /** Calls sent and not yet answered, by the id in their frame. */
  const inFlight = new Map<string, Waiting>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function setConnected(connected: boolean): void {
    try {
      options.onConnectionChange?.(connected);
    } catch (error) {
      report(`a connection listener failed: ${String(error)}`);
    }
  }

  function answerAll(result: (channel: string) => InvokeResult, waiting: Iterable<Waiting>): void {
    for (const w of waiting) w.answer(result(w.channel));
  }

  function open(): void {
    if (state === 'disposed') return;
    state = 'connecting';
    let settled = false;
    const handlers: SocketHandlers = {
      open() {
        if (settled || state === 'disposed') return;
        cancelConnectTimeout?.();
        cancelConnectTimeout = null;
        state = 'open';
        retries = 0;
        const toSend = queued;
        queued = [];
        for (const w of toSend) send(w);
        setConnected(true);
      },
      message(text) {
        if (settled) return;
        receive(text);
      },
      close() {
        if (settled) return;
        settled = true;
        dropped();
      },
    };
    try {
      socket = options.connect(options.url, handlers);
    } catch (error) {
      report(`could not open the socket: ${String(error)}`);
      settled = true;
      socket = null;
      dropped();
      return;
    }
    cancelConnectTimeout = startTimer(() => {
      cancelConnectTimeout = null;
      if (state === 'connecting') socket?.close();
    }, connectTimeoutMs);
  }

  function dropped(): void {
    cancelConnectTimeout?.();
    cancelConnectTimeout = null;
    const wasOpen = state === 'open';
    socket = null;
    const lost = [...inFlight.values()];
    inFlight.clear();
    const unsent = queued;
    queued = [];
    answerAll(lostInFlight, lost);
    answerAll(notSent, unsent);
    if (state === 'disposed') return;
    state = 'down';
    if (wasOpen) setConnected(false);
    const wait = reconnectDelay(retries, backoff);
    retries += 1;
    cancelRetry = startTimer(() => {
      cancelRetry = null;
      open();
    }, wait);
  }

  function send(w: Waiting): void {
    if (!socket) {
      w.answer(notSent(w.channel));
      return;
    }
    inFlight.set(w.id, w);
    try {
      socket.send(w.frame);
    } catch (error) {
      inFlight.delete(w.id);
      report(`could not send ${w.channel}: ${String(error)}`);
      w.answer(notSent(w.channel));
    }
  }

  function receive(text: string): void {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      report('the services sent a frame that is not JSON; it was ignored.');
      return;
    }
    const frame = ServerFrame.safeParse(data);
    if (!frame.success) {
      report('the services sent a frame of an unknown shape; it was ignored.');
      return;
    }
    if (frame.data.type === 'error') {
      const waiting = frame.data.id === null ? undefined : inFlight.get(String(frame.data.id));
      if (!waiting) {
        report(`the services refused a frame: ${frame.data.error.message}`);
        return;
      }
      inFlight.delete(waiting.id);
      waiting.answer(failure(frame.data.error));
      return;
    }
    if (frame.data.type === 'result') {
      const key = String(frame.data.id);
      const waiting = inFlight.get(key);
      if (!waiting) {
        report(`an answer arrived for call ${key}, which is not waiting; it was ignored.`);
        return;
      }
      inFlight.delete(key);
      const result = InvokeResult.safeParse(frame.data.result);
      waiting.answer(
        result.success
          ? result.data
          : failure({ code: 'internal', message: `Passdesk's services answered ${waiting.channel} with something outside the contract; nothing was shown. Please report this.` }),
      );
      return;
    }
    const { name, payload } = frame.data;
    if (!isEventName(name)) {
      report(`the services pushed an event named "${name.slice(0, 80)}", which is not in the contract; it was ignored.`);
      return;
    }
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        report(`a listener for ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  const bridge: SocketBridge = {
    get connected() {
      return state === 'open';
    },
    invoke(channel, payload) {
      if (!isChannel(channel)) {
        const shown = typeof channel === 'string' ? `"${channel.slice(0, 80)}"` : `a ${typeof channel}`;
        return Promise.resolve(failure({ code: 'unknown_channel', message: `There is no channel named ${shown} in the Passdesk contract.` }));
      }
      const id = nextId++;
      let frame: string;
      try {
        frame = JSON.stringify({ type: 'invoke', id, channel, payload });
      } catch (error) {
        return Promise.resolve(
          failure({ code: 'invalid_payload', message: `The request to ${channel} could not be sent: ${error instanceof Error ? error.message : String(error)}.` }),
        );
      }
      return new Promise<InvokeResult>((resolve) => {
        const waiting: Waiting = { id: String(id), channel, frame, answer: resolve };
        if (state === 'open') send(waiting);
        else if (state === 'connecting') queued.push(waiting);
        else resolve(notSent(channel));
      });
    },
    on(event, listener) {
      if (!isEventName(event)) {
        throw new PassdeskError({ code: 'unknown_channel', message: `There is no event named "${String(event).slice(0, 80)}" in the Passdesk contract.` });
      }
      if (typeof listener !== 'function') {
        throw new PassdeskError({ code: 'invalid_payload', message: `A listener for ${event} must be a function.` });
      }
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      // Wrapped so the same function subscribed twice is two subscriptions, each removable.
      const subscription = (payload: unknown) => listener(payload);
      set.add(subscription);
      return () => {
        set.delete(subscription);
      };
    },
    dispose() {
      if (state === 'disposed') return;
      const wasOpen = state === 'open';
      state = 'disposed';
      cancelRetry?.();
      cancelRetry = null;
      const current = socket;
      // Answer everything now; the socket's own close, if it comes, is then a no-op.
      const lost = [...inFlight.values()];
      inFlight.clear();
      const unsent = queued;
      queued = [];
      answerAll(lostInFlight, lost);
      answerAll(notSent, unsent);
      socket = null;
      current?.close();
      cancelConnectTimeout?.();
      cancelConnectTimeout = null;
      if (wasOpen) setConnected(false);
    },
  };

  open();
  return bridge;
}
