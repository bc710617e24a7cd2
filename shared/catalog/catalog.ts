import type { z } from 'zod';
import { alb } from './kinds/alb';
import { availabilityZone } from './kinds/availability-zone';
import { clb } from './kinds/clb';
import { dockerhubImage } from './kinds/dockerhub-image';
import { ec2AutoScaling } from './kinds/ec2-auto-scaling';
import { ecrRepository } from './kinds/ecr-repository';
import { ecsCluster } from './kinds/ecs-cluster';
import { ecsEc2Capacity } from './kinds/ecs-ec2-capacity';
import { ecsExternalCapacity } from './kinds/ecs-external-capacity';
import { ecsFargateCapacity } from './kinds/ecs-fargate-capacity';
import { ecsService } from './kinds/ecs-service';
import { ecsTask } from './kinds/ecs-task';
import { efs } from './kinds/efs';
import { eksCluster } from './kinds/eks-cluster';
import { eksFargateProfile } from './kinds/eks-fargate-profile';
import { eksManagedNodeGroup } from './kinds/eks-managed-node-group';
import { eksSelfManagedNodes } from './kinds/eks-self-managed-nodes';
import { eksWorkload } from './kinds/eks-workload';
import { internet } from './kinds/internet';
import { natGateway } from './kinds/nat-gateway';
import { nlb } from './kinds/nlb';
import { region } from './kinds/region';
import { serviceAutoScaling } from './kinds/service-auto-scaling';
import { subnet } from './kinds/subnet';
import { vpc } from './kinds/vpc';
import { vpcEndpoint } from './kinds/vpc-endpoint';
import type { KindDefinition } from './types';

/**
 * Every kind, in palette order within its category. A const tuple, so `KindId` is the union of
 * the ids and a registry keyed by `Record<KindId, …>` is incomplete (a compile error) until it
 * has an entry for a new kind.
 */
export const CATALOG = [
  region,
  vpc,
  availabilityZone,
  subnet,
  natGateway,
  vpcEndpoint,
  internet,
  ecrRepository,
  dockerhubImage,
  ecsCluster,
  ecsFargateCapacity,
  ecsEc2Capacity,
  ecsExternalCapacity,
  ecsService,
  ecsTask,
  eksCluster,
  eksManagedNodeGroup,
  eksSelfManagedNodes,
  eksFargateProfile,
  eksWorkload,
  alb,
  nlb,
  clb,
  efs,
  serviceAutoScaling,
  ec2AutoScaling,
] as const satisfies readonly KindDefinition[];

/** Any kind of the catalog, with its literal id, props schema and traits. */
export type AnyKind = (typeof CATALOG)[number];
/** The id of a kind this build knows. Documents store `kind: string` (files may hold kinds from a newer build). */
export type KindId = AnyKind['id'];
/** The catalog entry of one kind. */
export type KindOf<K extends KindId> = Extract<AnyKind, { id: K }>;
/** The complete, typed props of a node of kind `K` (the kind's zod output type). */
export type PropsOfKind<K extends KindId> = z.output<KindOf<K>['props']>;

export const kindsById: ReadonlyMap<string, AnyKind> = new Map(CATALOG.map((kind) => [kind.id, kind]));

export function isKindId(id: string): id is KindId {
  return kindsById.has(id);
}

export function findKind<K extends KindId>(kindId: K): KindOf<K>;
export function findKind(kindId: string): AnyKind | undefined;
export function findKind(kindId: string): AnyKind | undefined {
  return kindsById.get(kindId);
}

/** For callers that already validated the kind (documents that passed the loader). */
export function getKind<K extends KindId>(kindId: K): KindOf<K>;
export function getKind(kindId: string): AnyKind;
export function getKind(kindId: string): AnyKind {
  const kind = kindsById.get(kindId);
  if (!kind) throw new Error(`Unknown component kind "${kindId}"`);
  return kind;
}
