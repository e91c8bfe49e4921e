// The Electron preload: exposes exactly the Passdesk contract as window.passdesk — invoke a
// channel, listen to an event — and nothing else. Names outside the contract are refused
// here already; main validates every payload and every sender again. ipcRenderer itself
// never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannelNames, isChannel, isEventName } from '../shared/contract';
import { InvokeResult, PassdeskError, type PassdeskBridge } from '../shared/ipc-result';

function refused(code: 'unknown_channel' | 'invalid_payload' | 'internal', message: string): InvokeResult {
  return { ok: false, error: { code, message } };
}

const bridge: PassdeskBridge = {
  async invoke(channel, payload) {
    if (!isChannel(channel)) {
      const shown = typeof channel === 'string' ? `"${channel.slice(0, 80)}"` : `a ${typeof channel}`;
      return refused('unknown_channel', `There is no channel named ${shown} in the Passdesk contract.`);
    }
    let answer: unknown;
    try {
      answer = await ipcRenderer.invoke(ipcChannelNames.invoke, channel, payload);
    } catch (error) {
      // Structured clone refuses functions, DOM nodes and the like before anything is sent.
      return refused('invalid_payload', `The request to ${channel} could not be sent: ${error instanceof Error ? error.message : String(error)}.`);
    }
    const result = InvokeResult.safeParse(answer);
    return result.success ? result.data : refused('internal', `Passdesk answered ${channel} with something outside the contract; nothing was shown. Please report this.`);
  },
  on(event, listener) {
    if (!isEventName(event)) {
      throw new PassdeskError({ code: 'unknown_channel', message: `There is no event named "${String(event).slice(0, 80)}" in the Passdesk contract.` });
    }
    if (typeof listener !== 'function') {
      throw new PassdeskError({ code: 'invalid_payload', message: `A listener for ${event} must be a function.` });
    }
    const forward = (_e: IpcRendererEvent, message: unknown) => {
      if (typeof message === 'object' && message !== null && 'name' in message && message.name === event && 'payload' in message) {
        listener(message.payload);
      }
    };
    ipcRenderer.on(ipcChannelNames.event, forward);
    return () => {
      ipcRenderer.removeListener(ipcChannelNames.event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('passdesk', bridge);
