import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { addNodes, createDocument, createNode, updateMetadata, type DiagramDocument } from '../../document';
import type { Finding } from '../../rules/types';
import { ELLIPSIS, measureText, truncateText } from '../text-metrics';
import { LEAF_SIZE } from '../../catalog/common';
import { exportSvg, svgDimensions } from './render';
import { sampleDocument } from './sample.test-support';
import { unknownNodeIds, exportScope } from './scope';
import { BACKGROUNDS, GROUP, LEAF, SEVERITY_COLORS, THEMES } from './style';
import { elements, expectSelfContainedSvg, parseSvg, textContents } from './svg.test-support';
import { DocumentIndex } from '../../document/geometry';

const sample = sampleDocument();

function nodeGroup(document: ReturnType<typeof parseSvg>, nodeId: string): Element {
  const group = elements(document, 'g').find((element) => element.getAttribute('id') === `stowage-node-${nodeId}`);
  if (!group) throw new Error(`no <g> for node ${nodeId}`);
  return group;
}

function childrenNamed(element: Element, name: string): Element[] {
  return Array.from(element.childNodes).filter((child): child is Element => (child as Element).localName === name);
}

/** The translate() of the content group: diagram coordinates → image coordinates. */
function contentOffset(document: ReturnType<typeof parseSvg>): { x: number; y: number } {
  const transform = childrenNamed(document.documentElement!, 'g')[0]!.getAttribute('transform') ?? '';
  const match = /^translate\((-?[\d.]+) (-?[\d.]+)\)$/.exec(transform);
  if (!match) throw new Error(`unexpected transform ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

describe('exportSvg', () => {
  const result = exportSvg(sample);
  const parsed = expectSelfContainedSvg(result.svg);

  it('writes a well-formed, self-contained SVG 1.1 document with an explicit size', () => {
    const root = parsed.documentElement!;
    expect(root.getAttribute('version')).toBe('1.1');
    expect(root.getAttribute('width')).toBe(String(result.width));
    expect(root.getAttribute('height')).toBe(String(result.height));
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${result.width} ${result.height}`);
    expect(root.getAttribute('font-family')).toBe("'Helvetica Neue', Helvetica, Arial, sans-serif");
    expect(result.svg.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect(svgDimensions(result.svg)).toEqual({ width: result.width, height: result.height });
    expect(svgDimensions('<svg viewBox="0 0 10 10"/>')).toBeUndefined();
    expect(svgDimensions('not svg')).toBeUndefined();
    expect(result.nodeCount).toBe(sample.nodes.length);
    expect(result.edgeCount).toBe(sample.edges.length);
  });

  it('draws every label as text', () => {
    const texts = textContents(parsed);
    for (const node of sample.nodes) expect(texts, node.label).toContain(node.label);
    expect(texts).toContain('pulls image');
    expect(texts).toContain('routes to');
    expect(texts).toContain('3 tasks · 0.5 vCPU · 1 GB');
  });

  it('embeds each icon once as a symbol and draws it with href and xlink:href', () => {
    const symbols = elements(parsed, 'symbol').map((symbol) => symbol.getAttribute('id'));
    expect(new Set(symbols).size).toBe(symbols.length);
    const uses = elements(parsed, 'use');
    expect(uses.length).toBe(sample.nodes.length);
    for (const use of uses) {
      const href = use.getAttribute('href');
      expect(use.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).toBe(href);
      expect(symbols).toContain(href!.slice(1));
    }
    expect(new Set(uses.map((use) => use.getAttribute('href'))).size).toBe(symbols.length);
    expect(elements(parsed, 'title').map((title) => title.textContent)).toEqual(['Orders and payments']);
  });

  it('is deterministic', () => {
    expect(exportSvg(sampleDocument()).svg).toBe(result.svg);
    expect(exportSvg(sample, { theme: 'dark', padding: 10 }).svg).toBe(exportSvg(sample, { theme: 'dark', padding: 10 }).svg);
  });

  it('writes its own coordinates with at most two decimals', () => {
    const drawing = result.svg.slice(result.svg.indexOf('</defs>'));
    for (const match of drawing.matchAll(/(?:x|y|width|height|d|transform|r|cx|cy)="([^"]*)"/g)) {
      for (const number of match[1]!.match(/-?\d+\.\d+/g) ?? []) expect(number.split('.')[1]!.length, number).toBeLessThanOrEqual(2);
    }
  });

  it('draws groups outermost first, then edges, edge labels, cards and badges', () => {
    const layers = elements(parsed, 'g')
      .map((group) => group.getAttribute('id'))
      .filter(
        (id) =>
          id === 'stowage-layer-groups' ||
          id === 'stowage-layer-edges' ||
          id === 'stowage-layer-edge-labels' ||
          id === 'stowage-layer-nodes',
      );
    expect(layers).toEqual(['stowage-layer-groups', 'stowage-layer-edges', 'stowage-layer-edge-labels', 'stowage-layer-nodes']);
    const groupOrder = childrenNamed(
      elements(parsed, 'g').find((g) => g.getAttribute('id') === 'stowage-layer-groups')!,
      'g',
    ).map((g) => g.getAttribute('id'));
    const position = (id: string) => groupOrder.indexOf(`stowage-node-${id}`);
    for (const [parent, child] of [
      ['region', 'vpc'],
      ['vpc', 'az-a'],
      ['az-a', 'private-a'],
      ['private-a', 'ecs'],
      ['ecs', 'fargate'],
      ['eks', 'nodes'],
    ] as const) {
      expect(position(parent)).toBeGreaterThanOrEqual(0);
      expect(position(parent), `${parent} before ${child}`).toBeLessThan(position(child));
    }
  });

  it('draws a leaf card as the visual spec says', () => {
    const offset = contentOffset(parsed);
    const card = nodeGroup(parsed, 'orders-api');
    const rect = childrenNamed(card, 'rect')[0]!;
    const index = new DocumentIndex(sample);
    const absolute = index.absoluteRect('orders-api');
    expect(Number(rect.getAttribute('x')) + offset.x).toBeCloseTo(absolute.x + offset.x, 5);
    expect(rect.getAttribute('width')).toBe(String(LEAF_SIZE.width));
    expect(rect.getAttribute('height')).toBe('56');
    expect(rect.getAttribute('rx')).toBe(String(LEAF.cornerRadius));
    expect(rect.getAttribute('fill')).toBe(THEMES.light.leafFill);
    expect(rect.getAttribute('stroke')).toBe(THEMES.light.leafStroke);
    const use = childrenNamed(card, 'use')[0]!;
    expect(Number(use.getAttribute('x'))).toBe(absolute.x + 8);
    expect(Number(use.getAttribute('y'))).toBe(absolute.y + 8);
    expect(use.getAttribute('width')).toBe('40');
    const [label, summary] = childrenNamed(card, 'text');
    expect(label!.textContent).toBe('orders-api');
    expect(Number(label!.getAttribute('x'))).toBe(absolute.x + 56);
    expect(Number(label!.getAttribute('y'))).toBe(absolute.y + 23);
    expect(label!.getAttribute('font-size')).toBe('13');
    expect(label!.getAttribute('font-weight')).toBe('600');
    expect(label!.getAttribute('fill')).toBe('#16191f');
    expect(Number(summary!.getAttribute('y'))).toBe(absolute.y + 41);
    expect(summary!.getAttribute('font-size')).toBe('11');
    expect(summary!.getAttribute('fill')).toBe('#5f6b7a');
  });

  it('centres the label of a card without a summary', () => {
    const card = nodeGroup(parsed, 'users');
    const texts = childrenNamed(card, 'text');
    expect(texts).toHaveLength(1);
    const absolute = new DocumentIndex(sample).absoluteRect('users');
    expect(Number(texts[0]!.getAttribute('y'))).toBe(absolute.y + LEAF.labelBaselineAlone);
  });

  it('draws AWS-style group boxes with the catalog colours', () => {
    const region = childrenNamed(nodeGroup(parsed, 'region'), 'rect')[0]!;
    expect(region.getAttribute('stroke')).toBe('#00a4a6');
    expect(region.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(region.getAttribute('fill')).toBe('none');
    expect(region.hasAttribute('rx')).toBe(false);
    const subnet = childrenNamed(nodeGroup(parsed, 'public-a'), 'rect')[0]!;
    expect(subnet.getAttribute('stroke')).toBe('#7aa116');
    expect(subnet.getAttribute('fill')).toBe('#7aa116');
    expect(subnet.getAttribute('fill-opacity')).toBe('0.07');
    expect(subnet.hasAttribute('stroke-dasharray')).toBe(false);
    const vpc = nodeGroup(parsed, 'vpc');
    const absolute = new DocumentIndex(sample).absoluteRect('vpc');
    const use = childrenNamed(vpc, 'use')[0]!;
    expect([Number(use.getAttribute('x')), Number(use.getAttribute('y')), use.getAttribute('width')]).toEqual([
      absolute.x,
      absolute.y,
      '32',
    ]);
    const [title, summary] = childrenNamed(vpc, 'text');
    expect(title!.textContent).toBe('Production VPC');
    expect(Number(title!.getAttribute('x'))).toBe(absolute.x + 40);
    expect(Number(title!.getAttribute('y'))).toBe(absolute.y + 21);
    expect(summary!.textContent).toBe('10.0.0.0/16');
    const titleWidth = measureText('Production VPC', { size: 13, weight: 600 });
    expect(Number(summary!.getAttribute('x'))).toBeCloseTo(absolute.x + 40 + titleWidth + 8, 1);
  });

  it('gives layers ids no node or edge id can produce', () => {
    const document = addNodes(createDocument('Ids'), [
      createNode('alb', { id: 'a', position: { x: 0, y: 0 } }),
      createNode('ecs-service', { id: 'b', position: { x: 400, y: 0 } }),
    ]);
    const withTrickyEdge = { ...document, edges: [{ id: 'labels', source: 'a', target: 'b', props: {} }] };
    const ids = elements(expectSelfContainedSvg(exportSvg(withTrickyEdge).svg), '*')
      .map((element) => element.getAttribute('id'))
      .filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws each edge along the canvas route with an arrowhead and its catalog label', () => {
    const edges = elements(parsed, 'g').filter((group) => group.getAttribute('id')?.startsWith('stowage-edge-e-'));
    expect(edges).toHaveLength(sample.edges.length);
    for (const edge of edges) {
      const [line, arrow] = childrenNamed(edge, 'path');
      expect(line!.getAttribute('fill')).toBe('none');
      expect(line!.getAttribute('stroke')).toBe(THEMES.light.edge);
      expect(line!.getAttribute('stroke-width')).toBe('1.5');
      expect(arrow!.getAttribute('d')).toMatch(/^M[\d. -]+L[\d. -]+L[\d. -]+Z$/);
      expect(arrow!.getAttribute('fill')).toBe(THEMES.light.edge);
    }
    const labels = childrenNamed(
      elements(parsed, 'g').find((g) => g.getAttribute('id') === 'stowage-layer-edge-labels')!,
      'g',
    );
    expect(labels).toHaveLength(sample.edges.length);
    const first = labels[0]!;
    expect(childrenNamed(first, 'rect')[0]!.getAttribute('fill')).toBe(THEMES.light.edgeLabelBackground);
    const text = childrenNamed(first, 'text')[0]!;
    expect(text.getAttribute('text-anchor')).toBe('middle');
    expect(text.getAttribute('fill')).toBe(THEMES.light.edgeLabel);
    expect(Number(childrenNamed(first, 'rect')[0]!.getAttribute('width'))).toBeCloseTo(
      measureText(text.textContent!, { size: 11 }) + 12,
      1,
    );
  });

  it('ends an arrowhead exactly on the target border', () => {
    const index = new DocumentIndex(sample);
    const target = index.absoluteRect('alb');
    const arrow = childrenNamed(
      elements(parsed, 'g').find((g) => g.getAttribute('id') === 'stowage-edge-e-users-alb')!,
      'path',
    )[1]!;
    const [tipX, tipY] = arrow.getAttribute('d')!.slice(1).split('L')[0]!.split(' ').map(Number);
    // Users sit left of the ALB: the edge enters the ALB's left side at mid height.
    expect(tipX).toBe(target.x);
    expect(tipY).toBe(target.y + target.height / 2);
  });

  it('keeps everything inside the image, so no renderer clips or trips over off-canvas content', () => {
    const offset = contentOffset(parsed);
    for (const use of elements(parsed, 'use')) {
      const x = Number(use.getAttribute('x')) + offset.x;
      const y = Number(use.getAttribute('y')) + offset.y;
      const size = Number(use.getAttribute('width'));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + size).toBeLessThanOrEqual(result.width);
      expect(y + size).toBeLessThanOrEqual(result.height);
    }
    for (const path of elements(parsed, 'path').filter(
      (path) => path.parentNode && (path.parentNode as Element).getAttribute?.('id')?.startsWith('stowage-edge-'),
    )) {
      const numbers = path
        .getAttribute('d')!
        .match(/-?\d+(\.\d+)?/g)!
        .map(Number);
      for (let index = 0; index < numbers.length; index += 2) {
        expect(numbers[index]! + offset.x).toBeGreaterThanOrEqual(0);
        expect(numbers[index]! + offset.x).toBeLessThanOrEqual(result.width);
        expect(numbers[index + 1]! + offset.y).toBeGreaterThanOrEqual(0);
        expect(numbers[index + 1]! + offset.y).toBeLessThanOrEqual(result.height);
      }
    }
  });
});

describe('exportSvg options', () => {
  it('pads the content by 32 px unless told otherwise', () => {
    const padded = exportSvg(sample);
    const tight = exportSvg(sample, { padding: 0 });
    const wide = exportSvg(sample, { padding: 100 });
    expect(padded.width - tight.width).toBeGreaterThanOrEqual(63);
    expect(padded.width - tight.width).toBeLessThanOrEqual(65);
    expect(wide.width - tight.width).toBeGreaterThanOrEqual(199);
    expect(wide.width - tight.width).toBeLessThanOrEqual(201);
    expect(exportSvg(sample, { padding: -5 }).width).toBe(tight.width);
    expect(exportSvg(sample, { padding: Number.NaN }).width).toBe(padded.width);
  });

  it('fits the content: with no padding the outermost group touches the border', () => {
    const document = addNodes(createDocument('One'), [createNode('ecs-service', { id: 'a', position: { x: 100, y: 50 } })]);
    const tight = exportSvg(document, { padding: 0 });
    // A leaf card plus half of the widest border on each side, rounded up.
    expect(tight.width).toBe(LEAF_SIZE.width + 2);
    expect(tight.height).toBe(58);
    const parsed = parseSvg(tight.svg);
    const offset = contentOffset(parsed);
    expect(offset.x + 100).toBeCloseTo(0.75, 5);
  });

  it('paints the background: the theme default, white, dark or none', () => {
    const backgroundOf = (svg: string) => {
      const parsed = parseSvg(svg);
      const first = childrenNamed(parsed.documentElement!, 'rect')[0];
      return first?.getAttribute('fill');
    };
    expect(backgroundOf(exportSvg(sample).svg)).toBe(BACKGROUNDS.white);
    expect(backgroundOf(exportSvg(sample, { theme: 'dark' }).svg)).toBe(BACKGROUNDS.dark);
    expect(backgroundOf(exportSvg(sample, { background: 'dark' }).svg)).toBe('#0f1419');
    expect(backgroundOf(exportSvg(sample, { theme: 'dark', background: 'white' }).svg)).toBe('#ffffff');
    expect(backgroundOf(exportSvg(sample, { background: 'transparent' }).svg)).toBeUndefined();
    const full = childrenNamed(parseSvg(exportSvg(sample).svg).documentElement!, 'rect')[0]!;
    expect([full.getAttribute('width'), full.getAttribute('height')]).toEqual([
      String(exportSvg(sample).width),
      String(exportSvg(sample).height),
    ]);
  });

  it('draws the dark theme with the dark palette and the same group colours', () => {
    const { svg } = exportSvg(sample, { theme: 'dark' });
    const parsed = expectSelfContainedSvg(svg);
    const card = nodeGroup(parsed, 'orders-api');
    expect(childrenNamed(card, 'rect')[0]!.getAttribute('fill')).toBe('#1b2430');
    expect(childrenNamed(card, 'rect')[0]!.getAttribute('stroke')).toBe('#3a4656');
    const [label, summary] = childrenNamed(card, 'text');
    expect(label!.getAttribute('fill')).toBe('#e8ecf0');
    expect(summary!.getAttribute('fill')).toBe('#9aa5b1');
    expect(childrenNamed(nodeGroup(parsed, 'region'), 'rect')[0]!.getAttribute('stroke')).toBe('#00a4a6');
    expect(childrenNamed(nodeGroup(parsed, 'vpc'), 'text')[0]!.getAttribute('fill')).toBe('#e8ecf0');
    expect(svg).toContain(`stroke="${THEMES.dark.edge}"`);
    expect(svg).toContain(`fill="${THEMES.dark.edgeLabelBackground}"`);
    expect(svg).not.toContain(`fill="${THEMES.light.leafFill}" stroke="${THEMES.light.leafStroke}"`);
    expect(svg).toContain('stowage-icon-resource_2fUsers-dark');
  });

  it('exports a selection: the selected nodes, everything inside selected groups, and the edges among them', () => {
    const selected = exportSvg(sample, { selection: ['ecs', 'ecr'] });
    const parsed = expectSelfContainedSvg(selected.svg);
    const drawn = elements(parsed, 'g')
      .map((group) => group.getAttribute('id') ?? '')
      .filter((id) => id.startsWith('stowage-node-'))
      .map((id) => id.slice('stowage-node-'.length))
      .sort();
    expect(drawn).toEqual(['ecr', 'ecs', 'ec2', 'fargate', 'orders-api', 'orders-worker', 'report-task', 'scaling'].sort());
    const edges = elements(parsed, 'g')
      .map((group) => group.getAttribute('id') ?? '')
      .filter((id) => id.startsWith('stowage-edge-e-'))
      .sort();
    expect(edges).toEqual(['stowage-edge-e-api-ecr', 'stowage-edge-e-scaling-api', 'stowage-edge-e-worker-ecr']);
    expect(selected.nodeCount).toBe(8);
    expect(selected.edgeCount).toBe(3);
    expect(selected.width).toBeLessThan(exportSvg(sample).width);
    expect(textContents(parsed)).not.toContain('Production VPC');
  });

  it('includes a node once when both it and its group are selected', () => {
    const index = new DocumentIndex(sample);
    const scope = exportScope(index, ['orders-api', 'fargate', 'ecs']);
    expect(scope.nodes.map((node) => node.id)).toEqual(['ecs', 'fargate', 'ec2', 'orders-api', 'orders-worker', 'report-task', 'scaling']);
    expect(exportSvg(sample, { selection: ['orders-api', 'fargate', 'ecs'] }).svg).toBe(exportSvg(sample, { selection: ['ecs'] }).svg);
  });

  it('treats an empty selection as the whole diagram and ignores unknown ids', () => {
    expect(exportSvg(sample, { selection: [] }).svg).toBe(exportSvg(sample).svg);
    expect(exportSvg(sample, { selection: ['alb', 'nope'] }).svg).toBe(exportSvg(sample, { selection: ['alb'] }).svg);
    const index = new DocumentIndex(sample);
    expect(unknownNodeIds(index, ['alb', 'nope', 'nope', 'x'])).toEqual(['nope', 'x']);
    expect(exportScope(index, ['nope']).nodes).toEqual([]);
  });

  it('draws severity badges on the nodes findings name', () => {
    const findings: Finding[] = [
      { ruleId: 'a', severity: 'warning', message: 'Service <web> & "friends"', nodeIds: ['orders-api'], edgeIds: [] },
      { ruleId: 'b', severity: 'error', message: 'Broken', nodeIds: ['orders-api', 'alb'], edgeIds: [] },
      { ruleId: 'c', severity: 'info', message: 'FYI', nodeIds: ['efs'], edgeIds: [] },
      { ruleId: 'd', severity: 'warning', message: 'Warn', nodeIds: ['nat', 'nat'], edgeIds: ['e-users-alb'] },
      { ruleId: 'e', severity: 'error', message: 'Elsewhere', nodeIds: ['not-a-node'], edgeIds: [] },
    ];
    const { svg } = exportSvg(sample, { findings });
    const parsed = expectSelfContainedSvg(svg);
    const badgeLayer = elements(parsed, 'g').find((g) => g.getAttribute('id') === 'stowage-layer-badges')!;
    const badges = childrenNamed(badgeLayer, 'g');
    expect(badges).toHaveLength(4);
    const byText = new Map(badges.map((badge) => [childrenNamed(badge, 'title')[0]!.textContent!, badge]));
    const ordersApi = byText.get('Service <web> & "friends"\nBroken')!;
    expect(childrenNamed(ordersApi, 'circle')[0]!.getAttribute('fill')).toBe(SEVERITY_COLORS.error.fill);
    expect(childrenNamed(ordersApi, 'text')[0]!.textContent).toBe('2');
    const alb = byText.get('Broken')!;
    expect(childrenNamed(alb, 'text')[0]!.textContent).toBe('!');
    const albRect = new DocumentIndex(sample).absoluteRect('alb');
    const circle = childrenNamed(alb, 'circle')[0]!;
    expect([Number(circle.getAttribute('cx')), Number(circle.getAttribute('cy')), circle.getAttribute('r')]).toEqual([
      albRect.x + albRect.width - 4,
      albRect.y + 4,
      '9',
    ]);
    const nat = byText.get('Warn')!;
    expect(childrenNamed(nat, 'circle')[0]!.getAttribute('fill')).toBe(SEVERITY_COLORS.warning.fill);
    expect(childrenNamed(nat, 'text')[0]!.getAttribute('fill')).toBe('#16191f');
    expect(childrenNamed(nat, 'text')[0]!.textContent).toBe('!');
    expect(childrenNamed(byText.get('FYI')!, 'circle')[0]!.getAttribute('fill')).toBe('#0972d3');
    // Badges are drawn last, above every card.
    expect(elements(parsed, 'g').at(-1)).toBe(badges.at(-1));
    // No findings, no badge layer.
    expect(exportSvg(sample, { findings: [] }).svg).not.toContain('stowage-layer-badges');
  });

  it('turns a large count into a pill', () => {
    const findings: Finding[] = Array.from({ length: 120 }, (_, index) => ({
      ruleId: `r${index}`,
      severity: 'error',
      message: 'x',
      nodeIds: ['alb'],
      edgeIds: [],
    }));
    const parsed = parseSvg(exportSvg(sample, { findings }).svg);
    const badge = childrenNamed(
      elements(parsed, 'g').find((g) => g.getAttribute('id') === 'stowage-layer-badges')!,
      'g',
    )[0]!;
    expect(childrenNamed(badge, 'text')[0]!.textContent).toBe('99+');
    const pill = childrenNamed(badge, 'rect')[0]!;
    expect(Number(pill.getAttribute('width'))).toBeGreaterThan(18);
    expect(pill.getAttribute('rx')).toBe('9');
  });

  it('writes the document title and description as escaped metadata', () => {
    const document = updateMetadata(sample, {
      title: 'A <b>&amp; "title"</b> ]]>',
      description: 'Line one\r\nLine two <script>alert(1)</script>\u0000',
    });
    const parsed = expectSelfContainedSvg(exportSvg(document).svg);
    expect(elements(parsed, 'title')[0]!.textContent).toBe('A <b>&amp; "title"</b> ]]>');
    expect(elements(parsed, 'desc')[0]!.textContent).toBe('Line one\nLine two <script>alert(1)</script>');
    expect(elements(parseSvg(exportSvg(updateMetadata(sample, { title: '', description: '' })).svg), 'title')).toHaveLength(0);
  });

  it('exports an empty diagram as a small valid image', () => {
    const empty = exportSvg(createDocument('Nothing'));
    expectSelfContainedSvg(empty.svg);
    expect([empty.width, empty.height]).toEqual([64, 64]);
    expect(exportSvg(createDocument(''), { padding: 0 })).toMatchObject({ width: 1, height: 1 });
  });

  it('truncates titles and summaries to narrow groups and long labels to the card', () => {
    const long = 'an-extremely-long-cluster-name-for-testing';
    const document = addNodes(createDocument('Narrow'), [
      createNode('ecs-cluster', { id: 'c', position: { x: 0, y: 0 }, label: long, size: { width: 280, height: 200 } }),
      createNode('ecs-service', { id: 's', position: { x: 20, y: 60 }, parentId: 'c', label: long }),
    ]);
    const parsed = expectSelfContainedSvg(exportSvg(document).svg);
    const groupTexts = childrenNamed(nodeGroup(parsed, 'c'), 'text');
    expect(groupTexts).toHaveLength(1);
    expect(groupTexts[0]!.textContent).toBe(truncateText(long, 280 - GROUP.titleX - GROUP.textPaddingRight, { size: 13, weight: 600 }));
    expect(groupTexts[0]!.textContent!.endsWith(ELLIPSIS)).toBe(true);
    const cardLabel = childrenNamed(nodeGroup(parsed, 's'), 'text')[0]!.textContent!;
    expect(cardLabel.endsWith(ELLIPSIS)).toBe(true);
    expect(measureText(cardLabel, { size: 13, weight: 600 })).toBeLessThanOrEqual(LEAF_SIZE.width - 56 - 8);
  });

  it('does not break on a hand-built document with unknown kinds, odd props and missing edge ends', () => {
    const document: DiagramDocument = {
      schemaVersion: 1,
      metadata: { title: 't', description: '' },
      nodes: [
        { id: 'a', kind: 'mystery', label: 'Mystery', position: { x: 0, y: 0 }, props: {} },
        {
          id: 'b',
          kind: 'vpc',
          label: 'Orphan',
          position: { x: 10, y: 10 },
          parentId: 'gone',
          props: {},
          size: { width: 300, height: 200 },
        },
        { id: 'd', kind: 'ecs-service', label: 'Odd props', position: { x: 400, y: 0 }, props: { cpu: 'lots' } },
      ],
      edges: [{ id: 'e', source: 'a', target: 'gone', props: {} }],
    };
    const result = exportSvg(document);
    const parsed = expectSelfContainedSvg(result.svg);
    expect(textContents(parsed)).toEqual(expect.arrayContaining(['Mystery', 'Orphan', 'Odd props']));
    expect(result.edgeCount).toBe(0);
  });
});

describe('renderers', () => {
  it('renders with rsvg-convert (librsvg, as Inkscape-era tools and GNOME use it) without complaint', (context) => {
    const probe = spawnSync('rsvg-convert', ['--version']);
    if (probe.error || probe.status !== 0) {
      context.skip('rsvg-convert is not installed; install librsvg2-bin to run this check');
      return;
    }
    const directory = mkdtempSync(join(tmpdir(), 'stowage-rsvg-'));
    const input = join(directory, 'sample.svg');
    const output = join(directory, 'sample.png');
    const { svg, width, height } = exportSvg(sample, {
      findings: [{ ruleId: 'x', severity: 'error', message: 'm', nodeIds: ['alb'], edgeIds: [] }],
    });
    writeFileSync(input, svg);
    const run = spawnSync('rsvg-convert', ['--zoom', '2', '--output', output, input], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const png = readFileSync(output);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width * 2, height * 2]);
  });
});
