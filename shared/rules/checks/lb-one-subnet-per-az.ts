import type { DiagramEdge, DiagramNode } from '../../document/schema';
import { listText, nodeName, quoted } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { removeEdgesFix } from '../support/fixes';
import { zoneName } from '../support/network';
import { LOAD_BALANCER_KINDS } from '../support/routes';

export const lbOneSubnetPerAz: RuleDefinition = {
  id: 'lb-one-subnet-per-az',
  teaches: 'alb',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'A load balancer takes one subnet per Availability Zone',
  explanation:
    'Elastic Load Balancing places one load balancer node in each enabled Availability Zone, in the one subnet you give it for that zone. Listing two subnets of the same zone is rejected.',
  docUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html',
  check({ model }) {
    return LOAD_BALANCER_KINDS.flatMap((kind) =>
      model.nodesOfKind(kind).flatMap((loadBalancer) => {
        const edges = model.edgesFrom(loadBalancer.id, 'in-subnet');
        const byZone = new Map<string, { subnet: DiagramNode; edge: DiagramEdge }[]>();
        for (const edge of edges) {
          const subnet = model.node(edge.target);
          const zone = subnet && model.availabilityZoneOf(subnet.id);
          if (!subnet || !zone) continue;
          const list = byZone.get(zone.id);
          if (list) list.push({ subnet, edge });
          else byZone.set(zone.id, [{ subnet, edge }]);
        }
        return [...byZone.entries()].flatMap(([zoneId, entries]) => {
          if (entries.length < 2) return NONE;
          const extra = entries.slice(1);
          return [
            report(lbOneSubnetPerAz, {
              message: `${nodeName(loadBalancer)} is placed in subnets ${listText(entries.map((entry) => quoted(entry.subnet)))}, which are all in ${zoneName(model, zoneId)}; a load balancer takes one subnet per Availability Zone.`,
              nodes: [loadBalancer, ...entries.map((entry) => entry.subnet)],
              edges: entries.map((entry) => entry.edge),
              fix: removeEdgesFix(
                `Keep only subnet ${quoted(entries[0]!.subnet)} in this zone`,
                extra.map((entry) => entry.edge.id),
              ),
            }),
          ];
        });
      }),
    );
  },
};
