import type { KindId } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import type { EmitContext } from './context';
import { emitEcsClusters } from './emit/ecs-cluster';
import { emitEcsWorkloads } from './emit/ecs-workloads';
import { emitEksClusters } from './emit/eks';
import { emitImages } from './emit/images';
import { emitLoadBalancers } from './emit/load-balancers';
import { emitVpcs } from './emit/network';
import { emitFileSystems } from './emit/storage';

/**
 * What the CDK exporter does with each kind, in the style of tldraw's ShapeUtils: one entry per
 * kind of the catalog, checked by the compiler (`Record<KindId, …>`), so a new kind does not
 * compile until someone decides what it exports, or says that it exports nothing.
 *
 * Several kinds can share one emitter (an ECS cluster emits the capacity drawn inside it). The
 * app runs every emitter once per workload stack, in `order`, handing it the stack's nodes of the
 * kinds registered to it.
 */

export interface StackEmitter {
  /** Names the emitter in errors and tests. */
  id: string;
  /** Position in the stack file: earlier sections define what later ones refer to (VPCs before clusters). */
  order: number;
  emit(ctx: EmitContext, nodes: readonly DiagramNode[]): void;
}

export interface KindExporter {
  /** Writes this kind's nodes into a workload stack (or, for `repositories`, the Region's repositories stack). */
  emitter: StackEmitter | 'repositories-stack';
  /** CDK constructs (or Kubernetes objects) the generated code creates for a node of this kind; the every-kind test looks for them. */
  creates: readonly string[];
  /** How the generated README mentions the kind: counted in its summary, and as the example node (lowest rank first). */
  readme?: { counted?: true; example?: number };
}

export interface NotExported {
  notExported: string;
}

const notes: StackEmitter = {
  id: 'notes',
  order: 0,
  emit(ctx, nodes) {
    for (const node of nodes) ctx.notes.writeFor(node.id, ctx.b);
  },
};
const network: StackEmitter = { id: 'network', order: 1, emit: (ctx) => emitVpcs(ctx) };
const images: StackEmitter = { id: 'images', order: 2, emit: (ctx) => emitImages(ctx, ctx.workloads()) };
const fileSystems: StackEmitter = { id: 'file-systems', order: 3, emit: (ctx) => emitFileSystems(ctx) };
const loadBalancers: StackEmitter = { id: 'load-balancers', order: 4, emit: (ctx) => emitLoadBalancers(ctx) };
const ecsClusters: StackEmitter = { id: 'ecs-clusters', order: 5, emit: (ctx) => emitEcsClusters(ctx, ctx.ecsWorkloads()) };
const ecsWorkloads: StackEmitter = { id: 'ecs-workloads', order: 6, emit: (ctx) => emitEcsWorkloads(ctx, ctx.ecsWorkloads()) };
const eks: StackEmitter = { id: 'eks', order: 7, emit: (ctx) => emitEksClusters(ctx) };

export const CDK_EXPORTERS = {
  region: { emitter: notes, creates: ['env'] },
  vpc: { emitter: network, creates: ['ec2.Vpc'], readme: { counted: true, example: 5 } },
  'availability-zone': { emitter: network, creates: ['availabilityZones'] },
  subnet: { emitter: network, creates: ['subnetConfiguration'] },
  'nat-gateway': { emitter: network, creates: ['natGateways'] },
  'vpc-endpoint': { emitter: network, creates: ['InterfaceVpcEndpointAwsService'] },
  internet: {
    notExported: 'The internet and its users are not resources; findings about them are written next to the load balancer they reach.',
  },
  'ecr-repository': { emitter: 'repositories-stack', creates: ['ecr.Repository'], readme: { counted: true } },
  'dockerhub-image': { emitter: images, creates: ['ContainerImage.fromRegistry'] },
  'ecs-cluster': { emitter: ecsClusters, creates: ['ecs.Cluster'], readme: { counted: true, example: 3 } },
  'ecs-fargate-capacity': { emitter: ecsClusters, creates: ['enableFargateCapacityProviders'] },
  'ecs-ec2-capacity': { emitter: ecsClusters, creates: ['autoscaling.AutoScalingGroup', 'ecs.AsgCapacityProvider'] },
  'ecs-external-capacity': { emitter: ecsClusters, creates: ['ECS Anywhere'] },
  'ecs-service': { emitter: ecsWorkloads, creates: ['ecs.FargateService'], readme: { counted: true, example: 1 } },
  'ecs-task': { emitter: ecsWorkloads, creates: ['ecs.FargateTaskDefinition'], readme: { counted: true } },
  'eks-cluster': { emitter: eks, creates: ['eks.Cluster'], readme: { counted: true, example: 4 } },
  'eks-managed-node-group': { emitter: eks, creates: ['addNodegroupCapacity'] },
  'eks-self-managed-nodes': { emitter: eks, creates: ['addAutoScalingGroupCapacity'] },
  'eks-fargate-profile': { emitter: eks, creates: ['addFargateProfile'] },
  'eks-workload': { emitter: eks, creates: ["kind: 'Deployment'"], readme: { counted: true, example: 2 } },
  alb: { emitter: loadBalancers, creates: ['elbv2.ApplicationLoadBalancer'], readme: { counted: true } },
  nlb: { emitter: loadBalancers, creates: ['elbv2.NetworkLoadBalancer'], readme: { counted: true } },
  clb: { emitter: loadBalancers, creates: ['elb.LoadBalancer'], readme: { counted: true } },
  efs: { emitter: fileSystems, creates: ['efs.FileSystem'], readme: { counted: true } },
  'service-auto-scaling': { emitter: ecsWorkloads, creates: ['autoScaleTaskCount'] },
  'ec2-auto-scaling': { emitter: ecsClusters, creates: ['scaleOnCpuUtilization'] },
} satisfies Record<KindId, KindExporter | NotExported>;

/** The emitters of a workload stack, in order, each with the kinds it writes. */
export const STACK_EMITTERS: readonly { emitter: StackEmitter; kinds: readonly KindId[] }[] = (() => {
  const byEmitter = new Map<StackEmitter, KindId[]>();
  for (const [kind, exporter] of Object.entries(CDK_EXPORTERS) as [KindId, KindExporter | NotExported][]) {
    if ('notExported' in exporter || exporter.emitter === 'repositories-stack') continue;
    const kinds = byEmitter.get(exporter.emitter) ?? [];
    kinds.push(kind);
    byEmitter.set(exporter.emitter, kinds);
  }
  return [...byEmitter.entries()].map(([emitter, kinds]) => ({ emitter, kinds })).sort((a, b) => a.emitter.order - b.emitter.order);
})();

/** Kinds whose nodes the Region's repositories stack creates (ECR repositories). */
export const REPOSITORY_KINDS: readonly KindId[] = (Object.entries(CDK_EXPORTERS) as [KindId, KindExporter | NotExported][])
  .filter(([, exporter]) => !('notExported' in exporter) && exporter.emitter === 'repositories-stack')
  .map(([kind]) => kind);
