import { describe, expect, it } from 'vitest';
import { isNodeOfKind, type NodeOfKind } from '../../catalog';
import { replaceNodeKind } from '../../document/operations';
import { diagram } from '../test-support/diagram-builder.test-support';
import { setEdgeProps, setNamedFields, setNodeProps } from './fixes';

function serviceDocument() {
  const d = diagram();
  const alb = d.add('alb', { id: 'lb' });
  const web = d.add('ecs-service', { id: 'web' });
  const edge = d.connect(alb, web);
  const document = d.build();
  const node = (id: string) => document.nodes.find((candidate) => candidate.id === id)!;
  return { document, web: node(web) as NodeOfKind<'ecs-service'>, lb: node(alb) as NodeOfKind<'alb'>, edge: edge };
}

describe('quick fix edits', () => {
  it('setNodeProps sets typed props, and a function patch sees the current props', () => {
    const { document, web } = serviceDocument();
    const fixed = setNodeProps('More tasks', web, (props) => ({ desiredCount: props.desiredCount + 3 })).apply(document);
    const after = fixed.nodes.find((node) => node.id === 'web');
    expect(isNodeOfKind(after, 'ecs-service') && after.props.desiredCount).toBe(5);
  });

  it('setNodeProps leaves the document alone when the node has become another kind since the finding', () => {
    const { document, web } = serviceDocument();
    const replaced = replaceNodeKind(document, 'web', 'ecs-task');
    expect(setNodeProps('Desired count', web, { desiredCount: 7 }).apply(replaced)).toBe(replaced);
  });

  it('setNodeProps refuses values the schema refuses', () => {
    const { document, web } = serviceDocument();
    expect(setNodeProps('Negative', web, { desiredCount: -1 }).apply(document)).toBe(document);
  });

  it('setNamedFields sets fields a trait names, validated by the schema', () => {
    const { document, web } = serviceDocument();
    const fixed = setNamedFields('Desired', web, { desiredCount: 4 }).apply(document);
    expect(fixed.nodes.find((node) => node.id === 'web')!.props.desiredCount).toBe(4);
    expect(setNamedFields('Bad', web, { desiredCount: 'four' }).apply(document)).toBe(document);
  });

  it('setEdgeProps sets typed props of the connection', () => {
    const { document, lb, edge } = serviceDocument();
    const current = document.edges.find((candidate) => candidate.id === edge)!;
    const fixed = setEdgeProps('Use ip', { edge: current, source: lb, relation: 'routes-traffic' }, { targetType: 'ip' }).apply(document);
    expect(fixed.edges.find((candidate) => candidate.id === edge)!.props.targetType).toBe('ip');
  });
});
