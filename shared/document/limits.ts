/**
 * Every size limit of a Stowage document, in one place. The file schema (schema.ts), the
 * loader's guards (load.ts), the host contract (shared/host/contract.ts), the inspector's
 * text fields and the generated limits table in docs/file-format.md all read these values;
 * limits.test.ts fails when one of them stops doing so.
 */
export const LIMITS = {
  /** A file on disk, in UTF-8 bytes. A string of that many bytes never has more UTF-16 units, so this also bounds text in memory. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Nesting of JSON arrays and objects; checked before parsing so absurd nesting cannot exhaust the stack. */
  maxJsonDepth: 64,
  /**
   * Keys of one JSON object (a node's props, the metadata, …): no kind has a hundred properties;
   * checked before parsing, as an object of millions of unknown keys takes seconds to parse and check.
   */
  maxObjectKeys: 1_000,
  /**
   * Different key names in one file. The format and every kind's props use a few hundred; a
   * file of millions of different names takes JSON.parse alone tens of seconds, so it is refused first.
   */
  maxDistinctKeys: 10_000,
  maxNodes: 20_000,
  maxEdges: 40_000,
  maxLabelLength: 200,
  maxTitleLength: 200,
  maxDescriptionLength: 10_000,
  maxIdLength: 64,
  maxKindIdLength: 64,
  /** Positions, in pixels, either way from the origin. */
  maxCoordinate: 10_000_000,
  /** Group width and height, in pixels. */
  minExtent: 1,
  maxExtent: 1_000_000,
} as const;

/** Ids: letters, digits, "_" and "-". */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
