import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPriceUpdates, parseOfferFile } from './price-list';
import { PRICE_TABLE } from './prices';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('Price List offer files', () => {
  it('reads Fargate on-demand and Spot rates per Region from the AmazonECS file, skipping what the table has no place for', () => {
    const parsed = parseOfferFile(fixture('amazon-ecs-offer.trimmed.json'));
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(parsed.offerCode).toBe('AmazonECS');
    expect(parsed.publicationDate).toBe('2026-03-01T00:00:00Z');
    expect(parsed.updates).toEqual([
      { region: 'us-east-1', path: ['fargate', 'linuxX86', 'vcpuHour'], value: 0.04048 },
      { region: 'us-east-1', path: ['fargate', 'linuxX86', 'gbHour'], value: 0.004445 },
      { region: 'us-east-1', path: ['fargate', 'spotLinuxX86', 'vcpuHour'], value: 0.012144 },
      { region: 'us-east-1', path: ['fargate', 'spotLinuxX86', 'gbHour'], value: 0.0013335 },
      { region: 'eu-west-1', path: ['fargate', 'linuxX86', 'vcpuHour'], value: 0.0399 },
      { region: 'eu-west-1', path: ['fargate', 'linuxArm', 'gbHour'], value: 0.0035 },
    ]);
  });

  it('reads Linux shared on-demand instances and NAT gateways from the AmazonEC2 file', () => {
    const parsed = parseOfferFile(fixture('amazon-ec2-offer.trimmed.json'));
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(parsed.updates).toEqual([
      { region: 'us-east-1', path: ['ec2', 'm6i.large', 'onDemandHour'], value: 0.096 },
      { region: 'us-east-1', path: ['ec2', 'm8g.large', 'onDemandHour'], value: 0.0898 },
      { region: 'us-east-1', path: ['natGateway', 'hour'], value: 0.045 },
      { region: 'us-east-1', path: ['natGateway', 'gb'], value: 0.045 },
      { region: 'eu-west-1', path: ['ec2', 'm6i.large', 'onDemandHour'], value: 0.107 },
    ]);
  });

  it('refreshes a copy of the table, which says where its prices now come from', () => {
    const parsed = parseOfferFile(fixture('amazon-ecs-offer.trimmed.json'));
    if (typeof parsed === 'string') throw new Error(parsed);
    const ec2 = parseOfferFile(fixture('amazon-ec2-offer.trimmed.json'));
    if (typeof ec2 === 'string') throw new Error(ec2);
    const refreshed = applyPriceUpdates(PRICE_TABLE, [...parsed.updates, ...ec2.updates], {
      asOf: '2026-03-01',
      source: 'AWS Price List bulk files',
    });
    expect(refreshed.regions['eu-west-1']!.fargate.linuxX86.vcpuHour).toBe(0.0399);
    expect(refreshed.regions['us-east-1']!.ec2['m8g.large']).toEqual({ onDemandHour: 0.0898, spotHour: 0.0898 * 0.4 });
    expect(refreshed.source).toBe('AWS Price List bulk files');
    // The table itself is untouched, and us-west-2 (which shares us-east-1's figures in prices.ts) too.
    expect(PRICE_TABLE.regions['eu-west-1']!.fargate.linuxX86.vcpuHour).toBe(0.04048);
    expect(refreshed.regions['us-west-2']!.ec2['m8g.large']).toBeUndefined();
  });

  it('says what is wrong with a file that is not an offer file', () => {
    expect(parseOfferFile('not json')).toMatch(/not JSON/);
    expect(parseOfferFile('{"products": {}}')).toMatch(/not an AWS Price List offer file/);
  });
});
