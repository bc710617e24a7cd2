import { edgePropsOf, isWorkload, kindsWith, type EdgePropsOf, type KindIdWith, type NodeOfKind, type WorkloadKindId } from '../../catalog';
import type { DiagramEdge } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';

const FILE_SYSTEM_KINDS = kindsWith('fileSystem') as KindIdWith<'fileSystem'>[];

export interface Mount {
  workload: NodeOfKind<WorkloadKindId>;
  edge: DiagramEdge;
  fileSystem: NodeOfKind<KindIdWith<'fileSystem'>>;
}

/** The props of a mount's edge (container path, access point, encryption in transit …), typed by the workload's connection. */
export function mountProps(mount: Mount): EdgePropsOf<WorkloadKindId, 'mounts'> {
  return edgePropsOf(mount.edge, mount.workload, 'mounts', mount.fileSystem.kind);
}

const cache = new WeakMap<DiagramModel, Mount[]>();

/** Every "mounts" connection from a service, task or workload to an EFS file system. Computed once per model. */
export function mounts(model: DiagramModel): readonly Mount[] {
  let found = cache.get(model);
  if (!found) {
    found = allMounts(model);
    cache.set(model, found);
  }
  return found;
}

function allMounts(model: DiagramModel): Mount[] {
  return FILE_SYSTEM_KINDS.flatMap((kind) => model.nodesOfKind(kind)).flatMap((fileSystem) =>
    model.edgesTo(fileSystem.id, 'mounts').flatMap((edge) => {
      const workload = model.node(edge.source);
      return isWorkload(workload) ? [{ workload, edge, fileSystem }] : [];
    }),
  );
}
