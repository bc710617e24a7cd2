import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE } from '../common';
import { defineKind } from '../types';

/** Endpoints that matter for container workloads. s3 is a gateway endpoint; the rest are interface endpoints. */
export const VPC_ENDPOINT_SERVICES = [
  'ecr.api',
  'ecr.dkr',
  's3',
  'logs',
  'secretsmanager',
  'ssm',
  'sts',
  'elasticfilesystem',
  'ecs',
  'ecs-agent',
  'ecs-telemetry',
  'eks',
  'elasticloadbalancing',
  'autoscaling',
] as const;

export const vpcEndpoint = defineKind({
  id: 'vpc-endpoint',
  traits: { network: 'vpc-endpoint', vpc: 'inside' },
  label: 'VPC endpoint',
  category: 'network',
  order: 60,
  description: 'A private path from the VPC to an AWS service (ECR, S3, CloudWatch Logs …) without a NAT gateway.',
  learn: {
    what: 'A private connection from your VPC to an AWS service (ECR, S3, CloudWatch Logs, Secrets Manager) that does not cross the internet.',
    when: 'Add them when private tasks should reach AWS services without a NAT gateway, for security or to save on NAT data charges.',
  },
  defaultLabel: 'ecr.dkr endpoint',
  keywords: ['privatelink', 'interface endpoint', 'gateway endpoint', 'ecr endpoint', 's3 endpoint'],
  icon: 'resource/AmazonVPCEndpoints',
  appearance: { color: AWS_COLORS.networking },
  props: z.strictObject({
    service: z.enum(VPC_ENDPOINT_SERVICES).default('ecr.dkr').meta({ title: 'AWS service' }),
  }),
  size: LEAF_SIZE,
  connections: [],
  summary: (props) => `${props.service} · ${props.service === 's3' ? 'gateway' : 'interface'}`,
  docsUrl: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
  sample: { in: { network: 'subnet' } },
});
