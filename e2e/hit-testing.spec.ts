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
 * An ALB routing to a service, drawn as a straight line at y = 128 (flow), across a subnet whose
 * top connection dot (or, with `across`, whose body) lies right on the line; an EKS cluster below.
 */
async function edgeAcrossSubnet(page: Page, across: 'dot' | 'body'): Promise<void> {
  const subnetY = across === 'dot' ? 128 : 60;
  await showDocument(
    page,
    diagram(
      [
        node('alb', 'alb', 20, 100),
        node('ecs-service', 'service', 640, 100),
        node('subnet', 'subnet', 330, subnetY, { width: 200, height: 160 }),
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
    await edgeAcrossSubnet(page, 'dot');
    const dot = await pointIn(page, 'subnet', 0.5, 0);
    await page.mouse.move(dot.x, dot.y - 30);
    await page.mouse.move(dot.x, dot.y, { steps: 3 });
    await screenshot(page, `hit-testing-dot-under-edge-${speed}`);
    await dragPointer(page, dot, await pointIn(page, 'eks', 0.5, 0.6), speed);
    expect(await inSubnet(page)()).toHaveLength(1);
  });

  test(`a connection dropped on a node where an edge crosses it connects to the node (${speed})`, async ({ page }) => {
    await edgeAcrossSubnet(page, 'body');
    const eks = nodeLocator(page, 'eks');
    await eks.hover();
    const handle = (await eks.locator('.react-flow__handle[data-handleid="top"]').boundingBox())!;
    const onEdge = await pointIn(page, 'subnet', 0.5, 0);
    // The edge runs at flow y = 128; the subnet's top is at 60: 68 px below its top border, clear of the edge's label.
    const release = { x: onEdge.x + 40, y: onEdge.y + 68 };
    await dragPointer(page, { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, release, speed);
    await screenshot(page, `hit-testing-drop-on-edge-${speed}`);
    expect(await inSubnet(page)()).toHaveLength(1);
  });
}
