import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument, type DiagramDocument } from '../document';
import { diagram } from '../rules/test-support/diagram-builder.test-support';
import { simulate } from './engine';
import { PROFILE_PRESETS } from './profiles';
import { readTopology } from './read-diagram';

function example(file: string): DiagramDocument {
  const result = loadDocument(readFileSync(join(import.meta.dirname, '..', '..', 'examples', file), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

describe('reading a diagram', () => {
  it('reads the Fargate example: one scaled service behind the ALB, on Fargate', () => {
    const topology = readTopology(example('fargate-web-service.stowage'));
    expect(topology.entries).toEqual([{ id: 'alb', label: 'web ALB', targets: ['web'] }]);
    expect(topology.asgs).toEqual([]);
    const [web] = topology.services;
    expect(web).toMatchObject({
      id: 'web',
      cpuUnits: 512,
      memoryMiB: 1024,
      initialDesired: 2,
      minCapacity: 2,
      maxCapacity: 10,
      scaled: true,
      providers: [{ provider: 'fargate', base: 0, weight: 1 }],
      requestsPerTaskAtFullCpu: 100,
      policies: [{ type: 'target-tracking', metric: 'cpu', targetValue: 60, scaleOutCooldownSeconds: 60, scaleInCooldownSeconds: 300 }],
    });
  });

  it('plays the spike preset on the Fargate example: the task count rises, then falls back', () => {
    const preset = PROFILE_PRESETS.spike;
    const result = simulate({
      topology: readTopology(example('fargate-web-service.stowage')),
      minutes: preset.minutes,
      defaultProfile: preset.profile(100),
    });
    const web = result.services[0]!;
    expect(web.running[0]).toBe(2);
    expect(Math.max(...web.running)).toBeGreaterThan(5);
    expect(web.desired[preset.minutes - 1]).toBe(2);
  });

  it('reads the EC2 example: the ASG is a managed capacity provider, the daemon runs one task per instance', () => {
    const topology = readTopology(example('ec2-classic-bridge.stowage'));
    expect(topology.asgs).toMatchObject([
      { id: 'asg', instanceType: 'm6i.large', cpuUnits: 2048, minSize: 2, maxSize: 4, initialDesired: 2, managed: 'capacity-provider' },
    ]);
    const router = topology.services.find((service) => service.id === 'log-router')!;
    expect(router).toMatchObject({ daemon: true, providers: [{ provider: 'asg', asgId: 'asg' }] });
    const result = simulate({ topology, minutes: 30, defaultProfile: { type: 'constant', rps: 100 } });
    expect(result.services.find((service) => service.id === 'log-router')!.running[29]).toBe(2);
  });

  it('reads the EKS example: pods on the node group under the cluster autoscaler, and on Fargate, with an HPA', () => {
    const topology = readTopology(example('eks-mixed.stowage'));
    expect(topology.asgs).toMatchObject([{ id: 'nodes', managed: 'cluster-autoscaler', minSize: 2, maxSize: 6, initialDesired: 3 }]);
    expect(topology.services.find((service) => service.id === 'orders')).toMatchObject({
      providers: [{ provider: 'asg', asgId: 'nodes' }],
      hpaTargetCpu: 70,
      minCapacity: 3,
      maxCapacity: 12,
    });
    expect(topology.services.find((service) => service.id === 'storefront')).toMatchObject({ providers: [{ provider: 'fargate' }] });
  });

  it('splits a service by its capacity provider strategy, and scales instances with an EC2 Auto Scaling policy', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster');
    const asg = d.add('ecs-ec2-capacity', { in: cluster, id: 'asg', props: { capacityProvider: false } });
    d.add('ecs-fargate-capacity', { in: cluster });
    const web = d.add('ecs-service', {
      in: cluster,
      id: 'web',
      props: {
        capacityProviderStrategy: [
          { provider: 'FARGATE', base: 1, weight: 1 },
          { provider: 'FARGATE_SPOT', base: 0, weight: 2 },
        ],
      },
    });
    const scaling = d.add('ec2-auto-scaling');
    d.connect(scaling, asg);
    const topology = readTopology(d.build());
    expect(topology.services.find((service) => service.id === web)!.providers).toEqual([
      { provider: 'fargate', base: 1, weight: 1 },
      { provider: 'fargate-spot', base: 0, weight: 2 },
    ]);
    expect(topology.asgs).toMatchObject([
      { id: 'asg', managed: 'none', policies: [{ type: 'target-tracking', metric: 'cpu', targetValue: 60 }] },
    ]);
  });
});
