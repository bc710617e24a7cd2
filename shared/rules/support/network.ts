import { imageSourceOf, isNodeOfKind, networkKinds, propsOf, type NodeOfKind } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';
import { listNodes, listText, nodeName, quoted } from './describe';

/**
 * Where things sit in the network, as far as the diagram says. Every helper answers
 * "unknown" (undefined, or an empty list) when the drawing leaves it open, and rules stay
 * silent then.
 */

/** The interface and gateway endpoints an image pull from ECR needs when there is no NAT. */
export const ECR_ENDPOINT_SERVICES = ['ecr.api', 'ecr.dkr', 's3'] as const;

/**
 * The subnets a resource itself is placed in: its own "in subnet" connections, else the
 * subnet it is drawn inside. Unlike DiagramModel.subnetsOf it does not inherit from a
 * parent, for resources (node groups, Fargate profiles, EC2 capacity) whose subnets AWS
 * takes from elsewhere when none are given.
 */
const SUBNET_KINDS = networkKinds('subnet');
const NAT_KINDS = networkKinds('nat-gateway');
const ENDPOINT_KINDS = networkKinds('vpc-endpoint');
export type Subnet = NodeOfKind<(typeof SUBNET_KINDS)[number]>;

export function ownSubnets(model: DiagramModel, id: string): readonly Subnet[] {
  const own = model.targets(id, 'in-subnet').filter((node) => isNodeOfKind(node, ...SUBNET_KINDS));
  if (own.length > 0) return own;
  const enclosing = model.subnetAround(id);
  return enclosing ? [enclosing] : [];
}

/** AZ node ids of a resource when every one of its subnets has a known AZ; undefined when the diagram does not say. */
export function knownZones(
  model: DiagramModel,
  id: string,
  subnets: readonly DiagramNode[] = model.subnetsOf(id),
): Set<string> | undefined {
  if (subnets.length > 0) {
    const zones = new Set<string>();
    for (const subnet of subnets) {
      const zone = model.availabilityZoneOf(subnet.id);
      if (!zone) return undefined;
      zones.add(zone.id);
    }
    return zones;
  }
  const zone = model.availabilityZoneOf(id);
  return zone ? new Set([zone.id]) : undefined;
}

/**
 * Why a resource drawn inside a subnet may not be in it: "in subnet" connections replace the
 * subnet it is drawn inside. Empty when that does not apply.
 */
export function enclosingSubnetNote(model: DiagramModel, id: string, subnets: readonly DiagramNode[]): string {
  const enclosing = model.subnetAround(id);
  if (!enclosing || subnets.includes(enclosing)) return '';
  return ` (it is drawn inside subnet ${quoted(enclosing)}, but its "in subnet" connections take the place of that subnet)`;
}

/** "us-east-1a" when the Region is drawn, else the AZ's own name. */
export function zoneName(model: DiagramModel, zoneId: string): string {
  const zone = model.availabilityZoneOf(zoneId);
  if (!zone) return model.node(zoneId) ? nodeName(model.node(zoneId)!) : zoneId;
  const region = model.regionOf(zoneId);
  return region ? `${region}${propsOf(zone).zone}` : nodeName(zone);
}

export function zoneNames(model: DiagramModel, zoneIds: Iterable<string>): string {
  return listText([...zoneIds].map((id) => zoneName(model, id)));
}

export interface VpcEgress {
  vpc: DiagramNode;
  /** Public NAT gateways not drawn in a private subnet: they give private subnets a way to the internet. */
  internetNats: readonly DiagramNode[];
  /** NAT gateways that do not reach the internet (private connectivity, or drawn in a private subnet). */
  otherNats: readonly DiagramNode[];
  endpoints: ReadonlySet<string>;
}

const egressCache = new WeakMap<DiagramModel, Map<string, VpcEgress>>();

export function vpcEgress(model: DiagramModel, vpc: DiagramNode): VpcEgress {
  let perVpc = egressCache.get(model);
  if (!perVpc) {
    perVpc = new Map();
    egressCache.set(model, perVpc);
  }
  let egress = perVpc.get(vpc.id);
  if (!egress) {
    const internetNats: DiagramNode[] = [];
    const otherNats: DiagramNode[] = [];
    for (const nat of model.nodesInVpc(vpc.id, ...NAT_KINDS)) {
      const subnet = model.subnetAround(nat.id);
      const reachesInternet = propsOf(nat).connectivity !== 'private' && (!subnet || model.isPublicSubnet(subnet));
      (reachesInternet ? internetNats : otherNats).push(nat);
    }
    const endpoints = new Set<string>(model.nodesInVpc(vpc.id, ...ENDPOINT_KINDS).map((endpoint) => propsOf(endpoint).service));
    egress = { vpc, internetNats, otherNats, endpoints };
    perVpc.set(vpc.id, egress);
  }
  return egress;
}

/** How an image reaches the puller: from ECR (VPC endpoints work), from the internet only, or not drawn. */
export interface ImageSource {
  node?: DiagramNode;
  via: 'ecr' | 'internet' | 'unknown';
}

export function imageSources(model: DiagramModel, workload: DiagramNode): ImageSource[] {
  const sources = model.targets(workload.id, 'pulls-image').map((node): ImageSource => ({ node, via: imageSourceOf(node) ?? 'unknown' }));
  return sources.length > 0 ? sources : [{ via: 'unknown' }];
}

export interface PullProblem {
  subnet: Subnet;
  reason: 'public-without-ip' | 'private-without-nat';
  /** Sources this subnet cannot reach. */
  blocked: ImageSource[];
  /** ECR endpoints the VPC lacks (empty when only internet sources are blocked). */
  missingEndpoints: string[];
  egress: VpcEgress;
}

/**
 * Whether something with network interfaces in `subnet` can reach its image sources.
 * Undefined when it can, or when the subnet's VPC is not drawn.
 */
export function pullProblem(
  model: DiagramModel,
  subnet: Subnet,
  publicIp: boolean,
  sources: readonly ImageSource[],
): PullProblem | undefined {
  const vpc = model.vpcAround(subnet.id);
  if (!vpc) return undefined;
  const egress = vpcEgress(model, vpc);
  const isPublic = model.isPublicSubnet(subnet);
  const internet = isPublic ? publicIp : egress.internetNats.length > 0;
  if (internet) return undefined;
  const missingEndpoints = ECR_ENDPOINT_SERVICES.filter((service) => !egress.endpoints.has(service));
  const blocked = sources.filter((source) => source.via === 'internet' || missingEndpoints.length > 0);
  if (blocked.length === 0) return undefined;
  return {
    subnet,
    reason: isPublic ? 'public-without-ip' : 'private-without-nat',
    blocked,
    missingEndpoints: blocked.some((source) => source.via !== 'internet') ? missingEndpoints : [],
    egress,
  };
}

/**
 * "public subnet "Web A" without a public IP" / "private subnets "App A" and "App B", and the
 * VPC has no NAT gateway …". The problems share a reason and a VPC (see groupPullProblems).
 */
export function describePullProblems(problems: readonly PullProblem[]): string {
  const first = problems[0];
  if (!first) return '';
  const subnets = listText(problems.map((problem) => quoted(problem.subnet)));
  const plural = problems.length > 1 ? 's' : '';
  const missing = [...new Set(problems.flatMap((problem) => problem.missingEndpoints))];
  if (first.reason === 'public-without-ip') {
    const endpoints = missing.length > 0 ? `, and the VPC lacks the ECR endpoints (missing ${listText(missing)})` : '';
    return `public subnet${plural} ${subnets} without a public IP${endpoints}`;
  }
  const nats = first.egress.otherNats;
  const natText =
    nats.length > 0
      ? `the VPC has no NAT gateway to the internet (${listNodes(nats)} ${nats.length === 1 ? 'is' : 'are'} private or in a private subnet)`
      : 'the VPC has no NAT gateway';
  const endpoints = missing.length > 0 ? ` and lacks the VPC endpoints ECR needs (missing ${listText(missing)})` : '';
  return `private subnet${plural} ${subnets}, and ${natText}${endpoints}`;
}

/** Groups problems that read as one sentence: same reason, same VPC. */
export function groupPullProblems(problems: readonly PullProblem[]): PullProblem[][] {
  const groups = new Map<string, PullProblem[]>();
  for (const problem of problems) {
    const key = `${problem.reason}|${problem.egress.vpc.id}`;
    const group = groups.get(key);
    if (group) group.push(problem);
    else groups.set(key, [problem]);
  }
  return [...groups.values()];
}

/** "ECR repository "app"" or "its image" when no image is drawn. */
export function describeSources(sources: readonly ImageSource[]): string {
  const named = sources.flatMap((source) => (source.node ? [source.node] : []));
  return named.length > 0 ? listNodes(named) : 'its image';
}
