import { propsOf } from '../../catalog';
import { CATALOG, type KindTraits } from '../../catalog';
import { count, nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { setNamedFields } from '../support/fixes';
import type { Finding } from '../types';

/** The size fields of each kind that has a minimum, a maximum and maybe a desired count. */
/** The kinds that declare bounds (catalog traits sizeBounds and scheduledActionBounds), in catalog order. */
const BOUNDS = CATALOG.flatMap((kind) => {
  const bounds = (kind.traits as KindTraits).sizeBounds;
  return bounds ? [[kind.id, bounds] as const] : [];
});
const SCHEDULED = CATALOG.flatMap((kind) => {
  const bounds = (kind.traits as KindTraits).scheduledActionBounds;
  return bounds ? [[kind.id, bounds] as const] : [];
});

export const scalingBounds: RuleDefinition = {
  id: 'scaling-bounds',
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
        // The trait promises a `policies` list (catalog.test.ts checks it).
        const { policies } = propsOf(node) as { policies: readonly Record<string, unknown>[] };
        policies.forEach((policy) => {
          if (policy.type !== 'scheduled') return;
          const min = Number(policy[fields.min]);
          const max = Number(policy[fields.max]);
          if (min <= max) return;
          findings.push(
            report(scalingBounds, {
              message: `The scheduled action "${String(policy.schedule)}" of ${nodeName(node)} sets a minimum of ${min} ${fields.unit} above its maximum of ${max}.`,
              nodes: [node],
              fix: setNamedFields('Swap the minimum and maximum', node, (props) => ({
                policies: ((props.policies as Record<string, unknown>[] | undefined) ?? []).map((candidate) =>
                  candidate.type === 'scheduled' && Number(candidate[fields.min]) > Number(candidate[fields.max])
                    ? { ...candidate, [fields.min]: candidate[fields.max], [fields.max]: candidate[fields.min] }
                    : candidate,
                ),
              })),
            }),
          );
        });
      }
    }
    return findings;
  },
};
