/**
 * Facts about AWS that several layers need (property schemas and the inspector's options, rules
 * and their messages, the CDK exporter, the generated docs), written once as data. A change
 * here reaches all of them.
 */

/** Fargate platform versions a task definition can pin, newest first. */
export const FARGATE_PLATFORM_VERSIONS = ['1.4.0', '1.3.0', '1.0.0'] as const;
export type PlatformVersion = (typeof FARGATE_PLATFORM_VERSIONS)[number];

/** What a task definition may say: LATEST, or a pinned version. */
export const PLATFORM_VERSION_CHOICES = ['LATEST', ...FARGATE_PLATFORM_VERSIONS] as const;

/** What LATEST resolves to: 1.4.0 on Linux; 1.0.0, the only Windows version, on Windows. */
export const LATEST_PLATFORM_VERSION = { linux: '1.4.0', windows: '1.0.0' } as const satisfies Record<string, PlatformVersion>;

export interface FargateSizeRow {
  /** CPU units (1024 = 1 vCPU). */
  cpu: number;
  /** Valid memory values in MiB, ascending. */
  memory: readonly number[];
  /** The Linux platform version the row needs. */
  minLinuxPlatform: PlatformVersion;
  windows: boolean;
}

const GB = 1024;

function steps(fromGb: number, toGb: number, stepGb: number): number[] {
  const values: number[] = [];
  for (let gb = fromGb; gb <= toGb; gb += stepGb) values.push(gb * GB);
  return values;
}

/**
 * The Fargate task size table
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size).
 */
export const FARGATE_TASK_SIZES: readonly FargateSizeRow[] = [
  { cpu: 256, memory: [512, 1024, 2048], minLinuxPlatform: '1.0.0', windows: false },
  { cpu: 512, memory: steps(1, 4, 1), minLinuxPlatform: '1.0.0', windows: false },
  { cpu: 1024, memory: steps(2, 8, 1), minLinuxPlatform: '1.0.0', windows: true },
  { cpu: 2048, memory: steps(4, 16, 1), minLinuxPlatform: '1.0.0', windows: true },
  { cpu: 4096, memory: steps(8, 30, 1), minLinuxPlatform: '1.0.0', windows: true },
  { cpu: 8192, memory: steps(16, 60, 4), minLinuxPlatform: '1.4.0', windows: false },
  { cpu: 16384, memory: steps(32, 120, 8), minLinuxPlatform: '1.4.0', windows: false },
];

/** Task CPU sizes Fargate offers (the inspector suggests them; EC2 accepts any value). */
export const FARGATE_CPU_UNITS: readonly number[] = FARGATE_TASK_SIZES.map((row) => row.cpu);

/** Memory sizes the inspector suggests: the smallest and largest of each Fargate row. */
export const FARGATE_MEMORY_SUGGESTIONS: readonly number[] = [
  ...new Set(FARGATE_TASK_SIZES.flatMap((row) => [row.memory[0]!, row.memory[row.memory.length - 1]!])),
].sort((a, b) => a - b);

/** The largest Fargate task, which also bounds EKS pods on Fargate. */
export const FARGATE_MAX = {
  cpu: FARGATE_TASK_SIZES[FARGATE_TASK_SIZES.length - 1]!.cpu,
  memory: Math.max(...FARGATE_TASK_SIZES.flatMap((row) => row.memory)),
} as const;

/** An EC2 instance type: family, optional generation/attribute letters, a dot and a size (m7g.large, c6in.2xlarge). */
export const INSTANCE_TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
/** A comma-separated list of instance types. */
export const INSTANCE_TYPE_LIST_PATTERN = new RegExp(
  `^${INSTANCE_TYPE_PATTERN.source.slice(1, -1)}(\\s*,\\s*${INSTANCE_TYPE_PATTERN.source.slice(1, -1)})*$`,
);

/**
 * Sizes AWS allows for a VPC's or a subnet's IPv4 CIDR block: from /16 (65,536 addresses) down
 * to /28 (16) (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
 */
export const IPV4_BLOCK_PREFIX = { largest: 16, smallest: 28 } as const;
