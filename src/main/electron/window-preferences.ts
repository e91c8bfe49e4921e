// The main window's web preferences, apart from Electron so a test can hold them to the
// rules: isolated, sandboxed, no Node in the page, web security on, no webviews.
export function lockedDownWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  } as const;
}
