import { describe, expect, it } from 'vitest';
import { checkAwsIpv4Block } from './aws-block';
import { cidrContains, cidrsOverlap, firstFreeBlock, formatCidr, parseCidr, type Cidr } from './ipv4-cidr';

function block(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.cidr;
}

describe('parseCidr', () => {
  it('reads blocks across the whole address range, high addresses included', () => {
    expect(formatCidr(block('10.0.1.0/24'))).toBe('10.0.1.0/24');
    expect(formatCidr(block('255.255.255.240/28'))).toBe('255.255.255.240/28');
    expect(formatCidr(block('0.0.0.0/0'))).toBe('0.0.0.0/0');
    expect(block('192.168.0.0/16').network).toBe(192 * 2 ** 24 + 168 * 2 ** 16);
  });

  it('says what is wrong: shape, address parts, prefix, and bits past the prefix', () => {
    expect(parseCidr('10.0.1/24')).toMatchObject({ ok: false, problem: 'syntax' });
    expect(parseCidr('10.0.256.0/24')).toMatchObject({ ok: false, problem: 'octet' });
    expect(parseCidr('10.0.0.0/33')).toMatchObject({ ok: false, problem: 'prefix' });
    const shifted = parseCidr('10.0.1.7/24');
    expect(shifted).toMatchObject({ ok: false, problem: 'hostBits' });
    expect(shifted.ok === false && shifted.problem === 'hostBits' && formatCidr(shifted.cidr)).toBe('10.0.1.0/24');
  });
});

describe('comparing blocks', () => {
  it('contains and overlaps, at the edges too', () => {
    expect(cidrContains(block('10.0.0.0/16'), block('10.0.255.240/28'))).toBe(true);
    expect(cidrContains(block('10.0.0.0/16'), block('10.1.0.0/24'))).toBe(false);
    expect(cidrContains(block('10.0.0.0/24'), block('10.0.0.0/16'))).toBe(false);
    expect(cidrsOverlap(block('10.0.0.0/23'), block('10.0.1.0/24'))).toBe(true);
    expect(cidrsOverlap(block('10.0.0.0/24'), block('10.0.1.0/24'))).toBe(false);
    expect(cidrsOverlap(block('200.0.0.0/8'), block('200.255.255.0/24'))).toBe(true);
  });

  it('finds the first free block, skipping taken ones of any size', () => {
    const vpc = block('10.0.0.0/16');
    expect(formatCidr(firstFreeBlock(vpc, 24, [])!)).toBe('10.0.0.0/24');
    expect(formatCidr(firstFreeBlock(vpc, 24, [block('10.0.0.0/24'), block('10.0.1.0/24')])!)).toBe('10.0.2.0/24');
    expect(formatCidr(firstFreeBlock(vpc, 24, [block('10.0.0.0/17')])!)).toBe('10.0.128.0/24');
    expect(formatCidr(firstFreeBlock(vpc, 28, [block('10.0.0.0/28'), block('10.0.0.32/27')])!)).toBe('10.0.0.16/28');
    expect(firstFreeBlock(vpc, 16, [block('10.0.5.0/24')])).toBeUndefined();
    expect(firstFreeBlock(block('10.0.0.0/24'), 16, [])).toBeUndefined();
  });
});

describe('checkAwsIpv4Block', () => {
  it('accepts /16 to /28 and offers the block a shifted address lies in', () => {
    expect(checkAwsIpv4Block('10.0.0.0/16')).toMatchObject({ ok: true });
    expect(checkAwsIpv4Block('10.0.0.0/28')).toMatchObject({ ok: true });
    expect(checkAwsIpv4Block('10.0.0.0/15')).toMatchObject({ ok: false });
    expect(checkAwsIpv4Block('10.0.0.0/29')).toMatchObject({ ok: false });
    expect(checkAwsIpv4Block('10.0.3.1/24')).toMatchObject({ ok: false, repair: '10.0.3.0/24' });
  });
});
