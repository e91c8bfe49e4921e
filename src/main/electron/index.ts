// The Electron entry: the only place the services meet Electron. It opens one locked-down
// window, serves the renderer over app://, keeps secrets with safeStorage, builds the same
// services browser mode uses (src/main/app) and connects them to the window over IPC.
import { app, dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import { locateAppFiles } from '../app/app-files';
import { createPassdesk, type Passdesk } from '../app/create-passdesk';
import { createSecretFileStore } from '../app/secret-store';
import { APP_ENTRY_URL, devOrigin, productionOrigin } from './app-origin';
import { registerAppScheme, serveRendererOverAppScheme } from './app-protocol';
import { addDevContentSecurityPolicy, denyAllPermissions, hardenAllWebContents } from './hardening';
import { connectIpcBridge } from './ipc-bridge';
import { openMainWindow } from './main-window';
import { electronSqliteBinding, missingBindingMessage } from './native-sqlite';
import { createSafeStorageCipher } from './safe-storage-cipher';

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function fail(title: string, message: string): void {
  log(`${title}\n${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function start(): void {
  // A separate data folder (tests, a second profile); set before the lock, which is per folder.
  const dataDirOverride = process.env.PASSDESK_DATA_DIR;
  if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));
  if (!app.requestSingleInstanceLock()) {
    // Two processes on one cache and one demo LMS would trip over each other.
    app.quit();
    return;
  }

  const files = locateAppFiles(__filename);
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  const origin = devServerUrl ? devOrigin(devServerUrl) : productionOrigin;
  let mainWindow: BrowserWindow | null = null;
  let passdesk: Passdesk | null = null;
  let disconnectIpc: (() => void) | null = null;

  registerAppScheme();
  hardenAllWebContents(origin, log);

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !passdesk) return;
    // Stop the demo LMS and close the cache before the process goes.
    event.preventDefault();
    const closing = passdesk;
    passdesk = null;
    disconnectIpc?.();
    void closing.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    denyAllPermissions();
    if (devServerUrl) addDevContentSecurityPolicy(devServerUrl);
    else serveRendererOverAppScheme(files.rendererDir, log);

    const nativeBinding = electronSqliteBinding(files.projectRoot);
    const missing = missingBindingMessage(nativeBinding);
    if (missing) return fail('Passdesk cannot start', missing);

    const dataDir = app.getPath('userData');
    try {
      passdesk = createPassdesk({
        dataDir,
        lms: null,
        secrets: createSecretFileStore(path.join(dataDir, 'secrets.sealed.json'), createSafeStorageCipher()),
        nativeBinding,
        demoLmsEntry: files.demoLmsEntry,
        log,
        appVersion: app.getVersion(),
      });
    } catch (error) {
      return fail('Passdesk cannot open its data', `${error instanceof Error ? error.message : String(error)}\n\nData folder: ${dataDir}`);
    }
    disconnectIpc = connectIpcBridge({ passdesk, mainWindow: () => mainWindow, origin, log });
    mainWindow = openMainWindow({
      preload: path.join(__dirname, '..', 'preload', 'index.js'),
      url: devServerUrl ?? APP_ENTRY_URL,
      log,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}

start();
