import { useEffect } from 'react';
import { screenLabel } from '../navigation/screens';
import { passdesk } from '../passdesk-client';
import { followPasses, usePassPanel } from '../passes/pass-panel-store';
import { useAlerts } from '../stores/alerts-store';
import { useNavigation } from '../stores/navigation-store';
import { followStatus, useStatus } from '../stores/status-store';
import { AlertList } from './AlertList';
import { ErrorBoundary } from './ErrorBoundary';
import { NavigationBar } from './NavigationBar';
import { screenComponents } from './screen-components';
import { StatusBar } from './StatusBar';
import { useGoShortcuts } from './use-go-shortcuts';

export function AppShell() {
  const screen = useNavigation((s) => s.screen);
  useGoShortcuts();
  useEffect(() => {
    document.title = `${screenLabel(screen)} — Passdesk`;
  }, [screen]);
  useEffect(() => followStatus(useStatus, passdesk, window), []);
  useEffect(() => followPasses(usePassPanel, passdesk, (what, error) => useAlerts.getState().report(what, error)), []);
  useEffect(() => {
    // A failure nobody awaited still deserves to be seen rather than lost in the console.
    const onRejection = (event: PromiseRejectionEvent) => {
      useAlerts.getState().report('Something Passdesk was doing in the background', event.reason);
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, []);

  const Screen = screenComponents[screen];
  return (
    <div className="app-shell">
      <NavigationBar />
      <main className="app-main">
        <AlertList />
        <ErrorBoundary key={screen} where={`the ${screenLabel(screen)} screen`}>
          <Screen />
        </ErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
}
