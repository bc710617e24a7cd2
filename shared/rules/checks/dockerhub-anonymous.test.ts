import { describe, expect, it } from 'vitest';
import { check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'dockerhub-anonymous';

describe(RULE, () => {
  it('warns once per image pulled anonymously, naming who pulls it', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const image = d.add('dockerhub-image', { label: 'nginx' });
    d.connect(stack.web, image);
    const job = d.add('ecs-task', { in: stack.fargate, label: 'job' });
    d.connect(job, image);
    const [finding, ...rest] = check(d.build(), RULE);
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'ECS service "web" and ECS task "job" pull Docker Hub image "nginx" anonymously; anonymous pulls are rate limited per IP address and shared by everything behind a NAT gateway. Add a credentials secret or pull through an ECR pull-through cache.',
    );
    expect(finding?.nodeIds).toEqual([image, stack.web, job]);
    expect(finding?.edgeIds).toHaveLength(2);
  });

  it('near miss: credentials, a pull-through cache, or nobody pulling', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.connect(
      stack.web,
      d.add('dockerhub-image', { props: { credentialsSecret: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:hub' } }),
    );
    d.connect(stack.web, d.add('dockerhub-image', { props: { pullThroughCache: true } }));
    d.add('dockerhub-image');
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
