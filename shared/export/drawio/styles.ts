import type { HandleSide } from '../../document';
import { parsePaint } from '../svg/paint';
import { AWS4, type DrawioLook } from './shapes';

/** A draw.io style: `key=value;` pairs, in order. Values here never hold ";" or "=". */
function style(entries: Record<string, string | number>): string {
  return Object.entries(entries)
    .map(([key, value]) => `${key}=${value};`)
    .join('');
}

const TEXT = { html: 1, whiteSpace: 'wrap', fontSize: 12, fontColor: '#232F3E' } as const;
/** Keeps draw.io from resizing or folding containers when their children move, as in Stowage. */
const CONTAINER = { container: 1, collapsible: 0, recursiveResize: 0, pointerEvents: 0 } as const;

/** draw.io colours are "#rrggbb" with a separate opacity in percent. */
function colour(css: string): { color: string; opacity: number } {
  const paint = parsePaint(css);
  return { color: paint.color, opacity: Math.round(paint.opacity * 100) };
}

/** A group: draw.io's AWS group shape in the kind's colours, the title top left (or centred). */
export function groupStyle(look: DrawioLook | undefined, appearance: { color: string; dashed?: boolean; fill?: string }): string {
  const stroke = colour(appearance.color);
  const fill = appearance.fill ? colour(appearance.fill) : undefined;
  const colours = {
    strokeColor: stroke.color,
    fillColor: fill ? fill.color : 'none',
    ...(fill && fill.opacity < 100 ? { fillOpacity: fill.opacity } : {}),
    dashed: appearance.dashed ? 1 : 0,
    fontColor: stroke.color,
    verticalAlign: 'top',
  };
  if (look && 'group' in look) {
    return style({
      ...TEXT,
      ...CONTAINER,
      shape: `${AWS4}.${look.centred ? 'groupCenter' : 'group'}`,
      grIcon: `${AWS4}.${look.group}`,
      ...(look.centred ? { grStroke: 1, align: 'center', spacingTop: 25 } : { align: 'left', spacingLeft: 30 }),
      ...colours,
      fontStyle: 1,
    });
  }
  return style({ ...TEXT, ...CONTAINER, align: 'left', spacingLeft: 8, ...colours, fontStyle: 1 });
}

/** A component's card: a white rounded box holding its label; the icon is a cell of its own inside it (iconStyle). */
export function cardStyle(): string {
  return style({
    ...TEXT,
    // It holds its icon, but is no container to drop things into; nothing to fold either.
    collapsible: 0,
    rounded: 1,
    arcSize: 12,
    fillColor: '#FFFFFF',
    strokeColor: '#D5DBDB',
    align: 'left',
    verticalAlign: 'middle',
    spacingLeft: 52,
    spacingRight: 6,
    overflow: 'hidden',
  });
}

/** A component's AWS icon, in the kind's colour; undefined for a kind this build does not know (its card has no icon). */
export function iconStyle(look: DrawioLook | undefined, appearance: { color: string }): string | undefined {
  if (!look || 'group' in look || 'plainGroup' in look) return undefined;
  const { color } = colour(appearance.color);
  const common = { outlineConnect: 0, aspect: 'fixed', html: 1, dashed: 0, gradientColor: 'none', movable: 0, resizable: 0, deletable: 0 };
  if ('service' in look) {
    return style({
      ...common,
      shape: `${AWS4}.resourceIcon`,
      resIcon: `${AWS4}.${look.service}`,
      fillColor: color,
      strokeColor: '#FFFFFF',
    });
  }
  return style({ ...common, shape: `${AWS4}.${look.resource}`, fillColor: color, strokeColor: 'none', pointerEvents: 1 });
}

/** Where on its end's box an edge leaves or arrives, as draw.io's relative exit and entry points. */
const SIDE_POINT: Record<HandleSide, { x: number; y: number }> = {
  left: { x: 0, y: 0.5 },
  right: { x: 1, y: 0.5 },
  top: { x: 0.5, y: 0 },
  bottom: { x: 0.5, y: 1 },
};

/** An orthogonal connector with an arrowhead, leaving and entering on the sides the canvas uses. */
export function edgeStyle(sourceSide: HandleSide, targetSide: HandleSide): string {
  const exit = SIDE_POINT[sourceSide];
  const entry = SIDE_POINT[targetSide];
  return style({
    edgeStyle: 'orthogonalEdgeStyle',
    rounded: 1,
    html: 1,
    endArrow: 'block',
    endFill: 1,
    strokeColor: '#545B64',
    fontColor: '#545B64',
    fontSize: 11,
    labelBackgroundColor: '#FFFFFF',
    exitX: exit.x,
    exitY: exit.y,
    exitDx: 0,
    exitDy: 0,
    entryX: entry.x,
    entryY: entry.y,
    entryDx: 0,
    entryDy: 0,
  });
}
