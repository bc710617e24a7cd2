import { z } from 'zod';
import { AWS_COLORS } from '../common';
import { inSubnet } from '../connections';
import { defineKind } from '../types';

export const eksFargateProfile = defineKind({
  id: 'eks-fargate-profile',
  traits: { capacity: { platform: 'kubernetes', compute: 'fargate' } },
  label: 'Fargate profile',
  category: 'eks',
  order: 40,
  description: 'Runs pods that match its selectors on Fargate. Pods placed inside run on Fargate.',
  learn: {
    what: 'Tells EKS to run the pods that match its selectors (a namespace and, if you like, labels) on Fargate: each pod gets its own compute, and there are no nodes to manage.',
    when: 'Choose it for pods you want to run without servers. Pods that need DaemonSets, GPUs or privileged containers need nodes.',
  },
  defaultLabel: 'fargate profile',
  keywords: ['fargate', 'serverless', 'profile', 'selector'],
  icon: 'architecture-service/AWSFargate',
  appearance: { color: AWS_COLORS.compute, dashed: true },
  props: z.strictObject({
    selectors: z
      .array(
        z.strictObject({
          namespace: z
            .string()
            .max(63)
            .default('default')
            .meta({ title: 'Namespace', description: '* and ? are wildcards: prod-* selects every namespace starting with prod-.' }),
          labels: z
            .string()
            .max(1024)
            .regex(/^$|^[\w./*?-]+=[\w.*?-]*(\s*,\s*[\w./*?-]+=[\w.*?-]*)*$/, 'Labels are key=value pairs separated by commas.')
            .default('')
            .meta({
              title: 'Labels',
              description: 'key=value pairs, comma separated; * and ? are wildcards. Empty matches every pod in the namespace.',
            }),
        }),
      )
      .max(10)
      // A function default: every node gets its own selector object rather than sharing one.
      .default(() => [{ namespace: 'default', labels: '' }])
      .meta({ title: 'Selectors' }),
  }),
  size: { width: 320, height: 260 },
  group: { contains: [{ workload: { platform: 'kubernetes' } }] },
  connections: [inSubnet('in subnet', 'Pods on this profile get network interfaces in this subnet (private subnets only).')],
  summary: (props) =>
    props.selectors.map((selector) => selector.namespace + (selector.labels ? ` (${selector.labels})` : '')).join(', ') || 'no selectors',
  migrations: [
    {
      version: 2,
      description: 'Selector label keys and values may hold the wildcards * and ?, as EKS allows; earlier files read the same.',
      up: (props) => props,
    },
  ],
  docsUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate-profile.html',
  sample: { in: { cluster: { platform: 'kubernetes' } } },
});
