/**
 * The simple, documented model of how busy a task is, and the timings AWS does not fix. Every
 * figure is an assumption the user may edit (the Simulate panel's assumptions, `--assumptions`
 * on the CLI); docs/simulation.md explains each one.
 */
export interface SimulationAssumptions {
  /** Requests per second one vCPU of a task serves at 100 % CPU. A task of 0.5 vCPU serves half. */
  requestsPerVcpuAtFullCpu: number;
  /** CPU a task uses with no requests, in percent. */
  idleCpuPercent: number;
  /** Memory a task uses with no requests, in percent of its memory. */
  idleMemoryPercent: number;
  /** Memory a task uses at 100 % CPU, in percent of its memory (linear in between). */
  fullLoadMemoryPercent: number;
  /** Minutes from a task or pod being placed to it running and taking requests (image pull, start, health checks). */
  taskStartMinutes: number;
  /**
   * Minutes from an instance being launched to it taking tasks: the capacity provider's
   * instance warm-up period, 300 s by default
   * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html).
   */
  instanceWarmupMinutes: number;
  /** Requests per second each entry point (load balancer) gets at 1× load, unless `entryBaselines` says otherwise. */
  baselineRps: number;
  /** Baseline requests per second per entry point node id. */
  entryBaselines: Record<string, number>;
  /** Per workload node id: its own requests per vCPU at 100 % CPU. */
  workloadRequestsPerVcpu: Record<string, number>;
  /** The simulation starts at this minute of the day (UTC), for scheduled actions: 0 is midnight. */
  startMinuteOfDay: number;
  /** Step scaling cooldown, in seconds (the kind has no field; Application Auto Scaling's default is 300 s for ECS in the console). */
  stepCooldownSeconds: number;
  /**
   * Fargate Spot what-if: the chance per running Spot task per hour that AWS reclaims it (0: no
   * interruptions). Interrupted tasks are replaced by the service scheduler
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html#fargate-capacity-providers-termination).
   */
  spotInterruptionsPerTaskHour: number;
  /** Kubernetes workloads get an HPA-style autoscaler on CPU with this target, in percent (0: replicas stay fixed). */
  hpaTargetCpuPercent: number;
  /** The HPA's maxReplicas, as a multiple of the workload's replicas (its minReplicas). */
  hpaMaxReplicasFactor: number;
  /** Minutes a Kubernetes node must be unneeded before the cluster autoscaler removes it (its scale-down-unneeded-time, 10 min). */
  nodeScaleDownMinutes: number;
  /** Minutes tasks may stay pending for want of capacity before the panel flags it. */
  pendingFlagMinutes: number;
  /** The seed of the Spot what-if's random draws. */
  seed: number;
}

export const DEFAULT_ASSUMPTIONS: SimulationAssumptions = {
  requestsPerVcpuAtFullCpu: 200,
  idleCpuPercent: 5,
  idleMemoryPercent: 30,
  fullLoadMemoryPercent: 70,
  taskStartMinutes: 1,
  instanceWarmupMinutes: 5,
  baselineRps: 100,
  entryBaselines: {},
  workloadRequestsPerVcpu: {},
  startMinuteOfDay: 0,
  stepCooldownSeconds: 300,
  spotInterruptionsPerTaskHour: 0,
  hpaTargetCpuPercent: 70,
  hpaMaxReplicasFactor: 4,
  nodeScaleDownMinutes: 10,
  pendingFlagMinutes: 3,
  seed: 1,
};

export function withDefaults(partial: Partial<SimulationAssumptions> = {}): SimulationAssumptions {
  return { ...DEFAULT_ASSUMPTIONS, ...partial };
}
