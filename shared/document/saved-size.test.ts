import { describe, expect, it } from 'vitest';
import { largeDocument } from './large-documents.test-support';
import { LIMITS } from './limits';
import { loadDocument } from './load';
import { createDocument, updateNode } from './operations';
import { everyKindDocument, nestedDocument } from './sample-documents.test-support';
import { savedByteLength, savedSizeProblem } from './saved-size';
import { serializeDocument } from './serialize';

const bytesOf = (text: string) => new TextEncoder().encode(text).length;

describe('savedByteLength', () => {
  const documents = {
    empty: createDocument(''),
    'every kind and connection': everyKindDocument(),
    nested: nestedDocument(),
    'multi-byte, astral and escaped labels': {
      ...nestedDocument(),
      metadata: { title: 'Ünïcødé 🚀', description: 'line\nbreak\t"quoted" \\ \u0001' },
      nodes: nestedDocument().nodes.map((node, index) => ({ ...node, label: ['日本語', '🚀🚀', '\u0000\u001f', '"\\', 'é'][index % 5]! })),
    },
  };

  for (const [name, document] of Object.entries(documents)) {
    it(`is the UTF-8 size of serializeDocument's text: ${name}`, () => {
      expect(savedByteLength(document)).toBe(bytesOf(serializeDocument(document)));
    });
  }

  it('stays exact after an edit, when only the changed node is measured again', () => {
    const document = nestedDocument();
    savedByteLength(document);
    const edited = updateNode(document, 'web', { label: 'a much longer label than before ✓' });
    expect(savedByteLength(edited)).toBe(bytesOf(serializeDocument(edited)));
  });
});

describe('savedSizeProblem', () => {
  it('accepts a document at the documented counts with short labels', () => {
    expect(savedSizeProblem(largeDocument({ nodes: LIMITS.maxNodes, edges: LIMITS.maxEdges }))).toBeNull();
  });

  it('refuses more nodes or edges than a file may hold', () => {
    expect(savedSizeProblem(largeDocument({ nodes: LIMITS.maxNodes + 1, edges: 0 }))).toMatch(
      /20,001 components and groups.*at most 20,000/,
    );
    expect(savedSizeProblem(largeDocument({ nodes: 10, edges: LIMITS.maxEdges + 1 }))).toMatch(/40,001 connections.*at most 40,000/);
  });

  it('refuses a document whose saved text is over the byte limit, naming both sizes', () => {
    const big = largeDocument({ nodes: 20_000, edges: 0, label: () => '\u0001'.repeat(LIMITS.maxLabelLength) });
    expect(savedSizeProblem(big)).toMatch(/^Saved, it would take 2\d\.\d\d MB; a Stowage file holds at most 20 MB\.$/);
  });
});

describe('the loader and the saved size', () => {
  it(
    'refuses a compact file that Stowage could not save within the limit, so it never holds one it cannot reopen',
    { timeout: 60_000 },
    () => {
      // The documented counts, long labels, chosen service settings and named edge sides, written compactly with only
      // the chosen props: about 17 MB, and about 22 MB as Stowage writes it (one key a line, indented).
      const chosen = {
        desiredCount: 3,
        deploymentController: 'CODE_DEPLOY',
        minimumHealthyPercent: 50,
        maximumPercent: 150,
        cpu: 1024,
        memory: 4096,
      };
      const big = largeDocument({
        nodes: LIMITS.maxNodes,
        edges: LIMITS.maxEdges,
        handles: true,
        serviceProps: chosen,
        label: () => '日'.repeat(150),
      });
      const compact = JSON.stringify({
        ...big,
        nodes: big.nodes.map((node) => ({ ...node, props: node.kind === 'ecs-service' ? chosen : {} })),
      });
      expect(bytesOf(compact)).toBeLessThan(LIMITS.maxFileBytes);
      const loaded = loadDocument(compact);
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.error.code).toBe('too-large');
      expect(loaded.error.message).toMatch(/Saved, it would take 2\d\.\d\d MB/);
    },
  );

  it('opens what it saves at the documented counts', () => {
    const document = largeDocument({ nodes: LIMITS.maxNodes, edges: LIMITS.maxEdges });
    const loaded = loadDocument(serializeDocument(document));
    expect(loaded.ok && loaded.document.nodes.length).toBe(LIMITS.maxNodes);
  }, 60_000);
});
