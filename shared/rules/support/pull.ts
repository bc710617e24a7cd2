import { capacityCompute, isEcsWorkload, isKubernetesWorkload, propsOf, type WorkloadKindId, type NodeOfKind } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';
import { factsOf } from './facts';
import { groupPullProblems, imageSources, ownSubnets, pullProblem, type ImageSource, type PullProblem, type Subnet } from './network';

/**
 * Where the image of a workload is pulled from, network-wise. Fargate pulls through the
 * task's own network interface (so the task's subnets and public IP matter); on EC2 and
 * on Kubernetes nodes the container runtime of the instance pulls (so the instance's
 * subnets and the subnet's auto-assigned public IP matter).
 */
export interface PullLocation {
  subnet: Subnet;
  publicIp: boolean;
  /** The compute doing the pull: 'fargate-task' for ECS on Fargate, else the capacity node. */
  puller: 'fargate-task' | DiagramNode;
}

export interface PullLocations {
  locations: PullLocation[];
  /**
   * True when the workload may run in any of the locations rather than in all of them (an
   * EKS workload not drawn on a node group can be scheduled on any node of the cluster):
   * rules then report only when every location fails.
   */
  anyOf: boolean;
}

export function pullLocations(model: DiagramModel, workload: NodeOfKind<WorkloadKindId>): PullLocations {
  const facts = factsOf(model);
  if (isKubernetesWorkload(workload)) {
    const compute = facts.eksCompute(workload);
    const anyOf = compute.placements.length === 0;
    let pullers: readonly DiagramNode[] = compute.placements;
    if (anyOf && compute.cluster) {
      pullers = compute.onFargate ? compute.matchingProfiles : facts.capacityOf(compute.cluster.id, 'kubernetes', 'ec2');
    }
    const locations = pullers.flatMap((puller) =>
      ownSubnets(model, puller.id).map((subnet) => ({
        subnet,
        // Pods on Fargate never get a public IP; nodes get one when their subnet assigns it.
        publicIp: capacityCompute(puller) !== 'fargate' && propsOf(subnet).mapPublicIpOnLaunch,
        puller,
      })),
    );
    return { locations, anyOf };
  }
  // A workload of a platform this code does not know pulls from places it cannot tell.
  if (!isEcsWorkload(workload)) return { locations: [], anyOf: false };
  const compute = facts.ecsCompute(workload);
  const locations: PullLocation[] = [];
  if (compute.onFargate) {
    for (const subnet of model.subnetsOf(workload.id)) {
      locations.push({ subnet, publicIp: propsOf(workload).assignPublicIp, puller: 'fargate-task' });
    }
  }
  for (const capacity of compute.ec2Capacities) {
    for (const subnet of ownSubnets(model, capacity.id)) {
      locations.push({ subnet, publicIp: propsOf(subnet).mapPublicIpOnLaunch, puller: capacity });
    }
  }
  // An EC2 launch type service may land on any EC2 capacity of the cluster when it is not drawn on one.
  const anyOf = compute.launchType === 'EC2' && compute.placements.length === 0 && compute.ec2Capacities.length > 1;
  return { locations, anyOf };
}

export interface PullFailure {
  puller: PullLocation['puller'];
  /** Same reason and VPC; one sentence. */
  problems: PullProblem[];
  /** Image sources at least one of these subnets cannot reach. */
  blocked: ImageSource[];
}

/**
 * The places from which `workload` cannot pull its image, limited to pullers `include`
 * accepts. Empty when everything is reachable, when the diagram does not say where the
 * workload runs, or when it may run somewhere that works (see PullLocations.anyOf).
 */
export function pullFailures(
  model: DiagramModel,
  workload: NodeOfKind<WorkloadKindId>,
  include: (puller: PullLocation['puller']) => boolean,
): PullFailure[] {
  const { locations, anyOf } = pullLocations(model, workload);
  const relevant = locations.filter((location) => include(location.puller));
  if (relevant.length === 0) return [];
  const sources = imageSources(model, workload);
  const checked = relevant.map((location) => ({ location, problem: pullProblem(model, location.subnet, location.publicIp, sources) }));
  if (anyOf && checked.some((entry) => !entry.problem)) return [];
  const byPuller = new Map<string, { puller: PullLocation['puller']; problems: PullProblem[] }>();
  for (const { location, problem } of checked) {
    if (!problem) continue;
    const key = location.puller === 'fargate-task' ? 'fargate-task' : location.puller.id;
    const entry = byPuller.get(key);
    if (entry) {
      if (!entry.problems.some((existing) => existing.subnet.id === problem.subnet.id)) entry.problems.push(problem);
    } else byPuller.set(key, { puller: location.puller, problems: [problem] });
  }
  return [...byPuller.values()].flatMap(({ puller, problems }) =>
    groupPullProblems(problems).map((group) => ({
      puller,
      problems: group,
      blocked: sources.filter((source) => group.some((problem) => problem.blocked.includes(source))),
    })),
  );
}
