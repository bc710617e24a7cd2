import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { CATALOG, findKind } from '../../catalog';
import { sampleDocument } from '../../catalog/sample-document.test-support';
import { DocumentIndex, loadDocument, routeBetween, type DiagramDocument } from '../../document';
import { exportDrawio, iconCellId, DRAWIO_LAYER_ID, DRAWIO_ROOT_ID } from './render';
import { AWS4, AWS4_SHAPE_NAMES, DRAWIO_LOOKS } from './shapes';

const examplesDirectory = join(import.meta.dirname, '..', '..', '..', 'examples');
const examples = readdirSync(examplesDirectory)
  .filter((file) => file.endsWith('.stowage'))
  .map((file): [string, DiagramDocument] => {
    const result = loadDocument(readFileSync(join(examplesDirectory, file), 'utf8'));
    if (!result.ok) throw new Error(result.error.message);
    return [file, result.document];
  });

/** Parses strictly (any parser warning fails) and returns the cells by id. */
function cellsOf(xml: string): Map<string, Element> {
  const parsed = new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  expect(parsed.documentElement?.localName).toBe('mxfile');
  const cells = Array.from(parsed.getElementsByTagName('mxCell'));
  const byId = new Map(cells.map((cell) => [cell.getAttribute('id')!, cell]));
  expect(byId.size, 'cell ids are unique').toBe(cells.length);
  return byId;
}

function styleOf(cell: Element): Map<string, string> {
  return new Map(
    (cell.getAttribute('style') ?? '')
      .split(';')
      .filter(Boolean)
      .map((entry) => entry.split('=') as [string, string]),
  );
}

const KNOWN_NAMES = new Set(AWS4_SHAPE_NAMES.map((name) => `${AWS4}.${name}`));

/** The mxgraph.aws4 names a style refers to: its shape, and the icon a resource icon or group draws. */
function aws4Names(style: Map<string, string>): string[] {
  return ['shape', 'resIcon', 'grIcon'].flatMap((key) => {
    const value = style.get(key);
    return value === undefined ? [] : [value];
  });
}

function expectComplete(document: DiagramDocument): Map<string, Element> {
  const cells = cellsOf(exportDrawio(document).xml);
  const index = new DocumentIndex(document);
  expect(cells.get(DRAWIO_ROOT_ID)?.getAttribute('parent') ?? '').toBe('');
  expect(cells.get(DRAWIO_LAYER_ID)?.getAttribute('parent')).toBe(DRAWIO_ROOT_ID);
  for (const node of document.nodes) {
    const cell = cells.get(node.id);
    expect(cell, `node ${node.id}`).toBeDefined();
    expect(cell!.getAttribute('vertex')).toBe('1');
    expect(cell!.getAttribute('parent'), `parent of ${node.id}`).toBe(node.parentId ?? DRAWIO_LAYER_ID);
    const kind = findKind(node.kind)!;
    if (kind.group) {
      expect(styleOf(cell!).get('container'), `${node.id} is a draw.io container`).toBe('1');
    } else {
      const icon = cells.get(iconCellId(node.id));
      expect(icon?.getAttribute('parent'), `${node.id} has its AWS icon`).toBe(node.id);
      expect(aws4Names(styleOf(icon!)).length).toBeGreaterThan(0);
    }
  }
  for (const edge of document.edges) {
    const cell = cells.get(edge.id);
    expect(cell, `edge ${edge.id}`).toBeDefined();
    expect([cell!.getAttribute('edge'), cell!.getAttribute('source'), cell!.getAttribute('target')]).toEqual([
      '1',
      edge.source,
      edge.target,
    ]);
    const sourceChain = new Set(index.ancestors(edge.source).map((node) => node.id));
    const shared = index.ancestors(edge.target).find((node) => sourceChain.has(node.id));
    expect(cell!.getAttribute('parent'), `parent of edge ${edge.id}`).toBe(shared?.id ?? DRAWIO_LAYER_ID);
  }
  for (const [id, cell] of cells) {
    for (const name of aws4Names(styleOf(cell))) expect(KNOWN_NAMES, `${id} uses ${name}`).toContain(name);
  }
  return cells;
}

describe('draw.io export', () => {
  it.each(examples)('%s: parses, and holds every node, group and edge with the right parent and a draw.io AWS shape', (_name, document) => {
    expectComplete(document);
  });

  it('draws every kind of the catalog with the draw.io look its table gives', () => {
    const { document } = sampleDocument();
    const cells = expectComplete(document);
    const seen = new Set(document.nodes.map((node) => node.kind));
    expect([...seen].sort()).toEqual(CATALOG.map((kind) => kind.id).sort());
    for (const node of document.nodes) {
      const look = DRAWIO_LOOKS[node.kind as keyof typeof DRAWIO_LOOKS];
      const style = styleOf(findKind(node.kind)!.group ? cells.get(node.id)! : cells.get(iconCellId(node.id))!);
      if ('group' in look) expect(style.get('grIcon')).toBe(`${AWS4}.${look.group}`);
      if ('service' in look)
        expect([style.get('shape'), style.get('resIcon')]).toEqual([`${AWS4}.resourceIcon`, `${AWS4}.${look.service}`]);
      if ('resource' in look) expect(style.get('shape')).toBe(`${AWS4}.${look.resource}`);
      if ('plainGroup' in look) expect(style.has('shape')).toBe(false);
    }
  });

  it('routes edges through the corners the canvas draws, relative to the group that holds them, with their labels', () => {
    const [, document] = examples.find(([name]) => name === 'fargate-web-service.stowage')!;
    const cells = cellsOf(exportDrawio(document).xml);
    const index = new DocumentIndex(document);
    let bent = 0;
    for (const edge of document.edges) {
      const cell = cells.get(edge.id)!;
      expect(cell.getAttribute('value')).not.toBe('');
      const parent = cell.getAttribute('parent')!;
      const origin = parent === DRAWIO_LAYER_ID ? { x: 0, y: 0 } : index.absolutePosition(parent);
      const points = Array.from(cell.getElementsByTagName('mxPoint')).map((point) => ({
        x: Number(point.getAttribute('x')) + origin.x,
        y: Number(point.getAttribute('y')) + origin.y,
      }));
      const route = routeBetween(index.absoluteRect(edge.source), index.absoluteRect(edge.target), edge.sourceHandle, edge.targetHandle);
      // Every corner lies on the canvas route's path data, and the ends leave and enter on its sides.
      for (const point of points) expect(route.path).toContain(`Q${point.x} ${point.y}`);
      const style = styleOf(cell);
      const side = { left: '0,0.5', right: '1,0.5', top: '0.5,0', bottom: '0.5,1' };
      expect(`${style.get('exitX')},${style.get('exitY')}`).toBe(side[route.sourceSide]);
      expect(`${style.get('entryX')},${style.get('entryY')}`).toBe(side[route.targetSide]);
      if (points.length > 0) bent++;
    }
    expect(bent).toBeGreaterThan(0);
  });

  it('keeps hostile labels as text: markup characters neither break the XML nor become HTML in draw.io', () => {
    const { document } = sampleDocument();
    const hostile = '<img src=x onerror=alert(1)> & "quotes" \u0001';
    const node = document.nodes.find((candidate) => !findKind(candidate.kind)!.group)!;
    const renamed = {
      ...document,
      nodes: document.nodes.map((candidate) => (candidate === node ? { ...candidate, label: hostile } : candidate)),
    };
    const value = cellsOf(exportDrawio(renamed).xml).get(node.id)!.getAttribute('value')!;
    expect(value).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quotes&#34;');
    expect(value).not.toContain('<img');
  });
});
