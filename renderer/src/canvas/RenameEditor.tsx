import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { findKind } from '../../../shared/catalog';
import { DocumentIndex, LIMITS } from '../../../shared/document';
import { useServices } from '../app/services';
import { renameNodeTo } from '../commands/edit-actions';
import { useRenaming } from './rename-state';

/** Where the name sits on a card and on a group's title bar (see ComponentNode, GroupNode and app.css). */
const CARD_LABEL = { left: 50, top: 8, right: 10 };
const GROUP_LABEL = { left: 38, top: 3, maxWidth: 320 };

/**
 * The in-place name editor: opened by double-clicking a card or a group's title, F2, or Enter
 * on a single selection. Enter commits (one undo step), Escape leaves the name as it was, and
 * clicking elsewhere commits. Drawn once for the canvas, over the node, so no node subscribes.
 */
export const RenameEditor = memo(function RenameEditor() {
  const services = useServices();
  const nodeId = useRenaming((state) => state.nodeId);
  const close = useRenaming((state) => state.close);
  const document = useStore(services.documents, (state) => state.document);
  const done = useRef(false);
  const placed = useMemo(() => {
    if (nodeId === null) return undefined;
    const index = new DocumentIndex(document);
    const node = index.node(nodeId);
    if (!node) return undefined;
    return { node, rect: index.absoluteRect(nodeId), group: findKind(node.kind)?.group !== undefined };
  }, [document, nodeId]);
  if (nodeId === null || !placed) return null;
  const { node, rect, group } = placed;

  const finish = (commit: boolean, value: string) => {
    if (done.current) return;
    done.current = true;
    close();
    if (commit && value !== node.label) renameNodeTo(services, node.id, value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true, event.currentTarget.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false, node.label);
    }
  };
  const style = group
    ? {
        left: rect.x + GROUP_LABEL.left,
        top: rect.y + GROUP_LABEL.top,
        width: Math.min(GROUP_LABEL.maxWidth, rect.width - GROUP_LABEL.left - 8),
      }
    : { left: rect.x + CARD_LABEL.left, top: rect.y + CARD_LABEL.top, width: rect.width - CARD_LABEL.left - CARD_LABEL.right };
  return (
    <ViewportPortal>
      <input
        key={node.id}
        className="stowage-rename nodrag nopan nowheel"
        style={style}
        aria-label="Rename"
        defaultValue={node.label}
        maxLength={LIMITS.maxLabelLength}
        spellCheck={false}
        autoFocus
        onFocus={(event) => {
          done.current = false;
          event.currentTarget.select();
        }}
        onKeyDown={onKeyDown}
        onBlur={(event) => finish(true, event.currentTarget.value)}
      />
    </ViewportPortal>
  );
});
