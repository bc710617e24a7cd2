import { withDefaults, type SimulationAssumptions } from './assumptions';
import { rpsAt, type LoadProfile } from './profiles';
import { seededRandom } from './random';
import { runsAt } from './schedule';
import { splitByStrategy } from './strategy';
import type { SimAsg, SimService, SimTopology, StepScalingPolicy, TargetTrackingPolicy } from './topology';

/**
 * The simulation: minute by minute, load arrives at the entry points, tasks get busy, scaling
 * policies change desired counts, tasks are placed on capacity, Auto Scaling groups follow.
 * Pure and deterministic: the same topology, profiles and assumptions (seed included) give the
 * same result. Each behaviour cites the AWS documentation it follows; docs/simulation.md lists
 * them and what is not modelled.
 *
 * Within minute t, in this order:
 * 1. scheduled actions change min and max;
 * 2. tasks and instances whose start or warm-up is over become running or ready;
 * 3. the entry points' requests are spread over their services' running tasks (metrics);
 * 4. scaling policies set each service's desired count, within min and max;
 * 5. tasks are started or stopped towards it, split over the capacity providers;
 * 6. tasks on EC2 are placed on ready instances; those that do not fit wait (pending);
 * 7. each Auto Scaling group's desired size follows its managed scaling or policies, and
 *    instances are launched (ready after the warm-up) or empty ones terminated.
 * The series record the state at the end of the minute.
 */

export interface SimulationInput {
  topology: SimTopology;
  /** Minutes to simulate. */
  minutes: number;
  /** The load of each entry point by id; `defaultProfile` for the others. */
  profiles?: Record<string, LoadProfile>;
  defaultProfile: LoadProfile;
  assumptions?: Partial<SimulationAssumptions>;
}

export interface ServiceSeries {
  id: string;
  label: string;
  platform: 'ecs' | 'kubernetes';
  desired: Int32Array;
  running: Int32Array;
  /** Tasks starting or waiting for capacity (ECS's pendingCount). */
  pending: Int32Array;
  /** Of the pending tasks, those no instance has room for. */
  unplaced: Int32Array;
  minCapacity: Int32Array;
  maxCapacity: Int32Array;
  /** Tasks billed on Fargate (running or starting) and, of those, on Fargate Spot. */
  fargateTasks: Int32Array;
  spotTasks: Int32Array;
  /** Spot tasks interrupted this minute (the what-if). */
  interruptions: Int32Array;
  cpu: Float32Array;
  memory: Float32Array;
  rps: Float32Array;
  /** ALBRequestCountPerTarget: requests per running task per minute. */
  requestsPerTarget: Float32Array;
  /** Requests per second beyond what the running tasks serve at 100 % CPU. */
  droppedRps: Float32Array;
}

export interface AsgSeries {
  id: string;
  label: string;
  desired: Int32Array;
  /** Instances ready for tasks. */
  instances: Int32Array;
  /** Instances launched and still warming up. */
  launching: Int32Array;
  /** CPU reserved by the placed tasks, in percent of the ready instances' CPU. */
  reservedCpu: Float32Array;
  /** Average CPU used on the ready instances, in percent. */
  cpu: Float32Array;
}

export interface EntrySeries {
  id: string;
  label: string;
  rps: Float32Array;
}

export type FlagKind = 'at-max' | 'pending' | 'request-target-exceeded' | 'overloaded';

/** A stretch of minutes during which something is worth pointing at. */
export interface Flag {
  kind: FlagKind;
  nodeId: string;
  from: number;
  /** The last minute it held (inclusive). */
  to: number;
}

export interface SimulationResult {
  minutes: number;
  assumptions: SimulationAssumptions;
  services: ServiceSeries[];
  asgs: AsgSeries[];
  entries: EntrySeries[];
  flags: Flag[];
}

// ───────────────────────── state ─────────────────────────

interface ProviderState {
  running: number;
  /** Minutes at which starting tasks become running, ascending (taskStartMinutes is one figure). */
  starting: number[];
  /** Tasks no instance has room for yet (EC2 providers only). */
  waiting: number;
}

interface ServiceState {
  service: SimService;
  series: ServiceSeries;
  desired: number;
  min: number;
  max: number;
  providers: ProviderState[];
  lastScaleOut: number[];
  lastScaleIn: number[];
  /** The HPA's recommendations of the last minutes, for its scale-down stabilization window. */
  recommendations: number[];
  pendingSince: number;
  capacityPerTask: number;
  flagRuns: Partial<Record<FlagKind, Flag>>;
  /** The request count policy, when it has one (for its flag). */
  requestTarget: TargetTrackingPolicy | undefined;
  /** The providers' share of the desired count, computed again only when it changes. */
  split: { desired: number; counts: number[] };
}

interface AsgState {
  asg: SimAsg;
  series: AsgSeries;
  desired: number;
  min: number;
  max: number;
  ready: number;
  launching: number[];
  /** Instances the placed tasks occupy, and the instances all tasks would need (ECS's M). */
  used: number;
  needed: number;
  lowMinutes: number;
  highMinutes: number;
  /** The service providers on this group, daemons first (so they are on every instance before replicas fill them). */
  placements: { state: ServiceState; index: number }[];
  usedCpuUnits: number;
  reservedCpuUnits: number;
}

const NEVER = -1e9;
/** Ratios within this of a whole number are that number (6 × 50/50 is 6, not 6.000000001). */
const EPSILON = 1e-9;
const ceil = (value: number) => Math.ceil(value - EPSILON);

/**
 * Target tracking alarms: Application Auto Scaling creates a high alarm of 3 one-minute
 * datapoints above the target and a low alarm of 15 datapoints below 90 % of it, which makes
 * scale-in slower than scale-out on purpose
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html).
 */
export const TARGET_TRACKING = { highDatapoints: 3, lowDatapoints: 15, lowFactor: 0.9 } as const;
/** HPA: a change within 10 % of the target is ignored; scale-down takes the highest recommendation of the last 5 minutes (https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#algorithm-details). */
export const HPA = { tolerance: 0.1, downscaleStabilizationMinutes: 5 } as const;

export function simulate(input: SimulationInput): SimulationResult {
  const assumptions = withDefaults(input.assumptions);
  const minutes = Math.max(0, Math.floor(input.minutes));
  const random = seededRandom(assumptions.seed);
  const services = input.topology.services.map((service) => newServiceState(service, minutes, assumptions));
  const asgs = input.topology.asgs.map((asg) => newAsgState(asg, minutes));
  const asgById = new Map(asgs.map((state) => [state.asg.id, state]));
  for (const daemons of [true, false]) {
    for (const state of services) {
      if (state.service.daemon !== daemons) continue;
      state.service.providers.forEach((share, index) => {
        if (share.provider === 'asg' && share.asgId) asgById.get(share.asgId)?.placements.push({ state, index });
      });
    }
  }
  const entries = input.topology.entries.map((entry) => ({
    entry,
    profile: input.profiles?.[entry.id] ?? input.defaultProfile,
    scale: (assumptions.entryBaselines[entry.id] ?? assumptions.baselineRps) / assumptions.baselineRps,
    series: { id: entry.id, label: entry.label, rps: new Float32Array(minutes) },
  }));
  const rps = new Map<string, number>();
  const flags: Flag[] = [];
  // The open run of each flag of each service, so a flag held minute after minute is one entry.
  const flag = (kind: FlagKind, state: ServiceState, minute: number, on: boolean) => {
    if (!on) return;
    const open = state.flagRuns[kind];
    if (open && open.to === minute - 1) open.to = minute;
    else {
      const run = { kind, nodeId: state.service.id, from: minute, to: minute };
      state.flagRuns[kind] = run;
      flags.push(run);
    }
  };

  for (let t = 0; t < minutes; t++) {
    // 1. Scheduled actions.
    for (const state of services) applyScheduled(state, t, assumptions);
    for (const state of asgs) applyAsgScheduled(state, t, assumptions);
    // 2. Starts and warm-ups that are over.
    for (const state of services) for (const provider of state.providers) promote(provider, t);
    for (const state of asgs) {
      while (state.launching.length > 0 && state.launching[0]! <= t) {
        state.launching.shift();
        state.ready++;
      }
    }
    // 3. Load.
    rps.clear();
    for (const { entry, profile, scale, series } of entries) {
      // A profile is written for the baseline; an entry point with its own baseline scales it.
      const value = rpsAt(profile, t) * scale;
      series.rps[t] = value;
      if (entry.targets.length === 0) continue;
      for (const target of entry.targets) rps.set(target, (rps.get(target) ?? 0) + value / entry.targets.length);
    }
    for (const state of services) measure(state, t, rps.get(state.service.id) ?? 0, assumptions);
    // 4. Desired counts.
    for (const state of services) decide(state, t, assumptions, asgById);
    // 5. Tasks towards the desired count (Spot interruptions first: the scheduler replaces them).
    for (const state of services) {
      interrupt(state, t, assumptions, random);
      reconcile(state, t, assumptions);
    }
    // 6. Placement on instances.
    for (const state of asgs) place(state, t, assumptions);
    // 7. Auto Scaling groups.
    for (const state of asgs) scaleGroup(state, t, assumptions);
    for (const state of services) record(state, t, assumptions, flag);
    for (const state of asgs) recordAsg(state, t);
  }
  return {
    minutes,
    assumptions,
    services: services.map((state) => state.series),
    asgs: asgs.map((state) => state.series),
    entries: entries.map((entry) => entry.series),
    flags,
  };
}

function newServiceState(service: SimService, minutes: number, assumptions: SimulationAssumptions): ServiceState {
  const ints = () => new Int32Array(minutes);
  const floats = () => new Float32Array(minutes);
  const min = service.minCapacity;
  const max = service.maxCapacity;
  const desired = service.scaled ? clamp(service.initialDesired, min, max) : service.initialDesired;
  const counts = splitByStrategy(desired, service.providers);
  return {
    service,
    series: {
      id: service.id,
      label: service.label,
      platform: service.platform,
      desired: ints(),
      running: ints(),
      pending: ints(),
      unplaced: ints(),
      minCapacity: ints(),
      maxCapacity: ints(),
      fargateTasks: ints(),
      spotTasks: ints(),
      interruptions: ints(),
      cpu: floats(),
      memory: floats(),
      rps: floats(),
      requestsPerTarget: floats(),
      droppedRps: floats(),
    },
    desired,
    min,
    max,
    // The diagram's tasks are running when the simulation starts (placement may evict some at minute 0).
    providers: service.providers.map((_, index) => ({ running: counts[index]!, starting: [], waiting: 0 })),
    lastScaleOut: service.policies.map(() => NEVER),
    lastScaleIn: service.policies.map(() => NEVER),
    recommendations: [],
    pendingSince: -1,
    flagRuns: {},
    requestTarget: service.policies.find(
      (policy): policy is TargetTrackingPolicy => policy.type === 'target-tracking' && policy.metric === 'requests-per-target',
    ),
    split: { desired, counts },
    capacityPerTask: service.requestsPerTaskAtFullCpu > 0 ? service.requestsPerTaskAtFullCpu : assumptions.requestsPerVcpuAtFullCpu,
  };
}

function newAsgState(asg: SimAsg, minutes: number): AsgState {
  const desired = clamp(asg.initialDesired, asg.minSize, asg.maxSize);
  return {
    asg,
    series: {
      id: asg.id,
      label: asg.label,
      desired: new Int32Array(minutes),
      instances: new Int32Array(minutes),
      launching: new Int32Array(minutes),
      reservedCpu: new Float32Array(minutes),
      cpu: new Float32Array(minutes),
    },
    desired,
    min: asg.minSize,
    max: asg.maxSize,
    ready: desired,
    launching: [],
    used: 0,
    needed: 0,
    lowMinutes: 0,
    highMinutes: 0,
    placements: [],
    usedCpuUnits: 0,
    reservedCpuUnits: 0,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

function running(state: ServiceState): number {
  let total = 0;
  for (const provider of state.providers) total += provider.running;
  return total;
}

function total(provider: ProviderState): number {
  return provider.running + provider.starting.length + provider.waiting;
}

function promote(provider: ProviderState, t: number): void {
  while (provider.starting.length > 0 && provider.starting[0]! <= t) {
    provider.starting.shift();
    provider.running++;
  }
}

// ───────────────────────── scheduled actions ─────────────────────────

/**
 * A scheduled action sets the minimum and maximum; a desired count outside them moves inside
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scheduled-scaling.html):
 * a new minimum above the current count scales out to it.
 */
function applyScheduled(state: ServiceState, t: number, assumptions: SimulationAssumptions): void {
  for (const policy of state.service.policies) {
    if (policy.type !== 'scheduled' || !runsAt(policy, t, assumptions.startMinuteOfDay)) continue;
    state.min = policy.minCapacity;
    state.max = Math.max(policy.minCapacity, policy.maxCapacity);
    state.desired = clamp(state.desired, state.min, state.max);
  }
}

/** EC2 Auto Scaling scheduled actions set the group's minimum and maximum (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-scheduled-scaling.html). */
function applyAsgScheduled(state: AsgState, t: number, assumptions: SimulationAssumptions): void {
  for (const policy of state.asg.policies) {
    if (policy.type !== 'scheduled' || !runsAt(policy, t, assumptions.startMinuteOfDay)) continue;
    state.min = policy.minSize;
    state.max = Math.max(policy.minSize, policy.maxSize);
    state.desired = clamp(state.desired, state.min, state.max);
  }
}

// ───────────────────────── load and metrics ─────────────────────────

/**
 * The utilization model (assumptions.ts): a task serves `capacityPerTask` requests per second
 * at 100 % CPU; CPU rises linearly from the idle figure; memory rises linearly with load
 * between the idle and the full-load figures. Requests are spread evenly over running tasks,
 * as a load balancer's round robin does.
 */
function measure(state: ServiceState, t: number, load: number, assumptions: SimulationAssumptions): void {
  const series = state.series;
  const tasks = running(state);
  const perTask = tasks > 0 ? load / tasks : load;
  const share = tasks > 0 ? perTask / state.capacityPerTask : load > 0 ? 1 : 0;
  const busy = Math.min(1, share);
  series.rps[t] = load;
  series.cpu[t] = assumptions.idleCpuPercent + (100 - assumptions.idleCpuPercent) * busy;
  series.memory[t] = assumptions.idleMemoryPercent + (assumptions.fullLoadMemoryPercent - assumptions.idleMemoryPercent) * busy;
  series.requestsPerTarget[t] = perTask * 60;
  series.droppedRps[t] = Math.max(0, load - tasks * state.capacityPerTask);
}

function metricValue(series: ServiceSeries, metric: TargetTrackingPolicy['metric'] | StepScalingPolicy['metric'], t: number): number {
  if (metric === 'cpu') return series.cpu[t]!;
  if (metric === 'memory') return series.memory[t]!;
  return series.requestsPerTarget[t]!;
}

// ───────────────────────── scaling decisions ─────────────────────────

function decide(state: ServiceState, t: number, assumptions: SimulationAssumptions, asgs: Map<string, AsgState>): void {
  const { service } = state;
  if (service.daemon) {
    // One task per ready instance of its groups: the DAEMON strategy (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html#service_scheduler_daemon).
    let instances = 0;
    for (const share of service.providers) instances += share.asgId ? (asgs.get(share.asgId)?.ready ?? 0) : 0;
    state.desired = instances;
    return;
  }
  if (!service.scaled) return;
  if (service.hpaTargetCpu !== undefined) {
    state.desired = clamp(hpaDesired(state, t, service.hpaTargetCpu), state.min, state.max);
    return;
  }
  const tasks = running(state);
  const outs: number[] = [];
  const ins: number[] = [];
  let trackingPolicies = 0;
  let trackingIns = 0;
  let trackingIn = 0;
  service.policies.forEach((policy, index) => {
    if (policy.type === 'target-tracking') {
      trackingPolicies++;
      const proposal = trackingProposal(state, policy, index, t, tasks);
      if (proposal !== undefined && proposal > state.desired) outs.push(proposal);
      else if (proposal !== undefined && proposal < state.desired) {
        trackingIns++;
        trackingIn = Math.max(trackingIn, proposal);
      }
    } else if (policy.type === 'step') {
      const proposal = stepProposal(state, policy, index, t, assumptions);
      if (proposal !== undefined && proposal > state.desired) outs.push(proposal);
      else if (proposal !== undefined && proposal < state.desired) ins.push(proposal);
    }
  });
  // Several target tracking policies: scale out if any is ready to, scale in only if all are
  // (https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html#target-tracking-considerations).
  if (trackingPolicies > 0 && trackingIns === trackingPolicies) ins.push(trackingIn);
  let next = state.desired;
  if (outs.length > 0) next = Math.max(...outs);
  else if (ins.length > 0) next = Math.max(...ins);
  next = clamp(next, state.min, state.max);
  if (next === state.desired) return;
  const out = next > state.desired;
  service.policies.forEach((policy, index) => {
    if (policy.type === 'scheduled') return;
    // The cooldown clocks of the policies that asked for the change start now.
    const asked = policy.type === 'target-tracking' ? true : (policy.comparison === 'above') === out;
    if (!asked) return;
    if (out) state.lastScaleOut[index] = t;
    else state.lastScaleIn[index] = t;
  });
  state.desired = next;
}

/**
 * Target tracking: when the high alarm holds (3 datapoints above the target) and the scale-out
 * cooldown is over, the count becomes what brings the metric back to the target,
 * ceil(running × metric / target); when the low alarm holds (15 datapoints below 90 % of the
 * target) and the scale-in cooldown is over, it comes down to that figure, never below what
 * keeps the metric at or under the target
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html#target-tracking-cooldown).
 */
function trackingProposal(state: ServiceState, policy: TargetTrackingPolicy, index: number, t: number, tasks: number): number | undefined {
  const series = state.series;
  const high = holds(series, policy.metric, t, TARGET_TRACKING.highDatapoints, policy.targetValue, true);
  if (high) {
    if (t - state.lastScaleOut[index]! < policy.scaleOutCooldownSeconds / 60) return undefined;
    if (tasks === 0) return state.desired + 1;
    return Math.max(state.desired, ceil((tasks * metricValue(series, policy.metric, t)) / policy.targetValue));
  }
  const low = holds(series, policy.metric, t, TARGET_TRACKING.lowDatapoints, policy.targetValue * TARGET_TRACKING.lowFactor, false);
  if (low) {
    if (t - state.lastScaleIn[index]! < policy.scaleInCooldownSeconds / 60) return undefined;
    return Math.max(1, ceil((tasks * metricValue(series, policy.metric, t)) / policy.targetValue));
  }
  return undefined;
}

/** Whether the metric was above (or below) `threshold` at each of the last `datapoints` minutes up to t. */
function holds(
  series: ServiceSeries,
  metric: TargetTrackingPolicy['metric'],
  t: number,
  datapoints: number,
  threshold: number,
  above: boolean,
): boolean {
  if (t + 1 < datapoints) return false;
  const values = metric === 'cpu' ? series.cpu : metric === 'memory' ? series.memory : series.requestsPerTarget;
  for (let minute = t - datapoints + 1; minute <= t; minute++) {
    const value = values[minute]!;
    if (above ? !(value > threshold) : !(value < threshold)) return false;
  }
  return true;
}

/**
 * Step scaling: the alarm (one one-minute datapoint, CDK's default evaluation) picks the step
 * whose bounds hold the breach, metric − threshold; above the threshold a step's lower bound is
 * inclusive and its upper bound exclusive, below it the other way round. Its adjustment changes
 * the desired count, and no other step of the policy runs until its cooldown is over
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/step-scaling-policy-overview.html).
 */
function stepProposal(
  state: ServiceState,
  policy: StepScalingPolicy,
  index: number,
  t: number,
  assumptions: SimulationAssumptions,
): number | undefined {
  const value = metricValue(state.series, policy.metric, t);
  const breached = policy.comparison === 'above' ? value > policy.threshold : value < policy.threshold;
  if (!breached) return undefined;
  const cooldown = policy.cooldownSeconds > 0 ? policy.cooldownSeconds : assumptions.stepCooldownSeconds;
  const last = Math.max(state.lastScaleOut[index]!, state.lastScaleIn[index]!);
  if (t - last < cooldown / 60) return undefined;
  const breach = value - policy.threshold;
  const step = policy.steps.find((candidate) => {
    const lower = candidate.lower ?? -Infinity;
    const upper = candidate.upper ?? Infinity;
    return policy.comparison === 'above' ? breach >= lower && breach < upper : breach > lower && breach <= upper;
  });
  if (!step) return undefined;
  return Math.max(0, state.desired + step.adjustment);
}

/** The HPA: desired = ceil(current × utilization / target), outside a 10 % tolerance; scale-down stabilized over 5 minutes. */
function hpaDesired(state: ServiceState, t: number, target: number): number {
  const tasks = running(state);
  const ratio = state.series.cpu[t]! / target;
  let recommendation = state.desired;
  if (tasks > 0 && Math.abs(ratio - 1) > HPA.tolerance) recommendation = ceil(tasks * ratio);
  state.recommendations.push(recommendation);
  if (state.recommendations.length > HPA.downscaleStabilizationMinutes) state.recommendations.shift();
  if (recommendation >= state.desired) return recommendation;
  return Math.min(state.desired, Math.max(...state.recommendations));
}

// ───────────────────────── tasks ─────────────────────────

/**
 * The Fargate Spot what-if: each running Spot task is reclaimed with the assumed chance per
 * hour; the service scheduler starts a replacement, which the split by strategy puts back on
 * Spot (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html#fargate-capacity-providers-termination).
 */
function interrupt(state: ServiceState, t: number, assumptions: SimulationAssumptions, random: () => number): void {
  if (assumptions.spotInterruptionsPerTaskHour <= 0) return;
  const chance = Math.min(1, assumptions.spotInterruptionsPerTaskHour / 60);
  let interrupted = 0;
  state.service.providers.forEach((share, index) => {
    if (share.provider !== 'fargate-spot') return;
    const provider = state.providers[index]!;
    let lost = 0;
    for (let task = 0; task < provider.running; task++) if (random() < chance) lost++;
    provider.running -= lost;
    interrupted += lost;
  });
  state.series.interruptions[t] = interrupted;
}

/** Starts or stops tasks so that each provider runs its share of the desired count; stops waiting, then starting, then running tasks first. */
function reconcile(state: ServiceState, t: number, assumptions: SimulationAssumptions): void {
  if (state.split.desired !== state.desired)
    state.split = { desired: state.desired, counts: splitByStrategy(state.desired, state.service.providers) };
  const targets = state.split.counts;
  const shares = state.service.providers;
  for (let index = 0; index < shares.length; index++) {
    const share = shares[index]!;
    const provider = state.providers[index]!;
    let difference = targets[index]! - total(provider);
    if (difference === 0) continue;
    if (difference > 0) {
      if (share.provider === 'asg') provider.waiting += difference;
      else for (; difference > 0; difference--) provider.starting.push(t + assumptions.taskStartMinutes);
      continue;
    }
    let excess = -difference;
    const fromWaiting = Math.min(excess, provider.waiting);
    provider.waiting -= fromWaiting;
    excess -= fromWaiting;
    while (excess > 0 && provider.starting.length > 0) {
      provider.starting.pop();
      excess--;
    }
    provider.running -= Math.min(excess, provider.running);
  }
}

// ───────────────────────── placement ─────────────────────────

/**
 * Places the group's tasks on its ready instances by CPU and memory reservation, binpacking
 * (first fit, the instances in launch order): tasks that were running keep their room first,
 * then starting tasks, then waiting ones; what does not fit waits, as a task in the
 * PROVISIONING state waits for capacity
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html).
 * Also counts the instances all tasks would need (M), placing what does not fit on imagined
 * new instances.
 */
function place(group: AsgState, t: number, assumptions: SimulationAssumptions): void {
  const { asg } = group;
  const freeCpu: number[] = [];
  const freeMemory: number[] = [];
  for (let index = 0; index < group.ready; index++) {
    freeCpu.push(asg.cpuUnits);
    freeMemory.push(asg.memoryMiB);
  }
  let imagined = 0;
  const imaginedCpu: number[] = [];
  const imaginedMemory: number[] = [];
  let usedCpu = 0;
  let reservedCpu = 0;
  const fits = (cpu: number[], memory: number[], index: number, service: SimService) =>
    cpu[index]! >= service.cpuUnits && memory[index]! >= service.memoryMiB;
  const take = (cpu: number[], memory: number[], service: SimService): boolean => {
    for (let index = 0; index < cpu.length; index++) {
      if (fits(cpu, memory, index, service)) {
        cpu[index]! -= service.cpuUnits;
        memory[index]! -= service.memoryMiB;
        return true;
      }
    }
    return false;
  };
  const imagine = (service: SimService) => {
    if (take(imaginedCpu, imaginedMemory, service)) return;
    if (service.cpuUnits > asg.cpuUnits || service.memoryMiB > asg.memoryMiB) return; // never fits: needs no instance
    imaginedCpu.push(asg.cpuUnits - service.cpuUnits);
    imaginedMemory.push(asg.memoryMiB - service.memoryMiB);
    imagined++;
  };
  for (const { state, index } of group.placements) {
    const { service } = state;
    {
      const provider = state.providers[index]!;
      if (service.daemon) {
        let placed = 0;
        const wanted = total(provider);
        for (let instance = 0; instance < freeCpu.length && placed < wanted; instance++) {
          if (!fits(freeCpu, freeMemory, instance, service)) continue;
          freeCpu[instance]! -= service.cpuUnits;
          freeMemory[instance]! -= service.memoryMiB;
          placed++;
        }
        const keptRunning = Math.min(provider.running, placed);
        const keptStarting = Math.min(provider.starting.length, placed - keptRunning);
        provider.starting.length = keptStarting;
        provider.starting.push(...new Array<number>(placed - keptRunning - keptStarting).fill(t + assumptions.taskStartMinutes));
        provider.running = keptRunning;
        provider.waiting = wanted - placed;
      } else {
        let keptRunning = 0;
        for (let task = 0; task < provider.running; task++) if (take(freeCpu, freeMemory, service)) keptRunning++;
        let keptStarting = 0;
        for (let task = 0; task < provider.starting.length; task++) if (take(freeCpu, freeMemory, service)) keptStarting++;
        let waiting = provider.running - keptRunning + (provider.starting.length - keptStarting) + provider.waiting;
        provider.running = keptRunning;
        provider.starting.length = keptStarting;
        let placedNow = 0;
        while (waiting > 0 && take(freeCpu, freeMemory, service)) {
          placedNow++;
          waiting--;
        }
        for (let task = 0; task < placedNow; task++) provider.starting.push(t + assumptions.taskStartMinutes);
        provider.waiting = waiting;
        for (let task = 0; task < waiting; task++) imagine(service);
      }
      usedCpu += (provider.running * service.cpuUnits * state.series.cpu[t]!) / 100;
      reservedCpu += (provider.running + provider.starting.length) * service.cpuUnits;
    }
  }
  let used = 0;
  for (let index = 0; index < freeCpu.length; index++) {
    if (freeCpu[index]! < asg.cpuUnits || freeMemory[index]! < asg.memoryMiB) used = index + 1;
  }
  group.used = used;
  // A task that waits fits no ready instance, so M is the instances in use plus the imagined ones.
  group.needed = used + imagined;
  group.usedCpuUnits = usedCpu;
  group.reservedCpuUnits = reservedCpu;
}

// ───────────────────────── Auto Scaling groups ─────────────────────────

function scaleGroup(group: AsgState, t: number, assumptions: SimulationAssumptions): void {
  const { asg } = group;
  const current = group.ready + group.launching.length;
  const proposal =
    asg.managed === 'capacity-provider'
      ? managedScaling(group)
      : asg.managed === 'cluster-autoscaler'
        ? clusterAutoscaler(group, assumptions)
        : asgPolicies(group);
  const next = clamp(proposal, group.min, group.max);
  group.desired = next;
  if (next > current) {
    for (let index = current; index < next; index++) group.launching.push(t + assumptions.instanceWarmupMinutes);
    return;
  }
  let excess = current - next;
  while (excess > 0 && group.launching.length > 0) {
    group.launching.pop();
    excess--;
  }
  // Managed scaling and the cluster autoscaler remove only instances with no tasks; the
  // placement packs tasks onto the first instances, so the empty ones are the last.
  const removable = asg.managed === 'none' ? group.ready : group.ready - group.used;
  group.ready -= Math.min(excess, removable);
  if (asg.managed !== 'none') group.desired = group.ready + group.launching.length;
}

/**
 * Capacity provider managed scaling: a target tracking policy on CapacityProviderReservation =
 * M / N × 100, M the instances all tasks need (pending ones included), N the instances in the
 * group; the group is sized to ceil(M / target %) at once when tasks wait (scale-out), and
 * comes down to it only after 15 minutes below the target (scale-in, the target tracking low
 * alarm), never terminating instances that run tasks
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html).
 */
function managedScaling(group: AsgState): number {
  const target = group.asg.targetCapacityPercent / 100;
  const wanted = ceil(group.needed / target);
  const instances = group.ready + group.launching.length;
  if (wanted > instances) {
    group.lowMinutes = 0;
    return wanted;
  }
  const reservation = instances > 0 ? group.needed / instances : 0;
  group.lowMinutes = reservation < target ? group.lowMinutes + 1 : 0;
  return group.lowMinutes >= TARGET_TRACKING.lowDatapoints ? wanted : instances;
}

/**
 * Kubernetes nodes, as the Cluster Autoscaler sizes a node group: up at once to the nodes the
 * pending pods need, down when nodes have been unneeded for the scale-down-unneeded time
 * (https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/FAQ.md#how-does-scale-down-work).
 */
function clusterAutoscaler(group: AsgState, assumptions: SimulationAssumptions): number {
  const instances = group.ready + group.launching.length;
  if (group.needed > instances) {
    group.lowMinutes = 0;
    return group.needed;
  }
  group.lowMinutes = group.needed < instances ? group.lowMinutes + 1 : 0;
  return group.lowMinutes >= assumptions.nodeScaleDownMinutes ? group.needed : instances;
}

/**
 * EC2 Auto Scaling target tracking on average CPU: out after 3 minutes above the target, in
 * after 15 below 90 % of it, to ceil(N × CPU / target)
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html).
 */
function asgPolicies(group: AsgState): number {
  const tracking = group.asg.policies.find((policy) => policy.type === 'target-tracking');
  if (!tracking || tracking.type !== 'target-tracking') return group.desired;
  const cpu = asgCpu(group);
  group.highMinutes = cpu > tracking.targetValue ? group.highMinutes + 1 : 0;
  group.lowMinutes = cpu < tracking.targetValue * TARGET_TRACKING.lowFactor ? group.lowMinutes + 1 : 0;
  const proposal = group.ready > 0 ? ceil((group.ready * cpu) / tracking.targetValue) : group.desired + 1;
  if (group.highMinutes >= TARGET_TRACKING.highDatapoints && proposal > group.desired) return proposal;
  if (group.lowMinutes >= TARGET_TRACKING.lowDatapoints && proposal < group.desired) return Math.max(proposal, group.used);
  return group.desired;
}

function asgCpu(group: AsgState): number {
  return group.ready > 0 ? (group.usedCpuUnits / (group.ready * group.asg.cpuUnits)) * 100 : 0;
}

// ───────────────────────── recording ─────────────────────────

function record(
  state: ServiceState,
  t: number,
  assumptions: SimulationAssumptions,
  flag: (kind: FlagKind, state: ServiceState, minute: number, on: boolean) => void,
): void {
  const series = state.series;
  let runningCount = 0;
  let pending = 0;
  let unplaced = 0;
  let fargate = 0;
  let spot = 0;
  const shares = state.service.providers;
  for (let index = 0; index < shares.length; index++) {
    const share = shares[index]!;
    const provider = state.providers[index]!;
    runningCount += provider.running;
    pending += provider.starting.length + provider.waiting;
    unplaced += provider.waiting;
    if (share.provider === 'fargate' || share.provider === 'fargate-spot') {
      fargate += provider.running + provider.starting.length;
      if (share.provider === 'fargate-spot') spot += provider.running + provider.starting.length;
    }
  }
  series.desired[t] = state.desired;
  series.running[t] = runningCount;
  series.pending[t] = pending;
  series.unplaced[t] = unplaced;
  series.minCapacity[t] = state.min;
  series.maxCapacity[t] = state.max;
  series.fargateTasks[t] = fargate;
  series.spotTasks[t] = spot;
  if (state.service.scaled && !state.service.daemon) flag('at-max', state, t, state.desired >= state.max && wantsMore(state, t));
  state.pendingSince = unplaced > 0 ? (state.pendingSince < 0 ? t : state.pendingSince) : -1;
  flag('pending', state, t, state.pendingSince >= 0 && t - state.pendingSince + 1 >= assumptions.pendingFlagMinutes);
  const requestTarget = state.requestTarget;
  if (requestTarget) flag('request-target-exceeded', state, t, series.requestsPerTarget[t]! > requestTarget.targetValue);
  flag('overloaded', state, t, series.droppedRps[t]! > 0);
}

/** Whether the service is busier than its policies aim for: at its maximum, this is load it cannot scale for. */
function wantsMore(state: ServiceState, t: number): boolean {
  const series = state.series;
  if (series.droppedRps[t]! > 0) return true;
  if (state.service.hpaTargetCpu !== undefined) return series.cpu[t]! > state.service.hpaTargetCpu;
  return state.service.policies.some((policy) =>
    policy.type === 'target-tracking'
      ? metricValue(series, policy.metric, t) > policy.targetValue
      : policy.type === 'step' && policy.comparison === 'above' && metricValue(series, policy.metric, t) > policy.threshold,
  );
}

function recordAsg(group: AsgState, t: number): void {
  const series = group.series;
  series.desired[t] = group.desired;
  series.instances[t] = group.ready;
  series.launching[t] = group.launching.length;
  series.reservedCpu[t] = group.ready > 0 ? (group.reservedCpuUnits / (group.ready * group.asg.cpuUnits)) * 100 : 0;
  series.cpu[t] = asgCpu(group);
}
