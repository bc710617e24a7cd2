import { describe, expect, it } from 'vitest';
import { DocumentIndex, GROUP_PADDING, type DiagramDocument } from '../document';
import { diagram } from '../rules/test-support/diagram-builder.test-support';
import { fitGroupsToContents } from './fit-group';
import { applyOperation } from './index';

function place(document: DiagramDocument, id: string, x: number, y: number, size?: { width: number; height: number }): DiagramDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) => (node.id === id ? { ...node, position: { x, y }, ...(size ? { size } : {}) } : node)),
  };
}

/** A Region holding a VPC far too big for the one NAT gateway in it, and an empty subnet beside. */
function loose(): DiagramDocument {
  const d = diagram();
  const region = d.add('region', { id: 'region' });
  const vpc = d.add('vpc', { id: 'vpc', in: region });
  d.add('nat-gateway', { id: 'nat', in: vpc });
  let document = d.build();
  document = place(document, 'region', 0, 0, { width: 2000, height: 1500 });
  document = place(document, 'vpc', 100, 100, { width: 1500, height: 1200 });
  document = place(document, 'nat', 400, 300);
  return document;
}

describe('fit groups to contents', () => {
  it('shrinks a group to its children and the padding, leaving the children where they are on the canvas', () => {
    const document = loose();
    const before = new DocumentIndex(document);
    const after = applyOperation(document, fitGroupsToContents, { groupIds: ['vpc'] }).document;
    const index = new DocumentIndex(after);
    expect(index.absoluteRect('nat')).toEqual(before.absoluteRect('nat'));
    const nat = index.absoluteRect('nat');
    expect(index.absoluteRect('vpc')).toEqual({
      x: nat.x - GROUP_PADDING.side,
      y: nat.y - GROUP_PADDING.top,
      width: nat.width + 2 * GROUP_PADDING.side,
      height: nat.height + GROUP_PADDING.top + GROUP_PADDING.bottom,
    });
    // The Region around it is left as it was: it is bigger than it needs to be, which is allowed.
    expect(index.absoluteRect('region')).toEqual(before.absoluteRect('region'));
  });

  it('grows a group whose child sticks out, and fits nested selected groups innermost first', () => {
    let document = place(loose(), 'nat', 1400, -10);
    document = place(document, 'vpc', 100, 100, { width: 300, height: 200 });
    const after = applyOperation(document, fitGroupsToContents, { groupIds: ['region', 'vpc'] }).document;
    const index = new DocumentIndex(after);
    const vpc = index.absoluteRect('vpc');
    expect(index.absoluteRect('region')).toEqual({
      x: vpc.x - GROUP_PADDING.side,
      y: vpc.y - GROUP_PADDING.top,
      width: vpc.width + 2 * GROUP_PADDING.side,
      height: vpc.height + GROUP_PADDING.top + GROUP_PADDING.bottom,
    });
    expect(index.absoluteRect('nat')).toEqual(new DocumentIndex(document).absoluteRect('nat'));
  });

  it('changes nothing (no undo step) for a group that fits already or holds nothing', () => {
    const fitted = applyOperation(loose(), fitGroupsToContents, { groupIds: ['vpc'] }).document;
    expect(applyOperation(fitted, fitGroupsToContents, { groupIds: ['vpc'] }).document).toBe(fitted);
    const empty = diagram();
    empty.add('vpc', { id: 'vpc' });
    const document = empty.build();
    expect(applyOperation(document, fitGroupsToContents, { groupIds: ['vpc'] }).document).toBe(document);
  });

  it('is named for how many groups it fits', () => {
    expect(fitGroupsToContents.label({ groupIds: ['a'] }, loose())).toBe('Fit Group to Contents');
    expect(fitGroupsToContents.label({ groupIds: ['a', 'b'] }, loose())).toBe('Fit 2 Groups to Contents');
  });
});
