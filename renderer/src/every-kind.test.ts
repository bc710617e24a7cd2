import { describe, expect, it } from 'vitest';
import {
  CATALOG,
  clusterKindsOf,
  isKubernetesWorkload,
  isEcsWorkload,
  isLoadBalancer,
  kindsWith,
  networkKinds,
} from '../../shared/catalog';
import { createNode, loadDocument, serializeDocument } from '../../shared/document';
import { generateCdkApp } from '../../shared/export/cdk';
import { CDK_EXPORTERS } from '../../shared/export/cdk/exporters';
import { constructIdBase } from '../../shared/export/cdk/names';
import { exportSvg } from '../../shared/export/svg/render';
import { DiagramModel } from '../../shared/model/diagram-model';
import { factsOf } from '../../shared/rules/support/facts';
import { routes } from '../../shared/rules/support/routes';
import { sampleDocument } from '../../shared/catalog/sample-document.test-support';
import { TEST_VERSIONS } from '../../test/cdk-synth/fixtures';
import { paletteSections } from './palette/palette-search';

/**
 * One document holding a node of every kind, each where its kind's `sample` puts it (built from
 * the catalog, so a new kind is here without editing this test), and a check per layer that the
 * kind's contribution is there: its constructs in the CDK app (or its reason for exporting
 * nothing), its node in the SVG, its role in the rules' model, its entry in the palette.
 */
describe('a document with one node of every kind', () => {
  const { document, ids } = sampleDocument();
  const kinds = CATALOG.map((kind) => kind.id);

  it('holds every kind of the catalog, as a document Stowage opens', () => {
    expect(kinds.filter((kind) => !document.nodes.some((node) => node.kind === kind))).toEqual([]);
    const loaded = loadDocument(serializeDocument(document));
    expect(loaded.ok && loaded.document.nodes.length).toBe(kinds.length);
    expect(loaded.ok && loaded.document.edges.length).toBe(document.edges.length);
  });

  it('exports each kind to CDK, or the kind says why it exports nothing', () => {
    const result = generateCdkApp(document, { appName: 'every-kind', findings: [], force: true, versions: TEST_VERSIONS });
    if (!result.ok) throw new Error('the export was refused');
    const code = result.files
      .filter((file) => file.path.endsWith('.ts'))
      .map((file) => file.content)
      .join('\n');
    const missing = kinds.flatMap((kind) => {
      const exporter = CDK_EXPORTERS[kind];
      if ('notExported' in exporter) return exporter.notExported.length > 20 ? [] : [`${kind}: no reason given`];
      return exporter.creates.filter((construct) => !code.includes(construct)).map((construct) => `${kind}: ${construct}`);
    });
    expect(missing).toEqual([]);
  });

  it('deploys each node from one stack, also in a Region with a second VPC', () => {
    const region = ids.get(networkKinds('region')[0]!)!;
    const vpcKind = networkKinds('vpc')[0]!;
    const clusterKind = clusterKindsOf('ecs')[0]!;
    const secondVpc = createNode(vpcKind, { id: 'n-second-vpc', label: 'second', parentId: region, position: { x: 2000, y: 60 } });
    const secondCluster = createNode(clusterKind, { id: 'n-second-cluster', parentId: secondVpc.id, position: { x: 40, y: 60 } });
    const twoVpcs = { ...document, nodes: [...document.nodes, secondVpc, secondCluster] };
    const result = generateCdkApp(twoVpcs, { appName: 'every-kind', findings: [], force: true, versions: TEST_VERSIONS });
    if (!result.ok) throw new Error('the export was refused');
    const stacks = result.files.filter((file) => file.path.startsWith('lib/'));
    expect(stacks.length).toBeGreaterThan(2);
    const filesOf = twoVpcs.nodes.map((node) => {
      const constructId = `'${constructIdBase(node.kind, node.id)}'`;
      return { node, files: stacks.filter((file) => file.content.includes(constructId)).map((file) => file.path) };
    });
    expect(filesOf.filter(({ files }) => files.length === 1).length).toBeGreaterThan(10);
    expect(filesOf.filter(({ files }) => files.length > 1).map(({ node, files }) => `${node.kind}: ${files.join(', ')}`)).toEqual([]);
  });

  it('draws every node in the SVG export, with its label', () => {
    const { svg } = exportSvg(document);
    const undrawn = kinds.filter(
      (kind) => !svg.includes(`the ${kind}`) && !svg.includes(`>${document.nodes.find((n) => n.id === ids.get(kind))?.label}<`),
    );
    expect(undrawn).toEqual([]);
  });

  it('gives the rules each workload and load balancer in its role', () => {
    const model = new DiagramModel(document);
    const facts = factsOf(model);
    const workloads = new Set(facts.workloads().map((node) => node.kind));
    expect([...workloads].sort()).toEqual(kindsWith('workload').sort());
    for (const node of document.nodes) {
      if (isEcsWorkload(node)) expect(facts.ecsCompute(node).cluster?.id, node.kind).toBeDefined();
      if (isKubernetesWorkload(node)) expect(facts.eksCompute(node).cluster?.id, node.kind).toBeDefined();
    }
    const routed = new Set(routes(model).map((route) => route.loadBalancer.kind));
    expect([...routed].sort()).toEqual(kindsWith('loadBalancer').sort());
    expect(document.nodes.filter(isLoadBalancer).length).toBe(kindsWith('loadBalancer').length);
  });

  it('lists every kind in the palette, under its category', () => {
    const listed = paletteSections('').flatMap((section) => section.kinds.map((kind) => `${section.id}/${kind.id}`));
    expect(listed.sort()).toEqual(CATALOG.map((kind) => `${kind.category}/${kind.id}`).sort());
  });
});
