import { kubernetesClusters } from '../../model/compute';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { enclosingSubnetNote, knownZones, zoneNames } from '../support/network';
import { secondZoneFix } from './alb-two-az';

export const eksTwoAz: RuleDefinition = {
  id: 'eks-two-az',
  teaches: 'eks-cluster',
  category: 'EKS',
  severity: 'error',
  title: 'An EKS cluster needs subnets in two Availability Zones',
  explanation:
    'When you create an EKS cluster you give it at least two subnets in different Availability Zones, where EKS places the network interfaces of the control plane. CreateCluster rejects subnets in a single zone.',
  docUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html',
  check({ model }) {
    return kubernetesClusters(model).flatMap((cluster) => {
      const subnets = model.subnetsOf(cluster.id);
      if (subnets.length === 0) return NONE;
      const zones = knownZones(model, cluster.id, subnets);
      if (!zones || zones.size >= 2) return NONE;
      const fix = secondZoneFix(model, cluster, subnets, zones);
      return [
        report(eksTwoAz, {
          message: `${nodeName(cluster)} has subnets in only one Availability Zone (${zoneNames(model, zones)})${enclosingSubnetNote(model, cluster.id, subnets)}; an EKS cluster needs subnets in at least two.`,
          nodes: [cluster, ...subnets],
          ...(fix ? { fix } : {}),
        }),
      ];
    });
  },
};
