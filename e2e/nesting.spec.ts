import { expect, test } from '@playwright/test';
import {
  SPEEDS,
  currentDocument,
  diagram,
  dragPointer,
  headerOf,
  node,
  nodeById,
  nodeLocator,
  openApp,
  pointIn,
  screenshot,
  showDocument,
} from './support';

/**
 * Where a dragged node lands is decided by the pointer at release: the innermost group under it
 * that may hold the node. Quick flicks (raw CDP input the page has not caught up with) and slow
 * careful drags must end the same way.
 */

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

for (const speed of SPEEDS) {
  test(`a ${speed} drag of an ECS cluster into a VPC nests it where the pointer is released`, async ({ page }) => {
    await showDocument(
      page,
      diagram([
        node('vpc', 'vpc', 380, 40, { width: 480, height: 420 }),
        node('ecs-cluster', 'cluster', 20, 500, { width: 300, height: 180 }),
      ]),
    );
    await dragPointer(page, await headerOf(page, 'cluster'), await pointIn(page, 'vpc', 0.35, 0.45), speed);
    await screenshot(page, `nesting-cluster-into-vpc-${speed}`);
    expect((await nodeById(page, 'cluster'))?.parentId).toBe('vpc');
  });

  test(`a ${speed} drag decides by the pointer, not by the middle of the dragged group`, async ({ page }) => {
    // Grabbed at its right end and released just inside the VPC's left border: the cluster's
    // middle is still outside the VPC, the pointer is inside.
    await showDocument(
      page,
      diagram([
        node('vpc', 'vpc', 420, 40, { width: 440, height: 420 }),
        node('ecs-cluster', 'cluster', 20, 500, { width: 300, height: 180 }),
      ]),
    );
    const grab = await pointIn(page, 'cluster', 0.9, 0.08);
    const vpc = await pointIn(page, 'vpc', 0, 0.5);
    await dragPointer(page, grab, { x: vpc.x + 30, y: vpc.y }, speed);
    expect((await nodeById(page, 'cluster'))?.parentId).toBe('vpc');
  });

  test(`a ${speed} drag of EFS inside a VPC nests it in the VPC`, async ({ page }) => {
    await showDocument(page, diagram([node('vpc', 'vpc', 300, 40, { width: 520, height: 420 }), node('efs', 'efs', 30, 560)]));
    await dragPointer(page, await pointIn(page, 'efs', 0.5, 0.5), await pointIn(page, 'vpc', 0.5, 0.6), speed);
    expect((await nodeById(page, 'efs'))?.parentId).toBe('vpc');
  });

  test(`a ${speed} drag of a NAT gateway between public subnets lands in the subnet under the pointer every time`, async ({ page }) => {
    await showDocument(
      page,
      diagram([
        node('vpc', 'vpc', 20, 20, { width: 840, height: 340 }),
        node('subnet', 'a', 24, 60, { parent: 'vpc', width: 380, height: 240, label: 'public-a' }),
        node('subnet', 'b', 436, 60, { parent: 'vpc', width: 380, height: 240, label: 'public-b' }),
        node('nat-gateway', 'nat', 40, 80, { parent: 'a' }),
      ]),
    );
    for (let round = 0; round < 3; round++) {
      await dragPointer(page, await pointIn(page, 'nat', 0.5, 0.5), await pointIn(page, 'b', 0.5, 0.55), speed);
      expect((await nodeById(page, 'nat'))?.parentId, `round ${round}: into public-b`).toBe('b');
      await dragPointer(page, await pointIn(page, 'nat', 0.5, 0.5), await pointIn(page, 'a', 0.4, 0.6), speed);
      expect((await nodeById(page, 'nat'))?.parentId, `round ${round}: back into public-a`).toBe('a');
    }
  });
}

test('the group that would take the node is highlighted while dragging; a refusal names the group under the pointer', async ({ page }) => {
  await showDocument(
    page,
    diagram([
      node('vpc', 'vpc', 20, 20, { width: 460, height: 360, label: 'main' }),
      node('subnet', 'subnet', 24, 60, { parent: 'vpc', width: 400, height: 260, label: 'private-a' }),
      node('ecs-cluster', 'cluster', 500, 20, { width: 360, height: 360 }),
      node('ecs-fargate-capacity', 'capacity', 24, 60, { parent: 'cluster', width: 300, height: 260 }),
      node('ecs-service', 'service', 40, 460, { label: 'api' }),
    ]),
  );
  const grab = await pointIn(page, 'service', 0.5, 0.5);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  const overCapacity = await pointIn(page, 'capacity', 0.5, 0.6);
  await page.mouse.move(overCapacity.x, overCapacity.y, { steps: 12 });
  await expect(nodeLocator(page, 'capacity').locator('.stowage-group')).toHaveClass(/is-drop-target/);
  await expect(nodeLocator(page, 'cluster').locator('.stowage-group')).not.toHaveClass(/is-drop-target/);
  await screenshot(page, 'nesting-candidate-highlighted');

  // Over the subnet nothing may take a service: no highlight, and letting go says why.
  const overSubnet = await pointIn(page, 'subnet', 0.5, 0.6);
  await page.mouse.move(overSubnet.x, overSubnet.y, { steps: 12 });
  await expect(page.locator('.stowage-group.is-drop-target')).toHaveCount(0);
  await page.mouse.up();
  const toast = page.locator('.stowage-toast').last();
  await expect(toast).toContainText('private-a');
  await expect(toast).toContainText(/holds|may hold/);
  await expect(toast).toContainText('ECS cluster');
  await screenshot(page, 'nesting-refused-message');
  expect((await nodeById(page, 'service'))?.parentId).toBeUndefined();
});

test('a palette drag highlights the group that would take the new node; a refused drop says why', async ({ page }) => {
  await showDocument(
    page,
    diagram([
      node('ecs-cluster', 'cluster', 20, 20, { width: 420, height: 360 }),
      node('ecs-fargate-capacity', 'capacity', 24, 60, { parent: 'cluster', width: 300, height: 240 }),
      node('subnet', 'subnet', 480, 20, { width: 380, height: 240, label: 'public-a' }),
    ]),
  );
  const item = page.getByTestId('palette-ecs-service');
  const itemBox = (await item.boundingBox())!;
  await page.mouse.move(itemBox.x + 20, itemBox.y + itemBox.height / 2);
  await page.mouse.down();
  const overCapacity = await pointIn(page, 'capacity', 0.5, 0.6);
  await page.mouse.move(overCapacity.x, overCapacity.y, { steps: 12 });
  await expect(nodeLocator(page, 'capacity').locator('.stowage-group')).toHaveClass(/is-drop-target/);
  await screenshot(page, 'nesting-palette-candidate');
  const overSubnet = await pointIn(page, 'subnet', 0.5, 0.6);
  await page.mouse.move(overSubnet.x, overSubnet.y, { steps: 12 });
  await expect(page.locator('.stowage-group.is-drop-target')).toHaveCount(0);
  await page.mouse.up();
  await expect(page.locator('.stowage-toast').last()).toContainText('public-a');
  const added = (await currentDocument(page)).nodes.find((candidate) => candidate.kind === 'ecs-service');
  expect(added?.parentId).toBeUndefined();
});
