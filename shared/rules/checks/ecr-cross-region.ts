import { traitsOf } from '../../catalog';
import { nodeName, quoted, listText } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf } from '../support/facts';
import { ECR_ENDPOINT_SERVICES, vpcEgress } from '../support/network';
import { pullLocations } from '../support/pull';

export const ecrCrossRegion: RuleDefinition = {
  id: 'ecr-cross-region',
  teaches: 'ecr-repository',
  category: 'Registries and egress',
  severity: 'warning',
  title: 'VPC endpoints reach ECR in their own Region only',
  explanation:
    "Pulling from an ECR repository in another Region works over the internet (through a NAT gateway or a public IP) and costs inter-Region data transfer; Stowage does not flag that. But ECR VPC endpoints serve the registry of their own Region only, so compute that reaches ECR only through VPC endpoints cannot pull from another Region. Replicate the repository into the workload's Region (ECR replication) or give the subnets a NAT gateway.",
  docUrl: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.workloads().flatMap((workload) => {
      const workloadRegion = model.regionOf(workload.id);
      if (!workloadRegion) return NONE;
      const remote = model.targets(workload.id, 'pulls-image').filter((repository) => {
        // A registry of ECR lives in a Region; other registries (Docker Hub) have none.
        const region = traitsOf(repository.kind).imageSource?.registry === 'ecr' ? model.regionOf(repository.id) : undefined;
        return region !== undefined && region !== workloadRegion;
      });
      if (remote.length === 0) return NONE;
      const { locations, anyOf } = pullLocations(model, workload);
      const endpointOnly = locations.filter(({ subnet, publicIp }) => {
        const vpc = model.vpcAround(subnet.id);
        if (!vpc) return false;
        const egress = vpcEgress(model, vpc);
        const internet = model.isPublicSubnet(subnet) ? publicIp : egress.internetNats.length > 0;
        return !internet && ECR_ENDPOINT_SERVICES.every((service) => egress.endpoints.has(service));
      });
      if (endpointOnly.length === 0 || (anyOf && endpointOnly.length < locations.length)) return NONE;
      const subnets = [...new Map(endpointOnly.map(({ subnet }) => [subnet.id, subnet])).values()];
      return remote.map((repository) =>
        report(ecrCrossRegion, {
          message: `${nodeName(workload)} in ${workloadRegion} pulls ${nodeName(repository)} from ${model.regionOf(repository.id)}, but subnet${subnets.length === 1 ? '' : 's'} ${listText(subnets.map(quoted))} reach${subnets.length === 1 ? 'es' : ''} ECR only through VPC endpoints, which serve ${workloadRegion} only. Replicate the repository to ${workloadRegion}, or add a NAT gateway.`,
          nodes: [workload, repository, ...subnets],
          edges: model.edgesFrom(workload.id, 'pulls-image').filter((edge) => edge.target === repository.id),
        }),
      );
    });
  },
};
