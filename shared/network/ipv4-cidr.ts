/**
 * IPv4 CIDR blocks as numbers, for the rules and the inspector: parse what a diagram stores,
 * compare blocks, and find free room in a VPC. Pure and exact (addresses fit in 2^32, which
 * doubles hold exactly), with no bit operators, whose 32-bit signed arithmetic would turn
 * addresses above 128.0.0.0 negative.
 */

export interface Cidr {
  /** The first address of the block (the network address), 0 … 2^32 − 1. */
  network: number;
  /** Prefix length, 0 … 32. */
  prefix: number;
}

export type CidrParse =
  | { ok: true; cidr: Cidr }
  /** `hostBits`: the address has bits set past the prefix; `cidr` is the block it lies in. */
  | { ok: false; problem: 'syntax' | 'octet' | 'prefix'; message: string }
  | { ok: false; problem: 'hostBits'; message: string; cidr: Cidr };

const SHAPE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const ADDRESSES = 2 ** 32;

/** Number of addresses in a block of this prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** Reads `10.0.1.0/24`; otherwise says in a sentence (without repeating the text) what is wrong. */
export function parseCidr(text: string): CidrParse {
  const match = SHAPE.exec(text.trim());
  if (!match) return { ok: false, problem: 'syntax', message: 'It is not written as a CIDR block, which looks like 10.0.1.0/24.' };
  const octets = match.slice(1, 5).map(Number);
  const bad = octets.find((octet) => octet > 255);
  if (bad !== undefined) return { ok: false, problem: 'octet', message: `${bad} is not an address part: each of the four is 0 to 255.` };
  const prefix = Number(match[5]);
  if (prefix > 32) return { ok: false, problem: 'prefix', message: `/${prefix} is not a prefix length: IPv4 has /0 to /32.` };
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = blockSize(prefix);
  const network = Math.floor(address / size) * size;
  if (network !== address) {
    const cidr = { network, prefix };
    return {
      ok: false,
      problem: 'hostBits',
      message: `A block is written with its first address: ${formatAddress(address)} lies in ${formatCidr(cidr)}.`,
      cidr,
    };
  }
  return { ok: true, cidr: { network, prefix } };
}

export function formatAddress(address: number): string {
  const octets: number[] = [];
  let rest = address;
  for (let index = 0; index < 4; index++) {
    octets.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  }
  return octets.join('.');
}

export function formatCidr(cidr: Cidr): string {
  return `${formatAddress(cidr.network)}/${cidr.prefix}`;
}

/** The last address of the block. */
export function lastAddress(cidr: Cidr): number {
  return cidr.network + blockSize(cidr.prefix) - 1;
}

/** `inner` lies wholly inside `outer` (or is the same block). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.network >= outer.network && lastAddress(inner) <= lastAddress(outer);
}

/** The two blocks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

/**
 * The first block of this prefix length inside `within` that overlaps none of `taken`, or
 * undefined when there is no room.
 */
export function firstFreeBlock(within: Cidr, prefix: number, taken: readonly Cidr[]): Cidr | undefined {
  if (prefix < within.prefix || prefix > 32) return undefined;
  const size = blockSize(prefix);
  const end = within.network + blockSize(within.prefix);
  for (let network = within.network; network < end && network < ADDRESSES; network += size) {
    const candidate = { network, prefix };
    const clash = taken.find((block) => cidrsOverlap(block, candidate));
    if (!clash) return candidate;
    // Skip past the clashing block: a large one would otherwise cost one step per small block.
    const next = Math.ceil((lastAddress(clash) + 1) / size) * size;
    network = Math.max(network, next - size);
  }
  return undefined;
}
