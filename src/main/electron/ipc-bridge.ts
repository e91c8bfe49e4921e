// Electron's side of window.passdesk: one invoke channel into the dispatcher, one event
// channel out to the window. A call is answered only if it comes from the main window's
// top frame showing the app; anything else gets a forbidden_sender envelope.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ipcChannelNames } from '../../shared/contract';
import type { InvokeResult } from '../../shared/ipc-result';
import type { Passdesk } from '../app/create-passdesk';
import { isTrustedSender, type AppOrigin } from './app-origin';

export interface IpcBridgeOptions {
  passdesk: Passdesk;
  mainWindow(): BrowserWindow | null;
  origin: AppOrigin;
  log: (line: string) => void;
}

function senderIsMainWindow(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame) return false;
  const top = win.webContents.mainFrame;
  return event.sender === win.webContents && frame.processId === top.processId && frame.routingId === top.routingId;
}

export function connectIpcBridge(options: IpcBridgeOptions): () => void {
  ipcMain.handle(ipcChannelNames.invoke, async (event, channel: unknown, payload: unknown): Promise<InvokeResult> => {
    const win = options.mainWindow();
    const trusted = isTrustedSender({ frameUrl: event.senderFrame?.url ?? null, isMainWindowTopFrame: senderIsMainWindow(event, win) }, options.origin);
    if (!trusted) {
      options.log(`[ipc] refused a call from ${event.senderFrame?.url.slice(0, 200) ?? 'a frame that is gone'}`);
      return { ok: false, error: { code: 'forbidden_sender', message: 'Only the Passdesk window may call Passdesk.' } };
    }
    return options.passdesk.dispatcher.dispatch(channel, payload);
  });
  // The broadcaster has already checked each payload against its event schema.
  const unsubscribe = options.passdesk.subscribe((event) => {
    const win = options.mainWindow();
    if (win && !win.isDestroyed()) win.webContents.send(ipcChannelNames.event, event);
  });
  return () => {
    ipcMain.removeHandler(ipcChannelNames.invoke);
    unsubscribe();
  };
}
