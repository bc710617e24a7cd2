import { z } from 'zod';
import { LEAF_SIZE } from '../common';
import { defineKind } from '../types';

export const dockerhubImage = defineKind({
  id: 'dockerhub-image',
  traits: { imageSource: { registry: 'docker-hub', pullThroughCacheField: 'pullThroughCache' } },
  label: 'Docker Hub image',
  category: 'registries',
  order: 20,
  description: 'An image from Docker Hub, the public registry. Pulled over the internet unless an ECR pull-through cache fronts it.',
  learn: {
    what: 'An image from Docker Hub, the public registry most open-source images (nginx, redis, postgres) come from.',
    when: "Use it for public images you do not build yourself. Pull it through an ECR pull-through cache to avoid Docker Hub's rate limits and keep a copy in your own account.",
  },
  defaultLabel: 'nginx',
  keywords: ['docker', 'public image', 'registry', 'hub'],
  icon: 'stowage/docker-hub',
  appearance: { color: '#1D63ED' },
  props: z.strictObject({
    image: z
      .string()
      .regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)?$/, 'Docker Hub images look like nginx or bitnami/redis.')
      .default('nginx')
      .meta({ title: 'Image' }),
    tag: z.string().min(1).max(128).default('latest').meta({ title: 'Tag' }),
    credentialsSecret: z.string().max(2048).default('').meta({
      title: 'Credentials secret',
      description: 'Secrets Manager secret with Docker Hub credentials (repositoryCredentials). Empty pulls anonymously.',
    }),
    pullThroughCache: z.boolean().default(false).meta({
      title: 'Through an ECR pull-through cache',
      description: 'Pull via an ECR pull-through cache rule instead of from Docker Hub directly.',
    }),
  }),
  size: LEAF_SIZE,
  connections: [],
  summary: (props) => `${props.image}:${props.tag}`,
  docsUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html',
});
