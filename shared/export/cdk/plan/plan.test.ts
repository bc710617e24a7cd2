import { describe, expect, it } from 'vitest';
import type { DiagramDocument } from '../../../document';
import { DiagramModel } from '../../../model/diagram-model';
import { diagram, ec2Stack, fargateWebStack } from '../../../rules/test-support/diagram-builder.test-support';
import { construct, Declarations } from './constructs';
import { StackScope } from './scope';
import { planStack, type StackPlan } from './stack';
import { planStacks } from './stacks';

/** The plan of the only workload stack of a one-Region, one-VPC diagram. */
function planOf(document: DiagramDocument): StackPlan {
  const model = new DiagramModel(document);
  const planning = planStacks(model);
  expect(planning.slots).toHaveLength(1);
  return planStack(new StackScope(model, planning, planning.slots[0]!), { ownsPullThroughCache: false });
}

describe('the load balancer plan', () => {
  it("makes the catch-all route an ALB listener's default action and gives the others rule priorities in drawing order", () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const api = d.add('ecs-service', { in: stack.fargate, id: 'n-api' });
    const admin = d.add('ecs-service', { in: stack.fargate, id: 'n-admin' });
    d.setEdge(stack.route, { pathPattern: '/*' });
    const apiRoute = d.connect(stack.alb, api, { pathPattern: '/api/*' });
    const adminRoute = d.connect(stack.alb, admin, { pathPattern: '/admin/*' });
    const secure = d.connect(stack.alb, admin, { listenerPort: 443, protocol: 'HTTPS', pathPattern: '/admin/*' });
    const [alb] = planOf(d.build()).loadBalancers;
    if (alb?.type !== 'application') throw new Error('expected the ALB');
    expect(alb.listeners.map(({ port, protocol }) => ({ port, protocol }))).toEqual([
      { port: 80, protocol: 'HTTP' },
      { port: 443, protocol: 'HTTPS' },
    ]);
    const byEdge = new Map(alb.routes.map((route) => [route.edge.id, route]));
    expect(alb.listeners[0]!.defaultRoute?.edge.id).toBe(stack.route);
    expect([stack.route, apiRoute, adminRoute, secure].map((id) => byEdge.get(id)?.priority)).toEqual([undefined, 10, 20, 10]);
    expect(alb.listeners[1]!.defaultRoute).toBeUndefined();
    expect(new Set(alb.routes.map((route) => route.targetGroup)).size).toBe(4);
  });

  it('generates the first route on an NLB port only: a listener forwards to one target group', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const nlb = d.add('nlb', { in: stack.vpc, id: 'n-nlb' });
    const first = d.connect(nlb, stack.web, { listenerPort: 53, protocol: 'UDP' });
    const second = d.connect(nlb, stack.web, { listenerPort: 53, protocol: 'UDP', targetPort: 5353 });
    const plan = planOf(d.build());
    const network = plan.loadBalancers.find((candidate) => candidate.node.id === nlb);
    if (network?.type !== 'network') throw new Error('expected the NLB');
    expect(network.listeners).toMatchObject([{ port: 53, protocol: 'UDP', extraRoutes: 1 }]);
    expect(network.routes.map((route) => [route.edge.id, route.generated])).toEqual([
      [first, true],
      [second, false],
    ]);
    expect(plan.ecs.workloads.find((workload) => workload.node.id === stack.web)?.udp).toBe(true);
  });
});

describe('the ECS plan', () => {
  it('places a bridge-mode service on its EC2 capacity provider, with that capacity as the instances load balancers reach', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    const plan = planOf(d.build());
    const [cluster] = plan.ecs.clusters;
    const capacity = cluster!.capacities[0]!;
    expect(capacity).toMatchObject({ compute: 'ec2' });
    expect(capacity.autoScalingGroup).toBeDefined();
    expect(capacity.provider).toBeDefined();
    const api = plan.ecs.workloads.find((workload) => workload.node.id === stack.api)!;
    expect(api).toMatchObject({ flavour: 'ec2', networkMode: 'bridge', mixedStrategy: false });
    expect(api.strategy).toEqual({ items: [{ provider: capacity, base: 0, weight: 1 }], missing: 0 });
    expect(api.instanceGroups).toEqual([capacity]);
    expect(api.cluster).toBe(cluster);
  });

  it('runs workloads drawn outside every cluster in a generated cluster, on Fargate in awsvpc mode', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    const loose = d.add('ecs-service', { id: 'n-loose', props: { networkMode: 'bridge' } });
    const plan = planOf(d.build());
    expect(plan.ecs.clusters.map((cluster) => cluster.node?.id)).toEqual([stack.cluster, undefined]);
    expect(plan.ecs.orphans.map((node) => node.id)).toEqual([loose]);
    const workload = plan.ecs.workloads.find((candidate) => candidate.node.id === loose)!;
    expect(workload).toMatchObject({ flavour: 'fargate', networkMode: 'awsvpc', strategy: { items: [], missing: 0 } });
    expect(workload.cluster.node).toBeUndefined();
  });

  it('registers only the Fargate providers the capacity turns on, and none when both are off', () => {
    const providers = (fargate: boolean, fargateSpot: boolean) => {
      const d = diagram();
      const stack = fargateWebStack(d);
      d.set(stack.fargate, { fargate, fargateSpot });
      return planOf(d.build()).ecs.clusters[0]!.fargateProviders;
    };
    expect(providers(true, true)).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(providers(false, true)).toEqual(['FARGATE_SPOT']);
    expect(providers(false, false)).toEqual([]);
  });

  it('counts the providers a strategy names that the cluster does not have, so the code can say so', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.cluster, {
      defaultCapacityProviderStrategy: [
        { provider: 'gone', base: 0, weight: 1 },
        { provider: stack.capacity, base: 1, weight: 1 },
      ],
    });
    const [cluster] = planOf(d.build()).ecs.clusters;
    expect(cluster!.defaultStrategy).toEqual({ items: [{ provider: cluster!.capacities[0], base: 1, weight: 1 }], missing: 1 });
  });
});

describe('declarations', () => {
  it('give the variable of a declared construct, and say clearly when one is used before its statement or declared twice', () => {
    const declared = new Declarations();
    const listener = construct('listener 80 of n-alb');
    expect(() => declared.variable(listener)).toThrow(
      'listener 80 of n-alb is used before the statement that declares it: the emitters run out of order.',
    );
    declared.declare(listener, 'albListener80');
    expect(declared.variable(listener)).toBe('albListener80');
    expect(() => declared.declare(listener, 'again')).toThrow('listener 80 of n-alb is declared twice.');
  });
});
