import { describe, expect, it } from 'vitest';
import { check, diagram, ec2Stack } from '../test-support/diagram-builder.test-support';

const RULE = 'ec2-needs-instances';

describe(RULE, () => {
  it('flags the EC2 launch type in a cluster without EC2 capacity', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster', { label: 'cluster' });
    d.add('ecs-fargate-capacity', { in: cluster });
    const api = d.add('ecs-service', { in: cluster, label: 'api', props: { launchType: 'EC2', networkMode: 'bridge' } });
    const [finding] = check(d.build(), RULE);
    expect(finding?.message).toBe(
      'ECS service "api" uses the EC2 launch type, but ECS cluster "cluster" has no EC2 capacity for its tasks to run on. Add EC2 capacity to the cluster, or run the service on Fargate.',
    );
    expect(finding?.nodeIds).toEqual([api, cluster]);
  });

  it('flags tasks the instances cannot run: Windows on Linux, ARM64 on x86_64, GPUs without a GPU AMI', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' });
    d.add('ecs-service', { in: stack.capacity, label: 'arm', props: { cpuArchitecture: 'ARM64' } });
    d.add('ecs-task', { in: stack.capacity, label: 'gpu', props: { gpuCount: 1 } });
    const messages = check(d.build(), RULE).map((finding) => finding.message);
    expect(messages.sort()).toEqual([
      'ECS service "api" cannot run on EC2 capacity "ASG" (AL2023_X86_64): the task needs Windows instances and these run Linux.',
      'ECS service "arm" cannot run on EC2 capacity "ASG" (AL2023_X86_64): the task is built for ARM64 and these instances are x86_64.',
      'ECS task "gpu" cannot run on EC2 capacity "ASG" (AL2023_X86_64): the task reserves a GPU and the AMI has no GPU support.',
    ]);
  });

  it('near miss: the EC2 launch type finds a matching ASG among several; a sketch without a cluster', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.add('ecs-ec2-capacity', { in: stack.cluster, props: { amiFamily: 'AL2023_ARM64' } });
    d.add('ecs-service', { in: stack.cluster, props: { launchType: 'EC2', cpuArchitecture: 'ARM64' } });
    d.add('ecs-service', { props: { launchType: 'EC2' } });
    d.add('ecs-service', { in: stack.capacity, props: { gpuCount: 1 } }).toString();
    const document = d.build();
    expect(check(document, RULE).map((finding) => finding.message)).toEqual([
      'ECS service "web" cannot run on EC2 capacity "ASG" (AL2023_X86_64): the task reserves a GPU and the AMI has no GPU support.',
    ]);
  });
});
