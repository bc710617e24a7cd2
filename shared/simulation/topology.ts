/**
 * What the engine simulates, read from a diagram once (read-diagram.ts) or written by hand in
 * tests: the services and their scaling, the Auto Scaling groups, the entry points. Plain data.
 */

/** Application Auto Scaling target tracking (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html). */
export interface TargetTrackingPolicy {
  type: 'target-tracking';
  metric: 'cpu' | 'memory' | 'requests-per-target';
  targetValue: number;
  scaleOutCooldownSeconds: number;
  scaleInCooldownSeconds: number;
}

/**
 * One step adjustment, bounds relative to the alarm threshold as AWS defines them
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/step-scaling-policy-overview.html#as-scaling-steps):
 * applies when lower ≤ metric − threshold < upper (an open bound is ±∞).
 */
export interface StepAdjustment {
  lower?: number;
  upper?: number;
  /** Tasks added (positive) or removed (negative): ChangeInCapacity. */
  adjustment: number;
}

/** Application Auto Scaling step scaling: an alarm on a metric and the steps it takes. */
export interface StepScalingPolicy {
  type: 'step';
  metric: 'cpu' | 'memory';
  /** The alarm fires when the metric is above (`'above'`) or below (`'below'`) the threshold. */
  comparison: 'above' | 'below';
  threshold: number;
  steps: readonly StepAdjustment[];
  cooldownSeconds: number;
}

/** A scheduled action: at the matching minutes of the day, min and max change (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scheduled-scaling.html). */
export interface ScheduledAction {
  type: 'scheduled';
  /** Minutes of the day (0–1439, UTC) the action runs at; `everyMinutes` for rate() expressions. */
  minutesOfDay: readonly number[];
  everyMinutes?: number;
  minCapacity: number;
  maxCapacity: number;
}

export type ServicePolicy = TargetTrackingPolicy | StepScalingPolicy | ScheduledAction;

/** Where a service's tasks run, by capacity provider strategy: base first, then by weight. */
export interface ProviderShare {
  /** `external`: ECS Anywhere servers, taken to have room for every task (and not billed). */
  provider: 'fargate' | 'fargate-spot' | 'asg' | 'external';
  /** The Auto Scaling group's id, for `asg`. */
  asgId?: string;
  base: number;
  weight: number;
}

export interface SimService {
  id: string;
  label: string;
  platform: 'ecs' | 'kubernetes';
  /** CPU units (1024 = 1 vCPU) and MiB reserved per task. */
  cpuUnits: number;
  memoryMiB: number;
  os: 'linux' | 'windows';
  arch: 'x86' | 'arm';
  initialDesired: number;
  minCapacity: number;
  maxCapacity: number;
  /** Whether anything scales it (a scaler, or the assumed HPA): without, desired stays at its count. */
  scaled: boolean;
  policies: readonly ServicePolicy[];
  /** HPA-style CPU target in percent (Kubernetes workloads). */
  hpaTargetCpu?: number;
  providers: readonly ProviderShare[];
  /** One task per instance of its Auto Scaling groups (the ECS DAEMON strategy, a DaemonSet). */
  daemon: boolean;
  requestsPerTaskAtFullCpu: number;
  /** The Region code the diagram puts it in, for prices; undefined when it does not say. */
  region?: string;
}

/** EC2 Auto Scaling target tracking and scheduled actions on a group (https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html). */
export type AsgPolicy =
  | { type: 'target-tracking'; metric: 'cpu'; targetValue: number }
  | { type: 'scheduled'; minutesOfDay: readonly number[]; minSize: number; maxSize: number };

export interface SimAsg {
  id: string;
  label: string;
  platform: 'ecs' | 'kubernetes';
  instanceType: string;
  /** CPU units and MiB one instance offers tasks. */
  cpuUnits: number;
  memoryMiB: number;
  spot: boolean;
  os: 'linux' | 'windows';
  arch: 'x86' | 'arm';
  minSize: number;
  maxSize: number;
  initialDesired: number;
  /**
   * How the group follows its tasks: ECS capacity provider managed scaling (`target capacity`),
   * a Kubernetes cluster autoscaler (`pods`), or only its own policies (`none`).
   */
  managed: 'capacity-provider' | 'cluster-autoscaler' | 'none';
  targetCapacityPercent: number;
  policies: readonly AsgPolicy[];
  region?: string;
}

export interface SimEntry {
  id: string;
  label: string;
  /** Service ids the entry point's requests are spread over, evenly. */
  targets: readonly string[];
}

export interface SimTopology {
  services: readonly SimService[];
  asgs: readonly SimAsg[];
  entries: readonly SimEntry[];
}
