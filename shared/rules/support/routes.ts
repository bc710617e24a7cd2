import {
  edgePropsOf,
  isEcsWorkload,
  isKubernetesWorkload,
  kindsWith,
  type EcsWorkloadKindId,
  type EdgePropsOf,
  type KubernetesWorkloadKindId,
  type LoadBalancerKindId,
  type NodeOfKind,
  type Platform,
} from '../../catalog';
import type { DiagramEdge, DiagramNode } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';

/** The catalog's load balancer kinds, in catalog order. */
export const LOAD_BALANCER_KINDS = kindsWith('loadBalancer') as LoadBalancerKindId[];

export interface Route<Target extends DiagramNode = DiagramNode> {
  loadBalancer: NodeOfKind<LoadBalancerKindId>;
  edge: DiagramEdge;
  target: Target;
}

interface RoutesByPlatform {
  all: Route[];
  ecs: Route<NodeOfKind<EcsWorkloadKindId>>[];
  kubernetes: Route<NodeOfKind<KubernetesWorkloadKindId>>[];
}

/** The props of a route's edge (listener port, protocol, target type …), typed by its load balancer's connection. */
export type RouteProps = EdgePropsOf<LoadBalancerKindId, 'routes-traffic'>;

export function routeProps(route: Route): RouteProps {
  return edgePropsOf(route.edge, route.loadBalancer, 'routes-traffic', route.target.kind);
}

const cache = new WeakMap<DiagramModel, RoutesByPlatform>();

/** Every "routes to" connection from a load balancer, optionally only to workloads of one platform. Computed once per model. */
export function routes(model: DiagramModel): readonly Route[];
export function routes(model: DiagramModel, platform: 'ecs'): readonly Route<NodeOfKind<EcsWorkloadKindId>>[];
export function routes(model: DiagramModel, platform: 'kubernetes'): readonly Route<NodeOfKind<KubernetesWorkloadKindId>>[];
export function routes(model: DiagramModel, platform?: Platform): readonly Route[] {
  let byPlatform = cache.get(model);
  if (!byPlatform) {
    const all = allRoutes(model);
    byPlatform = { all, ecs: [], kubernetes: [] };
    for (const route of all) {
      const { target } = route;
      if (isEcsWorkload(target)) byPlatform.ecs.push({ ...route, target });
      else if (isKubernetesWorkload(target)) byPlatform.kubernetes.push({ ...route, target });
    }
    cache.set(model, byPlatform);
  }
  return platform === undefined ? byPlatform.all : byPlatform[platform];
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
