import { memo, useRef, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { findKind, iconOf } from '../../../shared/catalog';
import { LIMITS, type DiagramNode } from '../../../shared/document';
import { Badge } from '../canvas/Badge';
import type { BadgeInfo } from '../canvas/flow-types';
import { iconUrl } from '../canvas/icons';
import { INDENT, ROW_HEIGHT, ROW_PADDING, type InnerFindings, type LayerRow } from './layer-tree';

export interface LayerRowProps {
  row: LayerRow;
  node: DiagramNode;
  /** Its place in the list of shown rows: it is drawn at index × ROW_HEIGHT. */
  index: number;
  selected: boolean;
  focused: boolean;
  badge: BadgeInfo | undefined;
  /** Findings on what it holds, shown while it is closed. */
  inside: InnerFindings | undefined;
  moving: boolean;
  /** A drag would put what it carries inside this row's group: 'ok', or 'refused' when the group may not hold it. */
  dropInto: 'ok' | 'refused' | undefined;
  renaming: boolean;
  onPointerDown(event: PointerEvent<HTMLElement>, id: string): void;
  onToggle(id: string): void;
  onStartRename(id: string): void;
  onFinishRename(id: string, label: string | null): void;
  onContextMenu(event: MouseEvent<HTMLElement>, id: string): void;
}

/** The DOM id of a row, for aria-activedescendant. */
export function rowDomId(id: string): string {
  return `layer-row-${id}`;
}

/** What the row calls a node: its name, or its kind's name when it has none. */
export function layerName(node: DiagramNode): string {
  return node.label.trim() || findKind(node.kind)?.label || node.kind;
}

/** One row of the Layers panel: open/close, icon, name, kind and findings. Redrawn only when what it shows changes. */
export const LayerRowView = memo(function LayerRowView(props: LayerRowProps) {
  const { row, node, index, selected, focused, badge, inside, moving, dropInto, renaming } = props;
  const kind = findKind(node.kind);
  const kindLabel = kind?.label ?? `Unknown kind ${node.kind}`;
  const name = layerName(node);
  const findings = badge ? `, ${badge.count} ${badge.severity}${badge.count === 1 ? '' : 's'}` : '';
  const classes = [
    'stowage-layers__row',
    selected ? 'is-selected' : '',
    focused ? 'is-focused' : '',
    moving ? 'is-moving' : '',
    dropInto === 'ok' ? 'is-drop-target' : '',
    dropInto === 'refused' ? 'is-drop-refused' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={rowDomId(row.id)}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-selected={selected}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-label={`${name}, ${kindLabel}${findings}`}
      className={classes}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT, paddingLeft: ROW_PADDING + row.depth * INDENT }}
      data-row-id={row.id}
      data-testid={`layer-${row.id}`}
      onPointerDown={(event) => props.onPointerDown(event, row.id)}
      onContextMenu={(event) => props.onContextMenu(event, row.id)}
      onDoubleClick={(event) => {
        if ((event.target as HTMLElement).closest('[data-toggle]')) return;
        props.onStartRename(row.id);
      }}
    >
      <span
        className={`stowage-layers__toggle${row.hasChildren ? '' : ' is-empty'}`}
        data-toggle=""
        aria-hidden="true"
        onPointerDown={(event) => {
          // Opening or closing a group is not a press on the row: it selects nothing and starts no drag.
          event.stopPropagation();
          if (event.button === 0 && row.hasChildren) props.onToggle(row.id);
        }}
      >
        {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      {kind ? (
        <img className="stowage-layers__icon" src={iconUrl(iconOf(kind, node.props))} alt="" draggable={false} />
      ) : (
        <span className="stowage-layers__icon stowage-placeholder__mark is-small" aria-hidden="true">
          ?
        </span>
      )}
      {renaming ? (
        <RenameField node={node} onFinish={(label) => props.onFinishRename(row.id, label)} />
      ) : (
        <span className="stowage-layers__name" title={`${kindLabel}: ${name}`}>
          <span className={node.label.trim() ? '' : 'is-placeholder'}>{name}</span>
          {node.label.trim() && <span className="stowage-layers__kind">{kindLabel}</span>}
        </span>
      )}
      {badge && <Badge badge={badge} />}
      {!badge && inside && !row.expanded && (
        <span
          className={`stowage-layers__inside is-${inside.severity}`}
          title={`${inside.count} ${inside.count === 1 ? 'finding' : 'findings'} inside`}
          data-testid={`layer-inside-${row.id}`}
        >
          {inside.count}
        </span>
      )}
    </div>
  );
});

/**
 * Editing a row's name in place: Enter or leaving the field keeps the new name (one undo step,
 * the rename the canvas uses), Escape keeps the old one.
 */
function RenameField({ node, onFinish }: { node: DiagramNode; onFinish: (label: string | null) => void }) {
  const done = useRef(false);
  const finish = (label: string | null) => {
    if (done.current) return;
    done.current = true;
    onFinish(label);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(event.currentTarget.value);
    } else if (event.key === 'Escape') {
      // Escape leaves the name as it was; it does not deselect as well.
      event.preventDefault();
      event.stopPropagation();
      finish(null);
    }
  };
  return (
    <input
      className="stowage-layers__rename"
      aria-label="Rename"
      defaultValue={node.label}
      maxLength={LIMITS.maxLabelLength}
      spellCheck={false}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onPointerDown={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
      onKeyDown={onKeyDown}
      onBlur={(event) => finish(event.currentTarget.value)}
    />
  );
}
