import { loadDocument } from './load';
import type { Fragment } from './operations';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { serializeDocument } from './serialize';

/**
 * Clipboard format: a small Stowage document marked as a fragment, so a copied selection can be
 * pasted into another window or another Stowage file, and pasted text goes through the same
 * loader (and its checks) as any opened file.
 */
const FRAGMENT_TITLE = '\u0000stowage-clipboard-fragment';

export function serializeFragment(fragment: Fragment): string {
  return serializeDocument({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    metadata: { title: FRAGMENT_TITLE, description: '' },
    nodes: fragment.nodes,
    edges: fragment.edges,
  });
}

/**
 * The fragment in clipboard text, or undefined when the text is not a Stowage fragment or
 * document. Content from a newer Stowage (unknown kinds or fields) is not pasted: this
 * version could only paste it without what it does not know.
 */
export function parseFragment(text: string): Fragment | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  const result = loadDocument(text);
  if (!result.ok || result.newer) return undefined;
  return { nodes: result.document.nodes, edges: result.document.edges };
}
