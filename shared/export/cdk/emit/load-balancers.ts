import { propsOf } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import { arr, call, expr, newCall, obj, props } from '../code';
import type { EmitContext } from '../context';
import { defineEmitter } from '../emitter';
import type { ApplicationLoadBalancerPlan, ClassicLoadBalancerPlan, NetworkLoadBalancerPlan } from '../plan/load-balancers';
import { MODULES } from '../stack-builder';

/**
 * ALBs, NLBs and Classic Load Balancers in front of ECS services, as the plan has them
 * (plan/load-balancers.ts): the load balancer and its listeners come first; each service then
 * registers itself with `listener.addTargets` (or `clb.addTarget`) right after it is created.
 * Load balancers that only front Kubernetes workloads are created by the AWS Load Balancer
 * Controller from the manifests instead.
 */

export function emitLoadBalancers(ctx: EmitContext): void {
  const plans = ctx.plan.loadBalancers;
  if (plans.length === 0) return;
  ctx.b.section('Load balancers');
  for (const plan of plans) {
    if (plan.createdByKubernetes) {
      ctx.header(plan.node, 'created by Kubernetes from the manifests of the EKS cluster below');
      continue;
    }
    ctx.header(plan.node);
    if (plan.omitsRoutes) ctx.b.comment('Routes to Kubernetes workloads or to another Region are not generated on this load balancer.');
    if (plan.type === 'application') emitAlb(ctx, plan);
    else if (plan.type === 'network') emitNlb(ctx, plan);
    else emitClb(ctx, plan);
  }
}

function emitAlb(ctx: EmitContext, plan: ApplicationLoadBalancerPlan): void {
  const ec2 = ctx.b.use(MODULES.ec2);
  const elbv2 = ctx.b.use(MODULES.elbv2);
  const loadBalancer = plan.node;
  const settings = propsOf(loadBalancer);
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
  ctx.declared.declare(plan.construct, variable);
  emitDnsOutput(ctx, loadBalancer, variable);

  for (const listenerPlan of plan.listeners) {
    const { port, protocol } = listenerPlan;
    const certificate = protocol === 'HTTPS' ? ctx.certificateArn(loadBalancer, port) : undefined;
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
          defaultAction: listenerPlan.defaultRoute
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
    ctx.declared.declare(listenerPlan.construct, listener);
  }
}

function emitNlb(ctx: EmitContext, plan: NetworkLoadBalancerPlan): void {
  const elbv2 = ctx.b.use(MODULES.elbv2);
  const loadBalancer = plan.node;
  const settings = propsOf(loadBalancer);
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
  ctx.declared.declare(plan.construct, variable);
  emitDnsOutput(ctx, loadBalancer, variable);

  for (const listenerPlan of plan.listeners) {
    const { port, protocol } = listenerPlan;
    const certificate = protocol === 'TLS' ? ctx.certificateArn(loadBalancer, port) : undefined;
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
    if (listenerPlan.extraRoutes > 0)
      ctx.b.comment(`Only the first route on port ${port} is generated: an NLB listener forwards to one target group.`);
    ctx.declared.declare(listenerPlan.construct, listener);
  }
}

function emitClb(ctx: EmitContext, plan: ClassicLoadBalancerPlan): void {
  const elb = ctx.b.use(MODULES.elb);
  const loadBalancer = plan.node;
  const settings = propsOf(loadBalancer);
  const vpc = ctx.vpcOf(loadBalancer);
  const first = plan.routes[0];
  const variable = ctx.variable(loadBalancer);
  const healthCheckProtocol = first && (first.props.protocol === 'TCP' || first.props.protocol === 'SSL') ? 'TCP' : 'HTTP';
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
              path: healthCheckProtocol === 'HTTP' ? first.props.healthCheckPath : undefined,
            })
          : undefined,
        // A Classic Load Balancer needs a listener; the diagram routes it nowhere yet.
        listeners: first ? undefined : arr([obj({ externalPort: 80 })]),
      }),
    ),
  );
  ctx.nameTag(variable, loadBalancer);
  ctx.declared.declare(plan.construct, variable);
  for (const { props: route, instancePort } of plan.listeners) {
    const secure = route.protocol === 'HTTPS' || route.protocol === 'SSL';
    const certificate = secure ? ctx.certificateArn(loadBalancer, route.listenerPort) : undefined;
    ctx.b.statement(
      call(
        `${variable}.addListener`,
        obj({
          externalPort: route.listenerPort,
          externalProtocol: expr(`${elb}.LoadBalancingProtocol.${route.protocol}`),
          internalPort: instancePort,
          internalProtocol: secure ? expr(`${elb}.LoadBalancingProtocol.${route.protocol === 'HTTPS' ? 'HTTP' : 'TCP'}`) : undefined,
          sslCertificateArn: certificate,
        }),
      ),
    );
  }
  emitDnsOutput(ctx, loadBalancer, variable);
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
