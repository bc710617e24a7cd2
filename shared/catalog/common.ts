import { z } from 'zod';
import {
  FARGATE_CPU_UNITS,
  FARGATE_MEMORY_SUGGESTIONS,
  INSTANCE_TYPE_LIST_PATTERN,
  INSTANCE_TYPE_PATTERN,
  PLATFORM_VERSION_CHOICES,
} from './aws-facts';

/**
 * Property schemas that several kinds share. A fact about AWS lives here once
 * (the Fargate CPU sizes, the OS families) and every kind that needs it imports it.
 */

/** Task CPU units Fargate offers; EC2 accepts any value, so this is a suggestion list, not a constraint. */
export { FARGATE_CPU_UNITS };

export const OPERATING_SYSTEM_FAMILIES = [
  'LINUX',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2025_FULL',
  'WINDOWS_SERVER_2025_CORE',
] as const;
export type OperatingSystemFamily = (typeof OPERATING_SYSTEM_FAMILIES)[number];

export function isWindows(family: string): boolean {
  return family.startsWith('WINDOWS');
}

export const CPU_ARCHITECTURES = ['X86_64', 'ARM64'] as const;

export const NETWORK_MODES = ['awsvpc', 'bridge', 'host', 'none'] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

/** '' means "not set": the service takes its compute from where it is placed (see shared/model/compute.ts). */
export const LAUNCH_TYPES = ['', 'FARGATE', 'EC2', 'EXTERNAL'] as const;

/** Fargate platform versions a task definition can pin (aws-facts.ts). */
export const PLATFORM_VERSIONS = PLATFORM_VERSION_CHOICES;

export const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;

/** An EC2 instance type field. */
export const instanceType = (fallback: string) =>
  z.string().regex(INSTANCE_TYPE_PATTERN, 'An instance type looks like m7g.large.').default(fallback).meta({ title: 'Instance type' });

/** A comma-separated list of EC2 instance types. */
export const instanceTypeList = (fallback: string) =>
  z
    .string()
    .regex(INSTANCE_TYPE_LIST_PATTERN, 'List instance types separated by commas: m6i.large, m7i.large.')
    .default(fallback)
    .meta({ title: 'Instance types' });

export const name = (title: string, fallback: string, description?: string) =>
  z
    .string()
    .max(255)
    .default(fallback)
    .meta({ title, ...(description ? { description } : {}) });

export const taskCpu = () =>
  z
    .number()
    .int()
    .min(128)
    .max(196608)
    .default(256)
    .meta({
      title: 'Task CPU',
      unit: 'CPU units',
      description: '1024 units = 1 vCPU.',
      options: [...FARGATE_CPU_UNITS],
    });

export const taskMemory = () =>
  z
    .number()
    .int()
    .min(128)
    .max(1048576)
    .default(512)
    .meta({
      title: 'Task memory',
      unit: 'MiB',
      options: [...FARGATE_MEMORY_SUGGESTIONS],
    });

export const operatingSystemFamily = () => z.enum(OPERATING_SYSTEM_FAMILIES).default('LINUX').meta({ title: 'Operating system' });

export const cpuArchitecture = () => z.enum(CPU_ARCHITECTURES).default('X86_64').meta({ title: 'CPU architecture' });

export const containerPort = () =>
  z.number().int().min(0).max(65535).default(80).meta({ title: 'Container port', description: '0 when the container listens on no port.' });

/**
 * A capacity provider strategy item. `provider` is FARGATE, FARGATE_SPOT, or the id of an
 * EC2 capacity node in the same cluster (an Auto Scaling group capacity provider).
 */
export const capacityProviderStrategy = (title: string) =>
  z
    .array(
      z.strictObject({
        provider: z.string().min(1).max(128).default('FARGATE').meta({ title: 'Capacity provider', ui: 'capacity-provider' }),
        base: z.number().int().min(0).max(100000).default(0).meta({ title: 'Base' }),
        weight: z.number().int().min(0).max(1000).default(1).meta({ title: 'Weight' }),
      }),
    )
    .max(20)
    .default([])
    .meta({
      title,
      description: 'Leave empty to use the launch type, or the capacity the service is placed in.',
    });

export type StrategyItem = { provider: string; base: number; weight: number };

export const minHealthyPercent = () => z.number().int().min(0).max(100).default(100).meta({ title: 'Minimum healthy', unit: '%' });
export const maxPercent = () => z.number().int().min(100).max(400).default(200).meta({ title: 'Maximum', unit: '%' });

/** Compact "0.25 vCPU · 0.5 GB" for summaries. */
export function formatTaskSize(cpu: number, memoryMiB: number): string {
  const vcpu = cpu / 1024;
  const gb = memoryMiB / 1024;
  return `${trimNumber(vcpu)} vCPU · ${trimNumber(gb)} GB`;
}

function trimNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** AWS group colours from the Architecture Icons deck. */
export const AWS_COLORS = {
  compute: '#ED7100',
  containers: '#ED7100',
  networking: '#8C4FFF',
  storage: '#7AA116',
  management: '#E7157B',
  region: '#00A4A6',
  az: '#00A4A6',
  publicSubnet: '#7AA116',
  privateSubnet: '#00A4A6',
  generic: '#7D8998',
  vpc: '#8C4FFF',
} as const;

export const LEAF_SIZE = { width: 220, height: 56 } as const;

/**
 * Task definition properties that ECS services and standalone tasks share.
 * A single essential container is modelled; its image comes from a "pulls image" edge.
 */
export const taskDefinitionShape = () => ({
  cpu: taskCpu(),
  memory: taskMemory(),
  operatingSystemFamily: operatingSystemFamily(),
  cpuArchitecture: cpuArchitecture(),
  networkMode: z.enum(NETWORK_MODES).default('awsvpc').meta({ title: 'Network mode' }),
  platformVersion: z
    .enum(PLATFORM_VERSIONS)
    .default('LATEST')
    .meta({ title: 'Fargate platform version', description: 'Used on Fargate only.' }),
  launchType: z
    .enum(LAUNCH_TYPES)
    .default('')
    .meta({ title: 'Launch type', description: 'Empty: take it from the capacity this is placed in.' }),
  capacityProviderStrategy: capacityProviderStrategy('Capacity provider strategy'),
  assignPublicIp: z
    .boolean()
    .default(false)
    .meta({ title: 'Assign public IP', description: 'awsvpc tasks in a public subnet need one to reach the internet.' }),
  containerPort: containerPort(),
  hostPort: z.number().int().min(0).max(65535).default(0).meta({
    title: 'Host port',
    description: 'bridge mode: 0 picks a dynamic port. awsvpc and host: leave 0 or equal to the container port.',
  }),
  privileged: z.boolean().default(false).meta({ title: 'Privileged container' }),
  gpuCount: z.number().int().min(0).max(16).default(0).meta({ title: 'GPUs' }),
  dockerVolumes: z
    .boolean()
    .default(false)
    .meta({ title: 'Docker volumes', description: 'Uses dockerVolumeConfiguration (a Docker volume driver).' }),
});
