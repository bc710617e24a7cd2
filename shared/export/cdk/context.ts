import { findKind, isEcsWorkload, isKubernetesWorkload, type KindId, type NodeOfKind } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';
import { arr, call, expr, member, obj, spread, type Code } from './code';
import type { FindingNotes } from './findings';
import { commentId } from './literal';
import { constructIdBase, variableBase } from './names';
import type { RegionPlan } from './plan/regions';
import { DEFAULT_PARTITION, type StackPlanning, type StackSlot } from './plan/stacks';
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
  /** Regions whose repositories stack this stack pulls images from (beyond its own Region). */
  readonly repositoryRegions = new Set<string | undefined>();

  readonly regions: RegionPlan;
  readonly region: string | undefined;

  constructor(
    readonly model: DiagramModel,
    readonly planning: StackPlanning,
    readonly slot: StackSlot,
    readonly b: StackBuilder,
    readonly notes: FindingNotes,
    /** The Region's repositories stack, when the diagram creates ECR repositories in this Region. */
    readonly repositories: RepositoryStackRef | undefined,
    /** Whether this stack creates the Region's Docker Hub pull-through cache rule (one per Region). */
    readonly ownsPullThroughCache: boolean,
  ) {
    this.regions = planning.regions;
    this.region = slot.region;
  }

  /** Whether this stack deploys the node (nodes no workload stack owns, such as images, count for every stack of their Region). */
  inStack(node: DiagramNode): boolean {
    const slot = this.planning.slotOf(node);
    return slot ? slot.key === this.slot.key : this.regions.regionOf(node) === this.region;
  }

  /** Nodes of `kind` deployed by this stack, in document order. */
  nodes<K extends KindId>(kind: K): NodeOfKind<K>[] {
    return this.model.nodesOfKind(kind).filter((node) => this.inStack(node));
  }

  /** The ECS services and tasks this stack deploys, in document order. */
  ecsWorkloads() {
    return this.model.document.nodes.filter((node) => isEcsWorkload(node) && this.inStack(node)).filter(isEcsWorkload);
  }

  /** Every workload this stack deploys: ECS first, then Kubernetes, each in document order. */
  workloads() {
    const kubernetes = this.model.document.nodes
      .filter((node) => isKubernetesWorkload(node) && this.inStack(node))
      .filter(isKubernetesWorkload);
    return [...this.ecsWorkloads(), ...kubernetes];
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
    // Users drawn in front of a load balancer have no construct of their own.
    for (const source of this.model.sources(node.id, 'sends-requests')) this.notes.writeFor(source.id, this.b, { primaryOnly: true });
  }

  /** `nameTag(variable, 'label')`: the diagram label as the console Name tag. */
  nameTag(variable: string, node: DiagramNode): void {
    if (node.label.trim() === '') return;
    this.b.usesNameTag = true;
    this.b.statement(call('nameTag', expr(variable), node.label));
  }

  // ───────────── VPCs ─────────────

  /**
   * Prepares the stack's VPC: the diagram VPC the stack is built around, or, for resources drawn
   * outside every VPC, a generated one (only when one of `needsVpc` is in this stack).
   */
  planVpc(needsVpc: readonly DiagramNode[]): void {
    const vpc = this.slot.partition === DEFAULT_PARTITION ? undefined : this.model.node(this.slot.partition);
    if (vpc) this.refs.vpcs.set(vpc.id, { variable: this.variable(vpc), layout: vpcLayout(this.model, vpc, this.region) });
    else if (needsVpc.some((node) => this.inStack(node))) {
      this.refs.vpcs.set(DEFAULT_VPC_KEY, { variable: this.b.variables.unique('vpc'), layout: defaultVpcLayout() });
    }
  }

  /** The VPC of a resource of this stack: every resource of a workload stack shares its VPC. */
  vpcOf(node: DiagramNode): VpcRef {
    const vpc = this.refs.vpcs.values().next().value;
    if (!vpc) throw new Error(`No VPC was planned for ${node.kind} ${node.id}.`);
    return vpc;
  }

  /**
   * `vpcSubnets` for resources placed in these diagram subnets, or undefined when the diagram
   * does not say (CDK's default for the construct then applies).
   */
  subnetSelection(vpc: VpcRef, subnets: readonly DiagramNode[], options: { minAzs?: number } = {}): Code | undefined {
    let choices = chooseSubnets(vpc.layout, subnets);
    if (!choices) return undefined;
    const slots = new Set(choices.flatMap((choice) => choice.slots ?? [...Array(vpc.layout.azCount).keys()]));
    if (options.minAzs !== undefined && slots.size < options.minAzs && vpc.layout.azCount >= options.minAzs) {
      this.b.comment(`This needs subnets in ${options.minAzs} Availability Zones: it takes its subnet group in every zone.`);
      choices = choices.map((choice) => ({ group: choice.group }));
    }
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
