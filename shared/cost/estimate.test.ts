import { describe, expect, it } from 'vitest';
import { diagram } from '../rules/test-support/diagram-builder.test-support';
import { readTopology, simulate } from '../simulation';
import { costPerHourSeries, estimateCost, type CostAssumptions } from './estimate';

/** No logs, so each configuration is its one component. */
const ONLY: Partial<CostAssumptions> = { logsGbPerTaskMonth: 0 };

function fargateService(strategy?: { provider: string; base: number; weight: number }[]) {
  const d = diagram();
  const region = d.add('region', { props: { regionCode: 'us-east-1' } });
  const vpc = d.add('vpc', { in: region });
  const cluster = d.add('ecs-cluster', { in: vpc });
  const fargate = d.add('ecs-fargate-capacity', { in: cluster });
  d.add('ecs-service', {
    in: fargate,
    id: 'web',
    props: { cpu: 512, memory: 1024, desiredCount: 2, ...(strategy ? { capacityProviderStrategy: strategy } : {}) },
  });
  return d.build();
}

/** The five configurations of docs/simulation.md, against the arithmetic done by hand there. */
describe('the five fixed configurations', () => {
  it('one Fargate service, 0.5 vCPU / 1 GB × 2 tasks, us-east-1, a month: 2 × (0.5 × 0.04048 + 1 × 0.004445) × 730', () => {
    const estimate = estimateCost(fargateService(), { assumptions: ONLY });
    expect(estimate.lines.map((line) => line.component)).toEqual(['Fargate']);
    expect(estimate.monthly).toBeCloseTo(36.0401, 6);
    expect(estimate.hourly).toBeCloseTo(0.04937, 8);
  });

  it('the same on Fargate Spot: 2 × (0.5 × 0.012144 + 1 × 0.0013335) × 730', () => {
    const estimate = estimateCost(fargateService([{ provider: 'FARGATE_SPOT', base: 0, weight: 1 }]), { assumptions: ONLY });
    expect(estimate.lines.map((line) => line.component)).toEqual(['Fargate Spot']);
    expect(estimate.monthly).toBeCloseTo(10.81203, 6);
  });

  it('an EC2 Auto Scaling group of 3 × m6i.large: 3 × 0.096 × 730', () => {
    const d = diagram();
    const region = d.add('region', { props: { regionCode: 'us-east-1' } });
    const cluster = d.add('ecs-cluster', { in: region });
    d.add('ecs-ec2-capacity', { in: cluster, props: { instanceType: 'm6i.large', minSize: 3, maxSize: 6, desiredCapacity: 3 } });
    const estimate = estimateCost(d.build(), { assumptions: ONLY });
    expect(estimate.lines.map((line) => [line.component, line.detail])).toEqual([['EC2 instances', '3 × m6i.large × $0.096/h']]);
    expect(estimate.monthly).toBeCloseTo(210.24, 6);
  });

  it('an ALB with 1 LCU: (0.0225 + 1 × 0.008) × 730', () => {
    const d = diagram();
    const region = d.add('region', { props: { regionCode: 'us-east-1' } });
    d.add('alb', { in: d.add('vpc', { in: region }) });
    const estimate = estimateCost(d.build(), { assumptions: { ...ONLY, lcuPerLoadBalancer: 1 } });
    expect(estimate.lines.map((line) => line.component)).toEqual(['Application Load Balancer']);
    expect(estimate.monthly).toBeCloseTo(22.265, 6);
  });

  it('a NAT gateway processing 100 GB: 0.045 × 730 + 100 × 0.045', () => {
    const d = diagram();
    const region = d.add('region', { props: { regionCode: 'us-east-1' } });
    const vpc = d.add('vpc', { in: region });
    const subnet = d.add('subnet', { in: d.add('availability-zone', { in: vpc }), props: { access: 'public' } });
    d.add('nat-gateway', { in: subnet });
    const estimate = estimateCost(d.build(), { assumptions: { ...ONLY, natGbPerMonth: 100 } });
    expect(estimate.lines.map((line) => line.component)).toEqual(['NAT gateway']);
    expect(estimate.monthly).toBeCloseTo(37.35, 6);
  });
});

describe('the estimate', () => {
  it('prices every component of a diagram, with logs for its tasks, and warns about what it cannot price', () => {
    const d = diagram();
    const region = d.add('region', { props: { regionCode: 'ap-south-2' } });
    const cluster = d.add('eks-cluster', { in: region });
    d.add('eks-managed-node-group', { in: cluster, props: { instanceTypes: 'z9.huge', desiredSize: 2 } });
    d.add('efs', { in: region, props: { availability: 'one-zone' } });
    d.add('ecr-repository', { in: region });
    const estimate = estimateCost(d.build(), { assumptions: { efsGbPerFileSystem: 10 } });
    expect(estimate.lines.map((line) => line.component)).toEqual(['EKS cluster', 'EFS (One Zone)', 'ECR storage']);
    expect(estimate.lines[1]!.monthly).toBeCloseTo(1.6, 6);
    expect(estimate.warnings).toEqual([
      'The price table has no ap-south-2: us-east-1 prices are used for it.',
      'No price for z9.huge in ap-south-2: add it to shared/cost/prices.ts or refresh the table.',
    ]);
  });

  it('prices a simulated profile from its task hours, and gives the cost per hour minute by minute', () => {
    const document = fargateService();
    const topology = readTopology(document);
    // Six tasks for the whole simulation: three times the diagram's two.
    const result = simulate({
      topology: {
        ...topology,
        services: topology.services.map((s) => ({ ...s, initialDesired: 6, minCapacity: 6, maxCapacity: 6, scaled: false })),
      },
      minutes: 60,
      defaultProfile: { type: 'constant', rps: 0 },
    });
    const estimate = estimateCost(document, { assumptions: ONLY, simulation: result, topology });
    expect(estimate.simulatedMinutes).toBe(60);
    expect(estimate.hourly).toBeCloseTo(6 * 0.024685, 8);
    const series = costPerHourSeries(result, topology, estimate);
    expect(series[30]).toBeCloseTo(6 * 0.024685, 5);
  });
});
