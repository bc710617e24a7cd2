import {
  isCluster,
  isLoadBalancer,
  isNodeOfKind,
  kindsWith,
  loadBalancerType,
  networkRoleOf,
  propsOf,
  traitsOf,
  type KindIdWith,
  type PropsOfKind,
} from '../catalog';
import type { DiagramDocument, DiagramNode } from '../document/schema';
import { DiagramModel } from '../model';
import { readTopology, splitByStrategy, type SimAsg, type SimService, type SimulationResult, type SimTopology } from '../simulation';
import { PRICE_TABLE, type FargateRate, type PriceTable, type RegionPrices } from './prices';

/**
 * The cost estimate: hourly and monthly cost per component and in total, from the price table
 * (prices.ts) and a few editable assumptions. Static (the diagram's counts) or for a simulated
 * profile (the simulated task and instance hours, averaged). docs/simulation.md shows the
 * arithmetic of five configurations.
 */
export interface CostAssumptions {
  /** Hours in a month: AWS's pricing pages use 730. */
  hoursPerMonth: number;
  /** Load Balancer Capacity Units an ALB uses on average (NLCUs for an NLB). */
  lcuPerLoadBalancer: number;
  /** GB a Classic Load Balancer processes a month. */
  clbGbPerMonth: number;
  /** GB each NAT gateway processes a month. */
  natGbPerMonth: number;
  /** GB each EFS file system stores. */
  efsGbPerFileSystem: number;
  /** GB of images each ECR repository stores. */
  ecrGbPerRepository: number;
  /** GB of logs each task or pod sends to CloudWatch Logs a month. */
  logsGbPerTaskMonth: number;
  /** The Region of components the diagram puts in none. */
  defaultRegion: string;
}

export const DEFAULT_COST_ASSUMPTIONS: CostAssumptions = {
  hoursPerMonth: 730,
  lcuPerLoadBalancer: 1,
  clbGbPerMonth: 100,
  natGbPerMonth: 100,
  efsGbPerFileSystem: 10,
  ecrGbPerRepository: 1,
  logsGbPerTaskMonth: 0.5,
  defaultRegion: 'us-east-1',
};

export interface CostLine {
  nodeId: string;
  label: string;
  /** What is priced: "Fargate", "EC2 instances", "Application Load Balancer" … */
  component: string;
  region: string;
  /** The arithmetic, in words: "2 tasks × (0.5 vCPU × $0.04048 + 1 GB × $0.004445) per hour". */
  detail: string;
  hourly: number;
  monthly: number;
}

export interface CostEstimate {
  lines: CostLine[];
  hourly: number;
  monthly: number;
  prices: { source: string; asOf: string; currency: string };
  assumptions: CostAssumptions;
  /** What could not be priced, and why. */
  warnings: string[];
  /** Set for an estimate of a simulated profile: the minutes simulated. */
  simulatedMinutes?: number;
}

export interface CostOptions {
  prices?: PriceTable;
  assumptions?: Partial<CostAssumptions>;
  /** Price the simulated task and instance hours instead of the diagram's counts. */
  simulation?: SimulationResult;
  topology?: SimTopology;
}

type FileSystemKindId = KindIdWith<'fileSystem'>;

/** How a file system kind stores its data, for its price. */
const FILE_SYSTEM_CLASSES: { [K in FileSystemKindId]: (props: PropsOfKind<K>) => keyof RegionPrices['efs'] } = {
  efs: (props) => (props.availability === 'one-zone' ? 'oneZoneGbMonth' : 'standardGbMonth'),
};
const FILE_SYSTEM_KINDS = kindsWith('fileSystem') as FileSystemKindId[];

const LOAD_BALANCER_NAMES = {
  application: 'Application Load Balancer',
  network: 'Network Load Balancer',
  classic: 'Classic Load Balancer',
} as const;

export function estimateCost(source: DiagramDocument | DiagramModel, options: CostOptions = {}): CostEstimate {
  const model = source instanceof DiagramModel ? source : new DiagramModel(source);
  const table = options.prices ?? PRICE_TABLE;
  const assumptions = { ...DEFAULT_COST_ASSUMPTIONS, ...options.assumptions };
  const warnings = new Set<string>();
  const pricesFor = regionResolver(table, assumptions, warnings);
  const topology = options.topology ?? readTopology(model);
  const usage = options.simulation;
  const lines: CostLine[] = [];
  const hours = assumptions.hoursPerMonth;
  const line = (node: { id: string; label: string }, component: string, region: string, detail: string, hourly: number) =>
    lines.push({ nodeId: node.id, label: node.label, component, region, detail, hourly, monthly: hourly * hours });
  const monthlyLine = (node: { id: string; label: string }, component: string, region: string, detail: string, monthly: number) =>
    lines.push({ nodeId: node.id, label: node.label, component, region, detail, hourly: monthly / hours, monthly });

  let tasks = 0;
  for (const service of topology.services) {
    const { region, prices } = pricesFor(service.region);
    const counts = fargateCounts(service, usage);
    tasks += counts.all;
    const onDemand = counts.fargate - counts.spot;
    if (onDemand > 0) {
      const rate = fargateRate(prices, service, false);
      line(
        service,
        'Fargate',
        region,
        fargateDetail(onDemand, service, rate, usage !== undefined),
        onDemand * fargateTaskHour(service, rate),
      );
    }
    if (counts.spot > 0) {
      const rate = fargateRate(prices, service, true);
      line(
        service,
        'Fargate Spot',
        region,
        fargateDetail(counts.spot, service, rate, usage !== undefined),
        counts.spot * fargateTaskHour(service, rate),
      );
    }
  }
  for (const asg of topology.asgs) {
    const { region, prices } = pricesFor(asg.region);
    const price = prices.ec2[asg.instanceType];
    const count = instanceCount(asg, usage);
    if (!price) {
      warnings.add(`No price for ${asg.instanceType} in ${region}: add it to shared/cost/prices.ts or refresh the table.`);
      continue;
    }
    if (asg.os === 'windows') warnings.add(`${asg.label}: Windows instances are priced as Linux (the table has Linux prices only).`);
    const hourly = asg.spot ? price.spotHour : price.onDemandHour;
    const average = usage ? ' on average' : '';
    line(
      asg,
      asg.spot ? 'EC2 Spot instances' : 'EC2 instances',
      region,
      `${round(count)} × ${asg.instanceType}${average} × $${hourly}/h`,
      count * hourly,
    );
  }
  for (const node of model.document.nodes) {
    const label = { id: node.id, label: node.label || node.id };
    const located = () => pricesFor(model.regionOf(node.id));
    if (isCluster(node, 'kubernetes')) {
      const { region, prices } = located();
      line(label, 'EKS cluster', region, `1 cluster × $${prices.eks.clusterHour}/h`, prices.eks.clusterHour);
    } else if (isLoadBalancer(node)) {
      const { region, prices } = located();
      const type = loadBalancerType(node)!;
      const name = LOAD_BALANCER_NAMES[type];
      const units = assumptions.lcuPerLoadBalancer;
      if (type === 'application')
        line(
          label,
          name,
          region,
          `$${prices.alb.hour}/h + ${units} LCU × $${prices.alb.lcuHour}/h`,
          prices.alb.hour + units * prices.alb.lcuHour,
        );
      else if (type === 'network')
        line(
          label,
          name,
          region,
          `$${prices.nlb.hour}/h + ${units} NLCU × $${prices.nlb.nlcuHour}/h`,
          prices.nlb.hour + units * prices.nlb.nlcuHour,
        );
      else {
        const gb = assumptions.clbGbPerMonth;
        monthlyLine(
          label,
          name,
          region,
          `$${prices.clb.hour}/h × ${hours} h + ${gb} GB × $${prices.clb.gb}/GB a month`,
          prices.clb.hour * hours + gb * prices.clb.gb,
        );
      }
    } else if (networkRoleOf(node) === 'nat-gateway') {
      const { region, prices } = located();
      const gb = assumptions.natGbPerMonth;
      monthlyLine(
        label,
        'NAT gateway',
        region,
        `$${prices.natGateway.hour}/h × ${hours} h + ${gb} GB × $${prices.natGateway.gb}/GB a month`,
        prices.natGateway.hour * hours + gb * prices.natGateway.gb,
      );
    } else if (isNodeOfKind(node, ...FILE_SYSTEM_KINDS)) {
      const { region, prices } = located();
      const storageClass = FILE_SYSTEM_CLASSES[node.kind](propsOf(node));
      const gb = assumptions.efsGbPerFileSystem;
      const className = storageClass === 'oneZoneGbMonth' ? 'One Zone' : 'Standard';
      monthlyLine(label, `EFS (${className})`, region, `${gb} GB × $${prices.efs[storageClass]}/GB-month`, gb * prices.efs[storageClass]);
    } else if (isEcrRepository(node)) {
      const { region, prices } = located();
      const gb = assumptions.ecrGbPerRepository;
      monthlyLine(label, 'ECR storage', region, `${gb} GB × $${prices.ecr.gbMonth}/GB-month`, gb * prices.ecr.gbMonth);
    }
  }
  if (tasks > 0 && assumptions.logsGbPerTaskMonth > 0) {
    const { region, prices } = pricesFor(topology.services.find((service) => service.region)?.region);
    const gb = tasks * assumptions.logsGbPerTaskMonth;
    const average = usage ? ' on average' : '';
    monthlyLine(
      { id: '', label: 'All tasks and pods' },
      'CloudWatch Logs ingestion',
      region,
      `${round(tasks)} tasks${average} × ${assumptions.logsGbPerTaskMonth} GB × $${prices.logs.ingestionGb}/GB`,
      gb * prices.logs.ingestionGb,
    );
  }
  const hourly = lines.reduce((sum, item) => sum + item.hourly, 0);
  return {
    lines,
    hourly,
    monthly: hourly * hours,
    prices: { source: table.source, asOf: table.asOf, currency: table.currency },
    assumptions,
    warnings: [...warnings],
    ...(usage ? { simulatedMinutes: usage.minutes } : {}),
  };
}

/**
 * Cost per hour at each simulated minute: the Fargate tasks and instances running then, plus
 * every other component's steady hourly cost (load balancers, NAT gateways, storage, logs).
 */
export function costPerHourSeries(
  result: SimulationResult,
  topology: SimTopology,
  estimate: CostEstimate,
  options: CostOptions = {},
): Float32Array {
  const table = options.prices ?? PRICE_TABLE;
  const assumptions = { ...DEFAULT_COST_ASSUMPTIONS, ...options.assumptions };
  const pricesFor = regionResolver(table, assumptions, new Set());
  const variable = new Set(['Fargate', 'Fargate Spot', 'EC2 instances', 'EC2 Spot instances']);
  const steady = estimate.lines.filter((item) => !variable.has(item.component)).reduce((sum, item) => sum + item.hourly, 0);
  const series = new Float32Array(result.minutes).fill(steady);
  topology.services.forEach((service, index) => {
    const run = result.services[index];
    if (!run) return;
    const { prices } = pricesFor(service.region);
    const onDemand = fargateTaskHour(service, fargateRate(prices, service, false));
    const spot = fargateTaskHour(service, fargateRate(prices, service, true));
    for (let t = 0; t < result.minutes; t++) series[t]! += (run.fargateTasks[t]! - run.spotTasks[t]!) * onDemand + run.spotTasks[t]! * spot;
  });
  topology.asgs.forEach((asg, index) => {
    const run = result.asgs[index];
    const price = pricesFor(asg.region).prices.ec2[asg.instanceType];
    if (!run || !price) return;
    const hourly = asg.spot ? price.spotHour : price.onDemandHour;
    // Instances are billed from launch, warm-up included.
    for (let t = 0; t < result.minutes; t++) series[t]! += (run.instances[t]! + run.launching[t]!) * hourly;
  });
  return series;
}

function regionResolver(table: PriceTable, assumptions: CostAssumptions, warnings: Set<string>) {
  return (wanted: string | undefined): { region: string; prices: RegionPrices } => {
    const region = wanted ?? assumptions.defaultRegion;
    const prices = table.regions[region];
    if (prices) return { region, prices };
    const fallback = table.regions[assumptions.defaultRegion] ?? Object.values(table.regions)[0]!;
    warnings.add(`The price table has no ${region}: ${assumptions.defaultRegion} prices are used for it.`);
    return { region, prices: fallback };
  };
}

function isEcrRepository(node: DiagramNode): boolean {
  return traitsOf(node.kind).imageSource?.registry === 'ecr';
}

/** Tasks on Fargate (all, and of those on Spot): the diagram's count split by strategy, or the simulated average. */
function fargateCounts(service: SimService, usage: SimulationResult | undefined): { fargate: number; spot: number; all: number } {
  const run = usage?.services.find((series) => series.id === service.id);
  if (run) {
    const minutes = Math.max(1, usage!.minutes);
    const sum = (values: Int32Array) => values.reduce((total, value) => total + value, 0) / minutes;
    const all = run.running.reduce((total, value, t) => total + value + run.pending[t]!, 0) / minutes;
    return { fargate: sum(run.fargateTasks), spot: sum(run.spotTasks), all };
  }
  const split = splitByStrategy(service.initialDesired, service.providers);
  let fargate = 0;
  let spot = 0;
  service.providers.forEach((share, index) => {
    if (share.provider === 'fargate' || share.provider === 'fargate-spot') fargate += split[index]!;
    if (share.provider === 'fargate-spot') spot += split[index]!;
  });
  return { fargate, spot, all: service.initialDesired };
}

function instanceCount(asg: SimAsg, usage: SimulationResult | undefined): number {
  const run = usage?.asgs.find((series) => series.id === asg.id);
  if (!run) return Math.min(asg.maxSize, Math.max(asg.minSize, asg.initialDesired));
  return run.instances.reduce((total, value, t) => total + value + run.launching[t]!, 0) / Math.max(1, usage!.minutes);
}

type Rate = FargateRate & { osLicenseVcpuHour?: number };

function fargateRate(prices: RegionPrices, service: SimService, spot: boolean): Rate {
  if (service.os === 'windows') return prices.fargate.windowsX86;
  if (spot) return service.arch === 'arm' ? prices.fargate.spotLinuxArm : prices.fargate.spotLinuxX86;
  return service.arch === 'arm' ? prices.fargate.linuxArm : prices.fargate.linuxX86;
}

/** One task for an hour: vCPUs × (vCPU rate + OS licence) + GB × GB rate. */
function fargateTaskHour(service: SimService, rate: Rate): number {
  const vcpu = service.cpuUnits / 1024;
  const gb = service.memoryMiB / 1024;
  return vcpu * (rate.vcpuHour + (rate.osLicenseVcpuHour ?? 0)) + gb * rate.gbHour;
}

function fargateDetail(count: number, service: SimService, rate: Rate, average: boolean): string {
  const vcpu = service.cpuUnits / 1024;
  const gb = service.memoryMiB / 1024;
  const licence = rate.osLicenseVcpuHour ? ` + $${rate.osLicenseVcpuHour} licence` : '';
  return `${round(count)} tasks${average ? ' on average' : ''} × (${vcpu} vCPU × ($${rate.vcpuHour}${licence}) + ${gb} GB × $${rate.gbHour}) per hour`;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
