import { propsOf, type ImageSourceKindId, type NodeOfKind } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import { arr, call, expr, newCall, obj, props, type Code } from '../code';
import type { EmitContext, ImageRef } from '../context';
import { construct } from '../plan/constructs';
import { imagesOf, isCreatedRepository, type ImageSource } from '../plan/images';
import { defineEmitter } from '../emitter';
import { MODULES } from '../stack-builder';

/**
 * Container images: ECR repositories the diagram creates live in the Region's repositories
 * stack (so images can be pushed before services start); repositories of another account or
 * Region are imported by ARN; Docker Hub images are pulled directly (with Secrets Manager
 * credentials when the diagram names a secret) or through an ECR pull-through cache.
 */

/** Declares what the images pulled by this stack's workloads need, before the workloads. */
export function emitImages(ctx: EmitContext): void {
  const { images, needStatements } = ctx.plan.images;
  if (needStatements) ctx.b.section('Container images');
  for (const image of images) ctx.images.set(image.id, prepareImage(ctx, image));
}

/** The first image a workload pulls, or undefined when the diagram connects none. */
export function imageOf(ctx: EmitContext, workload: DiagramNode): { ref: ImageRef; node: DiagramNode; others: number } | undefined {
  const images = imagesOf(ctx.model, workload);
  const first = images[0];
  if (!first) return undefined;
  const ref = ctx.images.get(first.id) ?? prepareImage(ctx, first);
  ctx.images.set(first.id, ref);
  return { ref, node: first, others: images.length - 1 };
}

/** A public image for workloads the diagram connects to no registry, so the app still deploys. */
export function placeholderImage(ctx: EmitContext): ImageRef {
  const image = 'public.ecr.aws/docker/library/nginx:stable';
  return { ecs: () => call(`${ctx.b.use(MODULES.ecs)}.ContainerImage.fromRegistry`, image), kubernetes: image, hasCredentials: false };
}

function prepareImage(ctx: EmitContext, image: ImageSource): ImageRef {
  const prepare = IMAGE_PREPARERS[image.kind] as (ctx: EmitContext, image: ImageSource) => ImageRef;
  return prepare(ctx, image);
}

function ecrImage(ctx: EmitContext, repository: NodeOfKind<'ecr-repository'>): ImageRef {
  const { repositoryName, tag, account } = propsOf(repository);
  let variable: string;
  if (isCreatedRepository(ctx.regions, repository, ctx.region) && ctx.repositories) {
    variable = `props.repositories.${ctx.repositories.fields.get(repository.id)!}`;
  } else {
    const ecr = ctx.b.use(MODULES.ecr);
    const region = ctx.regions.regionOf(repository);
    ctx.header(repository, account !== '' ? 'in another account, imported' : 'in another Region, imported');
    // Created by that Region's repositories stack, which then deploys first (plan/images.ts).
    variable = ctx.variable(repository);
    ctx.b.declare(
      variable,
      call(
        `${ecr}.Repository.fromRepositoryAttributes`,
        expr('this'),
        ctx.constructId(repository),
        props({
          repositoryName,
          repositoryArn: call(
            'this.formatArn',
            obj({
              service: 'ecr',
              account: account !== '' ? account : undefined,
              region: region !== undefined && region !== ctx.region ? region : undefined,
              resource: 'repository',
              resourceName: repositoryName,
            }),
          ),
        }),
      ),
    );
  }
  return {
    ecs: () => call(`${ctx.b.use(MODULES.ecs)}.ContainerImage.fromEcrRepository`, expr(variable), tag),
    kubernetes: call(`${variable}.repositoryUriForTag`, tag),
    hasCredentials: false,
  };
}

function dockerHubImage(ctx: EmitContext, image: NodeOfKind<'dockerhub-image'>): ImageRef {
  const { image: name, tag, credentialsSecret, pullThroughCache } = propsOf(image);
  const reference = `${name}:${tag}`;
  if (pullThroughCache) return pullThroughCacheImage(ctx, image);
  if (credentialsSecret === '') {
    return {
      ecs: () => call(`${ctx.b.use(MODULES.ecs)}.ContainerImage.fromRegistry`, reference),
      kubernetes: reference,
      hasCredentials: false,
    };
  }
  ctx.header(image, 'Docker Hub credentials from Secrets Manager');
  const secret = importSecret(ctx, image, credentialsSecret);
  return {
    ecs: () => call(`${ctx.b.use(MODULES.ecs)}.ContainerImage.fromRegistry`, reference, obj({ credentials: expr(secret) })),
    kubernetes: reference,
    hasCredentials: true,
  };
}

/**
 * A complete secret ARN ends with the six characters Secrets Manager appends to the name;
 * people usually paste the ARN without them (a partial ARN), which CDK imports differently.
 */
export function secretImporter(secret: string): 'fromSecretCompleteArn' | 'fromSecretPartialArn' | 'fromSecretNameV2' {
  if (!secret.startsWith('arn:')) return 'fromSecretNameV2';
  return /:secret:.+-[A-Za-z0-9]{6}$/.test(secret) ? 'fromSecretCompleteArn' : 'fromSecretPartialArn';
}

function importSecret(ctx: EmitContext, image: ImageSource, secret: string): string {
  const secretsmanager = ctx.b.use(MODULES.secretsmanager);
  const variable = ctx.variable(image, 'Credentials');
  const constructId = ctx.constructId(image, 'Credentials');
  ctx.b.declare(variable, call(`${secretsmanager}.Secret.${secretImporter(secret)}`, expr('this'), constructId, secret));
  return variable;
}

/** The Region's Docker Hub pull-through cache rule, which the stack that owns it declares for its first image that needs it. */
const PULL_THROUGH_CACHE_RULE = construct('the Docker Hub pull-through cache rule');

/** Docker Hub through an ECR pull-through cache rule (one per stack, repository prefix docker-hub). */
function pullThroughCacheImage(ctx: EmitContext, image: NodeOfKind<'dockerhub-image'>): ImageRef {
  const ecr = ctx.b.use(MODULES.ecr);
  const { image: name, tag, credentialsSecret } = propsOf(image);
  ctx.header(image, 'Docker Hub through an ECR pull-through cache');
  if (!ctx.plan.images.ownsPullThroughCache) {
    ctx.b.comment("The Region's pull-through cache rule is created by another stack of this app.");
  } else if (!ctx.declared.has(PULL_THROUGH_CACHE_RULE)) {
    let credentialArn: Code;
    if (credentialsSecret.startsWith('arn:')) credentialArn = credentialsSecret;
    else {
      // The rule needs the secret's full ARN (with its random suffix), which only the account knows.
      const cdk = ctx.b.use(MODULES.cdk);
      const parameter = ctx.b.variables.unique('dockerHubCredentialsArn');
      const name = ctx.b.constructIds.unique('DockerHubCredentialsArn');
      ctx.b.parameters.push({
        name,
        purpose: 'the full ARN of the Secrets Manager secret with your Docker Hub credentials, for the pull-through cache.',
      });
      ctx.b.declare(
        parameter,
        newCall(
          `${cdk}.CfnParameter`,
          expr('this'),
          name,
          props({
            type: 'String',
            description:
              'Full ARN of the Secrets Manager secret (named ecr-pullthroughcache/...) with your Docker Hub username and access token.',
          }),
        ),
      );
      credentialArn = expr(`${parameter}.valueAsString`);
    }
    const rule = ctx.b.variables.unique('dockerHubPullThroughCache');
    ctx.b.declare(
      rule,
      newCall(
        `${ecr}.CfnPullThroughCacheRule`,
        expr('this'),
        ctx.b.constructIds.unique('DockerHubPullThroughCache'),
        props({
          ecrRepositoryPrefix: 'docker-hub',
          upstreamRegistry: 'docker-hub',
          upstreamRegistryUrl: 'registry-1.docker.io',
          credentialArn,
        }),
      ),
    );
    ctx.declared.declare(PULL_THROUGH_CACHE_RULE, rule);
  }
  // Official images live under library/ on Docker Hub.
  const path = `docker-hub/${name.includes('/') ? name : `library/${name}`}`;
  const variable = ctx.variable(image);
  ctx.b.declare(variable, call(`${ecr}.Repository.fromRepositoryName`, expr('this'), ctx.constructId(image), path));
  const iam = ctx.b.use(MODULES.iam);
  return {
    ecs: () => call(`${ctx.b.use(MODULES.ecs)}.ContainerImage.fromEcrRepository`, expr(variable), tag),
    kubernetes: call(`${variable}.repositoryUriForTag`, tag),
    hasCredentials: false,
    executionPolicy: newCall(
      `${iam}.PolicyStatement`,
      obj({
        // The first pull creates the cached repository and imports the image.
        actions: arr(['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository']),
        resources: arr([expr(`${variable}.repositoryArn`)]),
      }),
    ),
  };
}

/**
 * How workloads refer to an image of each image source kind. Keyed by every image source of the
 * catalog, so a new one does not compile until it says how its images are pulled.
 */
const IMAGE_PREPARERS: { [K in ImageSourceKindId]: (ctx: EmitContext, image: NodeOfKind<K>) => ImageRef } = {
  'ecr-repository': ecrImage,
  'dockerhub-image': dockerHubImage,
};

export const imagesEmitter = defineEmitter({
  id: 'images',
  stack: 'workload',
  order: 2,
  kinds: { 'dockerhub-image': { creates: ['ContainerImage.fromRegistry'] } },
  emit: (ctx) => emitImages(ctx),
});
