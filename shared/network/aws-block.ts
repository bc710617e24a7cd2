import { IPV4_BLOCK_PREFIX } from '../catalog/aws-facts';
import { firstFreeBlock, formatCidr, parseCidr, type Cidr } from './ipv4-cidr';

export type AwsBlockCheck =
  | { ok: true; cidr: Cidr }
  /** `repair`: the block AWS would take instead, when there is one obvious answer. */
  | { ok: false; message: string; repair?: string };

/**
 * Whether AWS accepts this text as a VPC's or a subnet's IPv4 CIDR block: a real block (each
 * part 0–255, a prefix up to /32, the first address of its block) of a size between /16 and /28.
 */
export function checkAwsIpv4Block(text: string): AwsBlockCheck {
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    return parsed.problem === 'hostBits' ? { ok: false, message: parsed.message, repair: formatCidr(parsed.cidr) } : parsed;
  }
  const { prefix } = parsed.cidr;
  const { largest, smallest } = IPV4_BLOCK_PREFIX;
  if (prefix < largest || prefix > smallest) {
    return {
      ok: false,
      message: `A /${prefix} block is too ${prefix < largest ? 'large' : 'small'}: AWS takes /${largest} (65,536 addresses) to /${smallest} (16 addresses).`,
    };
  }
  return parsed;
}

/** The size a subnet takes when its own block says nothing usable. */
const DEFAULT_SUBNET_PREFIX = 24;

/**
 * A block for a subnet inside `vpc` that overlaps none of `taken`: the size of the subnet's own
 * block (`own`, when it has a usable one) unless that is larger than the VPC, else /24.
 * Undefined when the VPC has no room left.
 */
export function freeSubnetBlock(vpc: Cidr, own: Cidr | undefined, taken: readonly Cidr[]): Cidr | undefined {
  return firstFreeBlock(vpc, Math.max(own?.prefix ?? DEFAULT_SUBNET_PREFIX, vpc.prefix), taken);
}
