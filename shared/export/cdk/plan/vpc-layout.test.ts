import { describe, expect, it } from 'vitest';
import { addNodes, createDocument, createNode, type DiagramNode } from '../../../document';
import { DiagramModel } from '../../../model';
import { chooseSubnets, vpcLayout } from './vpc-layout';

function network(nodes: DiagramNode[]) {
  const model = new DiagramModel(addNodes(createDocument('t'), nodes));
  return { model, vpc: model.node('vpc')! };
}

const group = (id: string, kind: string, parentId: string | undefined, props: Record<string, unknown> = {}, y = 0) =>
  createNode(kind, { id, position: { x: 10, y }, ...(parentId ? { parentId } : {}), props });

describe('vpcLayout', () => {
  it('reads subnets as groups across AZ slots, with real AZ names when the Region is known', () => {
    const { model, vpc } = network([
      group('vpc', 'vpc', undefined, { cidr: '10.0.0.0/16' }),
      group('az-b', 'availability-zone', 'vpc', { zone: 'b' }),
      group('az-a', 'availability-zone', 'vpc', { zone: 'a' }),
      group('pub-a', 'subnet', 'az-a', { access: 'public', cidr: '10.0.0.0/24', mapPublicIpOnLaunch: true }, 10),
      group('app-a', 'subnet', 'az-a', { access: 'private', cidr: '10.0.16.0/20' }, 100),
      group('db-a', 'subnet', 'az-a', { access: 'private', cidr: '10.0.64.0/26' }, 200),
      group('pub-b', 'subnet', 'az-b', { access: 'public', cidr: '10.0.1.0/24' }, 10),
      group('app-b', 'subnet', 'az-b', { access: 'private', cidr: '10.0.32.0/20' }, 100),
      group('nat', 'nat-gateway', 'pub-a'),
    ]);
    const layout = vpcLayout(model, vpc, 'eu-west-1');
    expect(layout.azNames).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(layout.groups).toEqual([
      { name: 'Public', access: 'public', cidrMask: 24, mapPublicIpOnLaunch: true },
      { name: 'Private1', access: 'private', cidrMask: 20 },
      { name: 'Private2', access: 'private', cidrMask: 26 },
    ]);
    expect(layout.natGateways).toBe(1);
    expect(layout.privateSubnetType).toBe('PRIVATE_WITH_EGRESS');
    expect(layout.places.get('app-b')).toEqual({ group: 'Private1', slot: 1 });
    expect(chooseSubnets(layout, [model.node('app-a')!, model.node('app-b')!])).toEqual([{ group: 'Private1' }]);
    expect(chooseSubnets(layout, [model.node('db-a')!])).toEqual([{ group: 'Private2', slots: [0] }]);
    expect(chooseSubnets(layout, [model.node('pub-a')!, model.node('db-a')!])).toEqual([
      { group: 'Public', slots: [0] },
      { group: 'Private2', slots: [0] },
    ]);
  });

  it('makes private subnets isolated when there is no NAT gateway, and counts AZs without a Region', () => {
    const { model, vpc } = network([
      group('vpc', 'vpc', undefined, {}),
      group('s1', 'subnet', 'vpc', { access: 'private', cidr: '10.0.1.0/24' }, 1),
      group('s2', 'subnet', 'vpc', { access: 'private', cidr: '10.0.2.0/24' }, 2),
      group('s3', 'subnet', 'vpc', { access: 'private', cidr: '10.0.3.0/24' }, 3),
    ]);
    const layout = vpcLayout(model, vpc, undefined);
    expect(layout.azCount).toBe(3);
    expect(layout.azNames).toBeUndefined();
    expect(layout.natGateways).toBe(0);
    expect(layout.privateSubnetType).toBe('PRIVATE_ISOLATED');
    expect(layout.groups).toEqual([{ name: 'Private', access: 'private', cidrMask: 24 }]);
  });

  it('leaves a VPC block AWS refuses to CDK’s default range, so synthesis does not throw', () => {
    for (const cidr of ['10.0.0.0/33', '10.0.0.0/8', '10.0.0.9/16']) {
      const { model, vpc } = network([group('vpc', 'vpc', undefined, { cidr })]);
      expect(vpcLayout(model, vpc, undefined).cidr, cidr).toBeUndefined();
    }
    const { model, vpc } = network([group('vpc', 'vpc', undefined, { cidr: '172.16.0.0/20' })]);
    expect(vpcLayout(model, vpc, undefined).cidr).toBe('172.16.0.0/20');
  });

  it('lets CDK size subnets that do not fit the VPC range', () => {
    const { model, vpc } = network([
      group('vpc', 'vpc', undefined, { cidr: '10.0.0.0/24' }),
      group('a', 'subnet', 'vpc', { access: 'public', cidr: '10.0.0.0/24' }, 1),
      group('b', 'subnet', 'vpc', { access: 'private', cidr: '10.0.1.0/24' }, 2),
    ]);
    const layout = vpcLayout(model, vpc, undefined);
    expect(layout.masksDropped).toBe(true);
    expect(layout.groups.every((entry) => entry.cidrMask === undefined)).toBe(true);
  });

  it('uses one NAT gateway and CDK default subnets for a VPC drawn without subnets', () => {
    const { model, vpc } = network([group('vpc', 'vpc', undefined, {})]);
    const layout = vpcLayout(model, vpc, 'us-east-1');
    expect(layout.groups).toEqual([]);
    expect(layout.natGateways).toBe(1);
    expect(layout.azCount).toBe(2);
  });
});
