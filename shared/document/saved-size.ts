import { APP_CATALOG, type CatalogView } from './catalog-view';
import { utf8ByteLength } from './json-guard';
import { LIMITS } from './limits';
import type { DiagramDocument, DiagramEdge, DiagramNode } from './schema';
import { orderEdge, orderNode, usedKindVersions } from './serialize';

/**
 * How large a document is when Stowage saves it, measured as the loader measures a file: the
 * UTF-8 bytes of serializeDocument's text, and the node and edge counts. The app asks before
 * every edit, save and draft, and the loader after reading, so whatever the app holds can be
 * saved and opened again (a compact 8 MB file may take 30 MB once saved with one key a line).
 *
 * Measured, not estimated, and cheap to ask again: each node and edge is serialized once and
 * its size remembered for that (immutable) object, so after an edit only what changed is measured.
 */
export function savedByteLength(document: DiagramDocument, catalog: CatalogView = APP_CATALOG): number {
  const kindVersions = usedKindVersions(document, catalog);
  const skeleton = JSON.stringify(
    {
      schemaVersion: document.schemaVersion,
      ...(kindVersions ? { kindVersions } : {}),
      metadata: { title: document.metadata.title, description: document.metadata.description },
      nodes: [],
      edges: [],
    },
    null,
    2,
  );
  let bytes = utf8ByteLength(skeleton) + 1; // the final newline
  const sizes = cacheFor(catalog);
  if (document.nodes.length > 0) {
    bytes += arrayBytes(
      document.nodes.reduce((sum, node) => sum + nodeBytes(node, catalog, sizes), 0),
      document.nodes.length,
    );
  }
  if (document.edges.length > 0) {
    const kindOf = new Map(document.nodes.map((node) => [node.id, node.kind]));
    const total = document.edges.reduce((sum, edge) => sum + edgeBytes(edge, kindOf, catalog, sizes), 0);
    bytes += arrayBytes(total, document.edges.length);
  }
  return bytes;
}

/** Why the document, saved, would exceed what Stowage opens; null when it fits. */
export function savedSizeProblem(document: DiagramDocument, catalog: CatalogView = APP_CATALOG): string | null {
  if (document.nodes.length > LIMITS.maxNodes) {
    return `It would hold ${count(document.nodes.length)} components and groups; a Stowage diagram holds at most ${count(LIMITS.maxNodes)}.`;
  }
  if (document.edges.length > LIMITS.maxEdges) {
    return `It would hold ${count(document.edges.length)} connections; a Stowage diagram holds at most ${count(LIMITS.maxEdges)}.`;
  }
  const bytes = savedByteLength(document, catalog);
  if (bytes > LIMITS.maxFileBytes) return savedBytesProblem(bytes);
  return null;
}

/** The message for a saved text of `bytes` UTF-8 bytes over the file limit. */
export function savedBytesProblem(bytes: number): string {
  // Two decimals, so a size just over the limit does not read as the limit itself.
  return `Saved, it would take ${(bytes / MEGABYTE).toFixed(2)} MB; a Stowage file holds at most ${LIMITS.maxFileBytes / MEGABYTE} MB.`;
}

const MEGABYTE = 1024 * 1024;

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * An array of items at the document's second level, as JSON.stringify(…, null, 2) writes it:
 * "[\n", each item indented by 4 more spaces on every line, ",\n" between items, "\n  ]".
 * The skeleton counted "[]" for it already.
 */
function arrayBytes(itemBytes: number, items: number): number {
  return itemBytes + 2 * items + 4 - 2;
}

interface Sizes {
  nodes: WeakMap<DiagramNode, number>;
  edges: WeakMap<DiagramEdge, { kinds: string; bytes: number }>;
}

const caches = new WeakMap<CatalogView, Sizes>();

function cacheFor(catalog: CatalogView): Sizes {
  let sizes = caches.get(catalog);
  if (!sizes) {
    sizes = { nodes: new WeakMap(), edges: new WeakMap() };
    caches.set(catalog, sizes);
  }
  return sizes;
}

/** An item's bytes inside the array: its own text, with 4 spaces before each of its lines. */
function indentedBytes(value: unknown): number {
  const text = JSON.stringify(value, null, 2);
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return utf8ByteLength(text) + 4 * lines;
}

function nodeBytes(node: DiagramNode, catalog: CatalogView, sizes: Sizes): number {
  let bytes = sizes.nodes.get(node);
  if (bytes === undefined) {
    bytes = indentedBytes(orderNode(node, catalog.findKind(node.kind)));
    sizes.nodes.set(node, bytes);
  }
  return bytes;
}

/** An edge is written with its connection's defaults left out, so its size depends on the kinds at its ends too. */
function edgeBytes(edge: DiagramEdge, kindOf: Map<string, string>, catalog: CatalogView, sizes: Sizes): number {
  const source = kindOf.get(edge.source);
  const target = kindOf.get(edge.target);
  const kinds = `${source ?? ''}\u0000${target ?? ''}`;
  const cached = sizes.edges.get(edge);
  if (cached?.kinds === kinds) return cached.bytes;
  const connection = source !== undefined && target !== undefined ? catalog.findConnection(source, target) : undefined;
  const bytes = indentedBytes(orderEdge(edge, connection?.definition.props));
  sizes.edges.set(edge, { kinds, bytes });
  return bytes;
}
