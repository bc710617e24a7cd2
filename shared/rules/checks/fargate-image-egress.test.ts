import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack, network } from '../test-support/diagram-builder.test-support';

const RULE = 'fargate-image-egress';

describe(RULE, () => {
  it('flags a task in private subnets with no NAT gateway and no ECR endpoints', () => {
    const d = diagram();
    const stack = fargateWebStack(d, { nat: false });
    const [finding, ...rest] = check(d.build(), RULE);
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'ECS service "web" runs on Fargate in private subnets "Private a" and "Private b", and the VPC has no NAT gateway and lacks the VPC endpoints ECR needs (missing ecr.api, ecr.dkr and s3), so it cannot pull ECR repository "web".',
    );
    expect(finding?.nodeIds).toEqual([stack.web, ...stack.privateSubnets, stack.repository]);
    expect(finding?.fix).toBeUndefined();
  });

  it('names only the missing endpoints, and treats a private NAT gateway as no way out', () => {
    const d = diagram();
    const stack = fargateWebStack(d, { nat: false, endpoints: ['ecr.dkr'] });
    d.add('nat-gateway', { in: stack.privateSubnets[0]!, label: 'internal NAT', props: { connectivity: 'private' } });
    expect(check(d.build(), RULE)[0]?.message).toMatch(
      /the VPC has no NAT gateway to the internet \(NAT gateway "internal NAT" is private or in a private subnet\) and lacks the VPC endpoints ECR needs \(missing ecr\.api and s3\)/,
    );
  });

  it('flags Docker Hub images behind VPC endpoints only: endpoints do not reach Docker Hub', () => {
    const d = diagram();
    const stack = fargateWebStack(d, { nat: false, endpoints: ['ecr.api', 'ecr.dkr', 's3'] });
    const image = d.add('dockerhub-image', { props: { credentialsSecret: 'dockerhub' } });
    d.connect(stack.web, image);
    const [finding] = check(d.build(), RULE);
    expect(finding?.message).toMatch(/the VPC has no NAT gateway, so it cannot pull Docker Hub image "nginx"\.$/);
  });

  it('flags a task in a public subnet without a public IP, and the fix assigns one', () => {
    const d = diagram();
    const net = network(d);
    const cluster = d.add('ecs-cluster', { in: net.vpc });
    const fargate = d.add('ecs-fargate-capacity', { in: cluster });
    const task = d.add('ecs-task', { in: fargate, label: 'job' });
    d.connect(task, net.publicSubnets[0]!);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'ECS task "job" runs on Fargate in public subnet "Public a" without a public IP, and the VPC lacks the ECR endpoints (missing ecr.api, ecr.dkr and s3), so it cannot pull its image.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: private subnets with a NAT gateway, or with the ECR endpoints for an ECR image; subnets not drawn', () => {
    const withNat = diagram();
    fargateWebStack(withNat);
    expect(check(withNat.build(), RULE)).toEqual([]);
    const withEndpoints = diagram();
    fargateWebStack(withEndpoints, { nat: false, endpoints: ['ecr.api', 'ecr.dkr', 's3'] });
    expect(check(withEndpoints.build(), RULE)).toEqual([]);
    const sketch = diagram();
    const cluster = sketch.add('ecs-cluster');
    sketch.add('ecs-service', { in: sketch.add('ecs-fargate-capacity', { in: cluster }) });
    expect(check(sketch.build(), RULE)).toEqual([]);
  });
});
