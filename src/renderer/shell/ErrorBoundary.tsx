// A rendering error shows a recoverable error screen instead of a white page: the person
// can try the screen again, or reload Passdesk, and sees what went wrong to report it.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Where the error happened, in words: "the Inbox screen", "Passdesk". */
  where: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[passdesk] ${this.props.where} failed to render`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="crash" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title">Something went wrong in {this.props.where}</h1>
        <p>
          Nothing was sent or changed by this error. You can try again, or reload Passdesk; your data is kept by the main
          process either way.
        </p>
        <p className="crash-message">{error.message}</p>
        <div className="button-row">
          <button type="button" className="button-primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" onClick={() => window.location.reload()}>
            Reload Passdesk
          </button>
        </div>
        {error.stack && (
          <details className="crash-details">
            <summary>Technical details</summary>
            <pre>{error.stack}</pre>
          </details>
        )}
      </section>
    );
  }
}
