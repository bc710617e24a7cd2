import type { z } from 'zod';
import type { taskDefinitionShape } from '../../catalog/common';
import { isWindows } from '../../catalog/common';
import type { DiagramNode } from '../../document/schema';
import { resolveEcsCompute, resolveEksCompute, type EcsCompute, type EksCompute } from '../../model/compute';
import type { DiagramModel } from '../../model/diagram-model';

/**
 * Facts several rules need about the same node (where an ECS service runs, where pods are
 * scheduled), computed once per document version. Keyed by the model, so a new document
 * gets fresh facts and old ones are garbage-collected with their model.
 */

export const ECS_WORKLOAD_KINDS = ['ecs-service', 'ecs-task'] as const;

/** Task definition properties ECS services and standalone tasks share (catalog: taskDefinitionShape). */
export type TaskProps = z.output<z.ZodObject<ReturnType<typeof taskDefinitionShape>>>;

export function taskProps(node: DiagramNode): TaskProps {
  return node.props as TaskProps;
}

export function isWindowsTask(node: DiagramNode): boolean {
  return isWindows(String(node.props.operatingSystemFamily ?? 'LINUX'));
}

export interface Facts {
  ecsCompute(node: DiagramNode): EcsCompute;
  eksCompute(node: DiagramNode): EksCompute;
  /** ECS services, then standalone tasks. */
  ecsWorkloads(): readonly DiagramNode[];
  /** Direct children of a group that are of `kind` (capacity of a cluster, profiles of an EKS cluster). */
  childrenOfKind(parentId: string, kind: string): readonly DiagramNode[];
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
  let workloads: DiagramNode[] | undefined;
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
      workloads ??= ECS_WORKLOAD_KINDS.flatMap((kind) => model.nodesOfKind(kind));
      return workloads;
    },
    childrenOfKind(parentId, kind) {
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
      return byKind.get(kind) ?? [];
    },
  };
}
