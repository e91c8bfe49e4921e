import { AppShell } from './shell/AppShell';
import { ErrorBoundary } from './shell/ErrorBoundary';

export function App() {
  return (
    <ErrorBoundary where="Passdesk">
      <AppShell />
    </ErrorBoundary>
  );
}
