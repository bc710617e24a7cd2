import type { DiagramNode } from '../../document/schema';
import { setNodeProps } from './fixes';
import type { QuickFix } from '../types';

export const EKS_NODE_KINDS = ['eks-managed-node-group', 'eks-self-managed-nodes'] as const;
/** EKS accepts at most five selectors per Fargate profile. */
export const MAX_PROFILE_SELECTORS = 5;

export type Selector = { namespace: string; labels: string };

export function selectorsOf(profile: DiagramNode): Selector[] {
  return (profile.props.selectors as Selector[] | undefined) ?? [];
}

export function nodeOs(nodes: DiagramNode): 'windows' | 'linux' {
  if (nodes.kind === 'eks-managed-node-group') return String(nodes.props.amiType).startsWith('WINDOWS') ? 'windows' : 'linux';
  return nodes.props.operatingSystem === 'windows' ? 'windows' : 'linux';
}

export function nodeArch(nodes: DiagramNode): 'arm64' | 'amd64' {
  if (nodes.kind === 'eks-managed-node-group') return String(nodes.props.amiType).includes('ARM') ? 'arm64' : 'amd64';
  return nodes.props.cpuArchitecture === 'arm64' ? 'arm64' : 'amd64';
}

/** Whether pods of `workload` can run on `nodes` (operating system and CPU architecture). */
export function nodesFit(workload: DiagramNode, nodes: DiagramNode): boolean {
  const os = workload.props.operatingSystem === 'windows' ? 'windows' : 'linux';
  if (nodeOs(nodes) !== os) return false;
  // Windows nodes are x86_64 only; the pod's architecture matters on Linux.
  return os === 'windows' || nodeArch(nodes) === (workload.props.cpuArchitecture === 'arm64' ? 'arm64' : 'amd64');
}

/** Adds a selector for the workload's namespace to a profile, when the profile has room for one. */
export function addSelectorFix(profile: DiagramNode, namespace: string): QuickFix | undefined {
  const selectors = selectorsOf(profile);
  if (selectors.length >= MAX_PROFILE_SELECTORS) return undefined;
  return setNodeProps(`Add namespace "${namespace}" to ${profile.label || profile.id}`, profile.id, (props) => {
    const current = (props.selectors as Selector[] | undefined) ?? [];
    return current.some((selector) => selector.namespace === namespace && selector.labels === '')
      ? {}
      : { selectors: [...current, { namespace, labels: '' }] };
  });
}
