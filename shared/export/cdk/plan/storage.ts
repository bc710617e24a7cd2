import {
  edgePropsOf,
  isKubernetesWorkload,
  isWorkload,
  kindsWith,
  type EdgePropsOf,
  type KindIdWith,
  type NodeOfKind,
  type WorkloadKindId,
} from '../../../catalog';
import type { DiagramEdge } from '../../../document/schema';
import { construct, type Construct } from './constructs';
import type { StackScope } from './scope';

/** The file systems a stack creates, and the mounts of its workloads. */

type FileSystemKindId = KindIdWith<'fileSystem'>;
const FILE_SYSTEM_KINDS = kindsWith('fileSystem') as FileSystemKindId[];

export type MountProps = EdgePropsOf<WorkloadKindId, 'mounts'>;

export interface FileSystemPlan {
  node: NodeOfKind<FileSystemKindId>;
  construct: Construct;
  /** Some mounts use no IAM authorization (no encryption in transit, or the EFS CSI driver on EKS). */
  allowsAnonymousAccess: boolean;
}

export interface MountPlan {
  edge: DiagramEdge;
  props: MountProps;
  /** The file system, when this stack creates it; undefined when it belongs to another stack (another Region or VPC). */
  fileSystem: FileSystemPlan | undefined;
}

export function planFileSystems(scope: StackScope): FileSystemPlan[] {
  return scope.nodes(...FILE_SYSTEM_KINDS).map((node) => ({
    node,
    construct: construct(`file system ${node.id}`),
    allowsAnonymousAccess: scope.model.edgesTo(node.id, 'mounts').some((edge) => {
      const source = scope.model.node(edge.source);
      if (!source) return false;
      // The EFS CSI driver mounts without IAM; an ECS mount uses IAM only with encryption in transit.
      if (!isWorkload(source) || isKubernetesWorkload(source)) return true;
      return !edgePropsOf(edge, source, 'mounts', node.kind).transitEncryption;
    }),
  }));
}

/** The mounts a workload draws, each with the file system of this stack it mounts. */
export function mountsOf(scope: StackScope, fileSystems: readonly FileSystemPlan[], workload: NodeOfKind<WorkloadKindId>): MountPlan[] {
  return scope.model.edgesFrom(workload.id, 'mounts').map((edge) => {
    const fileSystem = fileSystems.find((plan) => plan.node.id === edge.target);
    return { edge, props: edgePropsOf(edge, workload, 'mounts', fileSystem?.node.kind), fileSystem };
  });
}
