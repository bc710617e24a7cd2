import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE } from '../common';
import { inSubnet } from '../connections';
import { defineKind } from '../types';

export const efs = defineKind({
  id: 'efs',
  traits: { fileSystem: true, vpc: 'attached', regional: true },
  label: 'EFS file system',
  category: 'storage',
  order: 10,
  description: 'Shared NFS storage that tasks and pods mount. Regional file systems span AZs; One Zone ones live in one AZ.',
  learn: {
    what: 'A shared file system (NFS) that many tasks or pods mount at the same time, in several Availability Zones. It grows and shrinks with what you store.',
    when: 'Choose it when containers need files that outlive them or that they share (uploads, content, models). With Fargate it gives serverless storage shared across zones.',
  },
  defaultLabel: 'shared files',
  keywords: ['efs', 'elastic file system', 'nfs', 'storage', 'volume', 'shared'],
  icon: 'architecture-service/AmazonEFS',
  appearance: { color: AWS_COLORS.storage },
  props: z.strictObject({
    availability: z
      .enum(['regional', 'one-zone'])
      .default('regional')
      .meta({ title: 'Availability', description: 'One Zone stores data in a single AZ (draw it inside that AZ).' }),
    performanceMode: z.enum(['generalPurpose', 'maxIO']).default('generalPurpose').meta({ title: 'Performance mode' }),
    throughputMode: z.enum(['elastic', 'bursting', 'provisioned']).default('elastic').meta({ title: 'Throughput mode' }),
    encrypted: z.boolean().default(true).meta({ title: 'Encrypted at rest' }),
  }),
  size: LEAF_SIZE,
  connections: [inSubnet('mount target', 'The file system has a mount target in this subnet.')],
  summary: (props) => `${props.availability === 'regional' ? 'Regional' : 'One Zone'} · ${props.throughputMode}`,
  docsUrl: 'https://docs.aws.amazon.com/efs/latest/ug/whatisefs.html',
  sample: { in: { network: 'vpc' } },
});
