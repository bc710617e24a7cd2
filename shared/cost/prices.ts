/**
 * THE price table: every price Stowage's cost estimate uses, in one place, as data.
 *
 * Source: the public AWS pricing pages (https://aws.amazon.com/fargate/pricing/,
 * https://aws.amazon.com/ec2/pricing/on-demand/, https://aws.amazon.com/ec2/spot/pricing/,
 * https://aws.amazon.com/eks/pricing/, https://aws.amazon.com/elasticloadbalancing/pricing/,
 * https://aws.amazon.com/vpc/pricing/, https://aws.amazon.com/efs/pricing/,
 * https://aws.amazon.com/ecr/pricing/, https://aws.amazon.com/cloudwatch/pricing/), in USD, as of
 * the date below. Prices change, and Spot prices change all the time (the figures here are
 * averages, about 30 % of on demand for Fargate Spot and 35–40 % for EC2 Spot): refresh the table
 * before trusting a figure. price-list.ts turns AWS's public Price List bulk files into a
 * refreshed copy of this table, whose `source` and `asOf` then say so. On-demand, Linux, shared tenancy, no
 * Savings Plans, no free tier.
 */

export interface FargateRate {
  vcpuHour: number;
  gbHour: number;
}

export interface RegionPrices {
  fargate: {
    linuxX86: FargateRate;
    linuxArm: FargateRate;
    /** Windows adds an OS licence fee per vCPU-hour. */
    windowsX86: FargateRate & { osLicenseVcpuHour: number };
    spotLinuxX86: FargateRate;
    spotLinuxArm: FargateRate;
  };
  /** Linux instance types: on-demand and an average Spot price per hour. */
  ec2: Record<string, { onDemandHour: number; spotHour: number }>;
  eks: { clusterHour: number };
  alb: { hour: number; lcuHour: number };
  nlb: { hour: number; nlcuHour: number };
  clb: { hour: number; gb: number };
  natGateway: { hour: number; gb: number };
  efs: { standardGbMonth: number; infrequentAccessGbMonth: number; archiveGbMonth: number; oneZoneGbMonth: number };
  ecr: { gbMonth: number };
  logs: { ingestionGb: number };
}

export interface PriceTable {
  source: string;
  /** The date the prices were read (YYYY-MM-DD). */
  asOf: string;
  currency: 'USD';
  regions: Record<string, RegionPrices>;
}

const US_FARGATE: RegionPrices['fargate'] = {
  linuxX86: { vcpuHour: 0.04048, gbHour: 0.004445 },
  linuxArm: { vcpuHour: 0.03238, gbHour: 0.00356 },
  windowsX86: { vcpuHour: 0.09148, gbHour: 0.01005, osLicenseVcpuHour: 0.046 },
  spotLinuxX86: { vcpuHour: 0.012144, gbHour: 0.0013335 },
  spotLinuxArm: { vcpuHour: 0.009714, gbHour: 0.001068 },
};

const US_EC2: RegionPrices['ec2'] = {
  't3.medium': { onDemandHour: 0.0416, spotHour: 0.0156 },
  't4g.medium': { onDemandHour: 0.0336, spotHour: 0.0127 },
  'm5.large': { onDemandHour: 0.096, spotHour: 0.0372 },
  'm6i.large': { onDemandHour: 0.096, spotHour: 0.0368 },
  'm6i.xlarge': { onDemandHour: 0.192, spotHour: 0.0736 },
  'm6g.large': { onDemandHour: 0.077, spotHour: 0.0302 },
  'm7i.large': { onDemandHour: 0.1008, spotHour: 0.0387 },
  'm7g.large': { onDemandHour: 0.0816, spotHour: 0.0321 },
  'c6i.large': { onDemandHour: 0.085, spotHour: 0.0336 },
  'c7g.large': { onDemandHour: 0.0725, spotHour: 0.0286 },
  'r6i.large': { onDemandHour: 0.126, spotHour: 0.0464 },
};

const US: RegionPrices = {
  fargate: US_FARGATE,
  ec2: US_EC2,
  eks: { clusterHour: 0.1 },
  alb: { hour: 0.0225, lcuHour: 0.008 },
  nlb: { hour: 0.0225, nlcuHour: 0.006 },
  clb: { hour: 0.025, gb: 0.008 },
  natGateway: { hour: 0.045, gb: 0.045 },
  efs: { standardGbMonth: 0.3, infrequentAccessGbMonth: 0.016, archiveGbMonth: 0.008, oneZoneGbMonth: 0.16 },
  ecr: { gbMonth: 0.1 },
  logs: { ingestionGb: 0.5 },
};

export const PRICE_TABLE: PriceTable = {
  source: 'Public AWS pricing pages (on-demand, Linux); Spot figures are averages',
  asOf: '2026-03-01',
  currency: 'USD',
  regions: {
    'us-east-1': US,
    'us-west-2': US,
    'eu-west-1': {
      ...US,
      ec2: {
        't3.medium': { onDemandHour: 0.0456, spotHour: 0.0171 },
        't4g.medium': { onDemandHour: 0.0368, spotHour: 0.0139 },
        'm5.large': { onDemandHour: 0.107, spotHour: 0.0415 },
        'm6i.large': { onDemandHour: 0.107, spotHour: 0.041 },
        'm6i.xlarge': { onDemandHour: 0.214, spotHour: 0.082 },
        'm6g.large': { onDemandHour: 0.086, spotHour: 0.0337 },
        'm7i.large': { onDemandHour: 0.1124, spotHour: 0.0431 },
        'm7g.large': { onDemandHour: 0.0912, spotHour: 0.0358 },
        'c6i.large': { onDemandHour: 0.096, spotHour: 0.0379 },
        'c7g.large': { onDemandHour: 0.0818, spotHour: 0.0323 },
        'r6i.large': { onDemandHour: 0.141, spotHour: 0.0519 },
      },
      alb: { hour: 0.0252, lcuHour: 0.008 },
      nlb: { hour: 0.0252, nlcuHour: 0.006 },
      clb: { hour: 0.028, gb: 0.008 },
      natGateway: { hour: 0.048, gb: 0.048 },
      efs: { standardGbMonth: 0.33, infrequentAccessGbMonth: 0.0175, archiveGbMonth: 0.0088, oneZoneGbMonth: 0.176 },
      logs: { ingestionGb: 0.57 },
    },
    'eu-central-1': {
      ...US,
      fargate: {
        linuxX86: { vcpuHour: 0.04656, gbHour: 0.00511 },
        linuxArm: { vcpuHour: 0.03725, gbHour: 0.00409 },
        windowsX86: { vcpuHour: 0.10522, gbHour: 0.01156, osLicenseVcpuHour: 0.046 },
        spotLinuxX86: { vcpuHour: 0.013968, gbHour: 0.001533 },
        spotLinuxArm: { vcpuHour: 0.011175, gbHour: 0.001227 },
      },
      ec2: {
        't3.medium': { onDemandHour: 0.048, spotHour: 0.018 },
        't4g.medium': { onDemandHour: 0.0384, spotHour: 0.0145 },
        'm5.large': { onDemandHour: 0.115, spotHour: 0.0446 },
        'm6i.large': { onDemandHour: 0.115, spotHour: 0.0441 },
        'm6i.xlarge': { onDemandHour: 0.23, spotHour: 0.0882 },
        'm6g.large': { onDemandHour: 0.092, spotHour: 0.036 },
        'm7i.large': { onDemandHour: 0.1208, spotHour: 0.0463 },
        'm7g.large': { onDemandHour: 0.0978, spotHour: 0.0384 },
        'c6i.large': { onDemandHour: 0.097, spotHour: 0.0383 },
        'c7g.large': { onDemandHour: 0.0825, spotHour: 0.0326 },
        'r6i.large': { onDemandHour: 0.152, spotHour: 0.056 },
      },
      alb: { hour: 0.027, lcuHour: 0.008 },
      nlb: { hour: 0.027, nlcuHour: 0.006 },
      clb: { hour: 0.03, gb: 0.008 },
      natGateway: { hour: 0.052, gb: 0.052 },
      efs: { standardGbMonth: 0.36, infrequentAccessGbMonth: 0.0191, archiveGbMonth: 0.0096, oneZoneGbMonth: 0.192 },
      logs: { ingestionGb: 0.63 },
    },
  },
};
