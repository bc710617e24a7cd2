import { APP_CATALOG, type CatalogView } from './catalog-view';
import { formatPath, type DocumentIssue } from './issues';
import { unknownFieldList, type NewerItem } from './newer-content';
import { parseKnown, type UnknownKey } from './parse-known';
import type { DiagramDocument, DiagramEdge, DiagramNode } from './schema';

export interface ValidationContext {
  catalog?: CatalogView;
  /** The file's format is newer than this version's: what does not fit is newer content, not damage. */
  newerFormat?: boolean;
  /** Kinds the file stores at a newer version than this build knows: their nodes may hold what this version cannot read. */
  newerKinds?: ReadonlySet<string>;
}

export interface ValidationResult {
  document: DiagramDocument;
  /** Damage: a file with any of these is refused. */
  issues: DocumentIssue[];
  /** Content a newer version wrote (or a hand edit added) that this version does not know; the document opens read-only. */
  newer: NewerItem[];
  placeholderNodeIds: string[];
  placeholderEdgeIds: string[];
  ignoredNodeIds: string[];
  ignoredEdgeIds: string[];
}

/**
 * Checks a structurally valid document against the catalog and normalizes it: known kinds,
 * props that match the kind's schema (defaults filled in for missing fields), parents that
 * exist and may contain the child, edges whose two kinds the catalog gives a meaning. Nodes
 * come back parents-first, as the canvas needs.
 *
 * What a newer Stowage may have written is told apart from damage. Unknown keys, unknown
 * kinds, and anything that does not fit where the file's format or the kind's version is
 * newer than this build's are reported in `newer` (the node or edge becomes a placeholder, or
 * is left to the parts this version cannot check); missing parents, cycles, duplicate ids and
 * wrong values in kinds this version knows are `issues`.
 */
export function validateDocument(input: DiagramDocument, context: ValidationContext = {}): ValidationResult {
  const catalog = context.catalog ?? APP_CATALOG;
  const newerFormat = context.newerFormat ?? false;
  const newerKinds = context.newerKinds ?? new Set<string>();
  const issues: DocumentIssue[] = [];
  const newer: NewerItem[] = [];
  const nodeIndex = new Map<string, number>();
  const seenIds = new Set<string>();
  const placeholderNodes = new Set<string>();
  const placeholderEdges = new Set<string>();
  const misplacedNodes = new Set<string>();
  const fields = unknownFieldList(newer);
  const unknownFields = (base: PropertyKey[], keys: readonly UnknownKey[], owner: string) => {
    for (const { path, key } of keys) {
      fields.add(
        () => formatPath([...base, ...path, key]),
        () => `${owner}: unknown field "${key}"`,
      );
    }
  };

  const nodes: DiagramNode[] = input.nodes.map((node, index) => {
    const where = (...rest: PropertyKey[]) => formatPath(['nodes', index, ...rest]);
    if (seenIds.has(node.id)) issues.push({ path: where('id'), message: `The id "${node.id}" is used more than once.` });
    seenIds.add(node.id);
    nodeIndex.set(node.id, index);
    const kind = catalog.findKind(node.kind);
    if (!kind) {
      placeholderNodes.add(node.id);
      newer.push({
        type: 'kind',
        path: where('kind'),
        kind: node.kind,
        message: `${describeNode(node)} has the unknown component kind "${node.kind}"`,
      });
      return node;
    }
    const props = parseKnown(kind.props, node.props);
    unknownFields(['nodes', index, 'props'], props.unknownKeys, describeNode(node, kind.label));
    if (!props.success) {
      if (newerFormat || newerKinds.has(node.kind)) {
        placeholderNodes.add(node.id);
        for (const issue of props.issues) {
          newer.push({
            type: 'unreadable',
            path: where('props', ...issue.path),
            message: `${describeNode(node, kind.label)}: this version cannot read the value (${issue.message})`,
          });
        }
        return node;
      }
      for (const issue of props.issues) {
        issues.push({ path: where('props', ...issue.path), message: `${describeNode(node, kind.label)}: ${issue.message}` });
      }
      return node;
    }
    const normalized: DiagramNode = { ...node, props: props.data };
    if (!kind.group) delete normalized.size;
    return normalized;
  });

  for (const [index, node] of nodes.entries()) {
    if (node.parentId === undefined) continue;
    const where = formatPath(['nodes', index, 'parentId']);
    const parentIndex = nodeIndex.get(node.parentId);
    const parent = parentIndex === undefined ? undefined : nodes[parentIndex];
    if (!parent) {
      issues.push({ path: where, message: `${describeNode(node)} is inside "${node.parentId}", which is not in the document.` });
    } else if (parent.id === node.id) {
      issues.push({ path: where, message: `${describeNode(node)} is inside itself.` });
    } else if (placeholderNodes.has(parent.id) || placeholderNodes.has(node.id)) {
      // What a placeholder may hold, or sit in, only the version that wrote it knows.
    } else if (!catalog.canContain(parent.kind, node.kind)) {
      const message = `${describeNode(node, catalog.findKind(node.kind)?.label)} cannot be placed inside ${describeNode(parent, catalog.findKind(parent.kind)?.label)}`;
      if (newerFormat || newerKinds.has(parent.kind) || newerKinds.has(node.kind)) {
        misplacedNodes.add(node.id);
        newer.push({ type: 'unreadable', path: where, message: `${message} in this version` });
      } else issues.push({ path: where, message: `${message}.` });
    }
  }
  // A cycle first: it explains the placement problems along it, and a long list is cut after its first problems.
  const cycles = findParentCycles(nodes);
  if (cycles.length > 0) {
    const others = issues.splice(0);
    for (const issue of [cycles, others].flat()) issues.push(issue);
  }

  const edges: DiagramEdge[] = input.edges.map((edge, index) => {
    const where = (...rest: PropertyKey[]) => formatPath(['edges', index, ...rest]);
    if (seenIds.has(edge.id)) issues.push({ path: where('id'), message: `The id "${edge.id}" is used more than once.` });
    seenIds.add(edge.id);
    const source = lookup(nodes, nodeIndex, edge.source);
    const target = lookup(nodes, nodeIndex, edge.target);
    if (!source)
      issues.push({ path: where('source'), message: `The connection starts at "${edge.source}", which is not in the document.` });
    if (!target) issues.push({ path: where('target'), message: `The connection ends at "${edge.target}", which is not in the document.` });
    if (!source || !target) return edge;
    if (source.id === target.id) {
      issues.push({ path: where(), message: `${describeNode(source)} is connected to itself.` });
      return edge;
    }
    if (placeholderNodes.has(source.id) || placeholderNodes.has(target.id)) {
      // A connection to something this version cannot read is left to the rules' understood part
      // (the node is ignored); it is drawn as unknown unless the two kinds have a known meaning.
      if (!catalog.findConnection(source.kind, target.kind)) placeholderEdges.add(edge.id);
      return edge;
    }
    const sourceKind = catalog.findKind(source.kind)!;
    const targetKind = catalog.findKind(target.kind)!;
    const lenient = newerFormat || newerKinds.has(source.kind) || newerKinds.has(target.kind);
    const connection = catalog.findConnection(source.kind, target.kind);
    if (!connection) {
      const message = `A connection from ${describeNode(source, sourceKind.label)} to ${describeNode(target, targetKind.label)} has no meaning`;
      if (lenient) {
        placeholderEdges.add(edge.id);
        newer.push({ type: 'unreadable', path: where(), message: `${message} in this version` });
      } else issues.push({ path: where(), message: `${message} in Stowage.` });
      return edge;
    }
    const owner = `The "${connection.definition.label}" connection from ${describeNode(source)} to ${describeNode(target)}`;
    const schema = connection.definition.props;
    if (!schema) {
      unknownFields(
        ['edges', index, 'props'],
        Object.keys(edge.props).map((key) => ({ path: [], key })),
        owner,
      );
      return { ...edge, props: {} };
    }
    const props = parseKnown(schema, edge.props);
    unknownFields(['edges', index, 'props'], props.unknownKeys, owner);
    if (!props.success) {
      if (lenient) {
        placeholderEdges.add(edge.id);
        for (const issue of props.issues) {
          newer.push({
            type: 'unreadable',
            path: where('props', ...issue.path),
            message: `${owner}: this version cannot read the value (${issue.message})`,
          });
        }
      } else for (const issue of props.issues) issues.push({ path: where('props', ...issue.path), message: issue.message });
      return edge;
    }
    return { ...edge, props: props.data };
  });

  fields.finish();
  const ordered = issues.length === 0 ? parentsFirst(nodes) : nodes;
  const ignoredNodes = withDescendants(ordered, new Set([...placeholderNodes, ...misplacedNodes]));
  const ignoredEdges = edges
    .filter((edge) => placeholderEdges.has(edge.id) || ignoredNodes.has(edge.source) || ignoredNodes.has(edge.target))
    .map((edge) => edge.id);
  return {
    document: { ...input, nodes: ordered, edges },
    issues,
    newer,
    placeholderNodeIds: [...placeholderNodes],
    placeholderEdgeIds: [...placeholderEdges],
    ignoredNodeIds: ordered.filter((node) => ignoredNodes.has(node.id)).map((node) => node.id),
    ignoredEdgeIds: ignoredEdges,
  };
}

/** `roots` and every node nested inside one of them. Nodes come parents first, so one pass suffices. */
function withDescendants(nodes: readonly DiagramNode[], roots: ReadonlySet<string>): Set<string> {
  const out = new Set(roots);
  if (out.size === 0) return out;
  for (const node of nodes) if (node.parentId !== undefined && out.has(node.parentId)) out.add(node.id);
  return out;
}

function lookup(nodes: readonly DiagramNode[], index: ReadonlyMap<string, number>, id: string): DiagramNode | undefined {
  const position = index.get(id);
  return position === undefined ? undefined : nodes[position];
}

export function describeNode(node: DiagramNode, kindLabel?: string): string {
  const label = node.label.trim() ? `"${node.label}"` : `"${node.id}"`;
  return kindLabel ? `${kindLabel} ${label}` : label;
}

function findParentCycles(nodes: readonly DiagramNode[]): DocumentIssue[] {
  const parentOf = new Map(nodes.map((node) => [node.id, node.parentId]));
  const indexOf = new Map(nodes.map((node, index) => [node.id, index]));
  const settled = new Set<string>();
  const issues: DocumentIssue[] = [];
  for (const node of nodes) {
    // Linear overall: every node joins `settled` once, so later walks stop at the first settled ancestor.
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | undefined = node.id;
    while (current !== undefined && !settled.has(current)) {
      if (onPath.has(current)) {
        const index = indexOf.get(current) ?? 0;
        issues.push({
          path: formatPath(['nodes', index, 'parentId']),
          message: `${describeNode(nodes[index] ?? node)} is nested inside itself through its parents.`,
        });
        break;
      }
      path.push(current);
      onPath.add(current);
      current = parentOf.get(current);
    }
    for (const id of path) settled.add(id);
  }
  return issues;
}

/** Stable order in which every parent comes before its children; otherwise the original order. */
export function parentsFirst(nodes: readonly DiagramNode[]): DiagramNode[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const placed = new Set<string>();
  const out: DiagramNode[] = [];
  for (const node of nodes) {
    // Walk up to the first unplaced ancestor chain, then place it top-down (iterative: deep chains must not overflow the stack).
    const chain: DiagramNode[] = [];
    const onChain = new Set<string>();
    let current: DiagramNode | undefined = node;
    while (current && !placed.has(current.id) && !onChain.has(current.id)) {
      chain.push(current);
      onChain.add(current.id);
      current = current.parentId === undefined ? undefined : byId.get(current.parentId);
    }
    for (let index = chain.length - 1; index >= 0; index--) {
      const item = chain[index]!;
      placed.add(item.id);
      out.push(item);
    }
  }
  return out;
}
