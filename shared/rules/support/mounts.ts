import type { DiagramEdge, DiagramNode } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';

export interface Mount {
  workload: DiagramNode;
  edge: DiagramEdge;
  fileSystem: DiagramNode;
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
  return model.nodesOfKind('efs').flatMap((fileSystem) =>
    model.edgesTo(fileSystem.id, 'mounts').flatMap((edge) => {
      const workload = model.node(edge.source);
      return workload ? [{ workload, edge, fileSystem }] : [];
    }),
  );
}
