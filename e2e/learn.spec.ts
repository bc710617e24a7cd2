import { expect, test } from '@playwright/test';
import { canvasBox, dragFromPalette, openApp, openProblems, replaceDocument, screenshot } from './support';
import { createDocument, createNode } from '../shared/document';

/** Learn cards: what a kind is and when to choose it, where a newcomer meets the kind. */

test('resting on a palette entry shows its learn card; the inspector header and a rule’s concept show it too', async ({ page }) => {
  await openApp(page);
  const entry = page.getByTestId('palette-ecs-fargate-capacity');
  await entry.hover();
  const card = page.getByRole('tooltip');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Serverless compute for ECS');
  await expect(card).toContainText('When to choose it.');
  await expect(entry).toHaveAttribute('aria-describedby', 'palette-learn-card');
  // The pointer can move onto the card (to its docs link) without it going away.
  await card.hover();
  await expect(card).toBeVisible();
  await screenshot(page, 'learn-card-palette');
  await page.mouse.move(700, 400);
  await expect(card).toBeHidden();

  // A Fargate profile in the private subnets of only one zone: a rule that teaches the Fargate profile.
  const document = createDocument('Learn');
  document.nodes.push(
    createNode('eks-cluster', { id: 'eks', position: { x: 0, y: 0 } }),
    createNode('eks-fargate-profile', { id: 'profile', parentId: 'eks', position: { x: 30, y: 60 }, props: { selectors: [] } }),
  );
  await replaceDocument(page, document);
  await page.locator('.react-flow__node[data-id="profile"]').click({ position: { x: 120, y: 12 } });
  const inspector = page.locator('.stowage-inspector__learn');
  await expect(inspector).toContainText('Tells EKS to run the pods that match its selectors');

  await openProblems(page);
  const problem = page.locator('.stowage-problem').first();
  await problem.locator('.stowage-problem__message').click();
  await problem.getByTestId('rule-concept').click();
  await expect(page.getByTestId('learn-dialog')).toBeVisible();
  await screenshot(page, 'learn-card-rule-concept');
});

test('the learn card stands over the canvas, so pressing or dragging its entry puts it away: a drop where it stood adds the component', async ({
  page,
}) => {
  await openApp(page);
  const entry = page.getByTestId('palette-efs');
  await entry.hover();
  const card = page.getByRole('tooltip');
  await expect(card).toBeVisible();
  const where = (await card.boundingBox())!;
  const pane = await canvasBox(page);
  // A drop in the middle of where the card stood, on the canvas beside the palette.
  const node = await dragFromPalette(page, 'efs', where.x + where.width / 2 - pane.x, where.y + where.height / 2 - pane.y);
  expect(node.kind).toBe('efs');
  await expect(card).toBeHidden();
  // The focus the press left on the entry shows no card; the keyboard's focus does.
  await page.mouse.move(pane.x + pane.width - 40, pane.y + pane.height - 40);
  await expect(card).toBeHidden();
  await page.getByTestId('palette-vpc').focus();
  await page.keyboard.press('Tab');
  await expect(card).toBeVisible();
  await screenshot(page, 'learn-card-after-drop');
});
