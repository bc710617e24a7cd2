import type { KindDefinition, PropsSchema } from '../catalog';
import { APP_CATALOG, type CatalogView } from './catalog-view';
import { kindVersion } from './kind-migrations';
import type { DiagramDocument, DiagramEdge, DiagramNode, KindVersions } from './schema';

/**
 * Writes a document as pretty-printed JSON with a fixed key order (document, node and
 * edge keys in the order below; property keys sorted), so the same diagram always gives
 * the same bytes and a change shows up in git as a small diff.
 *
 * Properties equal to their default are left out (the loader fills them in), so adding a
 * field with a default to a kind changes no saved file, and a diff shows only what someone
 * chose. The version of each kind the document uses is recorded where it is not 1.
 */
export function serializeDocument(document: DiagramDocument, catalog: CatalogView = APP_CATALOG): string {
  const kindOf = new Map(document.nodes.map((node) => [node.id, node.kind]));
  const kindVersions = usedKindVersions(document, catalog);
  const ordered = {
    schemaVersion: document.schemaVersion,
    ...(kindVersions ? { kindVersions } : {}),
    metadata: { title: document.metadata.title, description: document.metadata.description },
    nodes: document.nodes.map((node) => orderNode(node, catalog.findKind(node.kind))),
    edges: document.edges.map((edge) => {
      const source = kindOf.get(edge.source);
      const target = kindOf.get(edge.target);
      const connection = source !== undefined && target !== undefined ? catalog.findConnection(source, target) : undefined;
      return orderEdge(edge, connection?.definition.props);
    }),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function usedKindVersions(document: DiagramDocument, catalog: CatalogView): KindVersions | undefined {
  const versions: KindVersions = {};
  for (const kindId of [...new Set(document.nodes.map((node) => node.kind))].sort()) {
    const kind = catalog.findKind(kindId);
    const version = kind ? kindVersion(kind) : 1;
    if (version !== 1) versions[kindId] = version;
  }
  return Object.keys(versions).length > 0 ? versions : undefined;
}

export function orderNode(node: DiagramNode, kind: KindDefinition | undefined): Record<string, unknown> {
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    ...(node.parentId === undefined ? {} : { parentId: node.parentId }),
    position: { x: node.position.x, y: node.position.y },
    ...(node.size === undefined ? {} : { size: { width: node.size.width, height: node.size.height } }),
    props: sortKeys(kind ? withoutDefaults(node.props, kind.props) : node.props),
  };
}

export function orderEdge(edge: DiagramEdge, schema: PropsSchema | undefined): Record<string, unknown> {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    ...(edge.sourceHandle === undefined ? {} : { sourceHandle: edge.sourceHandle }),
    ...(edge.targetHandle === undefined ? {} : { targetHandle: edge.targetHandle }),
    props: sortKeys(schema ? withoutDefaults(edge.props, schema) : edge.props),
  };
}

const defaultsCache = new WeakMap<PropsSchema, Record<string, string>>();

/** Each field's default, as canonical JSON text for comparing. */
function defaultsOf(schema: PropsSchema): Record<string, string> {
  let defaults = defaultsCache.get(schema);
  if (!defaults) {
    const parsed = schema.safeParse({});
    defaults = {};
    if (parsed.success) {
      for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) defaults[key] = canonical(value);
    }
    defaultsCache.set(schema, defaults);
  }
  return defaults;
}

function withoutDefaults(props: Record<string, unknown>, schema: PropsSchema): Record<string, unknown> {
  const defaults = defaultsOf(schema);
  return Object.fromEntries(
    Object.entries(props).filter(
      ([key, value]) => value !== undefined && !(Object.hasOwn(defaults, key) && defaults[key] === canonical(value)),
    ),
  );
}

function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines properties rather than assigning them, so no key can reach a prototype.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
