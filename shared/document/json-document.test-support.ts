/**
 * A document as plain JSON (JSON.parse of a .stowage file), typed loosely so that a test can
 * break any part of it: every object also takes keys the format does not have.
 */

export type Json = Record<string, unknown>;

export interface JsonNode {
  id: string;
  kind: string;
  label: string;
  position?: { x: number; y: number };
  parentId?: string;
  size?: { width: number; height: number };
  props: Json;
  [key: string]: unknown;
}

export interface JsonEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string;
  props: Json;
  [key: string]: unknown;
}

export interface JsonDocument {
  metadata?: Json;
  nodes: JsonNode[];
  edges: JsonEdge[];
  [key: string]: unknown;
}
