import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram } from '../test-support/diagram-builder.test-support';

const RULE = 'asg-capacity-provider-config';

describe(RULE, () => {
  it('flags instance weighting, termination protection without managed scaling, and a maximum of 0; each fix repairs its finding', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster');
    d.add('ecs-ec2-capacity', { in: cluster, label: 'weighted', props: { instanceWeighting: true } });
    d.add('ecs-ec2-capacity', { in: cluster, label: 'protected', props: { managedScaling: false, managedTerminationProtection: true } });
    d.add('ecs-ec2-capacity', { in: cluster, label: 'empty', props: { minSize: 0, maxSize: 0 } });
    const document = d.build();
    const findings = check(document, RULE);
    expect(findings.map((finding) => [finding.severity, finding.message])).toEqual([
      [
        'error',
        'EC2 capacity "weighted" is a capacity provider with instance weighting; capacity providers do not support weighted instance types.',
      ],
      [
        'error',
        'EC2 capacity "protected" turns on managed termination protection without managed scaling; ECS needs managed scaling to protect instances that run tasks.',
      ],
      ['warning', 'EC2 capacity "empty" has a maximum size of 0, so it can never launch an instance for tasks to run on.'],
    ]);
    for (const finding of findings) expect(check(applyFix(document, finding), RULE)).toHaveLength(2);
  });

  it('near miss: the same settings on an ASG that is not a capacity provider, and minimum 0 with maximum above 0', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster');
    d.add('ecs-ec2-capacity', {
      in: cluster,
      props: { capacityProvider: false, instanceWeighting: true, managedScaling: false, managedTerminationProtection: true },
    });
    d.add('ecs-ec2-capacity', { in: cluster, props: { minSize: 0, maxSize: 2 } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
