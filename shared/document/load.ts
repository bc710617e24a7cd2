import { z } from 'zod';
import type { KindMigration } from '../catalog';
import { APP_CATALOG, type CatalogView } from './catalog-view';
import { capText, describeIssues, endSentence, formatPath, type DocumentIssue } from './issues';
import { ForbiddenKeyError, findJsonValueProblem, jsonNestingDepth, parseJsonSafely, utf8ByteLength, countJsonKeys } from './json-guard';
import { kindVersion, migrateKindProps } from './kind-migrations';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import { describeNewerItem, unknownFieldList, type NewerContent, type NewerItem } from './newer-content';
import { decodeDocumentBytes } from './decode';
import { parseKnown } from './parse-known';
import { savedSizeProblem } from './saved-size';
import { CURRENT_SCHEMA_VERSION, LIMITS, StoredDocumentSchema, type DiagramDocument } from './schema';
import { validateDocument } from './validate';

export type LoadErrorCode =
  | 'too-large'
  | 'too-deep'
  | 'too-wide'
  | 'not-text'
  | 'not-json'
  | 'forbidden-key'
  | 'not-a-document'
  | 'newer-version'
  | 'unsupported-version'
  | 'invalid'
  | 'internal';

export interface LoadError {
  code: LoadErrorCode;
  /** One sentence for the user: what is wrong and what to do. */
  message: string;
  /** Where, for schema problems: `nodes[3].props.cpu: Too small …`; the first MAX_REPORTED_ISSUES of them. */
  issues: DocumentIssue[];
  /** How many problems were found, `issues` and those left out. */
  issueCount: number;
}

/** The first `limit` problems of a load error, one line each, then how many more there are. */
export function describeLoadIssues(error: LoadError, limit = 8): string[] {
  const lines = describeIssues(error.issues.slice(0, limit), limit);
  const more = error.issueCount - lines.length;
  if (more > 0) lines.push(`… and ${more.toLocaleString('en-US')} more problems.`);
  return lines;
}

export type LoadResult =
  | {
      ok: true;
      document: DiagramDocument;
      /** The format version the file was upgraded from, when it was older. */
      migratedFrom?: number;
      /**
       * Set when the file holds what this version does not know (saved by a newer Stowage):
       * the document is shown read-only and Save As writes `newer.source` back unchanged.
       */
      newer?: NewerContent;
    }
  | { ok: false; error: LoadError };

export interface LoadOptions {
  /** For tests of the migration machinery; the app always uses the real history and catalog. */
  migrations?: readonly Migration[];
  currentVersion?: number;
  catalog?: CatalogView;
  /** Called for every kind migration step that ran, so tests can check each one is exercised. */
  onKindMigration?: (kindId: string, step: KindMigration) => void;
}

/**
 * The one way a document enters Stowage (files, drops, drafts, the clipboard, the CLI):
 * decode → parse → migrate → validate. Never throws; every failure comes back as a LoadError
 * with a message a user can act on, and the caller's current document stays as it was.
 * A file from a newer Stowage is not a failure: it loads with `newer` set.
 */
export function loadDocument(text: string, options: LoadOptions = {}): LoadResult {
  try {
    // The limit is in bytes, like the file on disk; a character takes up to 3 UTF-8 bytes (4 per surrogate pair).
    if (
      text.length > LIMITS.maxFileBytes ||
      (text.length * 3 > LIMITS.maxFileBytes && utf8ByteLength(text, LIMITS.maxFileBytes) > LIMITS.maxFileBytes)
    ) {
      return tooLarge();
    }
    const depth = jsonNestingDepth(text, LIMITS.maxJsonDepth);
    if (depth > LIMITS.maxJsonDepth) {
      return tooDeep();
    }
    const keys = countJsonKeys(text, { perObject: LIMITS.maxObjectKeys, distinct: LIMITS.maxDistinctKeys });
    if (keys.widest > LIMITS.maxObjectKeys) return tooWide();
    if (keys.distinct > LIMITS.maxDistinctKeys) return tooManyKeyNames();
    let value: unknown;
    try {
      value = parseJsonSafely(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      if (error instanceof ForbiddenKeyError) return forbiddenKey(error.key);
      const reason = error instanceof Error ? error.message : String(error);
      return fail(
        'not-json',
        `The file is not valid JSON (${reason.replace(/\.$/, '')}). A Stowage file is a JSON document; open it in a text editor to repair it, or open another file.`,
      );
    }
    return loadParsed(value, text, options);
  } catch (error) {
    return internal(error);
  }
}

/**
 * loadDocument for the bytes of a file, as every host reads one (the CLI, the browser build,
 * the desktop app): its size, then the one decoder (decode.ts), then loadDocument.
 */
export function loadDocumentBytes(bytes: Uint8Array, options: LoadOptions = {}): LoadResult {
  if (bytes.length > LIMITS.maxFileBytes) return tooLarge();
  const decoded = decodeDocumentBytes(bytes);
  if (!decoded.ok) return fail('not-text', decoded.message);
  return loadDocument(decoded.text, options);
}

/**
 * Like loadDocument, for a value that is already parsed JSON (a recovery draft, a clipboard
 * payload). It gets the same depth and forbidden-key checks as text.
 */
export function loadDocumentValue(value: unknown, options: LoadOptions = {}): LoadResult {
  try {
    const problem = findJsonValueProblem(value, LIMITS.maxJsonDepth, LIMITS.maxObjectKeys);
    if (problem?.problem === 'too-deep') return tooDeep();
    if (problem?.problem === 'too-wide') return tooWide();
    if (problem?.problem === 'forbidden-key') return forbiddenKey(problem.key);
    return loadParsed(value, undefined, options);
  } catch (error) {
    return internal(error);
  }
}

/** Migrate and validate a value that passed the JSON guards; `text` is what it was parsed from, if anything. */
function loadParsed(value: unknown, text: string | undefined, options: LoadOptions): LoadResult {
  try {
    const currentVersion = options.currentVersion ?? CURRENT_SCHEMA_VERSION;
    const catalog = options.catalog ?? APP_CATALOG;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(
        'not-a-document',
        'The file is JSON but not a Stowage diagram: it should be an object with schemaVersion, metadata, nodes and edges.',
      );
    }
    const record = value as Record<string, unknown>;
    const version = record.schemaVersion;
    if (version === undefined) {
      return fail('not-a-document', 'The file is JSON but not a Stowage diagram: it has no "schemaVersion".');
    }
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return fail('unsupported-version', `The file's schemaVersion (${JSON.stringify(version)}) is not a format version Stowage knows.`);
    }

    // Decode: a newer format is read as far as it still looks like this one; older ones are upgraded first.
    const newerFormat = version > currentVersion;
    let current = record;
    if (version < currentVersion) {
      const migrated = migrate(record, version, options.migrations ?? MIGRATIONS, currentVersion);
      if (!migrated.ok) return fail('unsupported-version', `Stowage cannot upgrade this file: ${migrated.message}`);
      current = migrated.document;
    }
    const newer: NewerItem[] = newerFormat ? [{ type: 'format', path: '', version, known: currentVersion }] : [];
    const cannotShow = (issues: DocumentIssue[]) =>
      fail(
        'newer-version',
        `This diagram was saved by a newer version of Stowage (schema ${version}; this version reads up to ${currentVersion}), and this version cannot show it. Update Stowage to open it.`,
        issues,
      );

    // Parse: the structure, with keys this version does not know set aside.
    const structure = parseKnown(storedSchema(currentVersion, newerFormat), current);
    const fields = unknownFieldList(newer);
    for (const { path, key } of structure.unknownKeys) {
      fields.add(
        () => formatPath([...path, key]),
        () => `unknown field "${key}"`,
      );
    }
    fields.finish();
    if (!structure.success) {
      const issues = structure.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
      return newerFormat ? cannotShow(issues) : invalid(issues);
    }
    const { kindVersions = {}, ...stored } = structure.data;

    // Migrate each kind from the version the file recorded; note the kinds that are newer here.
    const newerKinds = new Set<string>();
    const nodes = stored.nodes.map((node, index) => {
      const kind = catalog.findKind(node.kind);
      if (!kind) return node;
      const from = Object.hasOwn(kindVersions, node.kind) ? kindVersions[node.kind]! : 1;
      const known = kindVersion(kind);
      if (from > known) {
        if (!newerKinds.has(node.kind)) {
          newer.push({ type: 'kind-version', path: `nodes[${index}]`, kind: node.kind, kindLabel: kind.label, version: from, known });
        }
        newerKinds.add(node.kind);
        return node;
      }
      if (from === known) return node;
      const migrated = migrateKindProps(kind, node.props, from);
      for (const step of migrated.applied) options.onKindMigration?.(node.kind, step);
      return { ...node, props: migrated.props };
    });

    // Validate against the catalog.
    const checked = validateDocument(
      { ...stored, schemaVersion: currentVersion as DiagramDocument['schemaVersion'], nodes },
      { catalog, newerFormat, newerKinds },
    );
    if (checked.issues.length > 0) return newerFormat ? cannotShow(checked.issues) : invalid(checked.issues);
    for (const item of checked.newer) newer.push(item); // a loop: a spread of millions of items overflows the stack
    // An older file was written by an older Stowage, which could not have written anything newer:
    // what this version does not know in it is damage (or a migration's mistake), not newer content.
    if (version < currentVersion && newer.length > 0)
      return invalid(newer.map((item) => ({ path: item.path, message: describeNewerItem(item) })));
    const migratedFrom = version < currentVersion ? { migratedFrom: version } : {};
    if (newer.length === 0) {
      // What the app holds it must be able to save and open again: a compact file can grow past the limit once saved.
      const tooBigToSave = savedSizeProblem(checked.document, catalog);
      if (tooBigToSave !== null) {
        return fail(
          'too-large',
          `Stowage could not save this diagram and open it again: ${tooBigToSave} Split it into smaller diagrams in a text editor, or open another file.`,
        );
      }
      return { ok: true, document: checked.document, ...migratedFrom };
    }
    return {
      ok: true,
      document: checked.document,
      ...migratedFrom,
      newer: {
        schemaVersion: version,
        items: newer,
        placeholderNodeIds: checked.placeholderNodeIds,
        placeholderEdgeIds: checked.placeholderEdgeIds,
        ignoredNodeIds: checked.ignoredNodeIds,
        ignoredEdgeIds: checked.ignoredEdgeIds,
        source: text ?? `${JSON.stringify(value, null, 2)}\n`,
      },
    };
  } catch (error) {
    return internal(error);
  }
}

/**
 * The stored-file schema for the format version treated as current (tests of the migration
 * machinery pretend another one is). A newer file is read with this version's shape and any
 * schemaVersion, as far as it still fits.
 */
function storedSchema(currentVersion: number, newerFormat: boolean): typeof StoredDocumentSchema {
  if (!newerFormat && currentVersion === CURRENT_SCHEMA_VERSION) return StoredDocumentSchema;
  const schemaVersion = newerFormat ? z.number().int().min(1) : z.literal(currentVersion);
  return StoredDocumentSchema.extend({ schemaVersion }) as unknown as typeof StoredDocumentSchema;
}

function tooLarge(): LoadResult {
  return fail(
    'too-large',
    `The file is larger than ${LIMITS.maxFileBytes / (1024 * 1024)} MB, which no Stowage diagram needs. Check that you picked the right file.`,
  );
}

function tooDeep(): LoadResult {
  return fail(
    'too-deep',
    `The file nests data more than ${LIMITS.maxJsonDepth} levels deep, which a Stowage diagram never does. It is damaged or not a Stowage file.`,
  );
}

function tooWide(): LoadResult {
  return fail(
    'too-wide',
    `The file has an object with more than ${LIMITS.maxObjectKeys.toLocaleString('en-US')} keys, which a Stowage diagram never has. It is damaged or not a Stowage file.`,
  );
}

function tooManyKeyNames(): LoadResult {
  return fail(
    'too-wide',
    `The file uses more than ${LIMITS.maxDistinctKeys.toLocaleString('en-US')} different key names, which a Stowage diagram never does (its format has a few hundred). It is damaged or not a Stowage file.`,
  );
}

function forbiddenKey(key: string): LoadResult {
  return fail('forbidden-key', `${new ForbiddenKeyError(key).message} The file may have been tampered with.`);
}

function internal(error: unknown): LoadResult {
  return fail(
    'internal',
    endSentence(`Stowage could not read the file because of an internal error: ${error instanceof Error ? error.message : String(error)}`),
  );
}

function invalid(issues: DocumentIssue[]): LoadResult {
  const first = describeIssues(issues, 1)[0] ?? '';
  const more = issues.length > 1 ? ` (and ${(issues.length - 1).toLocaleString('en-US')} more)` : '';
  return fail('invalid', endSentence(`The file is not a valid Stowage diagram: ${more ? first.replace(/\.$/, '') : first}${more}`), issues);
}

/** How many problems a LoadError keeps, each cut to MAX_ISSUE_CHARS: enough to repair a file, never a 37-million-character dialog. */
export const MAX_REPORTED_ISSUES = 100;

function fail(code: LoadErrorCode, message: string, issues: DocumentIssue[] = []): LoadResult {
  const kept = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({ path: capText(issue.path, 120), message: capText(issue.message) }));
  return {
    ok: false,
    error: { code, message: capText(message, MAX_LOAD_MESSAGE_CHARS), issues: kept, issueCount: issues.length },
  };
}

/** The longest a load error's sentence gets. */
const MAX_LOAD_MESSAGE_CHARS = 1_000;
