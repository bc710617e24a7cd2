import { camelCase, pascalCase } from './literal';

/**
 * Hands out unique names in one scope (the variables of a stack file, or the construct ids
 * under one construct). Names are built from kind ids and element ids only, and made unique
 * with a numeric suffix in the order they are asked for, which is the document's order, so the
 * same diagram always gets the same names.
 */
export class Names {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.used.add(name);
  }

  /** Takes `name` as it is, when nothing has it yet; false when it is taken. */
  claim(name: string): boolean {
    if (this.used.has(name)) return false;
    this.used.add(name);
    return true;
  }

  unique(base: string): string {
    const start = base === '' ? 'item' : base;
    let name = start;
    for (let suffix = 2; this.used.has(name); suffix++) name = `${start}${suffix}`;
    this.used.add(name);
    return name;
  }
}

/** `ecs-service` + `n-k3x9q2mf` → `ecsServiceNK3x9q2mf`. */
export function variableBase(kindId: string, elementId: string, role = ''): string {
  return `${camelCase(kindId)}${pascalCase(elementId)}${role}`;
}

/** `ecs-service` + `n-k3x9q2mf` → `EcsServiceNK3x9q2mf`. */
export function constructIdBase(kindId: string, elementId: string, role = ''): string {
  return `${pascalCase(kindId)}${pascalCase(elementId)}${role}`;
}

/** A Kubernetes object name (RFC 1123 label) from an element id: lowercase letters, digits and dashes. */
export function kubernetesName(prefix: string, elementId: string): string {
  const body = `${prefix}-${elementId}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return body.slice(0, 63).replace(/-$/, '') || prefix;
}
