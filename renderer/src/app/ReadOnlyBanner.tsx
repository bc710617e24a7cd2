import { useState } from 'react';
import { useStore } from 'zustand';
import { describeNewerItems, newerContentMessage } from '../../../shared/document';
import { useServices } from './services';

/**
 * Shown while the diagram is read-only (saved by a newer Stowage): why, what is newer, and
 * the one thing this version can still do with it, Save As. The canvas, inspector, menus and
 * keys follow the same state; this is where the user reads the reason.
 */
export function ReadOnlyBanner() {
  const { documents, commands } = useServices();
  const readOnly = useStore(documents, (state) => state.readOnly);
  const [expanded, setExpanded] = useState(false);
  if (!readOnly) return null;
  return (
    <div className="stowage-readonly" role="status" data-testid="read-only-banner">
      <div className="stowage-readonly__row">
        <span className="stowage-readonly__badge">Read-only</span>
        <p className="stowage-readonly__message">{newerContentMessage(readOnly)}</p>
        <div className="stowage-readonly__actions">
          <button type="button" className="is-primary" onClick={() => void commands.run('file.saveAs')} data-testid="read-only-save-as">
            Save As…
          </button>
          <button type="button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Hide details' : 'Details'}
          </button>
        </div>
      </div>
      {expanded && (
        <ul className="stowage-readonly__details" data-testid="read-only-details">
          {describeNewerItems(readOnly.items, 20).map((line, index) => (
            <li key={index}>
              <code>{line}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
