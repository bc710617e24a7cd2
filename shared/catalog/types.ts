import type { z } from 'zod';

/** Palette sections, in the order the palette shows them. */
export const CATEGORIES = [
  { id: 'network', label: 'Network' },
  { id: 'registries', label: 'Registries' },
  { id: 'ecs', label: 'Amazon ECS' },
  { id: 'eks', label: 'Amazon EKS' },
  { id: 'load-balancing', label: 'Load balancing' },
  { id: 'storage', label: 'Storage' },
  { id: 'scaling', label: 'Scaling' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];

/** What an edge between two kinds means. The edge label on the canvas comes from here. */
export type RelationId = 'pulls-image' | 'routes-traffic' | 'sends-requests' | 'mounts' | 'scales' | 'runs-on' | 'in-subnet' | 'egress';

/** Any zod object schema whose every field has a default, so `schema.parse({})` yields a complete value. */
export type PropsSchema = z.ZodObject;

export interface ConnectionDefinition {
  relation: RelationId;
  /** Target kinds, by id. */
  to: readonly string[];
  /** Short verb phrase shown on the edge: "pulls image". */
  label: string;
  /** One sentence: what drawing this edge tells Stowage. */
  description: string;
  /** Properties of the edge itself (listener port, mount path …). Every field has a default. */
  props?: PropsSchema;
}

export interface GroupDefinition {
  /** Kinds that may be dropped inside this group, by id. */
  contains: readonly string[];
}

/** How a kind looks on the canvas and in exports. Colours follow the AWS Architecture Icons guide. */
export interface Appearance {
  /** Border (groups) or accent colour. */
  color: string;
  /** Group boxes: dashed border (regions, AZs, Auto Scaling groups). */
  dashed?: boolean;
  /** Group boxes: a faint fill, or none. */
  fill?: string;
}

export interface KindDefinition<S extends PropsSchema = PropsSchema> {
  /** Stable id stored in documents. Never rename one without a migration. */
  id: string;
  /** Name in the palette and inspector. */
  label: string;
  category: CategoryId;
  /** One sentence for the palette tooltip and docs. */
  description: string;
  /** Label given to a newly dropped node. */
  defaultLabel: string;
  /** Extra words the palette search matches. */
  keywords?: readonly string[];
  /** Icon id, a key of ICONS (shared/catalog/icons.generated.ts). */
  icon: string;
  /** Icon for particular property values (a public or private subnet); must return `icon` or one of `variantIcons`. */
  iconFor?: (props: z.output<S>) => string;
  /** Further icons iconFor may return, so the icon bundle includes them. */
  variantIcons?: readonly string[];
  appearance: Appearance;
  appearanceFor?: (props: z.output<S>) => Appearance;
  /** Property schema; every field has a default so a dropped node needs no form filling. */
  props: S;
  /** Default size on the canvas. Groups can be resized; other nodes keep this size. */
  size: { width: number; height: number };
  group?: GroupDefinition;
  /** Outgoing connections this kind may make. The reverse direction is found by lookup. */
  connections: readonly ConnectionDefinition[];
  /** A one-line summary of the important properties, shown under the label: "Fargate · 0.25 vCPU · 0.5 GB". */
  summary?: (props: z.output<S>) => string;
  /** AWS documentation for this kind. */
  docsUrl: string;
  /**
   * Label and props for a node dropped next to `siblings` (the other children of its new
   * parent), where the defaults alone would clash: a second Availability Zone gets zone b.
   */
  initialFor?: (siblings: readonly { kind: string; label: string; props: Record<string, unknown> }[]) => {
    label?: string;
    props?: Partial<z.output<S>>;
  };
}

/** Identity helper that keeps the literal types of a kind definition. */
export function defineKind<S extends PropsSchema>(definition: KindDefinition<S>): KindDefinition<S> {
  return definition;
}
