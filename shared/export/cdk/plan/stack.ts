import { isEcsWorkload, traitsOf } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import { ecsClusterOf } from '../../../model/compute';
import { planEcs, type EcsPlan } from './ecs';
import { planEks, type EksPlan } from './eks';
import { planImages, type ImagesPlan } from './images';
import { planLoadBalancers, type LoadBalancerPlan } from './load-balancers';
import type { StackScope } from './scope';
import { DEFAULT_PARTITION } from './stacks';
import { planFileSystems, type FileSystemPlan } from './storage';
import { defaultVpcLayout, vpcLayout, type VpcLayout } from './vpc-layout';

/**
 * Everything one workload stack will hold, decided before a line of it is written: its VPC, its
 * images, file systems, load balancers (listeners, target groups, rule priorities), ECS clusters
 * and capacity (Auto Scaling groups, capacity providers, strategies), ECS workloads and EKS
 * clusters. Emitters write code from this plan; what one emitter declares and another refers to
 * is a construct of the plan (plan/constructs.ts), never a decision taken while writing.
 */
export interface StackPlan {
  /** The VPC the stack's resources share: the diagram VPC the stack is built around, or a generated one; none when nothing needs one. */
  vpc: { node: DiagramNode | undefined; layout: VpcLayout } | undefined;
  images: ImagesPlan;
  fileSystems: FileSystemPlan[];
  loadBalancers: LoadBalancerPlan[];
  ecs: EcsPlan;
  eks: EksPlan;
}

export function planStack(scope: StackScope, options: { ownsPullThroughCache: boolean }): StackPlan {
  const fileSystems = planFileSystems(scope);
  const loadBalancers = planLoadBalancers(scope);
  return {
    vpc: planVpc(scope),
    images: planImages(scope, options.ownsPullThroughCache),
    fileSystems,
    loadBalancers,
    ecs: planEcs(scope, loadBalancers, fileSystems),
    eks: planEks(scope, fileSystems),
  };
}

/**
 * The stack's VPC: the diagram VPC the stack is built around, or, for resources drawn outside
 * every VPC, a generated one — only when the stack holds something that needs one: a cluster, a
 * file system, a load balancer in front of ECS (Kubernetes ones come from the cluster's
 * controller), or an ECS workload drawn outside any cluster.
 */
function planVpc(scope: StackScope): StackPlan['vpc'] {
  const { model, slot } = scope;
  const vpc = slot.partition === DEFAULT_PARTITION ? undefined : model.node(slot.partition);
  if (vpc) return { node: vpc, layout: vpcLayout(model, vpc, scope.region) };
  const needsVpc = (node: DiagramNode) => {
    const traits = traitsOf(node.kind);
    if (traits.cluster || traits.fileSystem) return true;
    if (traits.loadBalancer) {
      const targets = model.targets(node.id, 'routes-traffic');
      return targets.length === 0 || targets.some((target) => isEcsWorkload(target));
    }
    return isEcsWorkload(node) && !ecsClusterOf(model, node.id);
  };
  return model.document.nodes.some((node) => needsVpc(node) && scope.inStack(node))
    ? { node: undefined, layout: defaultVpcLayout() }
    : undefined;
}
