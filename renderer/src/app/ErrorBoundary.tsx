import { Component, type ErrorInfo, type ReactNode } from 'react';
import { textToSave } from '../state/document-store';
import type { AppServices } from './services';

interface State {
  error: Error | null;
  saved: string | null;
}

/**
 * A render error must never leave a blank window: the document lives outside React, so it
 * is still intact; offer to save a recovery copy and to reload the interface.
 */
export class ErrorBoundary extends Component<{ services: AppServices; children: ReactNode }, State> {
  override state: State = { error: null, saved: null };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Stowage UI error', error, info.componentStack);
    const { documents, host } = this.props.services;
    // Keep the work safe at once, whatever the user clicks next.
    void host.writeDraft({ text: textToSave(documents.getState()), file: documents.getState().file }).catch(() => undefined);
  }

  private readonly saveCopy = async () => {
    const { documents, host } = this.props.services;
    const result = await host.exportFile({
      suggestedName: 'recovered-diagram.stowage',
      format: 'json',
      data: textToSave(documents.getState()),
      encoding: 'utf8',
    });
    if (result.status === 'saved') this.setState({ saved: result.file.name });
  };

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="stowage-crash" role="alert">
        <h1>Something went wrong in Stowage’s interface</h1>
        <p>Your diagram is safe: it is kept apart from the interface, and a recovery copy was written.</p>
        <pre>{this.state.error.message}</pre>
        <div className="stowage-crash__actions">
          <button type="button" className="is-primary" onClick={() => void this.saveCopy()}>
            Save a recovery copy…
          </button>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
        {this.state.saved && <p>Saved {this.state.saved}.</p>}
      </div>
    );
  }
}
