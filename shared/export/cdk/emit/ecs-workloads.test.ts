import { describe, expect, it } from 'vitest';
import { diagram, ec2Stack } from '../../../rules/test-support/diagram-builder.test-support';
import { fileText, generate } from '../../../../test/cdk-synth/fixtures';

function bridgeServiceBehind(kind: 'alb' | 'nlb', hostPort: number): string {
  const d = diagram();
  const stack = ec2Stack(d);
  d.set(stack.api, { hostPort });
  const lb = d.add(kind, { in: stack.vpc, id: 'n-lb' });
  for (const subnet of stack.publicSubnets) d.connect(lb, subnet);
  d.connect(lb, stack.api);
  return fileText(generate(d.build(), { force: true }), 'lib/test-app-stack.ts');
}

describe('ECS services behind load balancers', () => {
  it.each(['alb', 'nlb'] as const)('health-check dynamic host ports (bridge, host port 0) on the traffic port, behind an %s', (kind) => {
    expect(bridgeServiceBehind(kind, 0)).toContain("port: 'traffic-port'");
    expect(bridgeServiceBehind(kind, 8080)).not.toContain('traffic-port');
  });
});

describe('ECS service health-check grace period', () => {
  it("comes from the service's property, 60 s unless the diagram says otherwise", () => {
    const d = diagram();
    const stack = ec2Stack(d);
    const lb = d.add('alb', { in: stack.vpc, id: 'n-lb' });
    for (const subnet of stack.publicSubnets) d.connect(lb, subnet);
    d.connect(lb, stack.api);
    expect(fileText(generate(d.build(), { force: true }), 'lib/test-app-stack.ts')).toContain(
      'healthCheckGracePeriod: cdk.Duration.seconds(60)',
    );
    d.set(stack.api, { healthCheckGracePeriod: 300 });
    expect(fileText(generate(d.build(), { force: true }), 'lib/test-app-stack.ts')).toContain(
      'healthCheckGracePeriod: cdk.Duration.seconds(300)',
    );
  });
});
