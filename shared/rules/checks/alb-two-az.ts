import type { Subnet } from '../support/network';
import { kindsWith, propsOf, type KindIdWith } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';
import { nodeName, quoted } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { connectFix } from '../support/fixes';
import { enclosingSubnetNote, knownZones, zoneNames } from '../support/network';
import type { QuickFix } from '../types';

const APPLICATION_LOAD_BALANCERS = kindsWith('loadBalancer', (loadBalancer) => loadBalancer.type === 'application') as KindIdWith<
  'loadBalancer',
  { type: 'application' }
>[];

export const albTwoAz: RuleDefinition = {
  id: 'alb-two-az',
  teaches: 'alb',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'An Application Load Balancer needs two Availability Zones',
  explanation:
    'An Application Load Balancer must be given subnets in at least two Availability Zones (one subnet per zone), so that it stays up when a zone fails. CreateLoadBalancer rejects a single zone; only ALBs on Outposts or in a Local Zone are exempt. A Network Load Balancer may use a single zone.',
  docUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones',
  check({ model }) {
    return APPLICATION_LOAD_BALANCERS.flatMap((kind) => model.nodesOfKind(kind)).flatMap((alb) => {
      const subnets = model.subnetsOf(alb.id);
      if (subnets.length === 0) return NONE;
      const zones = knownZones(model, alb.id, subnets);
      if (!zones || zones.size >= 2) return NONE;
      const fix = secondZoneFix(model, alb, subnets, zones);
      return [
        report(albTwoAz, {
          message: `${nodeName(alb)} has subnets in only one Availability Zone (${zoneNames(model, zones)})${enclosingSubnetNote(model, alb.id, subnets)}; an Application Load Balancer needs subnets in at least two.`,
          nodes: [alb, ...subnets],
          ...(fix ? { fix } : {}),
        }),
      ];
    });
  },
};

/**
 * Connects the load balancer to a subnet of the same kind (public or private) in another
 * AZ of its VPC. A subnet it was only drawn inside becomes an explicit connection, since
 * explicit connections replace the enclosing subnet.
 */
export function secondZoneFix(
  model: DiagramModel,
  node: DiagramNode,
  subnets: readonly Subnet[],
  zones: ReadonlySet<string>,
): QuickFix | undefined {
  const vpc = model.vpcOf(node.id);
  if (!vpc) return undefined;
  const access = subnets[0] ? propsOf(subnets[0]).access : undefined;
  const candidate = model
    .subnetsInVpc(vpc.id)
    .find((subnet) => propsOf(subnet).access === access && !zones.has(model.availabilityZoneOf(subnet.id)?.id ?? ''));
  const candidateZone = candidate && model.availabilityZoneOf(candidate.id);
  if (!candidate || !candidateZone) return undefined;
  return connectFix(
    `Also place it in subnet ${quoted(candidate)}`,
    [...subnets, candidate].map((subnet) => ({ source: node.id, target: subnet.id })),
  );
}
