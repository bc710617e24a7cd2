import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog';
import { addNodes, createDocument, createNode } from '../document';
import { runRules } from './index';
import { diagram, ec2Stack, eksStack, fargateWebStack, network } from './test-support/diagram-builder.test-support';

/**
 * Architectures AWS accepts, some of which popular course notes call invalid. A validator
 * that nags about these is worse than none, so every one must raise nothing at all.
 */
function messages(document: Parameters<typeof runRules>[0]): string[] {
  return runRules(document).map((finding) => `${finding.ruleId}: ${finding.message}`);
}

describe('valid architectures raise nothing', () => {
  it('a lone node of any kind with default props (a sketch)', () => {
    for (const kind of CATALOG) {
      const document = addNodes(createDocument(), [createNode(kind.id, { id: 'n-1', position: { x: 0, y: 0 } })]);
      expect(messages(document), kind.id).toEqual([]);
    }
  });

  it('the reference stacks: Fargate web service, EC2 capacity provider, EKS node group', () => {
    for (const build of [fargateWebStack, ec2Stack, eksStack]) {
      const d = diagram();
      build(d);
      expect(messages(d.build()), build.name).toEqual([]);
    }
  });

  it('a cluster holding both Fargate and EC2 capacity, each running services', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const capacity = d.add('ecs-ec2-capacity', { in: stack.cluster, label: 'ASG', props: { minSize: 2, maxSize: 4 } });
    for (const subnet of stack.privateSubnets) d.connect(capacity, subnet);
    const worker = d.add('ecs-service', { in: capacity, label: 'worker', props: { networkMode: 'bridge' } });
    d.connect(worker, stack.repository);
    const job = d.add('ecs-task', { in: stack.fargate, label: 'job', props: { schedule: 'rate(1 hour)' } });
    d.connect(job, stack.repository);
    d.set(stack.cluster, {
      defaultCapacityProviderStrategy: [
        { provider: 'FARGATE', base: 1, weight: 1 },
        { provider: 'FARGATE_SPOT', base: 0, weight: 3 },
      ],
    });
    expect(messages(d.build())).toEqual([]);
  });

  it('FARGATE_SPOT with ARM64 on platform version LATEST and 1.4.0', () => {
    for (const platformVersion of ['LATEST', '1.4.0']) {
      const d = diagram();
      const stack = fargateWebStack(d);
      d.set(stack.web, {
        cpuArchitecture: 'ARM64',
        platformVersion,
        capacityProviderStrategy: [
          { provider: 'FARGATE_SPOT', base: 0, weight: 1 },
          { provider: 'FARGATE', base: 1, weight: 0 },
        ],
      });
      expect(messages(d.build()), platformVersion).toEqual([]);
    }
  });

  it('an ALB or NLB in IP mode (or auto) in front of Fargate', () => {
    for (const [kind, targetType] of [
      ['alb', 'ip'],
      ['nlb', 'ip'],
      ['nlb', 'auto'],
    ] as const) {
      const d = diagram();
      const stack = fargateWebStack(d);
      if (kind === 'alb') d.setEdge(stack.route, { targetType });
      else {
        const nlb = d.add('nlb', { in: stack.vpc, label: 'NLB' });
        d.connect(nlb, stack.publicSubnets[0]!);
        d.connect(nlb, stack.web, { targetType, protocol: 'UDP' });
      }
      expect(messages(d.build()), `${kind} ${targetType}`).toEqual([]);
    }
  });

  it('an NLB in a single Availability Zone', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const nlb = d.add('nlb', { in: stack.publicSubnets[0]!, label: 'NLB' });
    d.connect(nlb, stack.web);
    expect(messages(d.build())).toEqual([]);
  });

  it('a Regional EFS with mount targets in both AZs, used by Fargate and EC2 tasks', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const capacity = d.add('ecs-ec2-capacity', { in: stack.cluster, label: 'ASG', props: { minSize: 2, maxSize: 4 } });
    for (const subnet of stack.privateSubnets) d.connect(capacity, subnet);
    const worker = d.add('ecs-service', { in: capacity, label: 'worker', props: { networkMode: 'bridge' } });
    d.connect(worker, stack.repository);
    const files = d.add('efs', { in: stack.vpc, label: 'files' });
    for (const subnet of stack.privateSubnets) d.connect(files, subnet);
    d.connect(stack.web, files);
    d.connect(worker, files, { accessPoint: true });
    expect(messages(d.build())).toEqual([]);
  });

  it('cross-account and cross-Region ECR pulls through a NAT gateway', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const otherRegion = d.add('region', { label: 'eu-west-1', props: { regionCode: 'eu-west-1' } });
    const shared = d.add('ecr-repository', { in: otherRegion, label: 'shared', props: { account: '123456789012' } });
    d.connect(stack.web, shared);
    expect(messages(d.build())).toEqual([]);
  });

  it('minimum capacity 0 and several target tracking policies on different metrics', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const scaling = d.add('service-auto-scaling', {
      in: stack.cluster,
      props: {
        minCapacity: 0,
        maxCapacity: 10,
        policies: [
          {
            type: 'target-tracking',
            metric: 'ECSServiceAverageCPUUtilization',
            targetValue: 60,
            scaleInCooldown: 300,
            scaleOutCooldown: 60,
          },
          {
            type: 'target-tracking',
            metric: 'ECSServiceAverageMemoryUtilization',
            targetValue: 70,
            scaleInCooldown: 300,
            scaleOutCooldown: 60,
          },
          { type: 'target-tracking', metric: 'ALBRequestCountPerTarget', targetValue: 500, scaleInCooldown: 300, scaleOutCooldown: 60 },
        ],
      },
    });
    d.connect(scaling, stack.web);
    const capacity = d.add('ecs-ec2-capacity', { in: stack.cluster, props: { minSize: 0, maxSize: 3, desiredCapacity: 0 } });
    for (const subnet of stack.privateSubnets) d.connect(capacity, subnet);
    expect(messages(d.build())).toEqual([]);
  });

  it('an EKS cluster mixing managed nodes, self-managed nodes and Fargate, behind ALB and NLB', () => {
    const d = diagram();
    const stack = eksStack(d);
    const selfManaged = d.add('eks-self-managed-nodes', { in: stack.cluster, label: 'self-managed' });
    for (const subnet of stack.privateSubnets) d.connect(selfManaged, subnet);
    const batch = d.add('eks-workload', { in: selfManaged, label: 'batch', props: { namespace: 'batch' } });
    d.connect(batch, stack.repository);
    const profile = d.add('eks-fargate-profile', {
      in: stack.cluster,
      label: 'serverless',
      props: { selectors: [{ namespace: 'serverless', labels: '' }] },
    });
    for (const subnet of stack.privateSubnets) d.connect(profile, subnet);
    const api = d.add('eks-workload', { in: profile, label: 'api', props: { namespace: 'serverless' } });
    d.connect(api, stack.repository);
    const logs = d.add('eks-workload', {
      in: stack.nodes,
      label: 'log agent',
      props: { workloadType: 'DaemonSet', namespace: 'kube-system' },
    });
    d.connect(logs, stack.repository);
    const alb = d.add('alb', { in: stack.vpc, label: 'ALB' });
    for (const subnet of stack.publicSubnets) d.connect(alb, subnet);
    d.connect(alb, api);
    d.connect(alb, stack.app, { targetType: 'instance' });
    const nlb = d.add('nlb', { in: stack.vpc, label: 'NLB' });
    d.connect(nlb, stack.publicSubnets[0]!);
    d.connect(nlb, api, { targetType: 'ip' });
    expect(messages(d.build())).toEqual([]);
  });

  it('a Classic Load Balancer in front of EC2 tasks in bridge mode, and of EKS pods on EC2 nodes', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    const clb = d.add('clb', { in: stack.vpc, label: 'CLB' });
    for (const subnet of stack.publicSubnets) d.connect(clb, subnet);
    d.connect(clb, stack.api);
    const eks = d.add('eks-cluster', { in: stack.vpc, label: 'eks' });
    for (const subnet of stack.privateSubnets) d.connect(eks, subnet);
    const nodes = d.add('eks-managed-node-group', { in: eks });
    for (const subnet of stack.privateSubnets) d.connect(nodes, subnet);
    const pods = d.add('eks-workload', { in: nodes, label: 'pods' });
    d.connect(pods, stack.repository);
    d.connect(clb, pods);
    expect(messages(d.build())).toEqual([]);
  });

  it('private subnets without NAT that reach ECR through VPC endpoints', () => {
    const d = diagram();
    fargateWebStack(d, { nat: false, endpoints: ['ecr.api', 'ecr.dkr', 's3', 'logs'] });
    expect(messages(d.build())).toEqual([]);
  });

  it('a Fargate task in a public subnet with a public IP pulling from Docker Hub with credentials', () => {
    const d = diagram();
    const net = network(d, { nat: false });
    const cluster = d.add('ecs-cluster', { in: net.vpc });
    const fargate = d.add('ecs-fargate-capacity', { in: cluster });
    const task = d.add('ecs-task', { in: fargate, props: { assignPublicIp: true } });
    d.connect(task, net.publicSubnets[0]!);
    const image = d.add('dockerhub-image', {
      props: { credentialsSecret: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub' },
    });
    d.connect(task, image);
    expect(messages(d.build())).toEqual([]);
  });

  it('a daemon service on EC2 with the EC2 launch type', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.add('ecs-service', {
      in: stack.capacity,
      label: 'agent',
      props: {
        schedulingStrategy: 'DAEMON',
        launchType: 'EC2',
        networkMode: 'host',
        containerPort: 8125,
        maximumPercent: 100,
        minimumHealthyPercent: 0,
      },
    });
    expect(messages(d.build())).toEqual([]);
  });

  it('Windows on Fargate with a Windows task size, and Windows on EC2 with Windows instances', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpu: 1024, memory: 2048 });
    const capacity = d.add('ecs-ec2-capacity', {
      in: stack.cluster,
      props: { amiFamily: 'WINDOWS_SERVER_2022_CORE', minSize: 1, maxSize: 2 },
    });
    for (const subnet of stack.privateSubnets) d.connect(capacity, subnet);
    const legacy = d.add('ecs-service', {
      in: capacity,
      label: 'legacy',
      props: { operatingSystemFamily: 'WINDOWS_SERVER_2022_FULL', desiredCount: 1 },
    });
    d.connect(legacy, stack.repository);
    expect(messages(d.build())).toEqual([]);
  });
});
