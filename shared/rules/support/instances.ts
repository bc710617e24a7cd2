/**
 * Rough EC2 instance sizes from the instance type name, for capacity estimates. Unknown
 * sizes (metal, nano …) give undefined and the rules that ask stay silent.
 */

/** vCPUs: large = 2, xlarge = 4, 8xlarge = 32, medium = 1 (2 for burstable t types). */
export function instanceVcpus(instanceType: string): number | undefined {
  const [family = '', size = ''] = instanceType.split('.');
  if (size === 'large') return 2;
  if (size === 'xlarge') return 4;
  const multiple = /^(\d+)xlarge$/.exec(size);
  if (multiple) return 4 * Number(multiple[1]);
  if (size === 'medium') return family.startsWith('t') ? 2 : 1;
  return undefined;
}

/** GiB of memory per vCPU for the families where it is fixed: compute (c) 2, general purpose (m) 4, memory optimized (r) 8. */
export function memoryPerVcpuGib(instanceType: string): number | undefined {
  const family = instanceType.split('.')[0] ?? '';
  if (/^c\d/.test(family)) return 2;
  if (/^m\d/.test(family)) return 4;
  if (/^r\d/.test(family)) return 8;
  return undefined;
}

/** How many tasks of `cpu` units and `memoryMiB` fit on one instance, or undefined when the size is unknown. */
export function tasksPerInstance(instanceType: string, cpu: number, memoryMiB: number): number | undefined {
  const vcpus = instanceVcpus(instanceType);
  if (vcpus === undefined || cpu <= 0) return undefined;
  let fit = Math.floor((vcpus * 1024) / cpu);
  const perVcpu = memoryPerVcpuGib(instanceType);
  if (perVcpu !== undefined && memoryMiB > 0) fit = Math.min(fit, Math.floor((vcpus * perVcpu * 1024) / memoryMiB));
  return fit;
}
