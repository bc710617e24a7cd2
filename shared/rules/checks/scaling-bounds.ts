import { CATALOG, kindsWith, propsOf, traitsOf, type KindIdWith, type KindTraits } from '../../catalog';
import { count, nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { setNamedFields } from '../support/fixes';
import type { Finding } from '../types';

/** The kinds that declare bounds (catalog traits sizeBounds and scheduledActionBounds), in catalog order. */
const BOUNDS = CATALOG.flatMap((kind) => {
  const bounds = (kind.traits as KindTraits).sizeBounds;
  return bounds ? [[kind.id, bounds] as const] : [];
});
const SCHEDULED = kindsWith('scheduledActionBounds').map(
  (kind) => [kind as KindIdWith<'scheduledActionBounds'>, traitsOf(kind).scheduledActionBounds!] as const,
);

export const scalingBounds: RuleDefinition = {
  id: 'scaling-bounds',
  teaches: 'service-auto-scaling',
  category: 'Scaling',
  severity: 'error',
  title: 'Minimum ≤ desired ≤ maximum',
  explanation:
    'Application Auto Scaling and EC2 Auto Scaling reject a minimum above the maximum, and an Auto Scaling group rejects a desired capacity outside its minimum and maximum. Scheduled actions have the same constraint. A minimum of 0 is fine.',
  docUrl: 'https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html',
  check({ model }) {
    const findings: Finding[] = [];
    for (const [kind, fields] of BOUNDS) {
      for (const node of model.nodesOfKind(kind)) {
        const min = Number(node.props[fields.min]);
        const max = Number(node.props[fields.max]);
        if (min > max) {
          findings.push(
            report(scalingBounds, {
              message: `${nodeName(node)} has a minimum of ${min} ${fields.unit} above its maximum of ${max}.`,
              nodes: [node],
              fix: setNamedFields('Swap the minimum and maximum', node, { [fields.min]: max, [fields.max]: min }),
            }),
          );
          continue;
        }
        const desiredValue = fields.desired ? node.props[fields.desired] : null;
        if (fields.desired && typeof desiredValue === 'number' && (desiredValue < min || desiredValue > max)) {
          const clamped = Math.min(max, Math.max(min, desiredValue));
          findings.push(
            report(scalingBounds, {
              message: `${nodeName(node)} wants ${count(desiredValue, fields.unit.replace(/s$/, ''), fields.unit)}, outside its range of ${min} to ${max}.`,
              nodes: [node],
              fix: setNamedFields(`Set the desired count to ${clamped}`, node, { [fields.desired]: clamped }),
            }),
          );
        }
      }
    }
    for (const [kind, fields] of SCHEDULED) {
      for (const node of model.nodesOfKind(kind)) {
        const bound = (policy: object, field: string) => Number((policy as Record<string, unknown>)[field]);
        for (const policy of propsOf(node).policies) {
          if (policy.type !== 'scheduled') continue;
          const min = bound(policy, fields.min);
          const max = bound(policy, fields.max);
          if (min <= max) continue;
          findings.push(
            report(scalingBounds, {
              message: `The scheduled action "${policy.schedule}" of ${nodeName(node)} sets a minimum of ${min} ${fields.unit} above its maximum of ${max}.`,
              nodes: [node],
              fix: setNamedFields('Swap the minimum and maximum', node, (current) => ({
                policies: propsOf(current).policies.map((candidate) =>
                  candidate.type === 'scheduled' && bound(candidate, fields.min) > bound(candidate, fields.max)
                    ? { ...candidate, [fields.min]: bound(candidate, fields.max), [fields.max]: bound(candidate, fields.min) }
                    : candidate,
                ),
              })),
            }),
          );
        }
      }
    }
    return findings;
  },
};
