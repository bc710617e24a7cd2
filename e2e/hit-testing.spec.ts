import { expect, test, type Page } from '@playwright/test';
import { findConnection } from '../shared/catalog';
import {
  SPEEDS,
  createEdge,
  currentDocument,
  diagram,
  dragPointer,
  node,
  nodeLocator,
  openApp,
  pointIn,
  screenshot,
  showDocument,
} from './support';

/**
 * An edge's invisible hit strip must never take the pointer from what lies under it where the
 * user aims: a group's connection dots, and the node a connection is dropped on.
 */

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

/**
 * A subnet holding an ALB that routes to a service outside it: the edge leaves the subnet
 * straight through its right-hand connection dot (flow y = 136, the subnet's middle), drawn
 * above the subnet (an edge draws above the group its end sits in). An EKS cluster below.
 */
async function edgeAcrossSubnet(page: Page): Promise<void> {
  await showDocument(
    page,
    diagram(
      [
        node('subnet', 'subnet', 300, 60, { width: 300, height: 152 }),
        node('alb', 'alb', 24, 48, { parent: 'subnet' }),
        node('ecs-service', 'service', 700, 108),
        node('eks-cluster', 'eks', 300, 420, { width: 300, height: 180 }),
      ],
      [
        createEdge(
          'route',
          { source: 'alb', target: 'service', sourceHandle: 'right', targetHandle: 'left' },
          findConnection('alb', 'ecs-service')!.definition.props!.parse({}),
        ),
      ],
    ),
  );
}

function inSubnet(page: Page) {
  return async () => (await currentDocument(page)).edges.filter((edge) => edge.source === 'eks' && edge.target === 'subnet');
}

for (const speed of SPEEDS) {
  test(`a connection dot under an edge can be grabbed (${speed})`, async ({ page }) => {
    await edgeAcrossSubnet(page);
    const dot = await pointIn(page, 'subnet', 1, 0.5);
    await page.mouse.move(dot.x - 30, dot.y);
    await page.mouse.move(dot.x, dot.y, { steps: 3 });
    await screenshot(page, `hit-testing-dot-under-edge-${speed}`);
    await dragPointer(page, dot, await pointIn(page, 'eks', 0.5, 0.6), speed);
    expect(await inSubnet(page)()).toHaveLength(1);
  });

  test(`a connection dropped on a node where an edge crosses it connects to the node (${speed})`, async ({ page }) => {
    await edgeAcrossSubnet(page);
    const eks = nodeLocator(page, 'eks');
    await eks.hover();
    const handle = (await eks.locator('.react-flow__handle[data-handleid="top"]').boundingBox())!;
    // On the edge inside the subnet, between the ALB and the subnet's border (the label is outside).
    const border = await pointIn(page, 'subnet', 1, 0.5);
    const release = { x: border.x - 28, y: border.y };
    await dragPointer(page, { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, release, speed);
    await screenshot(page, `hit-testing-drop-on-edge-${speed}`);
    expect(await inSubnet(page)()).toHaveLength(1);
  });
}
