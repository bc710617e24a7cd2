import { describe, expect, it } from 'vitest';
import { CATALOG, isKubernetesWorkload, isEcsWorkload, isLoadBalancer, kindsWith, type KindId } from '../../shared/catalog';
import type { DiagramDocument } from '../../shared/document';
import { generateCdkApp } from '../../shared/export/cdk';
import { CDK_EXPORTERS } from '../../shared/export/cdk/exporters';
import { exportSvg } from '../../shared/export/svg/render';
import { DiagramModel } from '../../shared/model/diagram-model';
import { factsOf } from '../../shared/rules/support/facts';
import { routes } from '../../shared/rules/support/routes';
import { diagram, network } from '../../shared/rules/test-support/diagram-builder.test-support';
import { TEST_VERSIONS } from '../../test/cdk-synth/fixtures';
import { paletteSections } from './palette/palette-search';

/**
 * One document holding a node of every kind, each where it belongs, and a check per layer that
 * the kind's contribution is there: its constructs in the CDK app (or its reason for exporting
 * nothing), its node in the SVG, its role in the rules' model, its entry in the palette. A new
 * kind fails here until this document holds one, so every layer is looked at.
 */
function everyKind(): { document: DiagramDocument; ids: Map<KindId, string> } {
  const d = diagram();
  const ids = new Map<KindId, string>();
  const add = (kind: KindId, options: Parameters<typeof d.add>[1] = {}) => {
    const id = d.add(kind, { label: `the ${kind}`, ...options });
    if (!ids.has(kind)) ids.set(kind, id);
    return id;
  };
  const net = network(d, { endpoints: ['ecr.api'] });
  ids.set('region', net.region);
  ids.set('vpc', net.vpc);
  ids.set('availability-zone', net.zones[0]!);
  ids.set('subnet', net.privateSubnets[0]!);
  ids.set('nat-gateway', net.nat!);
  ids.set('vpc-endpoint', d.build().nodes.find((node) => node.kind === 'vpc-endpoint')!.id);
  const repository = add('ecr-repository', { in: net.region });
  const hub = add('dockerhub-image');
  const users = add('internet');
  const cluster = add('ecs-cluster', { in: net.vpc });
  const fargate = add('ecs-fargate-capacity', { in: cluster });
  const ec2 = add('ecs-ec2-capacity', { in: cluster });
  for (const subnet of net.privateSubnets) d.connect(ec2, subnet);
  add('ecs-external-capacity', { in: cluster });
  const service = add('ecs-service', { in: fargate });
  for (const subnet of net.privateSubnets) d.connect(service, subnet);
  d.connect(service, repository);
  const task = add('ecs-task', { in: fargate });
  d.connect(task, hub);
  const eks = add('eks-cluster', { in: net.vpc });
  for (const subnet of net.privateSubnets) d.connect(eks, subnet);
  const nodes = add('eks-managed-node-group', { in: eks });
  add('eks-self-managed-nodes', { in: eks });
  add('eks-fargate-profile', { in: eks });
  const pods = add('eks-workload', { in: nodes });
  d.connect(pods, repository);
  const alb = add('alb', { in: net.vpc });
  for (const subnet of net.publicSubnets) d.connect(alb, subnet);
  d.connect(users, alb);
  d.connect(alb, service);
  const nlb = add('nlb', { in: net.vpc });
  for (const subnet of net.publicSubnets) d.connect(nlb, subnet);
  d.connect(nlb, service, { listenerPort: 8080 });
  const clb = add('clb', { in: net.vpc });
  for (const subnet of net.publicSubnets) d.connect(clb, subnet);
  const api = d.add('ecs-service', { in: ec2, label: 'api', props: { networkMode: 'bridge' } });
  d.connect(clb, api);
  const efs = add('efs', { in: net.vpc });
  d.connect(service, efs);
  const serviceScaling = add('service-auto-scaling');
  d.connect(serviceScaling, service);
  const instanceScaling = add('ec2-auto-scaling');
  d.connect(instanceScaling, ec2);
  return { document: d.build(), ids };
}

describe('a document with one node of every kind', () => {
  const { document, ids } = everyKind();
  const kinds = CATALOG.map((kind) => kind.id);

  it('holds every kind of the catalog', () => {
    expect(kinds.filter((kind) => !document.nodes.some((node) => node.kind === kind))).toEqual([]);
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
