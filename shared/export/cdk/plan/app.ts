import { isWorkload, type KindId } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import type { DiagramModel } from '../../../model/diagram-model';
import { REPOSITORY_KINDS } from '../exporters';
import { commentId, pascalCase } from '../literal';
import { Names } from '../names';
import type { StackBuilder } from '../stack-builder';
import { imagesOf, isCreatedRepository, usesPullThroughCache as usesCache } from './images';
import { StackScope } from './scope';
import { planStack, type StackPlan } from './stack';
import { DEFAULT_PARTITION, type StackPlanning, type StackSlot } from './stacks';

/**
 * The files of the app and what each stack holds, decided before any is written: a workload
 * stack per Region and VPC with its plan (plan/stack.ts), a repositories stack per Region that
 * creates ECR repositories, the class and file names, and which stack creates the Region's
 * Docker Hub pull-through cache rule.
 */

export interface WorkloadStackFile {
  slot: StackSlot;
  className: string;
  file: string;
  description: string;
  plan: StackPlan;
  /** Set once the stack is written. */
  builder?: StackBuilder;
}

export interface RegionFiles {
  region: string | undefined;
  repositories?: { className: string; file: string; nodes: DiagramNode[] };
  stacks: WorkloadStackFile[];
}

/**
 * Class and file names: `ShopStack` in lib/shop-stack.ts for the usual one Region and one VPC;
 * the Region (`ShopEuWest1Stack`) and the VPC's element id (`ShopVpcNK3x9q2mfStack`) join the
 * name when the diagram has several.
 */
export function planApp(model: DiagramModel, planning: StackPlanning, packageName: string, appClass: string): RegionFiles[] {
  const multiRegion = planning.regions.regions.length > 1;
  const classNames = new Names();
  const fileNames = new Names();
  return planning.regions.regions.map((region) => {
    const regionClass = multiRegion && region ? pascalCase(region) : '';
    const regionFile = multiRegion && region ? `-${region}` : '';
    const slots = planning.slots.filter((slot) => slot.region === region);
    // The first stack of the Region that pulls Docker Hub images through the cache creates the Region's cache rule.
    const cacheOwner = slots.find((slot) => usesPullThroughCache(model, planning, slot));
    const stacks = slots.map((slot): WorkloadStackFile => {
      const several = slots.length > 1;
      const vpcClass = !several ? '' : slot.partition === DEFAULT_PARTITION ? 'DefaultVpc' : `Vpc${pascalCase(slot.partition)}`;
      const vpcFile = !several ? '' : slot.partition === DEFAULT_PARTITION ? '-default-vpc' : `-vpc-${kebabCase(slot.partition)}`;
      const where = [
        region ? `in ${region}` : '',
        several ? (slot.partition === DEFAULT_PARTITION ? 'outside the VPCs it draws' : `in VPC ${commentId(slot.partition)}`) : '',
      ]
        .filter(Boolean)
        .join(', ');
      return {
        slot,
        className: classNames.unique(`${appClass}${regionClass}${vpcClass}Stack`),
        file: `lib/${fileNames.unique(`${packageName}${regionFile}${vpcFile}`)}-stack.ts`,
        description: `The resources the diagram draws${where ? ` ${where}` : ''}.`,
        plan: planStack(new StackScope(model, planning, slot), { ownsPullThroughCache: slot === cacheOwner }),
      };
    });
    const repositoryNodes = REPOSITORY_KINDS.flatMap((kind: KindId) => model.nodesOfKind(kind)).filter((node) =>
      isCreatedRepository(planning.regions, node, region),
    );
    return {
      region,
      stacks,
      ...(repositoryNodes.length > 0
        ? {
            repositories: {
              className: classNames.unique(`${appClass}${regionClass}RepositoriesStack`),
              file: `lib/${fileNames.unique(`${packageName}${regionFile}-repositories`)}-stack.ts`,
              nodes: repositoryNodes,
            },
          }
        : {}),
    };
  });
}

function kebabCase(id: string): string {
  return (
    id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'vpc'
  );
}

/** Whether a workload of the stack pulls a Docker Hub image through the pull-through cache. */
function usesPullThroughCache(model: DiagramModel, planning: StackPlanning, slot: StackSlot): boolean {
  return model.document.nodes.some(
    (node) => isWorkload(node) && planning.slotOf(node)?.key === slot.key && imagesOf(model, node).some(usesCache),
  );
}
