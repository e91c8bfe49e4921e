// The renderer's one way to talk to the main process: typed by the contract, it unwraps
// the InvokeResult envelope into a value or a thrown PassdeskError. Main already validates
// every result and event; the client checks them again against the same schemas, so a
// renderer never acts on data the contract does not describe, whatever sits in between.
import {
  channels,
  events,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type EventName,
  type EventPayload,
} from '../shared/contract';
import { InvokeResult, PassdeskError, type PassdeskBridge } from '../shared/ipc-result';

export interface PassdeskClient {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

const missingBridge = new PassdeskError({
  code: 'internal',
  message:
    'Passdesk cannot reach its services from this page. Open Passdesk with `npm start`, or with the address `npm run serve` prints, rather than the HTML file itself.',
});

function isBridge(value: unknown): value is PassdeskBridge {
  if (typeof value !== 'object' || value === null) return false;
  return typeof Reflect.get(value, 'invoke') === 'function' && typeof Reflect.get(value, 'on') === 'function';
}

/** The bridge the preload (Electron) or the browser bridge (browser mode) put on window. */
export function windowBridge(): PassdeskBridge | undefined {
  const candidate: unknown = typeof window === 'undefined' ? undefined : Reflect.get(window, 'passdesk');
  return isBridge(candidate) ? candidate : undefined;
}

export function createPassdeskClient(
  getBridge: () => PassdeskBridge | undefined,
  report: (problem: string) => void = (problem) => console.error(`[passdesk] ${problem}`),
): PassdeskClient {
  return {
    async call(channel, input) {
      const bridge = getBridge();
      if (!bridge) throw missingBridge;
      let raw: unknown;
      try {
        raw = await bridge.invoke(channel, input);
      } catch (error) {
        throw new PassdeskError({
          code: 'internal',
          message: `Passdesk could not send ${channel}: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      const envelope = InvokeResult.safeParse(raw);
      if (!envelope.success) {
        throw new PassdeskError({ code: 'internal', message: `The answer to ${channel} was not understood; nothing was changed on screen. Please report this.` });
      }
      if (!envelope.data.ok) throw new PassdeskError(envelope.data.error);
      const output = channels[channel].output.safeParse(envelope.data.value);
      if (!output.success) {
        report(`${channel} answered outside the contract: ${output.error.message}`);
        throw new PassdeskError({ code: 'internal', message: `The answer to ${channel} did not match the contract; nothing was changed on screen. Please report this.` });
      }
      // The channel's own output schema just parsed it; TypeScript cannot follow the
      // indexed schema back to ChannelOutput<C> on its own.
      return output.data as ChannelOutput<typeof channel>;
    },
    on(event, listener) {
      const bridge = getBridge();
      if (!bridge) throw missingBridge;
      return bridge.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (!parsed.success) {
          report(`${event} arrived outside the contract and was ignored: ${parsed.error.message}`);
          return;
        }
        listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}

/** The client the app uses: over whichever bridge this window has. */
export const passdesk: PassdeskClient = createPassdeskClient(windowBridge);
