import type { PriceTable } from './prices';

/**
 * Reads AWS's public Price List bulk files (the offer files, no credentials needed:
 * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/using-the-aws-price-list-bulk-api.html)
 * into updates of the price table, for the desktop app to refresh prices.ts's figures on the
 * user's machine (the parser and applyPriceUpdates are here; the app's download and menu entry
 * are not built yet). An offer file is `{ offerCode, publicationDate, products: { sku: { productFamily,
 * attributes } }, terms: { OnDemand: { sku: { term: { priceDimensions: { rate: { unit,
 * pricePerUnit: { USD } } } } } } } }`. Understood: AmazonECS (Fargate, on demand and Spot),
 * AmazonEC2 (Linux shared on-demand instances, NAT gateways), AWSELB (ALB, NLB, CLB), AmazonEKS
 * (cluster hours). Anything else in a file is skipped; nothing here fetches.
 */
export interface PriceUpdate {
  region: string;
  /** Where in RegionPrices: ['fargate', 'linuxX86', 'vcpuHour'], ['ec2', 'm6i.large', 'onDemandHour']. */
  path: readonly string[];
  value: number;
}

interface OfferProduct {
  sku?: string;
  productFamily?: string;
  attributes?: Record<string, string | undefined>;
}

interface OfferFile {
  offerCode?: string;
  publicationDate?: string;
  products?: Record<string, OfferProduct>;
  terms?: {
    OnDemand?: Record<string, Record<string, { priceDimensions?: Record<string, { unit?: string; pricePerUnit?: { USD?: string } }> }>>;
  };
}

/** Usage types without their Region prefix (USE1-, EUW1- …; us-east-1 often has none). */
function usageOf(attributes: Record<string, string | undefined>): string {
  return (attributes.usagetype ?? '').replace(/^[A-Z]{2,3}\d-/, '');
}

const FARGATE_USAGE: Record<string, readonly string[]> = {
  'Fargate-vCPU-Hours:perCPU': ['fargate', 'linuxX86', 'vcpuHour'],
  'Fargate-GB-Hours': ['fargate', 'linuxX86', 'gbHour'],
  'Fargate-ARM-vCPU-Hours:perCPU': ['fargate', 'linuxArm', 'vcpuHour'],
  'Fargate-ARM-GB-Hours': ['fargate', 'linuxArm', 'gbHour'],
  'Fargate-Windows-vCPU-Hours:perCPU': ['fargate', 'windowsX86', 'vcpuHour'],
  'Fargate-Windows-GB-Hours': ['fargate', 'windowsX86', 'gbHour'],
  'Fargate-Windows-OS-Hours:perCPU': ['fargate', 'windowsX86', 'osLicenseVcpuHour'],
  'SpotUsage-Fargate-vCPU-Hours:perCPU': ['fargate', 'spotLinuxX86', 'vcpuHour'],
  'SpotUsage-Fargate-GB-Hours': ['fargate', 'spotLinuxX86', 'gbHour'],
  'SpotUsage-Fargate-ARM-vCPU-Hours:perCPU': ['fargate', 'spotLinuxArm', 'vcpuHour'],
  'SpotUsage-Fargate-ARM-GB-Hours': ['fargate', 'spotLinuxArm', 'gbHour'],
};

const ELB_USAGE: Record<string, Record<string, readonly string[]>> = {
  'Load Balancer-Application': { LoadBalancerUsage: ['alb', 'hour'], LCUUsage: ['alb', 'lcuHour'] },
  'Load Balancer-Network': { LoadBalancerUsage: ['nlb', 'hour'], LCUUsage: ['nlb', 'nlcuHour'] },
  'Load Balancer': { LoadBalancerUsage: ['clb', 'hour'], 'DataProcessing-Bytes': ['clb', 'gb'] },
};

/** Where one product's price goes in the table, or undefined when the table has no place for it. */
function pathOf(offerCode: string, product: OfferProduct): readonly string[] | undefined {
  const attributes = product.attributes ?? {};
  const usage = usageOf(attributes);
  if (offerCode === 'AmazonECS') return FARGATE_USAGE[usage];
  if (offerCode === 'AmazonEKS') return /^AmazonEKS-Hours:perCluster$/.test(usage) ? ['eks', 'clusterHour'] : undefined;
  if (offerCode === 'AWSELB') return ELB_USAGE[product.productFamily ?? '']?.[usage];
  if (offerCode === 'AmazonEC2') {
    if (product.productFamily === 'NAT Gateway') {
      if (usage === 'NatGateway-Hours') return ['natGateway', 'hour'];
      if (usage === 'NatGateway-Bytes') return ['natGateway', 'gb'];
      return undefined;
    }
    const linuxOnDemand =
      product.productFamily === 'Compute Instance' &&
      attributes.operatingSystem === 'Linux' &&
      attributes.tenancy === 'Shared' &&
      attributes.preInstalledSw === 'NA' &&
      (attributes.capacitystatus ?? 'Used') === 'Used' &&
      attributes.instanceType !== undefined;
    return linuxOnDemand ? ['ec2', attributes.instanceType!, 'onDemandHour'] : undefined;
  }
  return undefined;
}

/** The updates an offer file holds, or a message saying why it is not one. */
export function parseOfferFile(text: string): { updates: PriceUpdate[]; publicationDate?: string; offerCode: string } | string {
  let offer: OfferFile;
  try {
    offer = JSON.parse(text) as OfferFile;
  } catch {
    return 'The price list file is not JSON: download the offer file (index.json) of one service from the Price List bulk API.';
  }
  if (typeof offer !== 'object' || offer === null || typeof offer.offerCode !== 'string' || typeof offer.products !== 'object') {
    return 'The file is not an AWS Price List offer file (it has no offerCode and products).';
  }
  const offerCode = offer.offerCode;
  const updates: PriceUpdate[] = [];
  for (const [sku, product] of Object.entries(offer.products ?? {})) {
    const region = product.attributes?.regionCode;
    const path = pathOf(offerCode, product);
    if (!region || !path) continue;
    const terms = offer.terms?.OnDemand?.[sku];
    for (const term of Object.values(terms ?? {})) {
      for (const dimension of Object.values(term.priceDimensions ?? {})) {
        const value = Number(dimension.pricePerUnit?.USD);
        // Tiered prices (NAT data, Logs) list a free or first tier too: the first positive one counts.
        if (Number.isFinite(value) && value > 0 && !updates.some((update) => update.region === region && sameArray(update.path, path))) {
          updates.push({ region, path, value });
        }
      }
    }
  }
  return { updates, offerCode, ...(offer.publicationDate ? { publicationDate: offer.publicationDate } : {}) };
}

function sameArray(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * A new price table with the updates applied, for the Regions the table already has (a Region
 * it lacks starts as a copy of the first), and its source and date saying where they came from.
 * An EC2 type new to the table gets a Spot average of 40 % of on demand until Spot prices are read.
 */
export function applyPriceUpdates(
  table: PriceTable,
  updates: readonly PriceUpdate[],
  source: { asOf: string; source: string },
): PriceTable {
  const regions = copy(table.regions);
  const template = Object.values(table.regions)[0]!;
  for (const update of updates) {
    const prices = (regions[update.region] ??= copy(template));
    if (update.path[0] === 'ec2') {
      const type = update.path[1]!;
      const existing = prices.ec2[type];
      prices.ec2[type] = { onDemandHour: update.value, spotHour: existing?.spotHour ?? update.value * 0.4 };
      continue;
    }
    let target: Record<string, unknown> = prices as unknown as Record<string, unknown>;
    for (const key of update.path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[update.path[update.path.length - 1]!] = update.value;
  }
  return { ...table, regions, asOf: source.asOf, source: source.source };
}

/** A deep copy of plain price data (numbers and strings only). */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
