import { z } from 'zod';
import { defineConnection, type KindSelector } from './types';

/**
 * Connections that several source kinds share, written once. A kind lists the ones
 * it makes in its `connections`; relations unique to one kind stay in that kind's file.
 */

export const pullsImage = defineConnection({
  relation: 'pulls-image',
  to: [{ imageSource: true }],
  label: 'pulls image',
  description: 'The container image comes from this registry.',
});

export const mountsEfs = defineConnection({
  relation: 'mounts',
  to: [{ fileSystem: true }],
  label: 'mounts',
  description: 'The containers mount this EFS file system as a volume.',
  props: z.strictObject({
    containerPath: z.string().min(1).max(1024).default('/mnt/efs').meta({ title: 'Container path' }),
    readOnly: z.boolean().default(false).meta({ title: 'Read only' }),
    transitEncryption: z.boolean().default(true).meta({ title: 'Encryption in transit' }),
    accessPoint: z
      .boolean()
      .default(false)
      .meta({ title: 'Use an access point', description: 'Mount through an EFS access point (needs encryption in transit).' }),
    rootDirectory: z.string().min(1).max(1024).default('/').meta({
      title: 'Root directory',
      description: 'Directory of the file system to mount. With an access point, the access point is rooted here.',
    }),
    accessPointUid: z.number().int().min(0).max(4294967295).default(1000).meta({
      title: 'Access point user ID',
      description: 'POSIX user ID the access point writes files as: the user your container runs as.',
    }),
    accessPointGid: z.number().int().min(0).max(4294967295).default(1000).meta({
      title: 'Access point group ID',
      description: 'POSIX group ID the access point writes files as.',
    }),
    accessPointPermissions: z
      .string()
      .regex(/^[0-7]{3,4}$/, 'Octal permissions such as 750.')
      .default('750')
      .meta({
        title: 'Root directory permissions',
        description: 'Octal permissions of the root directory the access point creates, owned by its user and group.',
      }),
  }),
});

/** Where a resource that spans subnets (a load balancer, a service's tasks, an EKS cluster) places its network interfaces. */
export const inSubnet = (label: string, description: string) =>
  defineConnection({
    relation: 'in-subnet',
    to: [{ network: 'subnet' }],
    label,
    description,
  });

export const runsOn = (to: KindSelector) =>
  defineConnection({
    relation: 'runs-on',
    to,
    label: 'runs on',
    description: 'The tasks or pods run on this capacity (like placing them inside it).',
  });

export const targetType = () =>
  z.enum(['auto', 'ip', 'instance']).default('auto').meta({
    title: 'Target type',
    description: 'auto follows the network mode: ip for awsvpc tasks and pods on Fargate, instance otherwise.',
  });

export const listenerPort = (fallback: number) => z.number().int().min(1).max(65535).default(fallback).meta({ title: 'Listener port' });

export const targetPort = () =>
  z.number().int().min(0).max(65535).default(0).meta({ title: 'Target port', description: '0 uses the container port.' });

export const runsOnEcsCapacity = runsOn([{ capacity: { platform: 'ecs' } }]);
export const runsOnEksCapacity = runsOn([{ capacity: { platform: 'kubernetes' } }]);

/** What load balancers route to: workloads that keep running (ECS services, Kubernetes workloads). */
export const LOAD_BALANCED = [{ workload: { longRunning: true } }] as const satisfies KindSelector;
