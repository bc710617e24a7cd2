import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentIndex, nodeSize, type DiagramDocument, type Rect } from '../document';
import { runRules } from '../rules';
import { generate } from '../../test/cdk-synth/fixtures';
import { typeCheckApps } from '../../test/cdk-synth/compile';
import { builtInTemplates, templateFromText, templateThumbnail } from './gallery';

const folder = import.meta.dirname;
const files = Object.fromEntries(
  readdirSync(folder)
    .filter((file) => file.endsWith('.stowage'))
    .map((file) => [file, readFileSync(join(folder, file), 'utf8')]),
);
const templates = builtInTemplates(files);
const drawn = templates.filter((template) => template.document.nodes.length > 0);

function absoluteRect(index: DocumentIndex, id: string): Rect {
  const node = index.node(id)!;
  let x = node.position.x;
  let y = node.position.y;
  for (const ancestor of index.ancestors(id)) {
    x += ancestor.position.x;
    y += ancestor.position.y;
  }
  return { x, y, ...nodeSize(node) };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (child: Rect, parent: Rect) =>
  child.x >= parent.x &&
  child.y >= parent.y &&
  child.x + child.width <= parent.x + parent.width &&
  child.y + child.height <= parent.y + parent.height;

/** What is wrong with the layout: overlapping siblings, children sticking out of their parents. */
function layoutProblems(document: DiagramDocument): string[] {
  const index = new DocumentIndex(document);
  const problems: string[] = [];
  for (const parentId of [undefined, ...document.nodes.map((node) => node.id)]) {
    const siblings = index.children(parentId);
    siblings.forEach((node, i) => {
      const rect = absoluteRect(index, node.id);
      if (parentId !== undefined && !inside(rect, absoluteRect(index, parentId))) problems.push(`${node.id} sticks out of ${parentId}`);
      for (const other of siblings.slice(i + 1)) {
        if (overlaps(rect, absoluteRect(index, other.id))) problems.push(`${node.id} overlaps ${other.id}`);
      }
    });
  }
  return problems;
}

describe('built-in templates', () => {
  it('are a blank one and at least ten drawn ones, each with a title and a description', () => {
    expect(templates[0]!.document.nodes).toEqual([]);
    expect(drawn.length).toBeGreaterThanOrEqual(10);
    for (const template of templates) {
      expect(template.title, template.id).not.toBe('');
      expect(template.description.length, template.id).toBeGreaterThan(40);
    }
    expect(new Set(templates.map((template) => template.title)).size).toBe(templates.length);
  });

  it.each(templates.map((template) => [template.id, template] as const))('%s validates with no findings at all', (_id, template) => {
    expect(runRules(template.document).map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
  });

  it.each(templates.map((template) => [template.id, template] as const))(
    '%s is laid out cleanly: no sibling overlaps another, every child is inside its parent',
    (_id, template) => {
      expect(layoutProblems(template.document)).toEqual([]);
    },
  );

  it.each(drawn.map((template) => [template.id, template] as const))('%s has a thumbnail drawing every node', (_id, template) => {
    const svg = templateThumbnail(template);
    expect(svg).toContain('<svg ');
    for (const node of template.document.nodes) expect(svg).toContain(`id="stowage-node-${node.id}"`);
  });

  it('export CDK apps that compile against aws-cdk-lib (synthesized in cli/commands/export-cdk.integration.test.ts)', () => {
    const apps = drawn.map((template) => ({ name: template.id.replace(/\.stowage$/, ''), files: generate(template.document) }));
    expect(typeCheckApps(apps).diagnostics).toEqual([]);
  }, 240_000);
});

describe('templateFromText', () => {
  it('refuses a file that does not load, with the loader’s reason and the file name', () => {
    const result = templateFromText('broken.stowage', '{"schemaVersion": 1', 'own');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^broken\.stowage is not a diagram Stowage can open: /);
  });

  it('titles an untitled file by its name', () => {
    const result = templateFromText(
      'my-lab.stowage',
      JSON.stringify({ schemaVersion: 1, metadata: { title: ' ', description: '' }, nodes: [], edges: [] }),
      'own',
    );
    expect(result.ok && result.template.title).toBe('my-lab');
  });
});
