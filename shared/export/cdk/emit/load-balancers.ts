import {
  alb as albKind,
  clb as clbKind,
  ecsService,
  isEcsWorkload,
  isKubernetesWorkload,
  kindsWith,
  nlb as nlbKind,
  type EcsWorkloadKindId,
  type LoadBalancerKindId,
  type NodeOfKind,
} from '../../../catalog';
import type { DiagramEdge, DiagramNode } from '../../../document/schema';
import { resolveEcsCompute } from '../../../model/compute';
import { arr, call, expr, newCall, obj, props, type Code } from '../code';
import type { EmitContext } from '../context';
import { commentId } from '../literal';
import { edgePropsOf, propsOf } from '../props';
import { defineEmitter } from '../emitter';
import { MODULES } from '../stack-builder';

/**
 * ALBs, NLBs and Classic Load Balancers in front of ECS services. The load balancer and its
 * listeners come first; each service then registers itself with `listener.addTargets` (or
 * `clb.addTarget`) right after it is created. Load balancers that only front Kubernetes
 * workloads are created by the AWS Load Balancer Controller from the manifests instead.
 */

export interface AlbRoute {
  listenerPort: number;
  protocol: 'HTTP' | 'HTTPS';
  targetPort: number;
  targetType: 'auto' | 'ip' | 'instance';
  pathPattern: string;
  healthCheckPath: string;
}

export interface NlbRoute {
  listenerPort: number;
  protocol: 'TCP' | 'UDP' | 'TLS' | 'TCP_UDP';
  targetPort: number;
  targetType: 'auto' | 'ip' | 'instance';
}

export interface ClbRoute {
  listenerPort: number;
  protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'SSL';
  targetPort: number;
  healthCheckPath: string;
}

const LOAD_BALANCER_KINDS = kindsWith('loadBalancer') as LoadBalancerKindId[];

export function routeProps<T>(edge: DiagramEdge, lbKind: string, targetKind: string): T {
  return edgePropsOf<T & Record<string, unknown>>(edge, lbKind, targetKind);
}

/** A path pattern that matches everything makes its route the listener's default action. */
export function isCatchAll(pathPattern: string): boolean {
  return pathPattern === '/*' || pathPattern === '*';
}

export function emitLoadBalancers(ctx: EmitContext): void {
  const loadBalancers: readonly DiagramNode[] = LOAD_BALANCER_KINDS.flatMap((kind) => ctx.nodes(kind));
  const sorted = ctx.model.document.nodes.filter((node) => loadBalancers.includes(node));
  if (sorted.length === 0) return;
  ctx.b.section('Load balancers');
  for (const loadBalancer of sorted) {
    const routes = ctx.model.edgesFrom(loadBalancer.id, 'routes-traffic');
    const targets = routes.map((edge) => ctx.model.node(edge.target));
    const ecsRoutes = routes.filter((_edge, index) => isEcsWorkload(targets[index]) && ctx.inStack(targets[index]));
    const onlyKubernetes = ecsRoutes.length === 0 && targets.some((target) => isKubernetesWorkload(target));
    if (onlyKubernetes) {
      ctx.header(loadBalancer, 'created by Kubernetes from the manifests of the EKS cluster below');
      continue;
    }
    ctx.header(loadBalancer);
    if (routes.length > ecsRoutes.length && !onlyKubernetes) {
      ctx.b.comment('Routes to Kubernetes workloads or to another Region are not generated on this load balancer.');
    }
    if (loadBalancer.kind === 'alb') emitAlb(ctx, loadBalancer, ecsRoutes);
    else if (loadBalancer.kind === 'nlb') emitNlb(ctx, loadBalancer, ecsRoutes);
    else emitClb(ctx, loadBalancer, ecsRoutes);
  }
}

/** A CloudFormation parameter for the ARN of a certificate, one per load balancer and port. */
export function certificateParameter(ctx: EmitContext, loadBalancer: DiagramNode, port: number): Code {
  const key = `${loadBalancer.id}:${port}`;
  let variable = ctx.refs.certificateParameters.get(key);
  if (!variable) {
    const cdk = ctx.b.use(MODULES.cdk);
    variable = ctx.variable(loadBalancer, `CertificateArn${port}`);
    const name = ctx.constructId(loadBalancer, `CertificateArn${port}`);
    ctx.b.parameters.push({
      name,
      purpose: `the ARN of the ACM certificate for port ${port} of load balancer \`${commentId(loadBalancer.id)}\`.`,
    });
    ctx.b.declare(
      variable,
      newCall(
        `${cdk}.CfnParameter`,
        expr('this'),
        name,
        props({
          type: 'String',
          description: `ARN of the ACM certificate for port ${port} of load balancer ${commentId(loadBalancer.id)}.`,
        }),
      ),
    );
    ctx.refs.certificateParameters.set(key, variable);
  }
  return expr(`${variable}.valueAsString`);
}

function emitAlb(ctx: EmitContext, loadBalancer: DiagramNode, routes: DiagramEdge[]): void {
  const ec2 = ctx.b.use(MODULES.ec2);
  const elbv2 = ctx.b.use(MODULES.elbv2);
  const settings = propsOf(albKind, loadBalancer);
  const vpc = ctx.vpcOf(loadBalancer);
  const internal = settings.scheme === 'internal';
  const vpcSubnets = ctx.subnetSelection(vpc, ctx.model.subnetsOf(loadBalancer.id), { minAzs: 2 });
  const variable = ctx.variable(loadBalancer);
  ctx.b.declare(
    variable,
    newCall(
      `${elbv2}.ApplicationLoadBalancer`,
      expr('this'),
      ctx.constructId(loadBalancer),
      props({
        vpc: expr(vpc.variable),
        internetFacing: !internal,
        vpcSubnets,
        ipAddressType: settings.ipAddressType === 'dualstack' ? expr(`${elbv2}.IpAddressType.DUAL_STACK`) : undefined,
      }),
    ),
  );
  ctx.nameTag(variable, loadBalancer);
  ctx.refs.loadBalancers.set(loadBalancer.id, variable);
  emitDnsOutput(ctx, loadBalancer, variable);

  for (const [port, portRoutes] of byListenerPort(
    routes.map((edge) => ({ edge, route: routeProps<AlbRoute>(edge, 'alb', 'ecs-service') })),
  )) {
    const protocol = portRoutes[0]!.route.protocol;
    const defaultRoute = portRoutes.find(({ route }) => isCatchAll(route.pathPattern));
    let priority = 0;
    for (const { edge } of portRoutes) {
      if (edge === defaultRoute?.edge) ctx.refs.defaultRoutes.add(edge.id);
      else ctx.refs.routePriorities.set(edge.id, (priority += 10));
    }
    const certificate = protocol === 'HTTPS' ? certificateParameter(ctx, loadBalancer, port) : undefined;
    const listener = ctx.variable(loadBalancer, `Listener${port}`);
    ctx.b.declare(
      listener,
      call(
        `${variable}.addListener`,
        `Listener${port}`,
        props({
          port,
          protocol: expr(`${elbv2}.ApplicationProtocol.${protocol}`),
          certificates: certificate ? arr([call(`${elbv2}.ListenerCertificate.fromArn`, certificate)]) : undefined,
          // Internal load balancers take requests from inside the VPC only (below).
          open: internal ? false : undefined,
          defaultAction: defaultRoute
            ? undefined
            : call(`${elbv2}.ListenerAction.fixedResponse`, 404, obj({ contentType: 'text/plain', messageBody: 'Not found' })),
        }),
      ),
    );
    if (internal) {
      ctx.b.statement(
        call(
          `${variable}.connections.allowFrom`,
          call(`${ec2}.Peer.ipv4`, expr(`${vpc.variable}.vpcCidrBlock`)),
          call(`${ec2}.Port.tcp`, port),
        ),
      );
    }
    ctx.refs.listeners.set(`${loadBalancer.id}:${port}`, listener);
  }
}

function emitNlb(ctx: EmitContext, loadBalancer: DiagramNode, routes: DiagramEdge[]): void {
  const elbv2 = ctx.b.use(MODULES.elbv2);
  const settings = propsOf(nlbKind, loadBalancer);
  const vpc = ctx.vpcOf(loadBalancer);
  const variable = ctx.variable(loadBalancer);
  ctx.b.declare(
    variable,
    newCall(
      `${elbv2}.NetworkLoadBalancer`,
      expr('this'),
      ctx.constructId(loadBalancer),
      props({
        vpc: expr(vpc.variable),
        internetFacing: settings.scheme === 'internet-facing',
        vpcSubnets: ctx.subnetSelection(vpc, ctx.model.subnetsOf(loadBalancer.id)),
        crossZoneEnabled: settings.crossZoneLoadBalancing ? true : undefined,
      }),
    ),
  );
  ctx.nameTag(variable, loadBalancer);
  ctx.refs.loadBalancers.set(loadBalancer.id, variable);
  emitDnsOutput(ctx, loadBalancer, variable);

  for (const [port, portRoutes] of byListenerPort(
    routes.map((edge) => ({ edge, route: routeProps<NlbRoute>(edge, 'nlb', 'ecs-service') })),
  )) {
    const protocol = portRoutes[0]!.route.protocol;
    const certificate = protocol === 'TLS' ? certificateParameter(ctx, loadBalancer, port) : undefined;
    const listener = ctx.variable(loadBalancer, `Listener${port}`);
    ctx.b.declare(
      listener,
      call(
        `${variable}.addListener`,
        `Listener${port}`,
        props({
          port,
          protocol: expr(`${elbv2}.Protocol.${protocol}`),
          certificates: certificate ? arr([call(`${elbv2}.ListenerCertificate.fromArn`, certificate)]) : undefined,
        }),
      ),
    );
    // An NLB listener has one target group: the first route on the port.
    ctx.refs.defaultRoutes.add(portRoutes[0]!.edge.id);
    if (portRoutes.length > 1)
      ctx.b.comment(`Only the first route on port ${port} is generated: an NLB listener forwards to one target group.`);
    ctx.refs.listeners.set(`${loadBalancer.id}:${port}`, listener);
  }
}

function emitClb(ctx: EmitContext, loadBalancer: DiagramNode, routes: DiagramEdge[]): void {
  const elb = ctx.b.use(MODULES.elb);
  const settings = propsOf(clbKind, loadBalancer);
  const vpc = ctx.vpcOf(loadBalancer);
  const listeners = routes.map((edge) => {
    const route = routeProps<ClbRoute>(edge, 'clb', 'ecs-service');
    return { route, instancePort: clbInstancePort(ctx, edge, route) };
  });
  const first = listeners[0];
  const variable = ctx.variable(loadBalancer);
  const healthCheckProtocol = first && (first.route.protocol === 'TCP' || first.route.protocol === 'SSL') ? 'TCP' : 'HTTP';
  ctx.b.declare(
    variable,
    newCall(
      `${elb}.LoadBalancer`,
      expr('this'),
      ctx.constructId(loadBalancer),
      props({
        vpc: expr(vpc.variable),
        internetFacing: settings.scheme === 'internet-facing',
        subnetSelection: ctx.subnetSelection(vpc, ctx.model.subnetsOf(loadBalancer.id)),
        crossZone: settings.crossZoneLoadBalancing ? undefined : false,
        healthCheck: first
          ? obj({
              port: first.instancePort,
              protocol: expr(`${elb}.LoadBalancingProtocol.${healthCheckProtocol}`),
              path: healthCheckProtocol === 'HTTP' ? first.route.healthCheckPath : undefined,
            })
          : undefined,
        // A Classic Load Balancer needs a listener; the diagram routes it nowhere yet.
        listeners: first ? undefined : arr([obj({ externalPort: 80 })]),
      }),
    ),
  );
  ctx.nameTag(variable, loadBalancer);
  ctx.refs.loadBalancers.set(loadBalancer.id, variable);
  const seen = new Set<number>();
  for (const { route, instancePort } of listeners) {
    if (seen.has(route.listenerPort)) continue;
    seen.add(route.listenerPort);
    const certificate =
      route.protocol === 'HTTPS' || route.protocol === 'SSL' ? certificateParameter(ctx, loadBalancer, route.listenerPort) : undefined;
    ctx.b.statement(
      call(
        `${variable}.addListener`,
        obj({
          externalPort: route.listenerPort,
          externalProtocol: expr(`${elb}.LoadBalancingProtocol.${route.protocol}`),
          internalPort: instancePort,
          internalProtocol:
            route.protocol === 'HTTPS' || route.protocol === 'SSL'
              ? expr(`${elb}.LoadBalancingProtocol.${route.protocol === 'HTTPS' ? 'HTTP' : 'TCP'}`)
              : undefined,
          sslCertificateArn: certificate,
        }),
      ),
    );
  }
  emitDnsOutput(ctx, loadBalancer, variable);
}

/** The instance port a Classic Load Balancer forwards to: the route's target port, else the service's host port. */
export function clbInstancePort(ctx: EmitContext, edge: DiagramEdge, route: ClbRoute): number {
  if (route.targetPort > 0) return route.targetPort;
  const service = ctx.model.node(edge.target);
  if (!service) return route.listenerPort;
  const settings = propsOf(ecsService, service);
  return settings.hostPort > 0 ? settings.hostPort : settings.containerPort > 0 ? settings.containerPort : route.listenerPort;
}

function emitDnsOutput(ctx: EmitContext, loadBalancer: DiagramNode, variable: string): void {
  const cdk = ctx.b.use(MODULES.cdk);
  ctx.b.statement(
    newCall(
      `${cdk}.CfnOutput`,
      expr('this'),
      ctx.constructId(loadBalancer, 'DnsName'),
      obj({ value: expr(`${variable}.loadBalancerDnsName`) }),
    ),
  );
}

function byListenerPort<T extends { edge: DiagramEdge; route: { listenerPort: number } }>(routes: readonly T[]): Map<number, T[]> {
  const ports = new Map<number, T[]>();
  for (const entry of routes) {
    const list = ports.get(entry.route.listenerPort) ?? [];
    list.push(entry);
    ports.set(entry.route.listenerPort, list);
  }
  return ports;
}

/** The port range EC2 instances must accept from a load balancer for this service's tasks. */
export function instancePortRange(ctx: EmitContext, service: DiagramNode, containerPort: number): Code {
  const ec2 = ctx.b.use(MODULES.ec2);
  const settings = propsOf(ecsService, service);
  if (settings.networkMode === 'host') return call(`${ec2}.Port.tcp`, containerPort);
  if (settings.hostPort > 0) return call(`${ec2}.Port.tcp`, settings.hostPort);
  // Dynamic host ports (bridge mode, host port 0) come from the ephemeral range.
  return call(`${ec2}.Port.tcpRange`, 32768, 65535);
}

/** EC2 Auto Scaling groups whose instances run this service's tasks. */
export function instanceGroupsOf(ctx: EmitContext, service: NodeOfKind<EcsWorkloadKindId>): string[] {
  const compute = resolveEcsCompute(ctx.model, service);
  return compute.ec2Capacities.flatMap((capacity) => ctx.refs.autoScalingGroups.get(capacity.id) ?? []);
}

export const loadBalancersEmitter = defineEmitter({
  id: 'load-balancers',
  stack: 'workload',
  order: 4,
  kinds: {
    alb: { creates: ['elbv2.ApplicationLoadBalancer'], readme: { counted: true } },
    nlb: { creates: ['elbv2.NetworkLoadBalancer'], readme: { counted: true } },
    clb: { creates: ['elb.LoadBalancer'], readme: { counted: true } },
    internet: {
      notExported: 'The internet and its users are not resources; findings about them are written next to the load balancer they reach.',
    },
  },
  emit: (ctx) => emitLoadBalancers(ctx),
});
