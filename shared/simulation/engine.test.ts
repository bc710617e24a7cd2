import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationInput } from './engine';
import type { LoadProfile } from './profiles';
import type { SimAsg, SimService, SimTopology } from './topology';

/** 1 vCPU Fargate tasks serving 100 requests per second at 100 % CPU, idle at 0 %: easy arithmetic. */
function service(overrides: Partial<SimService> = {}): SimService {
  return {
    id: 'web',
    label: 'web',
    platform: 'ecs',
    cpuUnits: 1024,
    memoryMiB: 2048,
    os: 'linux',
    arch: 'x86',
    initialDesired: 2,
    minCapacity: 1,
    maxCapacity: 10,
    scaled: true,
    policies: [],
    providers: [{ provider: 'fargate', base: 0, weight: 1 }],
    daemon: false,
    requestsPerTaskAtFullCpu: 100,
    ...overrides,
  };
}

function topology(services: SimService[], asgs: SimAsg[] = []): SimTopology {
  return { services, asgs, entries: [{ id: 'alb', label: 'alb', targets: services.map((s) => s.id) }] };
}

/** Requests per second minute by minute: [until minute, rps] pairs. */
function phases(...parts: [number, number][]): LoadProfile {
  const rps: number[] = [];
  for (const [until, value] of parts) while (rps.length < until) rps.push(value);
  return { type: 'points', rps };
}

function run(top: SimTopology, profile: LoadProfile, minutes: number, assumptions: SimulationInput['assumptions'] = {}) {
  return simulate({
    topology: top,
    minutes,
    defaultProfile: profile,
    assumptions: { idleCpuPercent: 0, taskStartMinutes: 1, ...assumptions },
  });
}

describe('target tracking', () => {
  it('scales out after three datapoints above the target, then in after fifteen below, no sooner than the scale-in cooldown', () => {
    const web = service({
      policies: [{ type: 'target-tracking', metric: 'cpu', targetValue: 50, scaleOutCooldownSeconds: 60, scaleInCooldownSeconds: 1800 }],
    });
    // 100 rps on 2 tasks is 50 %; 300 rps from minute 10, 200 from 40, 100 from 60.
    const result = run(topology([web]), phases([10, 100], [40, 300], [60, 200], [120, 100]), 120);
    const s = result.services[0]!;
    // Minutes 10, 11, 12 at 100 % CPU (150 rps a task, capped): at 12, ceil(2 × 100 / 50) = 4.
    expect([s.desired[11], s.desired[12]]).toEqual([2, 4]);
    expect([s.running[12], s.pending[12]]).toEqual([2, 2]);
    // At 13: 4 tasks at 75 % (minutes 11–13 above 50), the cooldown of 1 min is over: ceil(4 × 75 / 50) = 6.
    expect(s.cpu[13]).toBeCloseTo(75);
    expect(s.desired[13]).toBe(6);
    expect(s.running[14]).toBe(6);
    expect(s.cpu[14]).toBeCloseTo(50);
    // 200 rps on 6 tasks is 33.3 %, below 45 % (90 % of 50) from minute 40: the 15th datapoint is minute 54.
    expect([s.desired[53], s.desired[54]]).toEqual([6, 4]);
    expect(s.running[54]).toBe(4);
    // 100 rps on 4 tasks is 25 % from minute 60: fifteen datapoints by 74, but the 30-minute cooldown since 54 ends at 84.
    expect([s.desired[74], s.desired[83], s.desired[84]]).toEqual([4, 4, 2]);
  });
});

describe('step scaling', () => {
  it('takes the step the breach falls in, and waits out its cooldown between steps', () => {
    const web = service({
      policies: [
        {
          type: 'step',
          metric: 'cpu',
          comparison: 'above',
          threshold: 60,
          steps: [
            { lower: 0, upper: 20, adjustment: 1 },
            { lower: 20, adjustment: 3 },
          ],
          cooldownSeconds: 300,
        },
        { type: 'step', metric: 'cpu', comparison: 'below', threshold: 20, steps: [{ upper: 0, adjustment: -1 }], cooldownSeconds: 300 },
      ],
    });
    const result = run(topology([web]), phases([5, 100], [20, 180], [40, 350], [80, 60]), 80);
    const s = result.services[0]!;
    // Minute 5: 90 rps a task is 90 %, 30 above the threshold: the second step, +3.
    expect([s.desired[4], s.desired[5]]).toEqual([2, 5]);
    // Minute 20: 350 rps on 5 tasks is 70 %, 10 above: the first step, +1.
    expect([s.desired[19], s.desired[20], s.desired[21]]).toEqual([5, 6, 6]);
    // Minute 40: 60 rps on 6 tasks is 10 %, below 20: −1, then every 5 minutes while below: 45 → 4, 50 → 3 (20 %, not below).
    expect([s.desired[40], s.desired[44], s.desired[45], s.desired[50], s.desired[79]]).toEqual([5, 5, 4, 3, 3]);
  });
});

describe('capacity provider managed scaling', () => {
  it('adds instances when tasks are pending, and the tasks run once the instances are warm', () => {
    const asg: SimAsg = {
      id: 'asg',
      label: 'asg',
      platform: 'ecs',
      instanceType: 'm6i.large',
      cpuUnits: 2048,
      memoryMiB: 8192,
      spot: false,
      os: 'linux',
      arch: 'x86',
      minSize: 1,
      maxSize: 4,
      initialDesired: 1,
      managed: 'capacity-provider',
      targetCapacityPercent: 100,
      policies: [],
    };
    // Five 1 vCPU tasks, two to an instance: one instance holds two, three wait; M = 1 + 2 = 3.
    const api = service({
      id: 'api',
      initialDesired: 5,
      scaled: false,
      minCapacity: 5,
      maxCapacity: 5,
      providers: [{ provider: 'asg', asgId: 'asg', base: 0, weight: 1 }],
    });
    const result = run(topology([api], [asg]), { type: 'constant', rps: 100 }, 10, { instanceWarmupMinutes: 5 });
    const s = result.services[0]!;
    const g = result.asgs[0]!;
    expect([g.instances[0], g.desired[0], g.launching[0]]).toEqual([1, 3, 2]);
    expect([s.running[0], s.pending[0], s.unplaced[0]]).toEqual([2, 3, 3]);
    expect([s.unplaced[4], g.instances[4]]).toEqual([3, 1]);
    // Minute 5: the instances are warm, the three tasks are placed (starting); minute 6 they run.
    expect([g.instances[5], s.unplaced[5], s.pending[5]]).toEqual([3, 0, 3]);
    expect(s.running[6]).toBe(5);
    expect(result.flags.filter((flag) => flag.kind === 'pending')).toEqual([{ kind: 'pending', nodeId: 'api', from: 2, to: 4 }]);
  });
});

describe('bounds', () => {
  const tracking = {
    type: 'target-tracking',
    metric: 'cpu',
    targetValue: 50,
    scaleOutCooldownSeconds: 60,
    scaleInCooldownSeconds: 60,
  } as const;

  it('never scales above the maximum nor below the minimum, and flags the service at its maximum', () => {
    const web = service({ minCapacity: 2, maxCapacity: 4, policies: [tracking] });
    const result = run(topology([web]), phases([30, 5000], [90, 0]), 90);
    const s = result.services[0]!;
    expect(Math.max(...s.desired)).toBe(4);
    expect(Math.min(...s.desired)).toBe(2);
    expect(s.desired[89]).toBe(2);
    expect(result.flags.some((flag) => flag.kind === 'at-max' && flag.nodeId === 'web')).toBe(true);
    expect(result.flags.some((flag) => flag.kind === 'overloaded')).toBe(true);
  });

  it('lets a scheduled action raise the minimum above the count, which scales out to it', () => {
    const web = service({
      minCapacity: 2,
      maxCapacity: 10,
      policies: [tracking, { type: 'scheduled', minutesOfDay: [8 * 60], minCapacity: 6, maxCapacity: 10 }],
    });
    // 07:50 start: the action runs at minute 10. Light load: target tracking alone would stay at 2.
    const result = run(topology([web]), { type: 'constant', rps: 50 }, 30, { startMinuteOfDay: 7 * 60 + 50 });
    const s = result.services[0]!;
    expect([s.desired[9], s.minCapacity[9], s.desired[10], s.minCapacity[10]]).toEqual([2, 2, 6, 6]);
    expect(s.running[11]).toBe(6);
    expect(s.desired[29]).toBe(6);
  });
});

describe('Fargate Spot what-if', () => {
  it('splits tasks by base and weight, and replaces interrupted Spot tasks', () => {
    const web = service({
      initialDesired: 6,
      scaled: false,
      minCapacity: 6,
      maxCapacity: 6,
      providers: [
        { provider: 'fargate', base: 2, weight: 1 },
        { provider: 'fargate-spot', base: 0, weight: 3 },
      ],
    });
    const calm = run(topology([web]), { type: 'constant', rps: 100 }, 5);
    expect(calm.services[0]!.spotTasks[0]).toBe(3);
    expect(calm.services[0]!.fargateTasks[0]).toBe(6);
    const stormy = run(topology([web]), { type: 'constant', rps: 100 }, 120, { spotInterruptionsPerTaskHour: 1, seed: 7 });
    const s = stormy.services[0]!;
    const interruptions = s.interruptions.reduce((sum, value) => sum + value, 0);
    expect(interruptions).toBeGreaterThan(0);
    expect(Math.min(...s.running)).toBeLessThan(6);
    expect(s.desired.every((value) => value === 6)).toBe(true);
  });
});

describe('properties', () => {
  const policy = fc.oneof(
    fc.record({
      type: fc.constant('target-tracking' as const),
      metric: fc.constantFrom('cpu' as const, 'memory' as const, 'requests-per-target' as const),
      targetValue: fc.integer({ min: 10, max: 5000 }),
      scaleOutCooldownSeconds: fc.integer({ min: 0, max: 900 }),
      scaleInCooldownSeconds: fc.integer({ min: 0, max: 900 }),
    }),
    fc.record({
      type: fc.constant('step' as const),
      metric: fc.constant('cpu' as const),
      comparison: fc.constantFrom('above' as const, 'below' as const),
      threshold: fc.integer({ min: 5, max: 95 }),
      steps: fc.constant([
        { lower: 0, adjustment: 2 },
        { upper: 0, adjustment: -1 },
      ]),
      cooldownSeconds: fc.integer({ min: 0, max: 600 }),
    }),
    fc.record({
      type: fc.constant('scheduled' as const),
      minutesOfDay: fc.array(fc.integer({ min: 0, max: 1439 }), { maxLength: 3 }),
      minCapacity: fc.integer({ min: 0, max: 8 }),
      maxCapacity: fc.integer({ min: 0, max: 12 }),
    }),
  );
  const scenario = fc.record({
    min: fc.integer({ min: 0, max: 5 }),
    extra: fc.integer({ min: 0, max: 10 }),
    initial: fc.integer({ min: 0, max: 20 }),
    policies: fc.array(policy, { maxLength: 3 }),
    onAsg: fc.boolean(),
    rps: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 60 }),
    seed: fc.integer(),
    spot: fc.boolean(),
  });

  it('never gives a negative count, never exceeds the maximum, and is deterministic for a seed', () => {
    fc.assert(
      fc.property(scenario, ({ min, extra, initial, policies, onAsg, rps, seed, spot }) => {
        const max = min + extra;
        const scheduledMax = Math.max(max, ...policies.map((p) => (p.type === 'scheduled' ? Math.max(p.minCapacity, p.maxCapacity) : 0)));
        const asg: SimAsg = {
          id: 'asg',
          label: 'asg',
          platform: 'ecs',
          instanceType: 'm6i.large',
          cpuUnits: 2048,
          memoryMiB: 8192,
          spot: false,
          os: 'linux',
          arch: 'x86',
          minSize: 0,
          maxSize: 3,
          initialDesired: 1,
          managed: 'capacity-provider',
          targetCapacityPercent: 80,
          policies: [],
        };
        const providers = onAsg
          ? [{ provider: 'asg' as const, asgId: 'asg', base: 0, weight: 1 }]
          : [
              { provider: 'fargate' as const, base: 1, weight: 1 },
              ...(spot ? [{ provider: 'fargate-spot' as const, base: 0, weight: 2 }] : []),
            ];
        const top = topology(
          [service({ minCapacity: min, maxCapacity: max, initialDesired: initial, policies, providers })],
          onAsg ? [asg] : [],
        );
        const input = {
          topology: top,
          minutes: rps.length + 30,
          defaultProfile: { type: 'points' as const, rps },
          assumptions: { seed, spotInterruptionsPerTaskHour: spot ? 2 : 0 },
        };
        const first = simulate(input);
        const second = simulate(input);
        expect(second).toEqual(first);
        const s = first.services[0]!;
        for (const series of [s.desired, s.running, s.pending, s.unplaced, s.fargateTasks, s.spotTasks])
          expect(Math.min(...series)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...s.desired)).toBeLessThanOrEqual(scheduledMax);
        for (let t = 0; t < first.minutes; t++) expect(s.desired[t]).toBeLessThanOrEqual(s.maxCapacity[t]!);
        const g = first.asgs[0];
        if (g) {
          expect(Math.max(...g.instances, ...g.desired)).toBeLessThanOrEqual(3);
          expect(Math.min(...g.instances, ...g.launching)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 100 },
    );
  });
});
