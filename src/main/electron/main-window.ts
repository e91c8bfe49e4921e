// Passdesk's one window, locked down: isolated, sandboxed renderer without Node, web
// security on, and only the preload's window.passdesk between it and main.
import { BrowserWindow } from 'electron';
import path from 'node:path';
import { lockedDownWebPreferences } from './window-preferences';

export interface MainWindowOptions {
  preload: string;
  /** app://passdesk/index.html, or the dev server's URL. */
  url: string;
  log: (line: string) => void;
}

export function openMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Passdesk',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: lockedDownWebPreferences(path.resolve(options.preload)),
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => options.log(`[window] the renderer stopped: ${details.reason} (exit code ${details.exitCode})`));
  win.webContents.on('preload-error', (_event, preloadPath, error) => options.log(`[window] the preload ${preloadPath} failed: ${error.message}`));
  void win.loadURL(options.url).catch((error: unknown) => options.log(`[window] could not load ${options.url}: ${String(error)}`));
  return win;
}
