import { capacityCompute } from '../../catalog';
import { isAsgCapacityProvider } from '../../model/compute';
import type { DiagramNode } from '../../document/schema';
import { listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { setNodeProps } from '../support/fixes';

export const placementConflict: RuleDefinition = {
  id: 'placement-conflict',
  teaches: 'ecs-cluster',
  category: 'Launch types and capacity',
  severity: 'warning',
  title: 'The drawing and the launch settings agree',
  explanation:
    'Where a service is drawn (inside Fargate, EC2 or external capacity, or connected to it with "runs on") tells Stowage where it runs, unless its launch type or capacity provider strategy says otherwise: ECS follows those settings. When they disagree, the diagram shows one thing and AWS does another. A service drawn on several kinds of capacity at once cannot be expressed either: it has one launch type or one strategy.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/capacity-launch-type-comparison.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      const compute = facts.ecsCompute(node);
      if (compute.placements.length === 0) return NONE;
      const props = taskProps(node);
      if (compute.source === 'launch-type') {
        const conflicting = compute.placements.filter((capacity) => launchTypeOf(capacity) !== props.launchType);
        if (conflicting.length === 0) return NONE;
        return [
          report(placementConflict, {
            message: `${nodeName(node)} is drawn on ${listNodes(conflicting)}, but its launch type ${props.launchType} sends it elsewhere.`,
            nodes: [node, ...conflicting],
            fix: setNodeProps('Clear the launch type (run where it is drawn)', node, { launchType: '' }),
          }),
        ];
      }
      if (compute.source === 'strategy') {
        const providers = new Set(props.capacityProviderStrategy.map((item) => item.provider));
        const conflicting = compute.placements.filter((capacity) => !providerNames(capacity).some((name) => providers.has(name)));
        if (conflicting.length === 0) return NONE;
        return [
          report(placementConflict, {
            message: `${nodeName(node)} is drawn on ${listNodes(conflicting)}, but its capacity provider strategy does not use ${conflicting.length === 1 ? 'it' : 'them'}.`,
            nodes: [node, ...conflicting],
            fix: setNodeProps('Clear the strategy (run where it is drawn)', node, { capacityProviderStrategy: [] }),
          }),
        ];
      }
      // Several placements become one strategy, which only capacity providers can form.
      const launchTypeOnly = compute.placements.filter((capacity) => providerNames(capacity).length === 0);
      if (compute.placements.length < 2 || launchTypeOnly.length === 0) return NONE;
      return [
        report(placementConflict, {
          message: `${nodeName(node)} is drawn on ${listNodes(compute.placements)}; it can run on one launch type or on one capacity provider strategy, and ${listNodes(launchTypeOnly)} ${launchTypeOnly.length === 1 ? 'is not a capacity provider' : 'are not capacity providers'}.`,
          nodes: [node, ...compute.placements],
        }),
      ];
    });
  },
};

function launchTypeOf(capacity: DiagramNode): string {
  const compute = capacityCompute(capacity);
  if (compute === 'fargate') return 'FARGATE';
  if (compute === 'external') return 'EXTERNAL';
  return 'EC2';
}

/** Capacity provider names a capacity node stands for in a strategy (none for launch-type-only capacity). */
function providerNames(capacity: DiagramNode): string[] {
  if (capacityCompute(capacity) === 'fargate') return ['FARGATE', 'FARGATE_SPOT'];
  if (isAsgCapacityProvider(capacity)) return [capacity.id];
  return NONE;
}
