import { findKind } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';
import { arr, call, expr, member, obj, spread, type Code } from './code';
import type { FindingNotes } from './findings';
import { commentId } from './literal';
import { constructIdBase, variableBase } from './names';
import type { RegionPlan } from './plan/regions';
import { chooseSubnets, defaultVpcLayout, vpcLayout, type VpcLayout } from './plan/vpc-layout';
import type { StackBuilder } from './stack-builder';

/** A VPC as the generated code refers to it. */
export interface VpcRef {
  variable: string;
  layout: VpcLayout;
}

/** Where a repository that lives in the Region's repositories stack is reached from the workload stack. */
export interface RepositoryStackRef {
  builder: StackBuilder;
  /** Field name on the repositories stack, by ECR repository node id. */
  fields: Map<string, string>;
}

/** Variables the generated code declared for diagram nodes and edges, for later statements to use. */
export class Refs {
  readonly vpcs = new Map<string, VpcRef>();
  readonly ecsClusters = new Map<string, string>();
  /** Auto Scaling group variable of an ECS EC2 capacity or EKS self-managed nodes node. */
  readonly autoScalingGroups = new Map<string, string>();
  readonly capacityProviders = new Map<string, string>();
  readonly fileSystems = new Map<string, string>();
  readonly loadBalancers = new Map<string, string>();
  /** `${lbNodeId}:${port}` → listener variable. */
  readonly listeners = new Map<string, string>();
  /** ALB/NLB listener routes whose target group is the default action (no conditions), by edge id. */
  readonly defaultRoutes = new Set<string>();
  /** Listener rule priority of ALB routes that need one, by edge id. */
  readonly routePriorities = new Map<string, number>();
  readonly ecsServices = new Map<string, string>();
  /** ALB target groups of a service, by service node id. */
  readonly albTargetGroups = new Map<string, string[]>();
  readonly eksClusters = new Map<string, string>();
  readonly nodegroups = new Map<string, string>();
  readonly fargateProfiles = new Map<string, string>();
  /** Kubernetes namespace manifests, by `${clusterId}:${namespace}`. */
  readonly namespaces = new Map<string, string>();
  /** Manifest variables of Kubernetes workloads, by node id. */
  readonly eksWorkloadManifests = new Map<string, string>();
  /** CloudFormation parameters for certificate ARNs, by `${lbNodeId}:${port}`. */
  readonly certificateParameters = new Map<string, string>();
  /** Image expressions already prepared (secrets imported), by image node id. */
  readonly images = new Map<string, ImageRef>();
  pullThroughCacheRule?: string;
}

export interface ImageRef {
  /** `ecs.ContainerImage` for ECS (a function, so only stacks with ECS code import aws-ecs). */
  ecs: () => Code;
  /** The image reference string for Kubernetes. */
  kubernetes: Code;
  /** Docker Hub credentials for ECS, used by no Kubernetes code. */
  hasCredentials: boolean;
  /** A statement the task execution role needs beyond what the image grants itself. */
  executionPolicy?: Code;
}

export const DEFAULT_VPC_KEY = '';
export const DEFAULT_CLUSTER_KEY = '';

/** Everything the emitters of one workload stack share. */
export class EmitContext {
  readonly refs = new Refs();

  constructor(
    readonly model: DiagramModel,
    readonly regions: RegionPlan,
    readonly region: string | undefined,
    readonly b: StackBuilder,
    readonly notes: FindingNotes,
    /** The Region's repositories stack, when the diagram creates ECR repositories in this Region. */
    readonly repositories: RepositoryStackRef | undefined,
  ) {}

  inStack(node: DiagramNode): boolean {
    return this.regions.regionOf(node) === this.region;
  }

  /** Nodes of `kind` deployed by this stack, in document order. */
  nodes(kind: string): DiagramNode[] {
    return this.model.nodesOfKind(kind).filter((node) => this.inStack(node));
  }

  /** `ecsServiceNK3x9q2mf` (unique in the file). */
  variable(node: { id: string; kind?: string }, role = '', kind = node.kind ?? 'item'): string {
    return this.b.variables.unique(variableBase(kind, node.id, role));
  }

  /** `EcsServiceNK3x9q2mf` (unique among the stack's direct children). */
  constructId(node: { id: string; kind?: string }, role = '', kind = node.kind ?? 'item'): string {
    return this.b.constructIds.unique(constructIdBase(kind, node.id, role));
  }

  /** The comment that opens a node's statements, followed by the problems found there. */
  header(node: DiagramNode, note?: string): void {
    this.b.blank();
    const kindLabel = findKind(node.kind)?.label ?? node.kind;
    this.b.comment(`${kindLabel} ${commentId(node.id)}${note ? `: ${note}` : ''}`);
    this.notes.writeFor(node.id, this.b);
  }

  /** `nameTag(variable, 'label')`: the diagram label as the console Name tag. */
  nameTag(variable: string, node: DiagramNode): void {
    if (node.label.trim() === '') return;
    this.b.usesNameTag = true;
    this.b.statement(call('nameTag', expr(variable), node.label));
  }

  // ───────────── VPCs ─────────────

  /** Prepares every VPC the stack needs (diagram VPCs and, when some resource has none, a generated one). */
  planVpcs(needsVpc: readonly DiagramNode[]): void {
    for (const vpc of this.nodes('vpc')) {
      this.refs.vpcs.set(vpc.id, { variable: this.variable(vpc), layout: vpcLayout(this.model, vpc, this.region) });
    }
    if (needsVpc.some((node) => this.diagramVpcOf(node) === undefined)) {
      this.refs.vpcs.set(DEFAULT_VPC_KEY, { variable: this.b.variables.unique('vpc'), layout: defaultVpcLayout() });
    }
  }

  vpcOf(node: DiagramNode): VpcRef {
    const vpc = this.diagramVpcOf(node);
    return this.refs.vpcs.get(vpc?.id ?? DEFAULT_VPC_KEY)!;
  }

  /** The diagram VPC a resource belongs to, or undefined when the generated default VPC serves it. */
  diagramVpcOf(node: DiagramNode, seen = new Set<string>()): DiagramNode | undefined {
    const candidate = this.model.vpcOf(node.id) ?? this.inferredVpc(node, seen);
    if (candidate && this.inStack(candidate)) return candidate;
    const own = this.nodes('vpc');
    return own.length === 1 ? own[0] : undefined;
  }

  private inferredVpc(node: DiagramNode, seen: Set<string>): DiagramNode | undefined {
    if (seen.has(node.id)) return undefined;
    seen.add(node.id);
    const viaCluster = (other: DiagramNode) => {
      const cluster = this.model.nearest(other.id, 'ecs-cluster', 'eks-cluster');
      return cluster ? this.model.vpcOf(cluster.id) ?? this.inferredVpc(cluster, seen) : this.model.vpcOf(other.id);
    };
    switch (node.kind) {
      case 'ecs-cluster':
      case 'eks-cluster':
        for (const inside of this.model.index.descendants(node.id)) {
          const vpc = this.model.vpcOf(inside.id);
          if (vpc) return vpc;
        }
        return undefined;
      case 'alb':
      case 'nlb':
      case 'clb':
        return firstDefined(this.model.targets(node.id, 'routes-traffic'), viaCluster);
      case 'efs':
        return firstDefined(this.model.sources(node.id, 'mounts'), viaCluster);
      default:
        return undefined;
    }
  }

  /**
   * `vpcSubnets` for resources placed in these diagram subnets, or undefined when the diagram
   * does not say (CDK's default for the construct then applies).
   */
  subnetSelection(vpc: VpcRef, subnets: readonly DiagramNode[]): Code | undefined {
    const choices = chooseSubnets(vpc.layout, subnets);
    if (!choices) return undefined;
    const azs = (slots: number[]) =>
      arr(slots.map((slot) => (vpc.layout.azNames ? vpc.layout.azNames[slot]! : expr(`${vpc.variable}.availabilityZones[${slot}]`))));
    const selection = (choice: (typeof choices)[number]) =>
      obj({ subnetGroupName: choice.group, availabilityZones: choice.slots ? azs(choice.slots) : undefined });
    if (choices.length === 1) return selection(choices[0]!);
    return obj({
      subnets: arr(choices.map((choice) => spread(member(call(`${vpc.variable}.selectSubnets`, selection(choice)), 'subnets')))),
    });
  }
}

function firstDefined<T, R>(items: readonly T[], map: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const value = map(item);
    if (value !== undefined) return value;
  }
  return undefined;
}
