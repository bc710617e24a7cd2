import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, network } from '../test-support/diagram-builder.test-support';

const RULE = 'external-limits';

function anywhere() {
  const d = diagram();
  const net = network(d);
  const cluster = d.add('ecs-cluster', { in: net.vpc });
  const external = d.add('ecs-external-capacity', { in: cluster, label: 'on-prem' });
  const service = d.add('ecs-service', { in: external, label: 'edge' });
  return { d, net, service };
}

describe(RULE, () => {
  it('flags awsvpc on external instances (the default mode), and the fix uses bridge', () => {
    const { d } = anywhere();
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'ECS service "edge" runs on external instances (ECS Anywhere), which do not support the awsvpc network mode.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags load balancers and EFS for external tasks', () => {
    const { d, net, service } = anywhere();
    d.set(service, { networkMode: 'bridge' });
    const alb = d.add('alb', { in: net.vpc, label: 'ALB' });
    d.connect(alb, service);
    const files = d.add('efs', { in: net.vpc, label: 'files' });
    d.connect(service, files);
    expect(check(d.build(), RULE).map((finding) => finding.message)).toEqual([
      'Application Load Balancer "ALB" routes to ECS service "edge", which runs on external instances (ECS Anywhere); Elastic Load Balancing cannot register them.',
      'ECS service "edge" mounts EFS file system "files" but runs on external instances (ECS Anywhere), where EFS volumes are not supported.',
    ]);
  });

  it('near miss: bridge mode, host mode and GPUs on external instances', () => {
    const { d, service } = anywhere();
    d.set(service, { networkMode: 'host', gpuCount: 1 });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
