import { edgePropsOf, isLoadBalancerOf, propsOf, type KubernetesWorkloadKindId, type NodeOfKind } from '../../../../catalog';
import type { DiagramEdge } from '../../../../document/schema';
import { arr, call, expr, obj, objFromPairs, type Code } from '../../code';
import type { EmitContext } from '../../context';
import { kubernetesName } from '../../names';
import { isCatchAll } from '../../plan/load-balancers';
import { NAME_LABEL, type ClusterScope } from './scope';

/**
 * Load balancers in front of Kubernetes workloads, as Kubernetes objects: a backend Service and
 * an Ingress per ALB and namespace (the AWS Load Balancer Controller creates the ALB), and a
 * LoadBalancer Service per NLB (the controller) or Classic Load Balancer (Kubernetes' built-in
 * cloud provider).
 */

type KubernetesWorkload = NodeOfKind<KubernetesWorkloadKindId>;

export function serviceObject(
  name: string,
  namespace: string,
  selectorName: string,
  spec: Record<string, Code | undefined>,
  annotations?: Map<string, Code>,
): Code {
  return obj(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: obj({ name, namespace, annotations: annotations && annotations.size > 0 ? objFromPairs(annotations) : undefined }),
      spec: obj({ ...spec, selector: objFromPairs([[NAME_LABEL, selectorName]]) }, { expanded: true }),
    },
    { expanded: true },
  );
}

/**
 * Services for the load balancers drawn in front of a workload: a backend Service for ALB
 * Ingresses, and a LoadBalancer Service per NLB (through the AWS Load Balancer Controller) or
 * Classic Load Balancer (Kubernetes' built-in cloud provider). Returns whether any of them
 * needs the AWS Load Balancer Controller.
 */
export function emitLoadBalancerServices(
  ctx: EmitContext,
  workload: KubernetesWorkload,
  { name, selector }: { name: string; selector: string },
  namespace: string,
  containerPort: number,
  onFargate: boolean,
  objects: Code[],
): boolean {
  const routes = ctx.model.edgesTo(workload.id, 'routes-traffic');
  let usesController = false;
  const albRoutes = routes.flatMap((edge) => {
    const source = ctx.model.node(edge.source);
    return isLoadBalancerOf(source, 'application') ? [edgePropsOf(edge, source, 'routes-traffic', workload.kind)] : [];
  });
  if (albRoutes.length > 0) {
    const first = albRoutes[0]!;
    const instance = first.targetType === 'instance';
    const annotations = new Map<string, Code>([
      ['alb.ingress.kubernetes.io/target-type', instance ? 'instance' : 'ip'],
      ['alb.ingress.kubernetes.io/healthcheck-path', first.healthCheckPath],
    ]);
    const port = first.targetPort > 0 ? first.targetPort : containerPort;
    objects.push(
      serviceObject(
        name,
        namespace,
        selector,
        { type: instance ? 'NodePort' : 'ClusterIP', ports: arr([obj({ port, targetPort: port, protocol: 'TCP' })]) },
        annotations,
      ),
    );
    usesController = true;
  }
  const byLoadBalancer = new Map<string, DiagramEdge[]>();
  for (const edge of routes) {
    const source = ctx.model.node(edge.source);
    if (!isLoadBalancerOf(source, 'network') && !isLoadBalancerOf(source, 'classic')) continue;
    byLoadBalancer.set(edge.source, [...(byLoadBalancer.get(edge.source) ?? []), edge]);
  }
  for (const [lbId, edges] of byLoadBalancer) {
    const loadBalancer = ctx.model.node(lbId);
    const annotations = new Map<string, Code>();
    const serviceName = kubernetesName('lb', `${lbId}-${workload.id}`);
    if (isLoadBalancerOf(loadBalancer, 'network')) {
      const settings = propsOf(loadBalancer);
      const routesOut = edges.map((edge) => edgePropsOf(edge, loadBalancer, 'routes-traffic', workload.kind));
      const targetType = routesOut[0]!.targetType === 'instance' && !onFargate ? 'instance' : 'ip';
      annotations.set('service.beta.kubernetes.io/aws-load-balancer-type', 'external');
      annotations.set('service.beta.kubernetes.io/aws-load-balancer-nlb-target-type', targetType);
      annotations.set('service.beta.kubernetes.io/aws-load-balancer-scheme', settings.scheme);
      if (settings.crossZoneLoadBalancing)
        annotations.set('service.beta.kubernetes.io/aws-load-balancer-attributes', 'load_balancing.cross_zone.enabled=true');
      const tls = routesOut.filter((route) => route.protocol === 'TLS');
      if (tls.length > 0) {
        annotations.set('service.beta.kubernetes.io/aws-load-balancer-ssl-cert', ctx.certificateArn(loadBalancer, tls[0]!.listenerPort));
        annotations.set('service.beta.kubernetes.io/aws-load-balancer-ssl-ports', tls.map((route) => String(route.listenerPort)).join(','));
      }
      const ports = routesOut.map((route) =>
        obj({
          name: `port-${route.listenerPort}`,
          port: route.listenerPort,
          targetPort: route.targetPort > 0 ? route.targetPort : containerPort,
          protocol: route.protocol === 'UDP' ? 'UDP' : 'TCP',
        }),
      );
      objects.push(serviceObject(serviceName, namespace, selector, { type: 'LoadBalancer', ports: arr(ports) }, annotations));
      usesController = true;
    } else if (isLoadBalancerOf(loadBalancer, 'classic')) {
      const settings = propsOf(loadBalancer);
      const routesOut = edges.map((edge) => edgePropsOf(edge, loadBalancer, 'routes-traffic', workload.kind));
      if (settings.scheme === 'internal') annotations.set('service.beta.kubernetes.io/aws-load-balancer-internal', 'true');
      if (settings.crossZoneLoadBalancing)
        annotations.set('service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled', 'true');
      const secure = routesOut.filter((route) => route.protocol === 'HTTPS' || route.protocol === 'SSL');
      if (secure.length > 0) {
        annotations.set('service.beta.kubernetes.io/aws-load-balancer-ssl-cert', ctx.certificateArn(loadBalancer, secure[0]!.listenerPort));
        annotations.set(
          'service.beta.kubernetes.io/aws-load-balancer-ssl-ports',
          secure.map((route) => String(route.listenerPort)).join(','),
        );
      }
      if (routesOut.some((route) => route.protocol === 'HTTP' || route.protocol === 'HTTPS')) {
        annotations.set('service.beta.kubernetes.io/aws-load-balancer-backend-protocol', 'http');
      }
      const ports = routesOut.map((route) =>
        obj({
          name: `port-${route.listenerPort}`,
          port: route.listenerPort,
          targetPort: route.targetPort > 0 ? route.targetPort : containerPort,
          protocol: 'TCP',
        }),
      );
      ctx.b.comment('The Classic Load Balancer comes from the Service below (Kubernetes built-in cloud provider).');
      objects.push(serviceObject(serviceName, namespace, selector, { type: 'LoadBalancer', ports: arr(ports) }, annotations));
    }
  }
  return usesController;
}

/** One Ingress per ALB and namespace, grouped so that they share the one load balancer the diagram draws. */
export function emitIngresses(ctx: EmitContext, scope: ClusterScope): void {
  for (const { loadBalancer, namespace, routes } of scope.plan.ingresses) {
    ctx.header(loadBalancer, 'an Ingress for the AWS Load Balancer Controller');
    const settings = propsOf(loadBalancer);
    const group = kubernetesName('alb', loadBalancer.id);
    const listen: string[] = [];
    const annotations = new Map<string, Code>([
      ['alb.ingress.kubernetes.io/scheme', settings.scheme],
      ['alb.ingress.kubernetes.io/group.name', group],
    ]);
    const paths: Code[] = [];
    let certificate: Code | undefined;
    for (const { props: route, workload } of routes) {
      const entry = `{"${route.protocol}":${route.listenerPort}}`;
      if (!listen.includes(entry)) listen.push(entry);
      if (route.protocol === 'HTTPS' && !certificate) certificate = ctx.certificateArn(loadBalancer, route.listenerPort);
      const workloadSettings = propsOf(workload.node);
      const port = route.targetPort > 0 ? route.targetPort : workloadSettings.containerPort;
      const { path, pathType } = ingressPath(route.pathPattern);
      paths.push(
        obj({
          path,
          pathType,
          backend: obj({ service: obj({ name: workload.name, port: obj({ number: port }) }) }),
        }),
      );
    }
    annotations.set('alb.ingress.kubernetes.io/listen-ports', `[${listen.join(',')}]`);
    if (settings.ipAddressType === 'dualstack') annotations.set('alb.ingress.kubernetes.io/ip-address-type', 'dualstack');
    if (certificate) annotations.set('alb.ingress.kubernetes.io/certificate-arn', certificate);
    const ingress = obj(
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: obj(
          { name: kubernetesName('ingress', loadBalancer.id), namespace, annotations: objFromPairs(annotations) },
          { expanded: true },
        ),
        spec: obj({ ingressClassName: 'alb', rules: arr([obj({ http: obj({ paths: arr(paths) }) })]) }, { expanded: true }),
      },
      { expanded: true },
    );
    const variable = ctx.variable(loadBalancer, 'Ingress');
    ctx.b.declare(variable, call(`${scope.variable}.addManifest`, ctx.constructId(loadBalancer, 'Ingress'), ingress));
    for (const { workload } of routes)
      ctx.b.statement(call(`${variable}.node.addDependency`, expr(ctx.declared.variable(workload.manifest))));
    if (scope.plan.albController) dependOnController(ctx, scope, variable);
  }
}

/** ALB path patterns as Ingress paths: `/api/*` is the prefix `/api`; other wildcards stay as written. */
function ingressPath(pattern: string): { path: string; pathType: string } {
  if (isCatchAll(pattern)) return { path: '/', pathType: 'Prefix' };
  if (pattern.endsWith('/*') && !/[*?]/.test(pattern.slice(0, -2))) return { path: pattern.slice(0, -2) || '/', pathType: 'Prefix' };
  if (!/[*?]/.test(pattern)) return { path: pattern, pathType: 'Exact' };
  return { path: pattern, pathType: 'ImplementationSpecific' };
}

export function dependOnController(ctx: EmitContext, scope: ClusterScope, manifest: string): void {
  ctx.b.lines(`if (${scope.variable}.albController) ${manifest}.node.addDependency(${scope.variable}.albController);`);
}
