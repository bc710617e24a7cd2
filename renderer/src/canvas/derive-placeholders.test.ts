import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/document';
import { FlowDeriver, type DeriveInputs } from './derive';

/** What a newer Stowage wrote and this version cannot read is drawn as marked placeholders. */

const loaded = loadDocument(
  JSON.stringify({
    schemaVersion: 1,
    metadata: { title: '', description: '' },
    nodes: [
      { id: 'users', kind: 'internet', label: 'Users', position: { x: 0, y: 0 }, props: {} },
      { id: 'runner', kind: 'apprunner-service', label: 'api', position: { x: 400, y: 0 }, size: { width: 300, height: 200 }, props: {} },
      { id: 'job', kind: 'batch-job', label: 'nightly', parentId: 'runner', position: { x: 20, y: 40 }, props: {} },
    ],
    edges: [{ id: 'e', source: 'users', target: 'runner', props: {} }],
  }),
);
if (!loaded.ok || !loaded.newer) throw new Error('expected a read-only load');
const newer = loaded.newer;

function inputs(placeholders: ReadonlySet<string>): DeriveInputs {
  return {
    document: loaded.ok ? loaded.document : (undefined as never),
    selectedNodeIds: new Set(),
    selectedEdgeIds: new Set(),
    dropTargetId: null,
    nodeBadges: new Map(),
    edgeBadges: new Map(),
    placeholders,
  };
}

describe('FlowDeriver with placeholders', () => {
  const placeholders = new Set([...newer.placeholderNodeIds, ...newer.placeholderEdgeIds]);

  it('draws unknown kinds as placeholder groups (when they have a size) or cards, and known kinds as usual', () => {
    const nodes = new FlowDeriver().nodes(inputs(placeholders));
    expect(Object.fromEntries(nodes.map((node) => [node.id, node.type]))).toEqual({
      users: 'component',
      runner: 'placeholderGroup',
      job: 'placeholder',
    });
    const runner = nodes.find((node) => node.id === 'runner')!;
    const job = nodes.find((node) => node.id === 'job')!;
    expect(runner).toMatchObject({ width: 300, height: 200 });
    expect(job.parentId).toBe('runner');
    // A placeholder group stacks like any group: below what it holds.
    expect(runner.zIndex!).toBeLessThan(job.zIndex!);
  });

  it('marks connections this version does not know', () => {
    const [edge] = new FlowDeriver().edges(inputs(placeholders));
    expect(edge!.data).toMatchObject({ placeholder: true, label: 'unknown connection' });
  });

  it('derives again when a node stops being a placeholder', () => {
    const deriver = new FlowDeriver();
    const first = deriver.nodes(inputs(placeholders));
    expect(deriver.nodes(inputs(placeholders))[1]).toBe(first[1]);
    expect(deriver.nodes(inputs(new Set()))[1]).not.toBe(first[1]);
  });
});
