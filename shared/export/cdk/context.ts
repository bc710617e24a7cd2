import { findKind } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';
import { arr, call, expr, member, newCall, obj, props, spread, type Code } from './code';
import type { FindingNotes } from './findings';
import { commentId } from './literal';
import { constructIdBase, variableBase } from './names';
import { Declarations } from './plan/constructs';
import { StackScope } from './plan/scope';
import type { StackPlan } from './plan/stack';
import type { StackPlanning, StackSlot } from './plan/stacks';
import { chooseSubnets, type VpcLayout } from './plan/vpc-layout';
import { MODULES, type StackBuilder } from './stack-builder';

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

/**
 * What the emitters of one workload stack share while they write it: the stack's plan (every
 * decision, taken before), the file being built, the variables declared so far for the plan's
 * constructs, and the helpers every emitter uses (names, headers, subnet selections).
 */
export class EmitContext extends StackScope {
  /** Variables of the planned constructs written so far. */
  readonly declared = new Declarations();
  /** Image references prepared for the stack's workloads, by image node id. */
  readonly images = new Map<string, ImageRef>();
  /** The stack's VPC, declared first of all (its variable is the first name the file gives out). */
  readonly vpc: VpcRef | undefined;
  private readonly certificates = new Map<string, string>();

  constructor(
    model: DiagramModel,
    planning: StackPlanning,
    slot: StackSlot,
    readonly plan: StackPlan,
    readonly b: StackBuilder,
    readonly notes: FindingNotes,
    /** The Region's repositories stack, when the diagram creates ECR repositories in this Region. */
    readonly repositories: RepositoryStackRef | undefined,
  ) {
    super(model, planning, slot);
    const vpc = plan.vpc;
    this.vpc = vpc && { variable: vpc.node ? this.variable(vpc.node) : b.variables.unique('vpc'), layout: vpc.layout };
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

  /** The VPC of a resource of this stack: every resource of a workload stack shares its VPC. */
  vpcOf(node: DiagramNode): VpcRef {
    if (!this.vpc) throw new Error(`No VPC was planned for ${node.kind} ${node.id}.`);
    return this.vpc;
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

  /**
   * `param.valueAsString` of a CloudFormation parameter for the ARN of the ACM certificate of a
   * load balancer's port, declared where it is first needed (by the load balancer, or by the
   * Kubernetes Service or Ingress that creates it), once per load balancer and port.
   */
  certificateArn(loadBalancer: DiagramNode, port: number): Code {
    const key = `${loadBalancer.id}:${port}`;
    let variable = this.certificates.get(key);
    if (!variable) {
      const cdk = this.b.use(MODULES.cdk);
      variable = this.variable(loadBalancer, `CertificateArn${port}`);
      const name = this.constructId(loadBalancer, `CertificateArn${port}`);
      this.b.parameters.push({
        name,
        purpose: `the ARN of the ACM certificate for port ${port} of load balancer \`${commentId(loadBalancer.id)}\`.`,
      });
      this.b.declare(
        variable,
        newCall(
          `${cdk}.CfnParameter`,
          expr('this'),
          name,
          props({
            type: 'String',
            description: `ARN of the ACM certificate for port ${port} of load balancer ${commentId(loadBalancer.id)}.`,
          }),
        ),
      );
      this.certificates.set(key, variable);
    }
    return expr(`${variable}.valueAsString`);
  }
}
