import type { z } from 'zod';
import { canContain, defaultProps, findConnection, findKind, getKind } from '../catalog';
import { DocumentIndex, GROUP_PADDING, nodeSize, nodesBounds } from './geometry';
import type { IdFactory } from './ids';
import {
  CURRENT_SCHEMA_VERSION,
  type DiagramDocument,
  type DiagramEdge,
  type DiagramNode,
  type HandleSide,
  type Point,
  type Size,
} from './schema';
import { parentsFirst } from './validate';
import { childrenAfterParents } from './z-order';

/**
 * Pure edits of a document. Each returns a new document and leaves unchanged nodes and
 * edges as the same objects, so the canvas re-renders only what changed and undo can keep
 * whole document versions cheaply.
 */

export function createDocument(title = 'Untitled diagram'): DiagramDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, metadata: { title, description: '' }, nodes: [], edges: [] };
}

export interface NewNodeOptions {
  id: string;
  position: Point;
  parentId?: string;
  label?: string;
  props?: Record<string, unknown>;
  size?: Size;
}

/** A node of `kindId` with the catalog's defaults: default label, props, and size for groups. */
export function createNode(kindId: string, options: NewNodeOptions): DiagramNode {
  const kind = getKind(kindId);
  const node: DiagramNode = {
    id: options.id,
    kind: kind.id,
    label: options.label ?? kind.defaultLabel,
    position: roundPoint(options.position),
    props: options.props ? kind.props.parse(options.props) : defaultProps(kind),
  };
  if (options.parentId !== undefined) node.parentId = options.parentId;
  if (kind.group) node.size = options.size ?? { ...kind.size };
  return node;
}

/**
 * A node of `kindId` for placing inside `parentId` (or on the canvas) of `document`, with the
 * catalog's defaults adjusted to its future siblings (see KindDefinition.initialFor).
 */
export function createNodeIn(document: DiagramDocument, kindId: string, options: NewNodeOptions): DiagramNode {
  const kind = getKind(kindId);
  const siblings = document.nodes.filter((node) => node.parentId === options.parentId);
  const initial = kind.initialFor?.(siblings) ?? {};
  return createNode(kindId, {
    ...options,
    ...(options.label === undefined && initial.label !== undefined ? { label: initial.label } : {}),
    ...(initial.props ? { props: { ...initial.props, ...options.props } } : {}),
  });
}

export function allIds(document: DiagramDocument): Set<string> {
  const ids = new Set<string>();
  for (const node of document.nodes) ids.add(node.id);
  for (const edge of document.edges) ids.add(edge.id);
  return ids;
}

export function addNodes(document: DiagramDocument, nodes: readonly DiagramNode[]): DiagramDocument {
  if (nodes.length === 0) return document;
  return growGroupsToFit(
    { ...document, nodes: parentsFirst([...document.nodes, ...nodes]) },
    nodes.map((node) => node.id),
  );
}

export function addEdges(document: DiagramDocument, edges: readonly DiagramEdge[]): DiagramDocument {
  if (edges.length === 0) return document;
  return { ...document, edges: [...document.edges, ...edges] };
}

export interface NodePatch {
  label?: string;
  props?: Record<string, unknown>;
  position?: Point;
  size?: Size;
}

export function updateNode(document: DiagramDocument, id: string, patch: NodePatch): DiagramDocument {
  let changed = false;
  const nodes = document.nodes.map((node) => {
    if (node.id !== id) return node;
    changed = true;
    const next: DiagramNode = { ...node };
    if (patch.label !== undefined) next.label = patch.label;
    if (patch.props !== undefined) next.props = patch.props;
    if (patch.position !== undefined) next.position = roundPoint(patch.position);
    if (patch.size !== undefined && findKind(node.kind)?.group) next.size = roundSize(patch.size);
    return next;
  });
  if (!changed) return document;
  const next = { ...document, nodes };
  return patch.size !== undefined || patch.position !== undefined ? growGroupsToFit(next, [id]) : next;
}

/**
 * Turns a node into another kind in place (a Classic Load Balancer into an Application Load
 * Balancer), keeping its id, place, connections and every property the new kind shares.
 * Connections the new kind cannot make are removed; the others keep the edge properties
 * that still fit. A label still at the old kind's default takes the new default. Refuses
 * (returns the document unchanged) when the new kind may not sit where the node is.
 */
export function replaceNodeKind(document: DiagramDocument, id: string, kindId: string): DiagramDocument {
  const node = document.nodes.find((candidate) => candidate.id === id);
  const newKind = findKind(kindId);
  const oldKind = node ? findKind(node.kind) : undefined;
  if (!node || !newKind || !oldKind || node.kind === kindId) return document;
  const parent = node.parentId === undefined ? undefined : document.nodes.find((candidate) => candidate.id === node.parentId);
  if (!canContain(parent?.kind, kindId)) return document;
  const children = document.nodes.filter((candidate) => candidate.parentId === id);
  if (children.some((child) => !canContain(kindId, child.kind))) return document;
  const replaced: DiagramNode = {
    ...node,
    kind: kindId,
    label: node.label === oldKind.defaultLabel ? newKind.defaultLabel : node.label,
    props: keepValid(newKind.props, node.props),
  };
  if (newKind.group) replaced.size = node.size ?? { ...newKind.size };
  else delete replaced.size;
  const kindOf = new Map(document.nodes.map((candidate) => [candidate.id, candidate.id === id ? kindId : candidate.kind]));
  const edges: DiagramEdge[] = [];
  for (const edge of document.edges) {
    if (edge.source !== id && edge.target !== id) {
      edges.push(edge);
      continue;
    }
    const connection = findConnection(kindOf.get(edge.source) ?? '', kindOf.get(edge.target) ?? '');
    if (!connection) continue;
    const schema = connection.definition.props;
    edges.push({ ...edge, props: schema ? keepValid(schema, edge.props) : {} });
  }
  return { ...document, nodes: document.nodes.map((candidate) => (candidate.id === id ? replaced : candidate)), edges };
}

/** The schema's defaults, overridden by every property of `props` that is valid for it. */
function keepValid(schema: z.ZodObject, props: Record<string, unknown>): Record<string, unknown> {
  const result = { ...schema.parse({}) };
  for (const [key, value] of Object.entries(props)) {
    const field = Object.hasOwn(schema.shape, key) ? (schema.shape[key] as z.ZodType) : undefined;
    if (field?.safeParse(value).success) result[key] = value;
  }
  return schema.parse(result);
}

export function updateEdge(document: DiagramDocument, id: string, props: Record<string, unknown>): DiagramDocument {
  return { ...document, edges: document.edges.map((edge) => (edge.id === id ? { ...edge, props } : edge)) };
}

export function updateMetadata(document: DiagramDocument, metadata: Partial<DiagramDocument['metadata']>): DiagramDocument {
  return { ...document, metadata: { ...document.metadata, ...metadata } };
}

/** Moves nodes to new positions (relative to their current parents), then grows their groups to fit. */
export function moveNodes(document: DiagramDocument, moves: ReadonlyMap<string, Point>): DiagramDocument {
  if (moves.size === 0) return document;
  let changed = false;
  const nodes = document.nodes.map((node) => {
    const requested = moves.get(node.id);
    if (!requested) return node;
    const position = roundPoint(requested);
    if (position.x === node.position.x && position.y === node.position.y) return node;
    changed = true;
    return { ...node, position };
  });
  return changed ? growGroupsToFit({ ...document, nodes }, [...moves.keys()]) : document;
}

/**
 * Puts node `id` inside `parentId` (or on the canvas when undefined) at the absolute
 * position `absolute`. Refuses (returns the document unchanged) when the catalog does not
 * allow the nesting or the move would put a group inside its own descendant.
 */
export function reparentNode(document: DiagramDocument, id: string, parentId: string | undefined, absolute: Point): DiagramDocument {
  const index = new DocumentIndex(document);
  const node = index.node(id);
  if (!node) return document;
  const parent = parentId === undefined ? undefined : index.node(parentId);
  if (parentId !== undefined && !parent) return document;
  if (parent && (parent.id === id || index.ancestors(parent.id).some((ancestor) => ancestor.id === id))) return document;
  if (!canContain(parent?.kind, node.kind)) return document;
  const origin = parent ? index.absolutePosition(parent.id) : { x: 0, y: 0 };
  const position = roundPoint({ x: absolute.x - origin.x, y: absolute.y - origin.y });
  const nodes = document.nodes.map((candidate) => {
    if (candidate.id !== id) return candidate;
    const next: DiagramNode = { ...candidate, position };
    if (parentId === undefined) delete next.parentId;
    else next.parentId = parentId;
    return next;
  });
  // Only the moved node shifts in the array: its new parent keeps its place among its own siblings.
  return growGroupsToFit({ ...document, nodes: childrenAfterParents(nodes) }, [id]);
}

/** Removes nodes (with everything nested inside them) and edges, plus edges left without an end. */
export function deleteElements(document: DiagramDocument, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): DiagramDocument {
  const index = new DocumentIndex(document);
  const removedNodes = new Set<string>();
  for (const id of nodeIds) {
    if (!index.node(id)) continue;
    removedNodes.add(id);
    for (const descendant of index.descendants(id)) removedNodes.add(descendant.id);
  }
  const removedEdges = new Set(edgeIds);
  const filteredNodes = document.nodes.filter((node) => !removedNodes.has(node.id));
  const filteredEdges = document.edges.filter(
    (edge) => !removedEdges.has(edge.id) && !removedNodes.has(edge.source) && !removedNodes.has(edge.target),
  );
  // Unchanged lists stay the same arrays, so views that select only nodes or only edges do not re-render.
  const nodes = filteredNodes.length === document.nodes.length ? document.nodes : filteredNodes;
  const edges = filteredEdges.length === document.edges.length ? document.edges : filteredEdges;
  if (nodes === document.nodes && edges === document.edges) return document;
  return { ...document, nodes, edges };
}

export interface EdgeEnds {
  source: string;
  target: string;
  sourceHandle?: HandleSide;
  targetHandle?: HandleSide;
}

export function createEdge(id: string, ends: EdgeEnds, props: Record<string, unknown>): DiagramEdge {
  const edge: DiagramEdge = { id, source: ends.source, target: ends.target, props };
  if (ends.sourceHandle) edge.sourceHandle = ends.sourceHandle;
  if (ends.targetHandle) edge.targetHandle = ends.targetHandle;
  return edge;
}

/** A self-contained piece of a document: what copy puts on the clipboard and paste or duplicate inserts. */
export interface Fragment {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/**
 * The selected nodes with everything nested inside them, and the edges among them.
 * Nodes whose parent is not part of the fragment become top-level, at their absolute position.
 */
export function extractFragment(document: DiagramDocument, nodeIds: Iterable<string>): Fragment {
  const index = new DocumentIndex(document);
  const included = new Set<string>();
  for (const id of nodeIds) {
    if (!index.node(id)) continue;
    included.add(id);
    for (const descendant of index.descendants(id)) included.add(descendant.id);
  }
  const nodes = document.nodes
    .filter((node) => included.has(node.id))
    .map((node) => {
      if (node.parentId !== undefined && included.has(node.parentId)) return node;
      const copy: DiagramNode = { ...node, position: index.absolutePosition(node.id) };
      delete copy.parentId;
      return copy;
    });
  const edges = document.edges.filter((edge) => included.has(edge.source) && included.has(edge.target));
  return { nodes, edges };
}

/**
 * Copies a fragment into the document with fresh ids: its top-level nodes (at absolute
 * positions in the fragment) shifted by `offset` and put inside `parentId` (the canvas when
 * undefined), keeping the fragment's inner nesting. Nothing is re-parented by where it lands:
 * the caller decides the parent. Returns the new document and the ids of the inserted
 * top-level nodes (to select them).
 */
export function insertFragment(
  document: DiagramDocument,
  fragment: Fragment,
  newId: IdFactory,
  offset: Point,
  parentId?: string,
): { document: DiagramDocument; insertedNodeIds: string[] } {
  const taken = allIds(document);
  const idMap = new Map<string, string>();
  for (const node of fragment.nodes) {
    const id = newId('n', taken);
    taken.add(id);
    idMap.set(node.id, id);
  }
  const parent = parentId === undefined ? undefined : document.nodes.find((node) => node.id === parentId);
  const origin = parent ? new DocumentIndex(document).absolutePosition(parent.id) : { x: 0, y: 0 };
  const fragmentIds = new Set(fragment.nodes.map((node) => node.id));
  const nodes = fragment.nodes.map((node) => {
    const copy: DiagramNode = { ...node, id: idMap.get(node.id)!, props: structuredCloneJson(node.props) };
    if (node.parentId !== undefined && fragmentIds.has(node.parentId)) copy.parentId = idMap.get(node.parentId)!;
    else {
      if (parent) copy.parentId = parent.id;
      else delete copy.parentId;
      copy.position = roundPoint({ x: node.position.x + offset.x - origin.x, y: node.position.y + offset.y - origin.y });
    }
    return copy;
  });
  const edges = fragment.edges.map((edge) => {
    const id = newId('e', taken);
    taken.add(id);
    return { ...edge, id, source: idMap.get(edge.source)!, target: idMap.get(edge.target)!, props: structuredCloneJson(edge.props) };
  });
  const topLevel = fragment.nodes.filter((node) => node.parentId === undefined || !fragmentIds.has(node.parentId));
  return { document: addEdges(addNodes(document, nodes), edges), insertedNodeIds: topLevel.map((node) => idMap.get(node.id)!) };
}

/**
 * Grows the groups that hold `changedIds` (and their ancestors) until every child fits inside
 * with padding. Groups never shrink here; shrinking is the user's choice when resizing.
 * Children above or left of the padding push the group's origin out and are shifted back.
 */
export function growGroupsToFit(document: DiagramDocument, changedIds: Iterable<string>): DiagramDocument {
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  const index = new DocumentIndex(document);
  // Pending groups by depth. Fitting goes from the deepest level outwards, so a group is fitted
  // only after every pending group inside it has grown; a group that grows queues its parent
  // one level up. (A plain queue fitted an outer group too early when the changes sat at
  // different depths, and never revisited it.)
  const pending = new Map<number, Set<string>>();
  let deepest = -1;
  const schedule = (groupId: string) => {
    const depth = index.depth(groupId);
    const level = pending.get(depth);
    if (level) level.add(groupId);
    else pending.set(depth, new Set([groupId]));
    deepest = Math.max(deepest, depth);
  };
  for (const id of changedIds) {
    const node = byId.get(id);
    if (!node) continue;
    if (node.parentId !== undefined) schedule(node.parentId);
    if (findKind(node.kind)?.group) schedule(node.id);
  }
  let current = document;
  for (let depth = deepest; depth >= 0; depth--) {
    for (const groupId of pending.get(depth) ?? []) {
      const result = fitGroup(current, groupId);
      current = result.document;
      const parentId = byId.get(groupId)?.parentId;
      if (result.changed && parentId !== undefined) schedule(parentId);
    }
  }
  return current;
}

function fitGroup(document: DiagramDocument, groupId: string): { document: DiagramDocument; changed: boolean } {
  const group = document.nodes.find((node) => node.id === groupId);
  if (!group || !findKind(group.kind)?.group) return { document, changed: false };
  const children = document.nodes.filter((node) => node.parentId === groupId);
  if (children.length === 0) return { document, changed: false };
  const box = nodesBounds(children)!;
  const [minX, minY, maxX, maxY] = [box.x, box.y, box.x + box.width, box.y + box.height];
  // Whole pixels, rounded outwards: a rounded-down size would leave a child a fraction outside,
  // and the next fit would "change" the group again without end.
  const shiftX = Math.ceil(Math.max(0, GROUP_PADDING.side - minX));
  const shiftY = Math.ceil(Math.max(0, GROUP_PADDING.top - minY));
  const size = nodeSize(group);
  const width = Math.max(size.width + shiftX, Math.ceil(maxX + shiftX + GROUP_PADDING.side));
  const height = Math.max(size.height + shiftY, Math.ceil(maxY + shiftY + GROUP_PADDING.bottom));
  if (shiftX === 0 && shiftY === 0 && width === size.width && height === size.height) return { document, changed: false };
  const nodes = document.nodes.map((node) => {
    if (node.id === groupId) {
      return { ...node, position: roundPoint({ x: node.position.x - shiftX, y: node.position.y - shiftY }), size: { width, height } };
    }
    if (node.parentId === groupId && (shiftX !== 0 || shiftY !== 0)) {
      return { ...node, position: roundPoint({ x: node.position.x + shiftX, y: node.position.y + shiftY }) };
    }
    return node;
  });
  return { document: { ...document, nodes }, changed: true };
}

function roundPoint(point: Point): Point {
  return { x: Math.round(point.x * 100) / 100, y: Math.round(point.y * 100) / 100 };
}

function roundSize(size: Size): Size {
  return { width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) };
}

/** Props are plain JSON (validated on load), so a JSON round trip is a full, prototype-free copy. */
function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
