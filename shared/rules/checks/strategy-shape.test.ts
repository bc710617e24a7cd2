import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'strategy-shape';

describe(RULE, () => {
  it('flags two providers with a base, and the fix keeps the first base', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, {
      capacityProviderStrategy: [
        { provider: 'FARGATE', base: 2, weight: 1 },
        { provider: 'FARGATE_SPOT', base: 1, weight: 1 },
      ],
    });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'The capacity provider strategy of ECS service "web" gives a base to 2 providers (FARGATE, FARGATE_SPOT); only one provider may have a base.',
    );
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === stack.web)?.props.capacityProviderStrategy).toEqual([
      { provider: 'FARGATE', base: 2, weight: 1 },
      { provider: 'FARGATE_SPOT', base: 0, weight: 1 },
    ]);
  });

  it('flags several providers that all have weight 0', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.cluster, {
      defaultCapacityProviderStrategy: [
        { provider: 'FARGATE', base: 0, weight: 0 },
        { provider: 'FARGATE_SPOT', base: 0, weight: 0 },
      ],
    });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'The default capacity provider strategy of ECS cluster "cluster" lists 2 providers, all with weight 0, so ECS cannot place any task with it.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags providers that are not associated with the cluster', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    const other = d.add('ecs-cluster', { in: stack.vpc, label: 'other' });
    const foreign = d.add('ecs-ec2-capacity', { in: other, label: 'foreign' });
    const plain = d.add('ecs-ec2-capacity', { in: stack.cluster, label: 'plain', props: { capacityProvider: false } });
    const fargate = d.add('ecs-fargate-capacity', { in: stack.cluster, label: 'Fargate', props: { fargateSpot: false } });
    const web = d.add('ecs-service', {
      in: stack.cluster,
      label: 'web',
      props: {
        capacityProviderStrategy: [
          { provider: foreign, base: 0, weight: 1 },
          { provider: plain, base: 0, weight: 1 },
          { provider: 'typo', base: 0, weight: 1 },
        ],
      },
    });
    d.add('ecs-service', {
      in: fargate,
      label: 'spot',
      props: { capacityProviderStrategy: [{ provider: 'FARGATE_SPOT', base: 0, weight: 1 }] },
    });
    const document = d.build();
    const messages = check(document, RULE).map((finding) => finding.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'The capacity provider strategy of ECS service "web" uses EC2 capacity "foreign", which belongs to ECS cluster "other", not to ECS cluster "cluster"; a capacity provider serves only its own cluster.',
        'The capacity provider strategy of ECS service "web" uses EC2 capacity "plain", which is not registered as a capacity provider.',
        'The capacity provider strategy of ECS service "web" uses "typo", which is not a capacity provider of ECS cluster "cluster" (FARGATE, FARGATE_SPOT or an EC2 capacity registered as a capacity provider).',
        'The capacity provider strategy of ECS service "spot" uses FARGATE_SPOT, but Fargate capacity "Fargate" of ECS cluster "cluster" does not enable that provider.',
      ]),
    );
    expect(messages).toHaveLength(4);
    let fixed = document;
    for (const finding of check(document, RULE)) fixed = applyFix(fixed, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === web)?.props.capacityProviderStrategy).toEqual([{ provider: plain, base: 0, weight: 1 }]);
  });

  it('near miss: one base, a single provider with weight 0, FARGATE in a cluster without drawn Fargate capacity', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.cluster, { defaultCapacityProviderStrategy: [{ provider: stack.capacity, base: 2, weight: 0 }] });
    d.add('ecs-task', {
      in: stack.cluster,
      props: {
        capacityProviderStrategy: [
          { provider: 'FARGATE', base: 1, weight: 1 },
          { provider: 'FARGATE_SPOT', base: 0, weight: 4 },
        ],
      },
    });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
