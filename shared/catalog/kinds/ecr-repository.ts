import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE } from '../common';
import { defineKind } from '../types';

export const ecrRepository = defineKind({
  id: 'ecr-repository',
  traits: { imageSource: { registry: 'ecr' }, regional: true },
  label: 'ECR repository',
  category: 'registries',
  order: 10,
  description: 'A private Amazon ECR repository that holds container images. Draw it inside a Region to place it.',
  learn: {
    what: 'A private registry for your container images, in your AWS account. IAM decides who may push and pull, and the images are stored in Amazon S3.',
    when: 'Choose it for the images you build: ECS and EKS pull from it quickly and privately, without extra passwords.',
  },
  defaultLabel: 'app',
  keywords: ['ecr', 'elastic container registry', 'image', 'private registry'],
  icon: 'architecture-service/AmazonElasticContainerRegistry',
  appearance: { color: AWS_COLORS.containers },
  props: z.strictObject({
    repositoryName: z
      .string()
      .regex(
        /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
        'Repository names are lowercase letters, digits and . _ - /, like team/app.',
      )
      .max(256)
      .default('app')
      .meta({ title: 'Repository name' }),
    // A version tag by default: the repository's tags are immutable, so a moving tag such as latest could be pushed only once.
    tag: z.string().min(1).max(128).default('v1').meta({ title: 'Image tag' }),
    account: z
      .string()
      .regex(/^(\d{12})?$/, 'An AWS account id has 12 digits; leave it empty for this account.')
      .default('')
      .meta({ title: 'Account id', description: 'Empty means the same account as the workloads.' }),
    imageTagMutability: z.enum(['MUTABLE', 'IMMUTABLE']).default('IMMUTABLE').meta({ title: 'Tag mutability' }),
    scanOnPush: z.boolean().default(true).meta({ title: 'Scan on push' }),
  }),
  size: LEAF_SIZE,
  connections: [],
  summary: (props) => `${props.repositoryName}:${props.tag}`,
  migrations: [
    {
      version: 2,
      description:
        'The image tag defaults to v1 instead of latest, which immutable tags take only once; files that left the tag out meant latest and keep it.',
      up: (props) => ('tag' in props ? props : { ...props, tag: 'latest' }),
    },
  ],
  docsUrl: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/Repositories.html',
  sample: { in: { network: 'region' } },
});
