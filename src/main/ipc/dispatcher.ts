// Every call from the renderer — over Electron IPC or browser mode's WebSocket — lands
// here. Unknown channels and payloads that fail the channel's input schema are refused
// before any handler runs, so a bad payload can never cause a partial write; results are
// validated too, so the renderer never receives data the contract does not describe.
import {
  channels,
  isChannel,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../shared/contract';
import { describeIssues, PassdeskError, type InvokeResult } from '../../shared/ipc-result';

export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export interface Dispatcher {
  dispatch(channel: unknown, payload: unknown): Promise<InvokeResult>;
}

export function createDispatcher(handlers: Handlers, log: (line: string) => void = console.error): Dispatcher {
  return {
    async dispatch(channel, payload) {
      if (!isChannel(channel)) {
        const shown = typeof channel === 'string' ? `"${channel.slice(0, 80)}"` : `a ${typeof channel}`;
        return { ok: false, error: { code: 'unknown_channel', message: `There is no channel named ${shown} in the Passdesk contract.` } };
      }
      const spec = channels[channel];
      const parsed = spec.input.safeParse(payload);
      if (!parsed.success) {
        return { ok: false, error: describeIssues(parsed.error, `The request to ${channel}`) };
      }
      let value: unknown;
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        value = await handler(parsed.data);
      } catch (error) {
        if (error instanceof PassdeskError) return { ok: false, error: error.toData() };
        log(`[ipc] ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { ok: false, error: { code: 'internal', message: `Passdesk could not complete ${channel}: ${error instanceof Error ? error.message : String(error)}` } };
      }
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`[ipc] ${channel} produced a result outside the contract: ${checked.error.message}`);
        return { ok: false, error: { code: 'internal', message: `Passdesk produced an invalid answer for ${channel}; nothing was changed by showing it. Please report this.` } };
      }
      return { ok: true, value: checked.data };
    },
  };
}
