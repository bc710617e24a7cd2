import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { isGroupKind } from '../catalog';
import { DocumentIndex, GROUP_PADDING, nodeSize, type DiagramDocument, type DiagramNode, type Point, type Size } from '../document';
import { edgeFlows, flowPlace, type FlowPlace } from './flow';

/** What to arrange: the whole diagram, or what is inside one group (the group stays where it is and is resized to fit). */
export type LayoutScope = { readonly kind: 'diagram' } | { readonly kind: 'group'; readonly groupId: string };

/** Where each arranged node goes, relative to its parent as the document stores it; groups with contents get a new size. */
export interface ArrangedLayout {
  readonly scope: LayoutScope;
  readonly nodes: Readonly<Record<string, { readonly position: Point; readonly size?: Size }>>;
}

/** Not a document id (those use letters, digits, "_" and "-"), so it never clashes with one. */
const ROOT_ID = ':root';

const PADDING = `[top=${GROUP_PADDING.top},left=${GROUP_PADDING.side},bottom=${GROUP_PADDING.bottom},right=${GROUP_PADDING.side}]`;

/**
 * ELK's layered algorithm, left to right, laying out every level of nesting in one pass
 * (INCLUDE_CHILDREN) so that edges between groups pull their ends into line across borders.
 * Model order keeps arrangements close to the order the user drew things in.
 */
const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '32',
  'elk.spacing.componentComponent': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
};

const LAYER_CONSTRAINTS: Record<FlowPlace, LayoutOptions> = {
  first: { 'elk.layered.layering.layerConstraint': 'FIRST' },
  last: { 'elk.layered.layering.layerConstraint': 'LAST' },
  free: {},
};

let elk: InstanceType<typeof ELK> | undefined;

/**
 * Lays out the diagram, or one group's contents, with ELK: containment is kept (every node
 * stays in its parent, which grows or shrinks to hold its children with the usual padding),
 * siblings never overlap, and requests flow left to right (users and load balancers, then
 * services, then registries and storage). Pure apart from ELK's own state; runs in Node and in
 * a browser Worker (the bundled build of elkjs needs no worker of its own).
 */
export async function computeLayout(document: DiagramDocument, scope: LayoutScope): Promise<ArrangedLayout> {
  const index = new DocumentIndex(document);
  const scopeGroup = scope.kind === 'group' ? index.node(scope.groupId) : undefined;
  if (scope.kind === 'group' && !scopeGroup) return { scope, nodes: {} };
  const topLevel = index.children(scopeGroup?.id);
  const inScope = new Set<string>();
  const toElk = (node: DiagramNode): ElkNode => {
    inScope.add(node.id);
    const children = index.children(node.id);
    const layoutOptions = LAYER_CONSTRAINTS[flowPlace(node)];
    if (children.length === 0 || !isGroupKind(node.kind)) return { id: node.id, ...nodeSize(node), layoutOptions };
    return { id: node.id, children: children.map(toElk), layoutOptions: { ...layoutOptions, 'elk.padding': PADDING } };
  };
  const root: ElkNode = {
    id: ROOT_ID,
    layoutOptions: { ...ROOT_OPTIONS, 'elk.padding': scopeGroup ? PADDING : '[top=0,left=0,bottom=0,right=0]' },
    children: topLevel.map(toElk),
    edges: flowEdges(document, index, inScope),
  };
  elk ??= new ELK();
  const laidOut = await elk.layout(root);

  const nodes: Record<string, { position: Point; size?: Size }> = {};
  // The whole diagram keeps its top-left corner where it was, so the view does not jump away.
  const before = scopeGroup ? undefined : index.bounds(topLevel.map((node) => node.id));
  const offset = before ? { x: before.x, y: before.y } : { x: 0, y: 0 };
  const visit = (elkNode: ElkNode, shift: Point) => {
    const node = index.node(elkNode.id)!;
    const position = { x: Math.round((elkNode.x ?? 0) + shift.x), y: Math.round((elkNode.y ?? 0) + shift.y) };
    const hasChildren = (elkNode.children?.length ?? 0) > 0;
    nodes[node.id] = hasChildren
      ? { position, size: { width: Math.ceil(elkNode.width ?? 0), height: Math.ceil(elkNode.height ?? 0) } }
      : { position };
    for (const child of elkNode.children ?? []) visit(child, { x: 0, y: 0 });
  };
  for (const child of laidOut.children ?? []) visit(child, offset);
  if (scopeGroup) nodes[scopeGroup.id] = { position: scopeGroup.position, size: fittedSize(scopeGroup, laidOut) };
  return { scope, nodes };
}

/** A group keeps its size when it is empty (ELK would shrink it to its padding). */
function fittedSize(group: DiagramNode, laidOut: ElkNode): Size {
  if ((laidOut.children?.length ?? 0) === 0) return nodeSize(group);
  return { width: Math.ceil(laidOut.width ?? 0), height: Math.ceil(laidOut.height ?? 0) };
}

/**
 * The edges that steer the layout: those whose relation flows (flow.ts) between two nodes in
 * scope, neither inside the other (ELK's layered algorithm cannot route to an ancestor).
 */
function flowEdges(document: DiagramDocument, index: DocumentIndex, inScope: ReadonlySet<string>): ElkExtendedEdge[] {
  const edges: ElkExtendedEdge[] = [];
  for (const edge of document.edges) {
    if (!inScope.has(edge.source) || !inScope.has(edge.target) || edge.source === edge.target) continue;
    const source = index.node(edge.source)!;
    const target = index.node(edge.target)!;
    if (!edgeFlows(edge, source, target)) continue;
    if (index.ancestors(source.id).includes(target) || index.ancestors(target.id).includes(source)) continue;
    edges.push({ id: edge.id, sources: [source.id], targets: [target.id] });
  }
  return edges;
}
