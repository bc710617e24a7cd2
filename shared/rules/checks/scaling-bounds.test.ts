import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram } from '../test-support/diagram-builder.test-support';

const RULE = 'scaling-bounds';

describe(RULE, () => {
  it('flags a minimum above the maximum and a desired count outside the range; the fixes repair them', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster');
    d.add('service-auto-scaling', { in: cluster, label: 'scaling', props: { minCapacity: 5, maxCapacity: 2 } });
    d.add('ecs-ec2-capacity', { in: cluster, label: 'ASG', props: { minSize: 1, maxSize: 3, desiredCapacity: 5 } });
    const eks = d.add('eks-cluster');
    d.add('eks-managed-node-group', { in: eks, label: 'nodes', props: { minSize: 3, maxSize: 4, desiredSize: 1 } });
    d.add('eks-self-managed-nodes', { in: eks, label: 'self', props: { minSize: 4, maxSize: 2 } });
    const document = d.build();
    const findings = check(document, RULE);
    expect(findings.map((finding) => finding.message).sort()).toEqual([
      'EC2 capacity "ASG" wants 5 instances, outside its range of 1 to 3.',
      'Managed node group "nodes" wants 1 node, outside its range of 3 to 4.',
      'Self-managed nodes "self" has a minimum of 4 nodes above its maximum of 2.',
      'Service auto scaling "scaling" has a minimum of 5 tasks above its maximum of 2.',
    ]);
    let fixed = document;
    for (const finding of findings) fixed = applyFix(fixed, finding);
    expect(check(fixed, RULE)).toEqual([]);
  });

  it('flags scheduled actions whose minimum is above their maximum', () => {
    const d = diagram();
    const scaling = d.add('ec2-auto-scaling', {
      label: 'nightly',
      props: { policies: [{ type: 'scheduled', schedule: '0 20 * * *', minSize: 6, maxSize: 2 }] },
    });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'The scheduled action "0 20 * * *" of EC2 Auto Scaling policy "nightly" sets a minimum of 6 instances above its maximum of 2.',
    );
    expect(finding?.nodeIds).toEqual([scaling]);
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: minimum 0, equal bounds, and desired left to managed scaling', () => {
    const d = diagram();
    d.add('service-auto-scaling', { props: { minCapacity: 0, maxCapacity: 0 } });
    d.add('ecs-ec2-capacity', { props: { minSize: 0, maxSize: 10, desiredCapacity: null } });
    d.add('eks-managed-node-group', { props: { minSize: 2, maxSize: 2, desiredSize: 2 } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
