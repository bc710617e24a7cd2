import {
  edgePropsOf,
  isEcsWorkload,
  isKubernetesWorkload,
  isLoadBalancer,
  isLoadBalancerOf,
  propsOf,
  type EdgePropsOf,
  type EcsWorkloadKindId,
  type KindIdWith,
  type NodeOfKind,
} from '../../../catalog';
import type { DiagramEdge, DiagramNode } from '../../../document/schema';
import { construct, type Construct } from './constructs';
import type { StackScope } from './scope';

/**
 * The load balancers of a stack that front ECS workloads, decided before any code is written:
 * their listeners (one per port), which route is a listener's default action and which get a
 * rule with a priority, the target group of each route, and the routes that are not generated
 * (an NLB listener forwards to one target group). Load balancers that front only Kubernetes
 * workloads are created by the AWS Load Balancer Controller from the manifests instead.
 */

type EcsWorkload = NodeOfKind<EcsWorkloadKindId>;
type AlbKindId = KindIdWith<'loadBalancer', { type: 'application' }>;
type NlbKindId = KindIdWith<'loadBalancer', { type: 'network' }>;
type ClbKindId = KindIdWith<'loadBalancer', { type: 'classic' }>;

export type AlbRouteProps = EdgePropsOf<AlbKindId, 'routes-traffic'>;
export type NlbRouteProps = EdgePropsOf<NlbKindId, 'routes-traffic'>;
export type ClbRouteProps = EdgePropsOf<ClbKindId, 'routes-traffic'>;

interface LoadBalancerCommon<K extends AlbKindId | NlbKindId | ClbKindId> {
  node: NodeOfKind<K>;
  construct: Construct;
  /** Only Kubernetes workloads behind it: the controller creates it, this stack only notes it. */
  createdByKubernetes: boolean;
  /** Some of its routes go to Kubernetes workloads or to another stack, and are not generated here. */
  omitsRoutes: boolean;
}

export interface AlbListenerPlan {
  port: number;
  protocol: AlbRouteProps['protocol'];
  construct: Construct;
  /** The route whose target group is the default action (its path pattern matches everything), if any. */
  defaultRoute: AlbRoutePlan | undefined;
}

export interface AlbRoutePlan {
  type: 'application';
  edge: DiagramEdge;
  target: EcsWorkload;
  props: AlbRouteProps;
  listener: AlbListenerPlan;
  /** The listener rule priority; undefined for the default route. */
  priority: number | undefined;
  targetGroup: Construct;
}

export interface ApplicationLoadBalancerPlan extends LoadBalancerCommon<AlbKindId> {
  type: 'application';
  listeners: AlbListenerPlan[];
  routes: AlbRoutePlan[];
}

export interface NlbListenerPlan {
  port: number;
  protocol: NlbRouteProps['protocol'];
  construct: Construct;
  /** Routes drawn on this port beyond the one the listener forwards to. */
  extraRoutes: number;
}

export interface NlbRoutePlan {
  type: 'network';
  edge: DiagramEdge;
  target: EcsWorkload;
  props: NlbRouteProps;
  listener: NlbListenerPlan;
  /** False for a route that shares its port with an earlier one: an NLB listener forwards to one target group. */
  generated: boolean;
  targetGroup: Construct;
}

export interface NetworkLoadBalancerPlan extends LoadBalancerCommon<NlbKindId> {
  type: 'network';
  listeners: NlbListenerPlan[];
  routes: NlbRoutePlan[];
}

export interface ClbRoutePlan {
  type: 'classic';
  edge: DiagramEdge;
  target: EcsWorkload;
  props: ClbRouteProps;
  /** The instance port the load balancer forwards to. */
  instancePort: number;
}

export interface ClassicLoadBalancerPlan extends LoadBalancerCommon<ClbKindId> {
  type: 'classic';
  routes: ClbRoutePlan[];
  /** One listener per port, from the first route on it. */
  listeners: ClbRoutePlan[];
}

export type LoadBalancerPlan = ApplicationLoadBalancerPlan | NetworkLoadBalancerPlan | ClassicLoadBalancerPlan;
export type RoutePlan = AlbRoutePlan | NlbRoutePlan | ClbRoutePlan;

/** A path pattern that matches everything makes its route the listener's default action. */
export function isCatchAll(pathPattern: string): boolean {
  return pathPattern === '/*' || pathPattern === '*';
}

export function planLoadBalancers(scope: StackScope): LoadBalancerPlan[] {
  return scope.nodesWhere(isLoadBalancer).flatMap((node): LoadBalancerPlan[] => {
    const edges = scope.model.edgesFrom(node.id, 'routes-traffic');
    const targets = edges.map((edge) => scope.model.node(edge.target));
    const ecsRoutes: { edge: DiagramEdge; target: EcsWorkload }[] = [];
    edges.forEach((edge, index) => {
      const target = targets[index];
      if (isEcsWorkload(target) && scope.inStack(target)) ecsRoutes.push({ edge, target });
    });
    const createdByKubernetes = ecsRoutes.length === 0 && targets.some((target) => isKubernetesWorkload(target));
    const common = {
      construct: construct(`load balancer ${node.id}`),
      createdByKubernetes,
      omitsRoutes: edges.length > ecsRoutes.length && !createdByKubernetes,
    };
    const routes = createdByKubernetes ? [] : ecsRoutes;
    if (isLoadBalancerOf(node, 'application')) return [planAlb({ ...common, node }, routes)];
    if (isLoadBalancerOf(node, 'network')) return [planNlb({ ...common, node }, routes)];
    if (isLoadBalancerOf(node, 'classic')) return [planClb({ ...common, node }, routes)];
    return [];
  });
}

type Routes = readonly { edge: DiagramEdge; target: EcsWorkload }[];

function planAlb(common: LoadBalancerCommon<AlbKindId>, routes: Routes): ApplicationLoadBalancerPlan {
  const plan: ApplicationLoadBalancerPlan = { ...common, type: 'application', listeners: [], routes: [] };
  const withProps = routes.map((route) => ({ ...route, props: edgePropsOf(route.edge, common.node, 'routes-traffic', route.target.kind) }));
  const planned = new Map<DiagramEdge, AlbRoutePlan>();
  for (const [port, onPort] of byListenerPort(withProps)) {
    const listener: AlbListenerPlan = {
      port,
      protocol: onPort[0]!.props.protocol,
      construct: construct(`listener ${port} of ${common.node.id}`),
      defaultRoute: undefined,
    };
    const catchAll = onPort.find((route) => isCatchAll(route.props.pathPattern));
    let priority = 0;
    for (const route of onPort) {
      const isDefault = route === catchAll;
      const routePlan: AlbRoutePlan = {
        type: 'application',
        ...route,
        listener,
        priority: isDefault ? undefined : (priority += 10),
        targetGroup: construct(`target group of route ${route.edge.id}`),
      };
      if (isDefault) listener.defaultRoute = routePlan;
      planned.set(route.edge, routePlan);
    }
    plan.listeners.push(listener);
  }
  plan.routes = routes.map((route) => planned.get(route.edge)!);
  return plan;
}

function planNlb(common: LoadBalancerCommon<NlbKindId>, routes: Routes): NetworkLoadBalancerPlan {
  const plan: NetworkLoadBalancerPlan = { ...common, type: 'network', listeners: [], routes: [] };
  const withProps = routes.map((route) => ({ ...route, props: edgePropsOf(route.edge, common.node, 'routes-traffic', route.target.kind) }));
  const planned = new Map<DiagramEdge, NlbRoutePlan>();
  for (const [port, onPort] of byListenerPort(withProps)) {
    const listener: NlbListenerPlan = {
      port,
      protocol: onPort[0]!.props.protocol,
      construct: construct(`listener ${port} of ${common.node.id}`),
      extraRoutes: onPort.length - 1,
    };
    onPort.forEach((route, index) => {
      planned.set(route.edge, {
        type: 'network',
        ...route,
        listener,
        generated: index === 0,
        targetGroup: construct(`target group of route ${route.edge.id}`),
      });
    });
    plan.listeners.push(listener);
  }
  plan.routes = routes.map((route) => planned.get(route.edge)!);
  return plan;
}

function planClb(common: LoadBalancerCommon<ClbKindId>, routes: Routes): ClassicLoadBalancerPlan {
  const planned = routes.map(({ edge, target }): ClbRoutePlan => {
    const props = edgePropsOf(edge, common.node, 'routes-traffic', target.kind);
    return { type: 'classic', edge, target, props, instancePort: clbInstancePort(props, target) };
  });
  const ports = new Set<number>();
  const listeners = planned.filter((route) => !ports.has(route.props.listenerPort) && ports.add(route.props.listenerPort));
  return { ...common, type: 'classic', routes: planned, listeners };
}

/** The instance port a Classic Load Balancer forwards to: the route's target port, else the service's host port, else its container port. */
function clbInstancePort(route: ClbRouteProps, service: DiagramNode): number {
  if (route.targetPort > 0) return route.targetPort;
  if (!isEcsWorkload(service)) return route.listenerPort;
  const settings = propsOf(service);
  return settings.hostPort > 0 ? settings.hostPort : settings.containerPort > 0 ? settings.containerPort : route.listenerPort;
}

function byListenerPort<T extends { props: { listenerPort: number } }>(routes: readonly T[]): Map<number, T[]> {
  const ports = new Map<number, T[]>();
  for (const route of routes) ports.set(route.props.listenerPort, [...(ports.get(route.props.listenerPort) ?? []), route]);
  return ports;
}

/** The routes of the stack's load balancers to one ECS workload, in the order the workload's edges were drawn. */
export function routesTo(model: StackScope['model'], plans: readonly LoadBalancerPlan[], workload: DiagramNode): RoutePlan[] {
  const byEdge = new Map<DiagramEdge, RoutePlan>();
  for (const plan of plans) for (const route of plan.routes) byEdge.set(route.edge, route);
  return model.edgesTo(workload.id, 'routes-traffic').flatMap((edge) => byEdge.get(edge) ?? []);
}
