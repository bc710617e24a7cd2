import { isNodeOfKind, propsOf, type KindIdWith, type KubernetesWorkloadKindId, type NodeOfKind, type PropsOfKind } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import { setNodeProps } from './fixes';
import type { QuickFix } from '../types';

/** EKS accepts at most five selectors per Fargate profile. */
export const MAX_PROFILE_SELECTORS = 5;

export type Selector = { namespace: string; labels: string };

type FargateProfile = NodeOfKind<'eks-fargate-profile'>;

export function selectorsOf(profile: FargateProfile): Selector[] {
  return propsOf(profile).selectors;
}

/** What Kubernetes nodes run: the pods' `kubernetes.io/os` and `kubernetes.io/arch` they accept. */
export interface NodeHost {
  os: 'windows' | 'linux';
  arch: 'arm64' | 'amd64';
}

/** The kinds of Kubernetes nodes (EC2 capacity of a Kubernetes cluster). */
type KubernetesNodesKindId = KindIdWith<'capacity', { platform: 'kubernetes'; compute: 'ec2' }>;

/**
 * How each kind of Kubernetes nodes says what it runs. Keyed by every such kind of the catalog,
 * so a new kind of nodes does not compile until it says (rather than being taken for Linux x86).
 */
const NODE_HOSTS: { [K in KubernetesNodesKindId]: (props: PropsOfKind<K>) => NodeHost } = {
  // A managed node group says it through its AMI type.
  'eks-managed-node-group': ({ amiType }) => ({
    os: amiType.startsWith('WINDOWS') ? 'windows' : 'linux',
    arch: amiType.includes('ARM') ? 'arm64' : 'amd64',
  }),
  'eks-self-managed-nodes': ({ operatingSystem, cpuArchitecture }) => ({ os: operatingSystem, arch: cpuArchitecture }),
};

const NODE_KINDS = Object.keys(NODE_HOSTS) as KubernetesNodesKindId[];

/** What Kubernetes capacity runs; Fargate (and anything that is not nodes) runs Linux x86 pods. */
export function nodeHost(nodes: DiagramNode): NodeHost {
  if (!isNodeOfKind(nodes, ...NODE_KINDS)) return { os: 'linux', arch: 'amd64' };
  const hostOf = NODE_HOSTS[nodes.kind] as (props: PropsOfKind<KubernetesNodesKindId>) => NodeHost;
  return hostOf(propsOf(nodes));
}

/** Whether pods of `workload` can run on `nodes` (operating system and CPU architecture). */
export function nodesFit(workload: NodeOfKind<KubernetesWorkloadKindId>, nodes: DiagramNode): boolean {
  const pod = propsOf(workload);
  const host = nodeHost(nodes);
  if (host.os !== pod.operatingSystem) return false;
  // Windows nodes are x86_64 only; the pod's architecture matters on Linux.
  return pod.operatingSystem === 'windows' || host.arch === pod.cpuArchitecture;
}

/** Adds a selector for the workload's namespace to a profile, when the profile has room for one. */
export function addSelectorFix(profile: FargateProfile, namespace: string): QuickFix | undefined {
  const selectors = selectorsOf(profile);
  if (selectors.length >= MAX_PROFILE_SELECTORS) return undefined;
  return setNodeProps(`Add namespace "${namespace}" to ${profile.label || profile.id}`, profile, (props) => {
    const current = (props.selectors as Selector[] | undefined) ?? [];
    return current.some((selector) => selector.namespace === namespace && selector.labels === '')
      ? {}
      : { selectors: [...current, { namespace, labels: '' }] };
  });
}
