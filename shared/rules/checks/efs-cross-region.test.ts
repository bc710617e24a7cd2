import { describe, expect, it } from 'vitest';
import { check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'efs-cross-region';

describe(RULE, () => {
  it('flags a task mounting EFS from another Region', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const europe = d.add('region', { props: { regionCode: 'eu-west-1' } });
    const files = d.add('efs', { in: europe, label: 'files' });
    const edge = d.connect(stack.web, files);
    const [finding] = check(d.build(), RULE);
    expect(finding?.message).toBe(
      'ECS service "web" runs in us-east-1 but mounts EFS file system "files" in eu-west-1; EFS is regional, so use a file system (or a replica) in us-east-1.',
    );
    expect(finding?.edgeIds).toEqual([edge]);
  });

  it('flags Kubernetes workloads too', () => {
    const d = diagram();
    const region = d.add('region', { props: { regionCode: 'ap-southeast-2' } });
    const cluster = d.add('eks-cluster', { in: region });
    const app = d.add('eks-workload', { in: cluster });
    d.connect(app, d.add('efs', { in: d.add('region', { props: { regionCode: 'us-west-2' } }) }));
    expect(check(d.build(), RULE).map((finding) => finding.nodeIds[0])).toEqual([app]);
  });

  it('near miss: same Region, and a file system whose Region is not drawn', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.connect(stack.web, d.add('efs', { in: stack.region }));
    d.connect(stack.web, d.add('efs'));
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
