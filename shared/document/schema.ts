import { z } from 'zod';

/**
 * The Stowage file format (.stowage), structurally. Semantic checks against the catalog
 * (known kinds, property schemas, nesting, connection meanings) live in validate.ts.
 * Every change to this shape bumps CURRENT_SCHEMA_VERSION and adds a migration.
 */

export const CURRENT_SCHEMA_VERSION = 1;
export const FILE_EXTENSION = 'stowage';
export const MEDIA_TYPE = 'application/vnd.stowage+json';

/** Limits that keep a hostile or broken file from freezing the app. */
export const LIMITS = {
  maxFileBytes: 20 * 1024 * 1024,
  maxJsonDepth: 64,
  maxNodes: 20_000,
  maxEdges: 40_000,
  maxLabelLength: 200,
} as const;

export const ElementId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Ids use letters, digits, "_" and "-" only.');

const Coordinate = z.number().finite().min(-1e7).max(1e7);
const Extent = z.number().finite().min(1).max(1e6);

export const Point = z.strictObject({ x: Coordinate, y: Coordinate });
export const Size = z.strictObject({ width: Extent, height: Extent });

export const HANDLE_SIDES = ['top', 'right', 'bottom', 'left'] as const;
export const HandleSide = z.enum(HANDLE_SIDES);
export type HandleSide = z.infer<typeof HandleSide>;

const Props = z.record(z.string(), z.unknown());

export const DiagramNodeSchema = z.strictObject({
  id: ElementId,
  kind: z.string().min(1).max(64),
  label: z.string().max(LIMITS.maxLabelLength),
  /** Relative to the parent's top-left corner, or to the canvas origin when there is no parent. */
  position: Point,
  /** Groups only; other kinds always take their catalog size. */
  size: Size.optional(),
  parentId: ElementId.optional(),
  props: Props,
});

export const DiagramEdgeSchema = z.strictObject({
  id: ElementId,
  source: ElementId,
  target: ElementId,
  sourceHandle: HandleSide.optional(),
  targetHandle: HandleSide.optional(),
  props: Props,
});

export const MetadataSchema = z.strictObject({
  title: z.string().max(200),
  description: z.string().max(10_000),
});

export const DiagramDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  metadata: MetadataSchema,
  nodes: z.array(DiagramNodeSchema).max(LIMITS.maxNodes),
  edges: z.array(DiagramEdgeSchema).max(LIMITS.maxEdges),
});

export type DiagramNode = z.infer<typeof DiagramNodeSchema>;
export type DiagramEdge = z.infer<typeof DiagramEdgeSchema>;
export type DiagramMetadata = z.infer<typeof MetadataSchema>;
export type DiagramDocument = z.infer<typeof DiagramDocumentSchema>;
export type Point = z.infer<typeof Point>;
export type Size = z.infer<typeof Size>;
