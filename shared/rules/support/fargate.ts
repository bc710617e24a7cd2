import {
  FARGATE_PLATFORM_VERSIONS,
  FARGATE_TASK_SIZES,
  LATEST_PLATFORM_VERSION,
  type FargateSizeRow,
  type PlatformVersion,
} from '../../catalog/aws-facts';
import { isWindows } from '../../catalog/common';
import type { EcsWorkloadKindId, NodeOfKind } from '../../catalog';
import type { QuickFix } from '../types';
import { memoryText, vcpuText } from './describe';
import { setNodeProps } from './fixes';

export { FARGATE_MAX, FARGATE_TASK_SIZES, type FargateSizeRow, type PlatformVersion } from '../../catalog/aws-facts';

/** What LATEST means: 1.4.0 on Linux, 1.0.0 (the only version) on Windows. */
export function effectivePlatformVersion(platformVersion: string, operatingSystemFamily: string): PlatformVersion {
  if (platformVersion === 'LATEST') return LATEST_PLATFORM_VERSION[isWindows(operatingSystemFamily) ? 'windows' : 'linux'];
  return platformVersion as PlatformVersion;
}

/** What LATEST is on Linux, for rule texts: "LATEST is 1.4.0". */
export const LATEST_LINUX = LATEST_PLATFORM_VERSION.linux;

/** The fix for a Linux task pinned below what a feature needs: LATEST, which is the newest version. */
export function useLatestPlatformFix(node: NodeOfKind<EcsWorkloadKindId>): QuickFix {
  return setNodeProps(`Use platform version LATEST (${LATEST_LINUX})`, node, { platformVersion: 'LATEST' });
}

/** Versions are listed newest first, so a smaller index is a later version. */
export function platformAtLeast(version: PlatformVersion, minimum: PlatformVersion): boolean {
  return FARGATE_PLATFORM_VERSIONS.indexOf(version) <= FARGATE_PLATFORM_VERSIONS.indexOf(minimum);
}

/** The task size table as one sentence, for the rule's explanation and the rules doc. */
export function describeFargateSizes(): string {
  const rows = FARGATE_TASK_SIZES.map((row) => `${vcpuText(row.cpu)} with ${memoryRange(row)}`);
  const pinned = FARGATE_TASK_SIZES.filter(
    (row) => row.minLinuxPlatform !== FARGATE_PLATFORM_VERSIONS[FARGATE_PLATFORM_VERSIONS.length - 1],
  );
  const windows = FARGATE_TASK_SIZES.filter((row) => row.windows).map((row) => vcpuText(row.cpu).replace(' vCPU', ''));
  const newer = pinned.map((row) => `${vcpuText(row.cpu).replace(' vCPU', '')}`);
  return (
    `Fargate offers fixed CPU and memory combinations: ${rows.join('; ')}` +
    (pinned.length > 0 ? `; the ${listOf(newer)} vCPU sizes need platform version ${pinned[0]!.minLinuxPlatform} or later on Linux` : '') +
    `. Windows tasks can use only the ${listOf(windows)} vCPU sizes. Any other combination is rejected.`
  );
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
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
