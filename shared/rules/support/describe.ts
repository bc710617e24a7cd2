import { findKind } from '../../catalog';
import type { DiagramNode } from '../../document/schema';

/**
 * How findings name things. Kind names come from the catalog, so a renamed kind reads the
 * same in the palette, the inspector and the problems panel.
 */

/** The catalog label without its parenthetical: "EC2 capacity (ASG)" → "EC2 capacity". */
export function kindName(kindId: string): string {
  const label = findKind(kindId)?.label ?? kindId;
  return label.replace(/\s*\([^)]*\)\s*$/, '');
}

/** `ECS service "web"`, or the id when the label is empty. */
export function nodeName(node: DiagramNode): string {
  return `${kindName(node.kind)} "${labelOf(node)}"`;
}

/** Just the quoted label: `"web"`. */
export function quoted(node: DiagramNode): string {
  return `"${labelOf(node)}"`;
}

function labelOf(node: DiagramNode): string {
  const label = node.label.trim();
  return label === '' ? node.id : label;
}

/** "a, b and c". */
export function listText(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export function listNodes(nodes: readonly DiagramNode[], conjunction = 'and'): string {
  return listText(nodes.map(nodeName), conjunction);
}

/** "1 task", "3 tasks". */
export function count(value: number, singular: string, pluralForm = `${singular}s`): string {
  return `${value} ${value === 1 ? singular : pluralForm}`;
}

/** CPU units as vCPU: 256 → "0.25 vCPU". */
export function vcpuText(cpuUnits: number): string {
  return `${trim(cpuUnits / 1024)} vCPU`;
}

/** MiB as GB the way the Fargate table writes it: 512 → "0.5 GB", 3072 → "3 GB". */
export function memoryText(mib: number): string {
  return `${trim(mib / 1024)} GB`;
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}
