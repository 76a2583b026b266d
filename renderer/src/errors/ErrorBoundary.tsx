import { Component, type ErrorInfo, type ReactNode } from 'react';
import { PendingExportButton } from './PendingExportButton';

interface Props {
  children: ReactNode;
  dbName: string;
}

interface State {
  error: Error | null;
}

/**
 * Never a blank screen: an error in any screen shows what happened and what to do, with the
 * pending operations one click from safety.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for support; the screen says what a person can do.
    console.warn('Lockstep screen error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="error-screen" role="alert" aria-labelledby="error-title">
        <h2 id="error-title">Something went wrong on this screen</h2>
        <p className="error-message">{error.message}</p>
        <p>Work saved on this station is safe. Try again, or go back to the runs list.</p>
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => { this.setState({ error: null }); }}>
            Try again
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              location.hash = '#/runs';
              this.setState({ error: null });
            }}
          >
            Back to runs
          </button>
          <button type="button" className="button" onClick={() => { location.reload(); }}>
            Reload the station
          </button>
        </div>
        <PendingExportButton dbName={this.props.dbName} />
      </main>
    );
  }
}
