import { useEffect, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { COMMANDS, GESTURES, formatGesture, formatShortcut } from '../../../shared/commands/definitions';
import { CURRENT_SCHEMA_VERSION, FILE_EXTENSION } from '../../../shared/document';
import { useServices } from '../app/services';
import { ExportDialog } from '../export/ExportDialog';
import { StartScreen } from '../start/StartScreen';
import { LearnCard } from '../learn/LearnCard';
import { findKind } from '../../../shared/catalog';

/** The one modal dialog at a time, from the UI store. */
export function Dialogs() {
  const { ui, host } = useServices();
  const dialog = useStore(ui, (state) => state.dialog);
  if (!dialog) return null;
  const close = () => ui.getState().closeDialog();

  switch (dialog.type) {
    case 'error':
      return (
        <Modal title={dialog.title} onClose={close} tone="error" testId="error-dialog">
          <p>{dialog.message}</p>
          {dialog.details.length > 0 && (
            <ul className="stowage-dialog__details">
              {dialog.details.map((line, index) => (
                <li key={index}>
                  <code>{line}</code>
                </li>
              ))}
            </ul>
          )}
          <footer>
            <button type="button" className="is-primary" onClick={close} autoFocus>
              OK
            </button>
          </footer>
        </Modal>
      );
    case 'unsaved-changes':
      return (
        <Modal title={`Save changes to “${dialog.documentName}”?`} onClose={() => dialog.resolve('cancel')} testId="unsaved-dialog">
          <p>Your changes will be lost if you don’t save them.</p>
          <footer>
            <button type="button" onClick={() => dialog.resolve('discard')}>
              Don’t Save
            </button>
            <span className="spacer" />
            <button type="button" onClick={() => dialog.resolve('cancel')}>
              Cancel
            </button>
            <button type="button" className="is-primary" onClick={() => dialog.resolve('save')} autoFocus>
              Save
            </button>
          </footer>
        </Modal>
      );
    case 'recover-draft':
      return (
        <Modal title="Recover unsaved work?" onClose={() => dialog.resolve(false)} testId="recover-dialog">
          <p>
            Stowage closed before {dialog.fileName ? `“${dialog.fileName}”` : 'a diagram'} was saved. A copy of your work from{' '}
            {new Date(dialog.savedAt).toLocaleString()} was kept.
          </p>
          <footer>
            <button type="button" onClick={() => dialog.resolve(false)}>
              Discard
            </button>
            <span className="spacer" />
            <button type="button" className="is-primary" onClick={() => dialog.resolve(true)} autoFocus>
              Recover
            </button>
          </footer>
        </Modal>
      );
    case 'learn': {
      const kind = findKind(dialog.kindId);
      if (!kind) return null;
      return (
        <Modal title={kind.label} onClose={close} testId="learn-dialog">
          <LearnCard kind={kind} />
          <footer>
            <button type="button" className="is-primary" onClick={close} autoFocus>
              Close
            </button>
          </footer>
        </Modal>
      );
    }
    case 'start':
      return <StartScreen onClose={close} />;
    case 'export':
      return <ExportDialog initialTab={dialog.tab} onClose={close} />;
    case 'about':
      return (
        <Modal title="About Stowage" onClose={close} testId="about-dialog">
          <p>
            <strong>Stowage {__APP_VERSION__}</strong>: design AWS container architectures, see what AWS would reject, and export diagrams
            and a starter CDK app.
          </p>
          <p>
            Diagrams are saved as <code>.{FILE_EXTENSION}</code> files: pretty-printed JSON, file format version {CURRENT_SCHEMA_VERSION}.
            Older files are upgraded when opened; the format and its JSON Schema are documented in <code>docs/file-format.md</code> of the
            source repository.
          </p>
          <p>AWS Architecture Icons © Amazon Web Services, used under the AWS icon terms.</p>
          <footer>
            <button type="button" className="is-primary" onClick={close} autoFocus>
              Close
            </button>
          </footer>
        </Modal>
      );
    case 'shortcuts':
      return (
        <Modal title="Keyboard shortcuts" onClose={close} testId="shortcuts-dialog">
          <table className="stowage-shortcuts">
            <tbody>
              {COMMANDS.filter((command) => 'shortcuts' in command && command.shortcuts).map((command) => (
                <tr key={command.id}>
                  <td>{command.label}</td>
                  <td>
                    {('shortcuts' in command ? command.shortcuts : []).map((shortcut) => (
                      <kbd key={shortcut}>{formatShortcut(shortcut, host.platform)}</kbd>
                    ))}
                  </td>
                </tr>
              ))}
              {GESTURES.map((gesture) => (
                <tr key={gesture.label}>
                  <td>{gesture.label}</td>
                  <td>
                    {gesture.inputs.map((input) => (
                      <kbd key={input}>{formatGesture(input, host.platform)}</kbd>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <footer>
            <button type="button" className="is-primary" onClick={close}>
              Close
            </button>
          </footer>
        </Modal>
      );
  }
}

export function Modal({
  title,
  children,
  onClose,
  tone,
  testId,
  wide,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  tone?: 'error';
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    // Without a button that takes the focus, the dialog takes it, staying scrolled to its top
    // (focusing a button at the end of a long dialog would scroll to the bottom).
    if (!ref.current?.contains(document.activeElement)) ref.current?.focus({ preventScroll: true });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      previous?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="stowage-modal-backdrop" onPointerDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`stowage-dialog${tone ? ` is-${tone}` : ''}${wide ? ' is-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        tabIndex={-1}
      >
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}
