import { IPV4_BLOCK_PREFIX } from '../catalog/aws-facts';
import { formatCidr, parseCidr, type Cidr } from './ipv4-cidr';

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
