import type { DiagramEdge, DiagramNode } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';

export const LOAD_BALANCER_KINDS = ['alb', 'nlb', 'clb'] as const;

export interface Route {
  loadBalancer: DiagramNode;
  edge: DiagramEdge;
  target: DiagramNode;
}

const cache = new WeakMap<DiagramModel, Map<string, Route[]>>();

/** Every "routes to" connection from a load balancer, optionally only to targets of one kind. Computed once per model. */
export function routes(model: DiagramModel, targetKind?: string): readonly Route[] {
  let byTarget = cache.get(model);
  if (!byTarget) {
    const all = allRoutes(model);
    byTarget = new Map([['', all]]);
    for (const route of all) {
      const list = byTarget.get(route.target.kind);
      if (list) list.push(route);
      else byTarget.set(route.target.kind, [route]);
    }
    cache.set(model, byTarget);
  }
  return byTarget.get(targetKind ?? '') ?? [];
}

function allRoutes(model: DiagramModel): Route[] {
  return LOAD_BALANCER_KINDS.flatMap((kind) =>
    model.nodesOfKind(kind).flatMap((loadBalancer) =>
      model.edgesFrom(loadBalancer.id, 'routes-traffic').flatMap((edge) => {
        const target = model.node(edge.target);
        return target ? [{ loadBalancer, edge, target }] : [];
      }),
    ),
  );
}
