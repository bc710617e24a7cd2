import {
  imageSourceOf,
  isImageSource,
  isNodeOfKind,
  propsOf,
  traitsOf,
  type ImageSourceKindId,
  type NodeOfKind,
  type WorkloadKindId,
} from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import type { DiagramModel } from '../../../model/diagram-model';
import type { RegionPlan } from './regions';
import type { StackScope } from './scope';

/**
 * The container images a stack's workloads pull. ECR repositories the diagram creates live in the
 * Region's repositories stack; a stack that pulls from another Region's repositories stack
 * deploys after it (a cross-stack reference the app's bin file orders).
 */

export type ImageSource = NodeOfKind<ImageSourceKindId>;

export interface ImagesPlan {
  /** The images the stack's workloads pull (ECS workloads first, then Kubernetes, in document order), each once. */
  images: ImageSource[];
  /** Some need statements of their own (an imported repository, Docker Hub credentials, a pull-through cache). */
  needStatements: boolean;
  /** Other Regions whose repositories stack creates a repository this stack pulls from, in the order the images need them. */
  repositoryRegions: (string | undefined)[];
  /** This stack creates the Region's Docker Hub pull-through cache rule (one per Region). */
  ownsPullThroughCache: boolean;
}

/** Whether the workload stack of `region` reaches this repository through its Region's repositories stack. */
export function isCreatedRepository(regions: RegionPlan, repository: DiagramNode, region: string | undefined): boolean {
  return isNodeOfKind(repository, 'ecr-repository') && propsOf(repository).account === '' && regions.regionOf(repository) === region;
}

/** The images a workload pulls, first the one its container uses. */
export function imagesOf(model: DiagramModel, workload: NodeOfKind<WorkloadKindId> | DiagramNode): ImageSource[] {
  return model.targets(workload.id, 'pulls-image').filter(isImageSource);
}

export function planImages(scope: StackScope, ownsPullThroughCache: boolean): ImagesPlan {
  const images: ImageSource[] = [];
  for (const workload of scope.workloads()) {
    for (const image of imagesOf(scope.model, workload)) if (!images.includes(image)) images.push(image);
  }
  const repositoryRegions: (string | undefined)[] = [];
  let needStatements = false;
  for (const image of images) {
    if (isNodeOfKind(image, 'ecr-repository')) {
      if (isCreatedRepository(scope.regions, image, scope.region)) continue;
      needStatements = true;
      const region = scope.regions.regionOf(image);
      if (propsOf(image).account === '' && !repositoryRegions.includes(region)) repositoryRegions.push(region);
    } else if (isNodeOfKind(image, 'dockerhub-image')) {
      const settings = propsOf(image);
      needStatements ||= settings.pullThroughCache || settings.credentialsSecret !== '';
    }
  }
  return { images, needStatements, repositoryRegions, ownsPullThroughCache };
}

/** Whether an image is pulled through an ECR pull-through cache (its kind's `pullThroughCacheField` is on). */
export function usesPullThroughCache(image: DiagramNode): boolean {
  return imageSourceOf(image) === 'ecr' && traitsOf(image.kind).imageSource?.registry !== 'ecr';
}
