import { describe, expect, it } from 'vitest';
import { addNodes, createDocument, createNode, type DiagramDocument } from '../document';
import { runRules } from '../rules';
import { addComponent, applyOperation, duplicate } from './index';

function vpcDocument(cidr = '10.0.0.0/16'): DiagramDocument {
  return addNodes(createDocument(), [
    createNode('region', { id: 'region', position: { x: 0, y: 0 }, size: { width: 3000, height: 2000 } }),
    createNode('vpc', { id: 'vpc', parentId: 'region', position: { x: 20, y: 40 }, size: { width: 2800, height: 1800 }, props: { cidr } }),
  ]);
}

function add(document: DiagramDocument, kindId: string, center: { x: number; y: number }): DiagramDocument {
  return applyOperation(document, addComponent, { kindId, center }, {}).document;
}

const blocks = (document: DiagramDocument) => document.nodes.filter((node) => node.kind === 'subnet').map((node) => node.props.cidr);

describe('new subnets take free blocks of their VPC', () => {
  it('four subnets dropped into a VPC get four blocks, and no addressing finding', () => {
    let document = vpcDocument();
    for (const x of [300, 800, 1300, 1800]) document = add(document, 'subnet', { x, y: 400 });
    expect(blocks(document)).toEqual(['10.0.1.0/24', '10.0.0.0/24', '10.0.2.0/24', '10.0.3.0/24']);
    expect(runRules(document).map((finding) => finding.ruleId)).not.toContain('subnet-cidr-overlap');
  });

  it('a duplicate gets its own block; a subnet outside any VPC keeps its default', () => {
    let document = add(vpcDocument(), 'subnet', { x: 300, y: 400 });
    const subnet = document.nodes.find((node) => node.kind === 'subnet')!;
    document = applyOperation(document, duplicate, { nodeIds: [subnet.id] }, { selection: { nodeIds: [subnet.id], edgeIds: [] } }).document;
    expect(blocks(document).sort()).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    expect(blocks(add(createDocument(), 'subnet', { x: 0, y: 0 }))).toEqual(['10.0.1.0/24']);
  });

  it('a VPC of another range: the subnet moves into it; an unusable VPC block changes nothing', () => {
    expect(blocks(add(vpcDocument('172.31.0.0/16'), 'subnet', { x: 300, y: 400 }))).toEqual(['172.31.0.0/24']);
    expect(blocks(add(vpcDocument('10.0.0.0/33'), 'subnet', { x: 300, y: 400 }))).toEqual(['10.0.1.0/24']);
  });
});
