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

export interface ConnectionDefinition<R extends RelationId = RelationId> {
  relation: R;
  /** The kinds it may end at, by their traits: `[{ imageSource: true }]` is every image source. */
  to: KindSelector;
  /** Short verb phrase shown on the edge: "pulls image". */
  label: string;
  /** One sentence: what drawing this edge tells Stowage. */
  description: string;
  /** Properties of the edge itself (listener port, mount path …). Every field has a default. */
  props?: PropsSchema;
}

export interface GroupDefinition {
  /** Kinds that may be dropped inside this group, by their traits: `[{ vpc: 'attached' }]` is everything attached to a VPC. */
  contains: KindSelector;
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

/** The container platform a workload, cluster or capacity belongs to. */
export type Platform = 'ecs' | 'kubernetes';

/**
 * What a kind is, for the layers that ask (rules, the CDK exporter, stack planning, the
 * inspector). A layer asks the catalog through the helpers in traits.ts ("is this a
 * workload?", "which kinds provide ECS capacity?"), never a list of kind ids, so a new kind
 * that declares its traits is seen everywhere that role matters.
 */
export interface KindTraits {
  /**
   * Runs containers: an ECS service or task, a Kubernetes workload. A `longRunning` workload keeps
   * its copies running (an ECS service, a Deployment): load balancers route to it and auto
   * scaling scales it; the others run to completion (a standalone ECS task).
   */
  workload?: { platform: Platform; longRunning?: true };
  /** Schedules workloads onto capacity drawn inside it. */
  cluster?: { platform: Platform };
  /**
   * Compute that a cluster's workloads run on: Fargate, EC2 instances (an Auto Scaling group the
   * instances of which pull images through their own subnets), or servers outside AWS.
   */
  capacity?: { platform: Platform; compute: 'fargate' | 'ec2' | 'external' };
  /** Elastic Load Balancing: routes traffic to workloads through listeners and target groups. */
  loadBalancer?: { type: 'application' | 'network' | 'classic' };
  /**
   * Where a workload's container image comes from. Images in `ecr` are pulled through ECR (its VPC
   * endpoints work); others come from the internet, unless `pullThroughCacheField` (a boolean
   * field) turns on an ECR pull-through cache for them.
   */
  imageSource?: { registry: 'ecr' | 'docker-hub'; pullThroughCacheField?: string };
  /** A piece of the network a resource is drawn in or reaches through. */
  network?: 'region' | 'vpc' | 'availability-zone' | 'subnet' | 'nat-gateway' | 'vpc-endpoint' | 'internet';
  /**
   * How the resource belongs to a VPC: drawn `inside` one (its structure: zones, subnets,
   * gateways), or `attached` to one through its subnets (clusters, load balancers, file systems).
   */
  vpc?: 'inside' | 'attached';
  /**
   * A Regional resource that may be drawn straight in its Region, outside any VPC: a VPC itself,
   * a repository, a file system, a cluster, a scaler. (Load balancers are Regional too, but live
   * in a VPC: they say `vpc: 'attached'` and no more.)
   */
  regional?: true;
  /** A shared file system that workloads mount. */
  fileSystem?: true;
  /** Scales what its "scales" edges point at. */
  scaler?: true;
  /** Fields that bound a count (instances, tasks, nodes): rules check minimum ≤ desired ≤ maximum. */
  sizeBounds?: { min: string; max: string; desired?: string; unit: string };
  /** The same for the scheduled actions in the kind's `policies` list. */
  scheduledActionBounds?: { min: string; max: string; unit: string };
}

/**
 * One step of a kind's history (like tldraw's shape-props migrations): turns the props of a
 * node saved at kind version `version - 1` into version `version`. The loader runs the steps
 * from the version a file recorded (docs/file-format.md, "kindVersions") up to the kind's
 * current one, before validating the props. Plain JSON in, plain JSON out: return a new
 * object, and never throw on anything the older version allowed.
 *
 * A step is needed when old files must change to mean the same (a field renamed, removed or
 * given another default), and when files written after the change would look damaged to
 * older versions (values, children or connections allowed that were not): then `up` may
 * return the props unchanged, and older versions, seeing a newer kind version, open such
 * files read-only instead of refusing them. Adding a field with a default needs no step: old
 * files take the default, and older versions see an unknown field and open the file read-only.
 */
export interface KindMigration {
  /** The kind version this step produces: 2 for a kind's first step, then 3, 4 … */
  version: number;
  /** What changed, for people reading the history. */
  description: string;
  up(props: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Traits a kind must have to be picked, every one given: `{ capacity: { platform: 'ecs' } }` is
 * ECS capacity of any compute, `{ network: 'subnet' }` the subnet, `{ fileSystem: true }` (or
 * `{ workload: true }`) any kind with the trait at all.
 */
export type TraitMatch = {
  readonly [T in keyof KindTraits]?: NonNullable<KindTraits[T]> extends object
    ? true | Readonly<Partial<NonNullable<KindTraits[T]>>>
    : true | NonNullable<KindTraits[T]>;
};

/**
 * Kinds picked by what they are: a kind is picked when it matches any of the entries. The
 * catalog's connections and groups name kinds by their traits, so a new kind with the right
 * traits can be connected and placed wherever its role allows, with no list to extend (a
 * catalog test keeps it so). A kind id picks that one kind: for the invented kinds of test
 * catalogs.
 */
export type KindSelector = readonly (TraitMatch | string)[];

export interface LearnCard {
  what: string;
  when: string;
}

export interface KindDefinition<
  S extends PropsSchema = PropsSchema,
  Id extends string = string,
  T extends KindTraits = KindTraits,
  C extends readonly ConnectionDefinition[] = readonly ConnectionDefinition[],
> {
  /** Stable id stored in documents. Never rename one without a migration. */
  id: Id;
  /** Roles of the kind, asked by the other layers through catalog/traits.ts. */
  traits: T;
  /** Name in the palette and inspector. */
  label: string;
  category: CategoryId;
  /**
   * Where the kind stands in its palette section: ascending, unique within the section. Steps of
   * 10 leave room for a new kind between two others. `npm run generate` lists the catalog in this
   * order (shared/catalog/kinds.generated.ts).
   */
  order: number;
  /** One sentence for the palette tooltip and docs. */
  description: string;
  /**
   * The kind's learn card, for someone new to containers on AWS: what it is and when to choose
   * it, in plain words (a sentence or two each); the palette shows it on hover and the inspector
   * in its header, with `docsUrl`.
   */
  learn: LearnCard;
  /** Label given to a newly dropped node. */
  defaultLabel: string;
  /** Extra words the palette search matches. */
  keywords?: readonly string[];
  /** Icon id, a key of ICONS (shared/catalog/icons.generated.ts). */
  icon: string;
  /** Icon for particular property values (a public or private subnet); must return `icon` or one of `variantIcons`. */
  iconFor?(props: z.output<S>): string;
  /** Further icons iconFor may return, so the icon bundle includes them. */
  variantIcons?: readonly string[];
  appearance: Appearance;
  appearanceFor?(props: z.output<S>): Appearance;
  /** Property schema; every field has a default so a dropped node needs no form filling. */
  props: S;
  /** Default size on the canvas. Groups can be resized; other nodes keep this size. */
  size: { width: number; height: number };
  group?: GroupDefinition;
  /**
   * Outgoing connections this kind may make. The reverse direction is found by lookup. Kept as
   * literal types, so the props of an edge read through `edgePropsOf` are typed by its schema.
   */
  connections: C & readonly ConnectionDefinition[];
  /** A one-line summary of the important properties, shown under the label: "Fargate · 0.25 vCPU · 0.5 GB". */
  summary?(props: z.output<S>): string;
  /** AWS documentation for this kind. */
  docsUrl: string;
  /**
   * The kind's history, oldest first; its version is the last step's (1 without steps). Files
   * record the version of each kind they use, so older files are migrated and newer ones open
   * read-only. Every step has a test case in shared/document/migrations.test.ts.
   */
  migrations?: readonly KindMigration[];
  /**
   * Where a typical node of this kind goes, for the sample document that holds one node of
   * every kind (the every-kind test runs each layer on it): inside the sample of the first kind
   * `in` picks, connected to the samples of the first kind each entry of `connects` picks (in
   * whichever direction the catalog defines the connection), with `props` over the defaults.
   * Without it the sample sits on the canvas, unconnected.
   */
  sample?: { in?: TraitMatch; connects?: readonly TraitMatch[]; props?: Partial<z.output<S>> };
  /**
   * Label and props for a node dropped next to `siblings` (the other children of its new
   * parent), where the defaults alone would clash: a second Availability Zone gets zone b.
   */
  initialFor?(siblings: readonly { kind: string; label: string; props: Record<string, unknown> }[]): {
    label?: string;
    props?: Partial<z.output<S>>;
  };
}

/** Identity helper that keeps the literal types of a kind definition: its id, props schema, traits and connections. */
export function defineKind<
  const Id extends string,
  S extends PropsSchema,
  const T extends KindTraits,
  const C extends readonly ConnectionDefinition[],
>(definition: KindDefinition<S, Id, T, C>): KindDefinition<S, Id, T, C> {
  return definition;
}

/** Identity helper for a connection several kinds share: keeps its relation and props schema as literal types. */
export function defineConnection<const R extends RelationId, const C extends ConnectionDefinition<R>>(definition: C & { relation: R }): C {
  return definition;
}
