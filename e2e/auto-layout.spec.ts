import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DocumentIndex, GROUP_PADDING, loadDocument, type DiagramDocument, type Rect } from '../shared/document';
import { currentDocument, headerOf, mod, openApp, screenshot, settle, showDocument } from './support';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

function example(): DiagramDocument {
  const loaded = loadDocument(readFileSync(join(import.meta.dirname, '..', 'examples', 'fargate-web-service.stowage'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.document;
}

/** The example with things piled up (all of them, or those `inside` picks): each at its parent's top-left, on top of one another. */
function messyExample(inside?: (document: DiagramDocument) => ReadonlySet<string>): DiagramDocument {
  const document = example();
  const scrambled = inside?.(document);
  return {
    ...document,
    nodes: document.nodes.map((node, index) =>
      scrambled && !scrambled.has(node.id) ? node : { ...node, position: { x: 30 + (index % 3) * 7, y: 50 + (index % 2) * 9 } },
    ),
  };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function overlappingSiblings(document: DiagramDocument): string[] {
  const index = new DocumentIndex(document);
  const found: string[] = [];
  for (const [, siblings] of index.childrenOf) {
    for (let i = 0; i < siblings.length; i++) {
      for (let j = i + 1; j < siblings.length; j++) {
        if (overlaps(index.absoluteRect(siblings[i]!.id), index.absoluteRect(siblings[j]!.id)))
          found.push(`${siblings[i]!.id}/${siblings[j]!.id}`);
      }
    }
  }
  return found;
}

async function documentChange(page: Page, before: DiagramDocument): Promise<DiagramDocument> {
  await expect.poll(async () => JSON.stringify(await currentDocument(page)) !== JSON.stringify(before), { timeout: 15_000 }).toBe(true);
  await settle(page);
  return currentDocument(page);
}

test('Arrange Whole Diagram from the Arrange menu untangles a messy diagram in one undo step', async ({ page }) => {
  const messy = messyExample();
  await showDocument(page, messy);
  expect(overlappingSiblings(messy).length).toBeGreaterThan(0);
  await screenshot(page, 'auto-layout-before');

  await page.getByRole('navigation', { name: 'Application menu' }).getByRole('button', { name: 'Arrange' }).click();
  await page.getByRole('menuitem', { name: /Arrange Whole Diagram/ }).click();
  const arranged = await documentChange(page, messy);
  expect(overlappingSiblings(arranged)).toEqual([]);
  expect(arranged.nodes.map((node) => node.parentId)).toEqual(messy.nodes.map((node) => node.parentId));
  await screenshot(page, 'auto-layout-after');

  await page.keyboard.press(`${mod}+z`);
  await settle(page);
  expect((await currentDocument(page)).nodes).toEqual(messy.nodes);
});

test("Arrange Group's Contents lays out the selected group only, from the keyboard", async ({ page }) => {
  const clusterOf = (document: DiagramDocument) => document.nodes.find((node) => node.kind === 'ecs-cluster')!;
  const messy = messyExample((document) => new Set(new DocumentIndex(document).descendants(clusterOf(document).id).map((node) => node.id)));
  await showDocument(page, messy);
  const cluster = clusterOf(messy);
  const header = await headerOf(page, cluster.id);
  await page.mouse.click(header.x, header.y);
  await page.keyboard.press('Alt+Shift+G');
  const arranged = await documentChange(page, messy);
  const index = new DocumentIndex(arranged);
  const inside = new Set(index.descendants(cluster.id).map((node) => node.id));
  const before = new DocumentIndex(messy);
  for (const node of messy.nodes) {
    if (inside.has(node.id) || node.id === cluster.id || before.descendants(node.id).some((child) => inside.has(child.id))) continue;
    expect(index.absolutePosition(node.id), `${node.id} stays`).toEqual(before.absolutePosition(node.id));
  }
  for (const child of index.children(cluster.id)) {
    for (const other of index.children(cluster.id)) {
      if (child.id < other.id) expect(overlaps(index.absoluteRect(child.id), index.absoluteRect(other.id))).toBe(false);
    }
  }
  await screenshot(page, 'auto-layout-group');
  await page.keyboard.press(`${mod}+z`);
  await settle(page);
  expect((await currentDocument(page)).nodes).toEqual(messy.nodes);
});

test('Fit Group to Contents from the context menu shrinks an oversized group around its children, one undo step', async ({ page }) => {
  const document = example();
  const vpc = document.nodes.find((node) => node.kind === 'vpc')!;
  const region = document.nodes.find((node) => node.id === vpc.parentId)!;
  const roomy: DiagramDocument = {
    ...document,
    nodes: document.nodes.map((node) =>
      node.id === vpc.id || node.id === region.id
        ? { ...node, size: { width: node.size!.width + 400, height: node.size!.height + 300 } }
        : node,
    ),
  };
  await showDocument(page, roomy);
  const header = await headerOf(page, vpc.id);
  await page.mouse.click(header.x, header.y);
  await page.mouse.click(header.x, header.y, { button: 'right' });
  await page
    .getByRole('menu', { name: 'Canvas menu' })
    .getByRole('menuitem', { name: /Fit Group to Contents/ })
    .click();
  const fitted = await documentChange(page, roomy);
  const index = new DocumentIndex(fitted);
  const before = new DocumentIndex(roomy);
  const children = index.children(vpc.id).map((node) => node.id);
  for (const id of children) expect(index.absoluteRect(id), `${id} stays`).toEqual(before.absoluteRect(id));
  const contents = index.bounds(children)!;
  const box = index.absoluteRect(vpc.id);
  expect([box.x, box.y, box.x + box.width, box.y + box.height]).toEqual([
    contents.x - GROUP_PADDING.side,
    contents.y - GROUP_PADDING.top,
    contents.x + contents.width + GROUP_PADDING.side,
    contents.y + contents.height + GROUP_PADDING.bottom,
  ]);
  await screenshot(page, 'fit-group-to-contents');
  await page.keyboard.press(`${mod}+z`);
  await settle(page);
  expect((await currentDocument(page)).nodes).toEqual(roomy.nodes);
});
