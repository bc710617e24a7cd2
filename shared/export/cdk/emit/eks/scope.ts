import type { EksClusterPlan } from '../../plan/eks';

/** What the EKS emitters share while they write one cluster: its plan and what has been written for it so far. */
export interface ClusterScope {
  plan: EksClusterPlan;
  /** The cluster's variable. */
  variable: string;
  /** Node role holders (managed node groups and self-managed groups) for add-on permissions. */
  nodeRoles: string[];
  /** Auto Scaling groups of self-managed nodes, which need NFS to EFS themselves. */
  selfManagedGroups: string[];
  /** The EFS CSI driver add-on has been added (the first workload on nodes that mounts EFS adds it). */
  efsDriver?: boolean;
  /** File systems already reachable from the cluster's nodes and pods. */
  nfsOpened: Set<string>;
  /** The gp3 StorageClass, once the first workload with an EBS volume has added it. */
  ebsStorageClass?: string;
}

export { NAME_LABEL } from '../../plan/eks';
