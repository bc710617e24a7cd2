import { useMemo, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import type { KindDefinition } from '../../../shared/catalog';
import { useServices } from '../app/services';
import { iconUrl } from '../canvas/icons';
import { addMessage } from '../canvas/placement-messages';
import { addComponentInView } from '../commands/edit-actions';
import { PALETTE_DRAG_TYPE, paletteKindType } from './drag';
import { bestMatch, paletteSections } from './palette-search';

/**
 * Components grouped by category, searchable; drag one onto the canvas, or click to add it in
 * a free spot of the view (inside the selected group when it may hold it). Enter in the search
 * adds the best match, which is marked.
 */
export function Palette() {
  const services = useServices();
  // Nothing can be added to a read-only diagram; a click still says why (runOperation refuses it).
  const readOnly = useStore(services.documents, (state) => state.readOnly !== null);
  const [query, setQuery] = useState('');
  const sections = useMemo(() => paletteSections(query), [query]);
  const best = useMemo(() => bestMatch(query), [query]);

  const add = (kind: KindDefinition) => {
    const report = addComponentInView(services, kind.id);
    if (!report) return;
    services.canvas.current?.reveal([report.nodeId]);
    const message = addMessage(services.documents.getState().document, report);
    if (message) services.ui.getState().toast(message, 'info');
  };

  const onDragStart = (event: DragEvent, kind: KindDefinition) => {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind.id);
    // The canvas sees only the types while dragging; this one tells it which kind is coming.
    event.dataTransfer.setData(paletteKindType(kind.id), '');
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside className={`stowage-palette${readOnly ? ' is-read-only' : ''}`} aria-label="Components">
      <div className="stowage-palette__search">
        <input
          type="search"
          placeholder="Search components"
          aria-label="Search components"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setQuery('');
            if (event.key === 'Enter' && best) add(best);
          }}
        />
      </div>
      {readOnly && <p className="stowage-palette__readonly">The diagram is read-only: nothing can be added.</p>}
      <div className="stowage-palette__sections">
        {sections.length === 0 && <p className="stowage-palette__empty">No component matches “{query}”.</p>}
        {sections.map((section) => (
          <section key={section.id} className="stowage-palette__section" aria-label={section.label}>
            <h2>{section.label}</h2>
            <ul>
              {section.kinds.map((kind) => (
                <li key={kind.id}>
                  <button
                    type="button"
                    className={`stowage-palette__item${kind === best ? ' is-best' : ''}`}
                    draggable={!readOnly}
                    aria-disabled={readOnly}
                    onDragStart={(event) => onDragStart(event, kind)}
                    onClick={() => add(kind)}
                    title={kind.description}
                    data-kind={kind.id}
                    data-testid={`palette-${kind.id}`}
                  >
                    <img src={iconUrl(kind.icon)} alt="" draggable={false} />
                    <span>{kind.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
