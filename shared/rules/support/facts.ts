import { isWindows } from '../../catalog/common';
import {
  isScaler,
  kindsWith,
  propsOf,
  type ScalerKindId,
  type EcsWorkloadKindId,
  type KindId,
  type KindTraits,
  type KubernetesWorkloadKindId,
  type NodeOfKind,
  type Platform,
  type PropsOfKind,
} from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import { resolveEcsCompute, resolveEksCompute, type EcsCompute, type EksCompute } from '../../model/compute';
import type { DiagramModel } from '../../model/diagram-model';

/**
 * Facts several rules need about the same node (where an ECS service runs, where pods are
 * scheduled), computed once per document version. Keyed by the model, so a new document
 * gets fresh facts and old ones are garbage-collected with their model.
 */

export type EcsWorkload = NodeOfKind<EcsWorkloadKindId>;
export type KubernetesWorkload = NodeOfKind<KubernetesWorkloadKindId>;

/** Task definition properties ECS services and standalone tasks share (catalog: taskDefinitionShape). */
export type TaskProps = PropsOfKind<EcsWorkloadKindId>;

export function taskProps(node: EcsWorkload): TaskProps {
  return propsOf(node);
}

export function isWindowsTask(node: EcsWorkload): boolean {
  return isWindows(propsOf(node).operatingSystemFamily);
}

/** The scalers drawn against a node ("scales" edges), typed by their kinds. */
export function scalersOf(model: DiagramModel, id: string): NodeOfKind<ScalerKindId>[] {
  return model.sources(id, 'scales').filter((node) => isScaler(node));
}

type CapacityCompute = NonNullable<KindTraits['capacity']>['compute'];

const ECS_WORKLOAD_KINDS = kindsWith('workload', (workload) => workload.platform === 'ecs') as EcsWorkloadKindId[];
const KUBERNETES_WORKLOAD_KINDS = kindsWith('workload', (workload) => workload.platform === 'kubernetes') as KubernetesWorkloadKindId[];

export interface Facts {
  ecsCompute(node: EcsWorkload): EcsCompute;
  eksCompute(node: KubernetesWorkload): EksCompute;
  /** ECS services, then standalone tasks (the catalog's ECS workload kinds, in catalog order). */
  ecsWorkloads(): readonly EcsWorkload[];
  kubernetesWorkloads(): readonly KubernetesWorkload[];
  /** Every workload: ECS, then Kubernetes. */
  workloads(): readonly (EcsWorkload | KubernetesWorkload)[];
  /** Direct children of a group that are of `kind` (capacity of a cluster, profiles of an EKS cluster). */
  childrenOfKind<K extends KindId>(parentId: string, kind: K): readonly NodeOfKind<K>[];
  /** Capacity drawn directly in a cluster, of one platform and optionally one kind of compute, in catalog order. */
  capacityOf(clusterId: string, platform: Platform, compute?: CapacityCompute): readonly DiagramNode[];
}

const cache = new WeakMap<DiagramModel, Facts>();

export function factsOf(model: DiagramModel): Facts {
  let facts = cache.get(model);
  if (!facts) {
    facts = createFacts(model);
    cache.set(model, facts);
  }
  return facts;
}

function createFacts(model: DiagramModel): Facts {
  const ecs = new Map<string, EcsCompute>();
  const eks = new Map<string, EksCompute>();
  const children = new Map<string, Map<string, DiagramNode[]>>();
  let ecsWorkloads: EcsWorkload[] | undefined;
  let kubernetesWorkloads: KubernetesWorkload[] | undefined;
  return {
    ecsCompute(node) {
      let compute = ecs.get(node.id);
      if (!compute) {
        compute = resolveEcsCompute(model, node);
        ecs.set(node.id, compute);
      }
      return compute;
    },
    eksCompute(node) {
      let compute = eks.get(node.id);
      if (!compute) {
        compute = resolveEksCompute(model, node);
        eks.set(node.id, compute);
      }
      return compute;
    },
    ecsWorkloads() {
      ecsWorkloads ??= ECS_WORKLOAD_KINDS.flatMap((kind) => model.nodesOfKind(kind));
      return ecsWorkloads;
    },
    kubernetesWorkloads() {
      kubernetesWorkloads ??= KUBERNETES_WORKLOAD_KINDS.flatMap((kind) => model.nodesOfKind(kind));
      return kubernetesWorkloads;
    },
    workloads() {
      return [...this.ecsWorkloads(), ...this.kubernetesWorkloads()];
    },
    capacityOf(clusterId, platform, compute) {
      const kinds = kindsWith(
        'capacity',
        (capacity) => capacity.platform === platform && (compute === undefined || capacity.compute === compute),
      );
      return kinds.flatMap((kind) => this.childrenOfKind(clusterId, kind));
    },
    childrenOfKind<K extends KindId>(parentId: string, kind: K): readonly NodeOfKind<K>[] {
      let byKind = children.get(parentId);
      if (!byKind) {
        byKind = new Map();
        for (const child of model.index.children(parentId)) {
          const list = byKind.get(child.kind);
          if (list) list.push(child);
          else byKind.set(child.kind, [child]);
        }
        children.set(parentId, byKind);
      }
      return (byKind.get(kind) ?? []) as NodeOfKind<K>[];
    },
  };
}
