import {
  edgePropsOf,
  isKubernetesWorkload,
  isLoadBalancerOf,
  isNodeOfKind,
  propsOf,
  type EdgePropsOf,
  type KindIdWith,
  type KubernetesWorkloadKindId,
  type NodeOfKind,
} from '../../../catalog';
import type { DiagramEdge } from '../../../document/schema';
import {
  isKubernetesCluster,
  kubernetesClusterOf,
  parseLabels,
  resolveEksCompute,
  type EksCompute,
  type KubernetesCluster,
} from '../../../model/compute';
import { kubernetesName, Names } from '../names';
import { construct, type Construct } from './constructs';
import type { StackScope } from './scope';
import { mountsOf, type FileSystemPlan, type MountPlan } from './storage';

/**
 * The EKS part of a stack, decided before any code is written: each cluster with its node
 * groups, self-managed nodes and Fargate profiles, how it gets its nodes (EKS Auto Mode when it
 * draws none, Fargate only), its workloads with their Kubernetes names and namespaces, and the
 * Ingresses that put the workloads behind the ALBs drawn in front of them.
 */

export type KubernetesWorkload = NodeOfKind<KubernetesWorkloadKindId>;
type AlbKindId = KindIdWith<'loadBalancer', { type: 'application' }>;

/** The Kubernetes minor version of the kubectl layer the generated app uses. */
export const KUBECTL_MINOR = 33;

export interface NodeGroupPlan {
  node: NodeOfKind<'eks-managed-node-group'>;
  construct: Construct;
}

export interface SelfManagedNodesPlan {
  node: NodeOfKind<'eks-self-managed-nodes'>;
  /** Undefined for Windows nodes, which aws-eks-v2 cannot join (not generated). */
  autoScalingGroup: Construct | undefined;
}

export interface FargateProfilePlan {
  node: NodeOfKind<'eks-fargate-profile'>;
  construct: Construct;
}

export interface NamespacePlan {
  name: string;
  construct: Construct;
}

/** The label every generated object carries, and the one Services select pods by. */
export const NAME_LABEL = 'app.kubernetes.io/name';

export interface EksWorkloadPlan {
  node: KubernetesWorkload;
  /** The Kubernetes object name (RFC 1123), unique in the cluster. */
  name: string;
  /**
   * The value of its pods' `app.kubernetes.io/name` label, which its Services select: the one
   * drawn in its pod labels (Fargate profiles may select on it), else its object name.
   */
  selector: string;
  compute: EksCompute;
  /** Its namespace's manifest, for namespaces other than default and kube-system. */
  namespace: NamespacePlan | undefined;
  /** The one managed node group it is placed on, which its pods select by name. */
  nodeGroup: NodeGroupPlan | undefined;
  manifest: Construct;
  mounts: MountPlan[];
}

export interface IngressRoutePlan {
  edge: DiagramEdge;
  props: EdgePropsOf<AlbKindId, 'routes-traffic'>;
  workload: EksWorkloadPlan;
}

/** One Ingress per ALB and namespace, grouped so that they share the one load balancer the diagram draws. */
export interface IngressPlan {
  loadBalancer: NodeOfKind<AlbKindId>;
  namespace: string;
  routes: IngressRoutePlan[];
}

export interface EksClusterPlan {
  node: KubernetesCluster;
  construct: Construct;
  /** The Kubernetes minor version (1.33 → 33). */
  minor: number;
  nodeGroups: NodeGroupPlan[];
  selfManaged: SelfManagedNodesPlan[];
  profiles: FargateProfilePlan[];
  /** No node groups or Fargate profiles: EKS Auto Mode provides the nodes. */
  autoMode: boolean;
  /** Only Fargate profiles: CoreDNS runs on Fargate too. */
  fargateOnly: boolean;
  /** Fargate only, and no profile selects kube-system: the generated app adds one for it. */
  kubeSystemProfile: boolean;
  /** Manifests or the AWS Load Balancer Controller need the kubectl handler. */
  needsKubectl: boolean;
  albController: boolean;
  namespaces: NamespacePlan[];
  /** In document order. */
  workloads: EksWorkloadPlan[];
  ingresses: IngressPlan[];
}

export interface EksPlan {
  clusters: EksClusterPlan[];
  /** Kubernetes workloads of the stack drawn outside every EKS cluster: no manifest is generated. */
  orphans: KubernetesWorkload[];
}

export function planEks(scope: StackScope, fileSystems: readonly FileSystemPlan[]): EksPlan {
  return {
    clusters: scope.nodesWhere(isKubernetesCluster).map((cluster) => planCluster(scope, cluster, fileSystems)),
    orphans: scope.kubernetesWorkloads().filter((workload) => !kubernetesClusterOf(scope.model, workload.id)),
  };
}

function planCluster(scope: StackScope, cluster: KubernetesCluster, fileSystems: readonly FileSystemPlan[]): EksClusterPlan {
  const { model } = scope;
  const settings = propsOf(cluster);
  const children = model.index.children(cluster.id);
  const nodeGroups = children
    .filter((child) => isNodeOfKind(child, 'eks-managed-node-group'))
    .map((node) => ({ node, construct: construct(`node group ${node.id}`) }));
  const selfManaged = children
    .filter((child) => isNodeOfKind(child, 'eks-self-managed-nodes'))
    .map((node) => ({
      node,
      autoScalingGroup: propsOf(node).operatingSystem === 'windows' ? undefined : construct(`Auto Scaling group of ${node.id}`),
    }));
  const profiles = children
    .filter((child) => isNodeOfKind(child, 'eks-fargate-profile'))
    .map((node) => ({ node, construct: construct(`Fargate profile ${node.id}`) }));
  const inside = model.index.descendants(cluster.id);
  const workloadNodes = model.document.nodes
    .filter((node) => isKubernetesWorkload(node) && inside.includes(node))
    .filter(isKubernetesWorkload);
  const fargateOnly = profiles.length > 0 && nodeGroups.length === 0 && selfManaged.length === 0;
  const autoMode = profiles.length === 0 && nodeGroups.length === 0 && selfManaged.length === 0;

  const namespaces: NamespacePlan[] = [];
  for (const workload of workloadNodes) {
    const name = propsOf(workload).namespace;
    if (name !== 'default' && name !== 'kube-system' && !namespaces.some((namespace) => namespace.name === name)) {
      namespaces.push({ name, construct: construct(`namespace ${name} of ${cluster.id}`) });
    }
  }
  const names = new Names();
  const workloads = workloadNodes.map((node): EksWorkloadPlan => {
    const compute = resolveEksCompute(model, node);
    const onNodeGroups = compute.placements.filter((placement) => isNodeOfKind(placement, 'eks-managed-node-group'));
    const name = names.unique(kubernetesName('workload', node.id));
    return {
      node,
      name,
      selector: parseLabels(propsOf(node).labels).get(NAME_LABEL) ?? name,
      compute,
      namespace: namespaces.find((namespace) => namespace.name === propsOf(node).namespace),
      nodeGroup:
        !compute.onFargate && onNodeGroups.length === 1 ? nodeGroups.find((group) => group.node.id === onNodeGroups[0]!.id) : undefined,
      manifest: construct(`manifest of ${node.id}`),
      mounts: mountsOf(scope, fileSystems, node),
    };
  });

  const ingresses = new Map<string, IngressPlan>();
  for (const workload of workloads) {
    const namespace = propsOf(workload.node).namespace;
    for (const edge of model.edgesTo(workload.node.id, 'routes-traffic')) {
      const loadBalancer = model.node(edge.source);
      if (!isLoadBalancerOf(loadBalancer, 'application')) continue;
      const key = `${loadBalancer.id}|${namespace}`;
      const ingress = ingresses.get(key) ?? { loadBalancer, namespace, routes: [] };
      ingress.routes.push({ edge, props: edgePropsOf(edge, loadBalancer, 'routes-traffic', workload.node.kind), workload });
      ingresses.set(key, ingress);
    }
  }

  return {
    node: cluster,
    construct: construct(`EKS cluster ${cluster.id}`),
    minor: Number(settings.kubernetesVersion.split('.')[1]),
    nodeGroups,
    selfManaged,
    profiles,
    autoMode,
    fargateOnly,
    kubeSystemProfile:
      fargateOnly && !profiles.some((profile) => propsOf(profile.node).selectors.some((selector) => selector.namespace === 'kube-system')),
    needsKubectl: workloads.length > 0 || settings.awsLoadBalancerController || fargateOnly,
    albController: settings.awsLoadBalancerController,
    namespaces,
    workloads,
    ingresses: [...ingresses.values()],
  };
}
