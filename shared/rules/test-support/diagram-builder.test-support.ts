import { findConnection } from '../../catalog';
import {
  addEdges,
  addNodes,
  createDocument,
  createEdge,
  createNode,
  describeIssues,
  loadDocumentValue,
  serializeDocument,
  type DiagramDocument,
  type DiagramEdge,
  type DiagramNode,
} from '../../document';
import { findRule, runRules } from '../index';
import type { Finding } from '../types';

/**
 * A fluent way to draw diagrams in tests:
 *
 *   const d = diagram();
 *   const cluster = d.add('ecs-cluster');
 *   const web = d.add('ecs-service', { in: cluster, label: 'web', props: { networkMode: 'bridge' } });
 *   d.connect(alb, web, { targetType: 'ip' });
 *   const document = d.build();
 *
 * build() round-trips the document through the real loader, so a test can never check a
 * diagram that Stowage itself would refuse to open.
 */
export interface AddOptions {
  in?: string;
  label?: string;
  props?: Record<string, unknown>;
  id?: string;
}

export class DiagramBuilder {
  private readonly nodes: DiagramNode[] = [];
  private readonly edges: DiagramEdge[] = [];
  private nodeCounter = 0;
  private edgeCounter = 0;

  add(kind: string, options: AddOptions = {}): string {
    const id = options.id ?? `n-${kind}-${++this.nodeCounter}`;
    const siblings = this.nodes.filter((node) => node.parentId === options.in).length;
    const node = createNode(kind, {
      id,
      position: { x: 30 + (siblings % 4) * 260, y: 60 + Math.floor(siblings / 4) * 300 },
      ...(options.in === undefined ? {} : { parentId: options.in }),
      ...(options.label === undefined ? {} : { label: options.label }),
      ...(options.props === undefined ? {} : { props: options.props }),
    });
    this.nodes.push(node);
    return id;
  }

  /** Connects two nodes; `props` patch the connection's defaults. */
  connect(source: string, target: string, props: Record<string, unknown> = {}): string {
    const sourceNode = this.node(source);
    const targetNode = this.node(target);
    const connection = findConnection(sourceNode.kind, targetNode.kind);
    if (!connection) throw new Error(`No connection from ${sourceNode.kind} to ${targetNode.kind}`);
    const schema = connection.definition.props;
    const id = `e-${++this.edgeCounter}`;
    this.edges.push(createEdge(id, { source, target }, schema ? schema.parse(props) : {}));
    return id;
  }

  /** Merges props into a node (validated at build time). */
  set(id: string, props: Record<string, unknown>): this {
    const node = this.node(id);
    node.props = { ...node.props, ...props };
    return this;
  }

  /** Merges props into an edge. */
  setEdge(id: string, props: Record<string, unknown>): this {
    const edge = this.edges.find((candidate) => candidate.id === id);
    if (!edge) throw new Error(`No edge ${id}`);
    edge.props = { ...edge.props, ...props };
    return this;
  }

  /** Removes a node with its descendants and their edges, or an edge. */
  remove(id: string): this {
    const doomed = new Set([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const node of this.nodes) {
        if (node.parentId !== undefined && doomed.has(node.parentId) && !doomed.has(node.id)) {
          doomed.add(node.id);
          grew = true;
        }
      }
    }
    this.nodes.splice(0, this.nodes.length, ...this.nodes.filter((node) => !doomed.has(node.id)));
    this.edges.splice(
      0,
      this.edges.length,
      ...this.edges.filter((edge) => !doomed.has(edge.id) && !doomed.has(edge.source) && !doomed.has(edge.target)),
    );
    return this;
  }

  build(): DiagramDocument {
    const draft = addEdges(addNodes(createDocument('Test diagram'), this.nodes), this.edges);
    const loaded = loadDocumentValue(JSON.parse(serializeDocument(draft)));
    if (!loaded.ok)
      throw new Error(
        `The test diagram is not a valid document: ${describeIssues(loaded.error.issues).join('; ') || loaded.error.message}`,
      );
    return loaded.document;
  }

  private node(id: string): DiagramNode {
    const node = this.nodes.find((candidate) => candidate.id === id);
    if (!node) throw new Error(`No node ${id}`);
    return node;
  }
}

export function diagram(): DiagramBuilder {
  return new DiagramBuilder();
}

/** Findings of one rule only. */
export function check(document: DiagramDocument, ruleId: string): Finding[] {
  const rule = findRule(ruleId);
  if (!rule) throw new Error(`No rule ${ruleId}`);
  return runRules(document, [rule]);
}

/** Rule ids of every finding, sorted and de-duplicated: the quickest way to assert "exactly these problems". */
export function ruleIds(document: DiagramDocument): string[] {
  return [...new Set(runRules(document).map((finding) => finding.ruleId))].sort();
}

/** Applies a finding's quick fix, failing the test when there is none. */
export function applyFix(document: DiagramDocument, finding: Finding | undefined): DiagramDocument {
  if (!finding?.fix) throw new Error(`Finding has no quick fix: ${finding?.message ?? 'no finding'}`);
  return finding.fix.apply(document);
}

// ───────────────────────────── Scenarios ─────────────────────────────

export interface NetworkOptions {
  regionCode?: string;
  zones?: readonly string[];
  /** A public NAT gateway in the first public subnet. */
  nat?: boolean;
  endpoints?: readonly string[];
}

export interface Network {
  region: string;
  vpc: string;
  zones: string[];
  publicSubnets: string[];
  privateSubnets: string[];
  nat?: string;
}

/** Region ⊃ VPC ⊃ AZs, each with a public subnet (auto-assigning public IPs) and a private one. */
export function network(d: DiagramBuilder, options: NetworkOptions = {}): Network {
  const region = d.add('region', { label: options.regionCode ?? 'us-east-1', props: { regionCode: options.regionCode ?? 'us-east-1' } });
  const vpc = d.add('vpc', { in: region, label: 'VPC' });
  const zones: string[] = [];
  const publicSubnets: string[] = [];
  const privateSubnets: string[] = [];
  (options.zones ?? ['a', 'b']).forEach((letter, index) => {
    const zone = d.add('availability-zone', { in: vpc, label: `AZ ${letter}`, props: { zone: letter } });
    zones.push(zone);
    publicSubnets.push(
      d.add('subnet', {
        in: zone,
        label: `Public ${letter}`,
        props: { access: 'public', cidr: `10.0.${index * 2}.0/24`, mapPublicIpOnLaunch: true },
      }),
    );
    privateSubnets.push(
      d.add('subnet', { in: zone, label: `Private ${letter}`, props: { access: 'private', cidr: `10.0.${index * 2 + 1}.0/24` } }),
    );
  });
  const result: Network = { region, vpc, zones, publicSubnets, privateSubnets };
  if (options.nat !== false) result.nat = d.add('nat-gateway', { in: publicSubnets[0]!, label: 'NAT' });
  for (const service of options.endpoints ?? []) d.add('vpc-endpoint', { in: vpc, label: `${service} endpoint`, props: { service } });
  return result;
}

export interface FargateWebStack extends Network {
  cluster: string;
  fargate: string;
  web: string;
  alb: string;
  users: string;
  repository: string;
  /** alb → web */
  route: string;
}

/**
 * The reference architecture every rule must accept: users → internet-facing ALB in two
 * public subnets → Fargate service in two private subnets, image from ECR in the same Region.
 */
export function fargateWebStack(d: DiagramBuilder, options: NetworkOptions = {}): FargateWebStack {
  const net = network(d, options);
  const cluster = d.add('ecs-cluster', { in: net.vpc, label: 'cluster' });
  const fargate = d.add('ecs-fargate-capacity', { in: cluster, label: 'Fargate' });
  const web = d.add('ecs-service', { in: fargate, label: 'web', props: { cpu: 512, memory: 1024 } });
  for (const subnet of net.privateSubnets) d.connect(web, subnet);
  const alb = d.add('alb', { in: net.vpc, label: 'ALB' });
  for (const subnet of net.publicSubnets) d.connect(alb, subnet);
  const users = d.add('internet', { label: 'Users' });
  d.connect(users, alb);
  const route = d.connect(alb, web);
  const repository = d.add('ecr-repository', { in: net.region, label: 'web' });
  d.connect(web, repository);
  return { ...net, cluster, fargate, web, alb, users, repository, route };
}

export interface Ec2Stack extends Network {
  cluster: string;
  capacity: string;
  api: string;
  repository: string;
}

/** An ECS cluster with one ASG capacity provider (managed scaling) in the private subnets and a bridge-mode service on it. */
export function ec2Stack(d: DiagramBuilder, options: NetworkOptions = {}): Ec2Stack {
  const net = network(d, options);
  const cluster = d.add('ecs-cluster', { in: net.vpc, label: 'cluster' });
  const capacity = d.add('ecs-ec2-capacity', { in: cluster, label: 'ASG', props: { minSize: 2, maxSize: 6 } });
  for (const subnet of net.privateSubnets) d.connect(capacity, subnet);
  const api = d.add('ecs-service', { in: capacity, label: 'api', props: { networkMode: 'bridge', cpu: 512, memory: 1024 } });
  const repository = d.add('ecr-repository', { in: net.region, label: 'api' });
  d.connect(api, repository);
  return { ...net, cluster, capacity, api, repository };
}

export interface EksStack extends Network {
  cluster: string;
  nodes: string;
  app: string;
  repository: string;
}

/** An EKS cluster with subnets in two AZs, a Linux managed node group in the private subnets and one Deployment on it. */
export function eksStack(d: DiagramBuilder, options: NetworkOptions = {}): EksStack {
  const net = network(d, options);
  const cluster = d.add('eks-cluster', { in: net.vpc, label: 'eks' });
  for (const subnet of net.privateSubnets) d.connect(cluster, subnet);
  const nodes = d.add('eks-managed-node-group', { in: cluster, label: 'nodes' });
  for (const subnet of net.privateSubnets) d.connect(nodes, subnet);
  const app = d.add('eks-workload', { in: nodes, label: 'app' });
  const repository = d.add('ecr-repository', { in: net.region, label: 'app' });
  d.connect(app, repository);
  return { ...net, cluster, nodes, app, repository };
}
