import { describe, expect, it } from 'vitest';
import { createEdge, createNode } from '../document';
import { edgePropsOf } from './edges';
import type { NodeOfKind } from './nodes';

const alb = createNode('alb', { id: 'lb', position: { x: 0, y: 0 } }) as NodeOfKind<'alb'>;
const service = createNode('ecs-service', { id: 'web', position: { x: 0, y: 0 } }) as NodeOfKind<'ecs-service'>;

describe('edgePropsOf', () => {
  it("reads an edge's props through the schema of the source kind's connection", () => {
    const edge = createEdge('e1', { source: 'lb', target: 'web' }, { listenerPort: 443, protocol: 'HTTPS' });
    const props = edgePropsOf(edge, alb, 'routes-traffic', 'ecs-service');
    expect(props).toEqual({
      listenerPort: 443,
      protocol: 'HTTPS',
      targetPort: 0,
      targetType: 'auto',
      pathPattern: '/*',
      healthCheckPath: '/',
    });
  });

  it('gives the default for a field that does not parse, and keeps the others', () => {
    const edge = createEdge('e2', { source: 'lb', target: 'web' }, { listenerPort: 'eighty', pathPattern: '/api/*' });
    const props = edgePropsOf(edge, alb, 'routes-traffic');
    expect(props.listenerPort).toBe(80);
    expect(props.pathPattern).toBe('/api/*');
  });

  it('picks the connection of the relation asked for: a mount has mount props, "in subnet" none', () => {
    const mount = createEdge('e3', { source: 'web', target: 'fs' }, { containerPath: '/data' });
    expect(edgePropsOf(mount, service, 'mounts', 'efs')).toMatchObject({ containerPath: '/data', transitEncryption: true });
    const subnet = createEdge('e4', { source: 'web', target: 'sn' }, {});
    expect(edgePropsOf(subnet, service, 'in-subnet', 'subnet')).toEqual({});
  });
});
