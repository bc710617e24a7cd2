import { z } from 'zod';
import { ID_PATTERN, LIMITS } from './limits';

/**
 * The Stowage file format (.stowage), structurally. Semantic checks against the catalog
 * (known kinds, property schemas, nesting, connection meanings) live in validate.ts.
 * A change to this shape that older versions could not read bumps CURRENT_SCHEMA_VERSION
 * and adds a migration (migrations.ts); changes to one kind are versioned on the kind.
 */

export const CURRENT_SCHEMA_VERSION = 1;
export const FILE_EXTENSION = 'stowage';
export const MEDIA_TYPE = 'application/vnd.stowage+json';

export { LIMITS, ID_PATTERN } from './limits';

export const ElementId = z.string().min(1).max(LIMITS.maxIdLength).regex(ID_PATTERN, 'Ids use letters, digits, "_" and "-" only.');

const Coordinate = z.number().finite().min(-LIMITS.maxCoordinate).max(LIMITS.maxCoordinate);
const Extent = z.number().finite().min(LIMITS.minExtent).max(LIMITS.maxExtent);

export const Point = z.strictObject({ x: Coordinate, y: Coordinate });
export const Size = z.strictObject({ width: Extent, height: Extent });

export const HANDLE_SIDES = ['top', 'right', 'bottom', 'left'] as const;
export const HandleSide = z.enum(HANDLE_SIDES);
export type HandleSide = z.infer<typeof HandleSide>;

const Props = z.record(z.string(), z.unknown());

// The descriptions below end up in docs/stowage.schema.json (npm run schema), where editors show them.
export const DiagramNodeSchema = z.strictObject({
  id: ElementId.meta({ description: 'Unique among all nodes and edges of the document.' }),
  kind: z
    .string()
    .min(1)
    .max(LIMITS.maxKindIdLength)
    .meta({ description: 'Component kind from the Stowage catalog, such as ecs-service.' }),
  label: z.string().max(LIMITS.maxLabelLength).meta({ description: 'Name shown on the canvas.' }),
  /** Relative to the parent's top-left corner, or to the canvas origin when there is no parent. */
  position: Point.meta({
    description: "Top-left corner in pixels, relative to the parent's top-left corner (or the canvas origin without a parent).",
  }),
  /** Groups only; other kinds always take their catalog size. */
  size: Size.optional().meta({ description: 'Groups only: width and height in pixels. Other kinds always take their catalog size.' }),
  parentId: ElementId.optional().meta({ description: 'The group this node sits in; absent for nodes on the canvas itself.' }),
  props: Props.meta({ description: "The component's properties; the kind defines them. Missing properties take their defaults." }),
});

export const DiagramEdgeSchema = z.strictObject({
  id: ElementId.meta({ description: 'Unique among all nodes and edges of the document.' }),
  source: ElementId.meta({ description: 'Id of the node the connection starts at (the catalog defines the direction).' }),
  target: ElementId.meta({ description: 'Id of the node the connection ends at.' }),
  sourceHandle: HandleSide.optional().meta({
    description: 'Side of the source node the line leaves from; picked automatically when absent.',
  }),
  targetHandle: HandleSide.optional().meta({
    description: 'Side of the target node the line arrives at; picked automatically when absent.',
  }),
  props: Props.meta({ description: 'Properties of the connection itself (listener port, mount path …); empty for most relations.' }),
});

export const MetadataSchema = z.strictObject({
  title: z.string().max(LIMITS.maxTitleLength).meta({ description: 'Title of the diagram.' }),
  description: z.string().max(LIMITS.maxDescriptionLength).meta({ description: 'Free text about the diagram.' }),
});

const SchemaVersion = z
  .literal(CURRENT_SCHEMA_VERSION)
  .meta({ description: 'Version of the file format. Stowage upgrades older files on open and opens newer ones read-only.' });

/**
 * The version of each kind a file uses, where it is not 1 (kinds start at 1 and move on with
 * their migrations, shared/catalog/types.ts KindMigration). Absent: every kind at version 1.
 */
export const KindVersionsSchema = z.record(z.string().min(1).max(LIMITS.maxKindIdLength), z.number().int().min(1).max(1_000_000)).meta({
  description:
    'Version of each component kind used in the file, where it is not 1. Stowage migrates older kinds on open and opens files with newer ones read-only.',
});

const metadataNodesEdges = {
  metadata: MetadataSchema,
  nodes: z.array(DiagramNodeSchema).max(LIMITS.maxNodes).meta({ description: 'Components and groups, parents before their children.' }),
  edges: z
    .array(DiagramEdgeSchema)
    .max(LIMITS.maxEdges)
    .meta({ description: 'Connections between nodes; their meaning comes from the two kinds.' }),
};

/** A .stowage file as stored: what the loader reads and the JSON Schema describes. */
export const StoredDocumentSchema = z.strictObject({
  schemaVersion: SchemaVersion,
  kindVersions: KindVersionsSchema.optional(),
  ...metadataNodesEdges,
});

/** A document in memory: every kind at the version this build knows, so no kindVersions (the serializer writes them). */
export const DiagramDocumentSchema = z.strictObject({ schemaVersion: SchemaVersion, ...metadataNodesEdges });

export type DiagramNode = z.infer<typeof DiagramNodeSchema>;
export type DiagramEdge = z.infer<typeof DiagramEdgeSchema>;
export type DiagramMetadata = z.infer<typeof MetadataSchema>;
export type DiagramDocument = z.infer<typeof DiagramDocumentSchema>;
export type KindVersions = z.infer<typeof KindVersionsSchema>;
export type Point = z.infer<typeof Point>;
export type Size = z.infer<typeof Size>;
