/**
 * The vCPUs and memory of an EC2 instance type, for placing tasks on it. Common types are
 * listed (https://aws.amazon.com/ec2/instance-types/); others are read from the name: the size
 * gives the vCPUs (large 2, xlarge 4, 2xlarge 8 …) and the family letter the memory per vCPU
 * (c 2 GiB, m and t 4 GiB, r 8 GiB, x 16 GiB; others 4 GiB).
 */
export interface InstanceShape {
  vcpu: number;
  memoryGiB: number;
}

const KNOWN: Record<string, InstanceShape> = {
  't3.micro': { vcpu: 2, memoryGiB: 1 },
  't3.small': { vcpu: 2, memoryGiB: 2 },
  't3.medium': { vcpu: 2, memoryGiB: 4 },
  't3.large': { vcpu: 2, memoryGiB: 8 },
  't4g.medium': { vcpu: 2, memoryGiB: 4 },
  'm5.large': { vcpu: 2, memoryGiB: 8 },
  'm6i.large': { vcpu: 2, memoryGiB: 8 },
  'm6i.xlarge': { vcpu: 4, memoryGiB: 16 },
  'm6g.large': { vcpu: 2, memoryGiB: 8 },
  'm7i.large': { vcpu: 2, memoryGiB: 8 },
  'm7g.large': { vcpu: 2, memoryGiB: 8 },
  'c6i.large': { vcpu: 2, memoryGiB: 4 },
  'c7g.large': { vcpu: 2, memoryGiB: 4 },
  'r6i.large': { vcpu: 2, memoryGiB: 16 },
};

const MEMORY_PER_VCPU: Record<string, number> = { c: 2, m: 4, t: 4, r: 8, x: 16 };

export function instanceShape(instanceType: string): InstanceShape {
  const known = KNOWN[instanceType];
  if (known) return known;
  const [family = '', size = ''] = instanceType.split('.');
  const vcpu =
    size === 'nano' || size === 'micro' || size === 'small' || size === 'medium'
      ? size === 'medium'
        ? 1
        : 2
      : size === 'large'
        ? 2
        : size === 'xlarge'
          ? 4
          : /^(\d+)xlarge$/.test(size)
            ? 4 * Number(/^(\d+)/.exec(size)![1])
            : 2;
  return { vcpu, memoryGiB: vcpu * (MEMORY_PER_VCPU[family.charAt(0)] ?? 4) };
}

/**
 * What an instance offers tasks: its CPU in units and its memory less what the OS and the ECS
 * agent keep (about 6 %, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html).
 */
export function taskRoom(instanceType: string): { cpuUnits: number; memoryMiB: number } {
  const shape = instanceShape(instanceType);
  return { cpuUnits: shape.vcpu * 1024, memoryMiB: Math.floor(shape.memoryGiB * 1024 * 0.94) };
}
