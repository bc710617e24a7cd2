import { z } from 'zod';
import { AWS_COLORS } from '../common';
import { defineKind } from '../types';

export const region = defineKind({
  id: 'region',
  traits: { network: 'region' },
  label: 'Region',
  category: 'network',
  order: 10,
  description: 'An AWS Region. Regional resources drawn inside it (VPCs, ECR, EFS) live in this Region.',
  learn: {
    what: 'A geographic area where AWS runs several Availability Zones, such as US East (N. Virginia). Most resources live in one Region.',
    when: 'Pick the Region near your users or where your data must stay; draw a second one only for designs that span Regions.',
  },
  defaultLabel: 'us-east-1',
  keywords: ['aws region', 'geography'],
  icon: 'architecture-group/Region',
  appearance: { color: AWS_COLORS.region, dashed: true },
  props: z.strictObject({
    regionCode: z
      .string()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'A Region code looks like us-east-1 or eu-west-2.')
      .default('us-east-1')
      .meta({ title: 'Region code' }),
  }),
  size: { width: 1200, height: 800 },
  group: { contains: [{ regional: true }] },
  connections: [],
  summary: (props) => props.regionCode,
  docsUrl: 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html',
});
