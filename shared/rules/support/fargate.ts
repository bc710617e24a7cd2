import { isWindows } from '../../catalog/common';
import { memoryText, vcpuText } from './describe';

/**
 * Fargate facts from the AWS task size table
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size).
 */

export interface FargateSizeRow {
  cpu: number;
  /** Valid memory values in MiB, ascending. */
  memory: readonly number[];
  /** The Linux platform version the row needs. */
  minLinuxPlatform: PlatformVersion;
  windows: boolean;
}

export type PlatformVersion = '1.0.0' | '1.3.0' | '1.4.0';

const GB = 1024;

function steps(fromGb: number, toGb: number, stepGb: number): number[] {
  const values: number[] = [];
  for (let gb = fromGb; gb <= toGb; gb += stepGb) values.push(gb * GB);
  return values;
}

export const FARGATE_TASK_SIZES: readonly FargateSizeRow[] = [
  { cpu: 256, memory: [512, 1024, 2048], minLinuxPlatform: '1.0.0', windows: false },
  { cpu: 512, memory: steps(1, 4, 1), minLinuxPlatform: '1.0.0', windows: false },
  { cpu: 1024, memory: steps(2, 8, 1), minLinuxPlatform: '1.0.0', windows: true },
  { cpu: 2048, memory: steps(4, 16, 1), minLinuxPlatform: '1.0.0', windows: true },
  { cpu: 4096, memory: steps(8, 30, 1), minLinuxPlatform: '1.0.0', windows: true },
  { cpu: 8192, memory: steps(16, 60, 4), minLinuxPlatform: '1.4.0', windows: false },
  { cpu: 16384, memory: steps(32, 120, 8), minLinuxPlatform: '1.4.0', windows: false },
];

/** The largest Fargate task, which also bounds EKS pods on Fargate. */
export const FARGATE_MAX = { cpu: 16384, memory: 120 * GB } as const;

/** What LATEST means: 1.4.0 on Linux, 1.0.0 (the only version) on Windows. */
export function effectivePlatformVersion(platformVersion: string, operatingSystemFamily: string): PlatformVersion {
  if (platformVersion === 'LATEST') return isWindows(operatingSystemFamily) ? '1.0.0' : '1.4.0';
  return platformVersion as PlatformVersion;
}

const PLATFORM_ORDER: Record<PlatformVersion, number> = { '1.0.0': 0, '1.3.0': 1, '1.4.0': 2 };

export function platformAtLeast(version: PlatformVersion, minimum: PlatformVersion): boolean {
  return PLATFORM_ORDER[version] >= PLATFORM_ORDER[minimum];
}

export interface TaskSizeInput {
  cpu: number;
  memory: number;
  windows: boolean;
  platform: PlatformVersion;
}

/** Why a task size is not a Fargate size, or undefined when it is one. */
export function fargateSizeProblem(input: TaskSizeInput): string | undefined {
  const row = FARGATE_TASK_SIZES.find((candidate) => candidate.cpu === input.cpu);
  const rows = FARGATE_TASK_SIZES.filter((candidate) => !input.windows || candidate.windows);
  if (!row || (input.windows && !row.windows)) {
    const offered = rows.map((candidate) => vcpuText(candidate.cpu).replace(' vCPU', '')).join(', ');
    return `${vcpuText(input.cpu)} is not a Fargate${input.windows ? ' Windows' : ''} task size (Fargate offers ${offered} vCPU)`;
  }
  if (!row.memory.includes(input.memory)) {
    return `${vcpuText(row.cpu)} on Fargate takes ${memoryRange(row)}, not ${memoryText(input.memory)}`;
  }
  if (!input.windows && !platformAtLeast(input.platform, row.minLinuxPlatform)) {
    return `${vcpuText(row.cpu)} needs Fargate platform version ${row.minLinuxPlatform} or later, and the task pins ${input.platform}`;
  }
  return undefined;
}

/** "2–8 GB in 1 GB steps" or "0.5, 1 or 2 GB". */
export function memoryRange(row: FargateSizeRow): string {
  const first = row.memory[0] ?? 0;
  const last = row.memory[row.memory.length - 1] ?? 0;
  const step = (row.memory[1] ?? first) - first;
  if (row.memory.length > 2 && row.memory.every((value, index) => index === 0 || value - (row.memory[index - 1] ?? 0) === step)) {
    return `${memoryText(first).replace(' GB', '')}–${memoryText(last)} in ${memoryText(step)} steps`;
  }
  const texts = row.memory.map((value) => memoryText(value).replace(' GB', ''));
  return `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]} GB`;
}

/**
 * The smallest valid Fargate size that gives at least the requested CPU and memory, so a
 * fix never takes resources away; when nothing is big enough, the largest CPU on offer.
 */
export function nearestFargateSize(
  cpu: number,
  memory: number,
  platform: { windows: boolean; version: PlatformVersion },
): { cpu: number; memory: number } {
  const rows = FARGATE_TASK_SIZES.filter((row) =>
    platform.windows ? row.windows : platformAtLeast(platform.version, row.minLinuxPlatform),
  );
  for (const row of rows) {
    if (row.cpu < cpu) continue;
    const fitting = row.memory.find((value) => value >= memory);
    if (fitting !== undefined) return { cpu: row.cpu, memory: fitting };
  }
  const largest = rows[rows.length - 1]!;
  return { cpu: largest.cpu, memory: largest.memory.find((value) => value >= memory) ?? largest.memory[largest.memory.length - 1]! };
}
