import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import type { KindDefinition } from '../../../shared/catalog';
import { useServices } from '../app/services';
import { iconUrl } from '../canvas/icons';
import { addMessage } from '../canvas/placement-messages';
import { addComponentInView } from '../commands/edit-actions';
import { PALETTE_DRAG_TYPE, paletteKindType } from './drag';
import { bestMatch, paletteSections } from './palette-search';
import { LearnCard } from '../learn/LearnCard';

/** How long the learn card waits before it appears (a pointer passing by shows none) and before it goes (time to move onto it). */
const LEARN_SHOW_MS = 350;
const LEARN_HIDE_MS = 200;

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
  const learn = useLearnCard();

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
                    onDragStart={(event) => {
                      // The card stands over the canvas beside the palette: it must not take the drop.
                      learn.dismiss();
                      onDragStart(event, kind);
                    }}
                    onPointerDown={() => learn.dismiss()}
                    onClick={() => add(kind)}
                    aria-describedby={learn.shown?.kind === kind ? 'palette-learn-card' : undefined}
                    onPointerEnter={(event) => learn.show(kind, event.currentTarget, LEARN_SHOW_MS)}
                    onPointerLeave={() => learn.hide(LEARN_HIDE_MS)}
                    onFocus={(event) => {
                      // Keyboard focus shows the card at once; the focus a press gives would put it under the drag.
                      if (event.currentTarget.matches(':focus-visible')) learn.show(kind, event.currentTarget, 0);
                    }}
                    onBlur={() => learn.hide(LEARN_HIDE_MS)}
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
      {learn.shown && (
        <div
          className="stowage-palette__learn"
          role="tooltip"
          style={{ top: learn.shown.top, left: learn.shown.left }}
          onPointerEnter={() => learn.keep()}
          onPointerLeave={() => learn.hide(LEARN_HIDE_MS)}
        >
          <div className="stowage-palette__learn-title">{learn.shown.kind.label}</div>
          <LearnCard kind={learn.shown.kind} id="palette-learn-card" />
        </div>
      )}
    </aside>
  );
}

/** The palette's learn card: beside the entry the pointer rests on or the keyboard focuses, kept while the pointer is on it. */
function useLearnCard() {
  const [shown, setShown] = useState<{ kind: KindDefinition; top: number; left: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const at = (kind: KindDefinition, entry: HTMLElement) => {
    const box = entry.getBoundingClientRect();
    // Beside the palette, level with the entry, and kept inside the window.
    return { kind, left: box.right + 8, top: Math.max(8, Math.min(box.top - 8, window.innerHeight - 260)) };
  };
  return {
    shown,
    show(kind: KindDefinition, entry: HTMLElement, delay: number) {
      clearTimeout(timer.current);
      const place = at(kind, entry);
      if (delay === 0 || shown) setShown(place);
      else timer.current = setTimeout(() => setShown(place), delay);
    },
    hide(delay: number) {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setShown(null), delay);
    },
    keep() {
      clearTimeout(timer.current);
    },
    /** Gone now, with nothing pending: a press or a drag of an entry. */
    dismiss() {
      clearTimeout(timer.current);
      setShown(null);
    },
  };
}
