import { isNodeOfKind, propsOf, type KubernetesWorkloadKindId, type NodeOfKind } from '../../catalog';
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

/** The operating system of Kubernetes nodes: a managed node group says it through its AMI type, self-managed nodes directly. */
export function nodeOs(nodes: DiagramNode): 'windows' | 'linux' {
  if (isNodeOfKind(nodes, 'eks-managed-node-group')) return propsOf(nodes).amiType.startsWith('WINDOWS') ? 'windows' : 'linux';
  if (isNodeOfKind(nodes, 'eks-self-managed-nodes')) return propsOf(nodes).operatingSystem;
  return 'linux';
}

export function nodeArch(nodes: DiagramNode): 'arm64' | 'amd64' {
  if (isNodeOfKind(nodes, 'eks-managed-node-group')) return propsOf(nodes).amiType.includes('ARM') ? 'arm64' : 'amd64';
  if (isNodeOfKind(nodes, 'eks-self-managed-nodes')) return propsOf(nodes).cpuArchitecture;
  return 'amd64';
}

/** Whether pods of `workload` can run on `nodes` (operating system and CPU architecture). */
export function nodesFit(workload: NodeOfKind<KubernetesWorkloadKindId>, nodes: DiagramNode): boolean {
  const pod = propsOf(workload);
  if (nodeOs(nodes) !== pod.operatingSystem) return false;
  // Windows nodes are x86_64 only; the pod's architecture matters on Linux.
  return pod.operatingSystem === 'windows' || nodeArch(nodes) === pod.cpuArchitecture;
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
