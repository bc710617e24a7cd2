import { z } from 'zod';
import { describeIssues, formatPath, type DocumentIssue } from './issues';
import { ForbiddenKeyError, findJsonValueProblem, jsonNestingDepth, parseJsonSafely, utf8ByteLength } from './json-guard';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import { CURRENT_SCHEMA_VERSION, DiagramDocumentSchema, LIMITS, type DiagramDocument } from './schema';
import { validateDocument } from './validate';

export type LoadErrorCode =
  | 'too-large'
  | 'too-deep'
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
  /** Where, for schema problems: `nodes[3].props.cpu: Too small …`. */
  issues: DocumentIssue[];
}

export type LoadResult = { ok: true; document: DiagramDocument; migratedFrom?: number } | { ok: false; error: LoadError };

export interface LoadOptions {
  /** For tests of the migration machinery; the app always uses the real history. */
  migrations?: readonly Migration[];
  currentVersion?: number;
}

/**
 * The one way a document enters Stowage (files, drops, drafts, the CLI): parse → migrate →
 * validate. Never throws; every failure comes back as a LoadError with a message a user
 * can act on, and the caller's current document stays as it was.
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
    let value: unknown;
    try {
      value = parseJsonSafely(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      if (error instanceof ForbiddenKeyError) return forbiddenKey(error.key);
      const reason = error instanceof Error ? error.message : String(error);
      return fail(
        'not-json',
        `The file is not valid JSON (${reason}). A Stowage file is a JSON document; open it in a text editor to repair it, or open another file.`,
      );
    }
    return loadParsed(value, options);
  } catch (error) {
    return internal(error);
  }
}

/**
 * Like loadDocument, for a value that is already parsed JSON (a recovery draft, a clipboard
 * payload). It gets the same depth and forbidden-key checks as text.
 */
export function loadDocumentValue(value: unknown, options: LoadOptions = {}): LoadResult {
  try {
    const problem = findJsonValueProblem(value, LIMITS.maxJsonDepth);
    if (problem?.problem === 'too-deep') return tooDeep();
    if (problem?.problem === 'forbidden-key') return forbiddenKey(problem.key);
    return loadParsed(value, options);
  } catch (error) {
    return internal(error);
  }
}

/** Migrate and validate a value that passed the JSON guards. */
function loadParsed(value: unknown, options: LoadOptions): LoadResult {
  try {
    const currentVersion = options.currentVersion ?? CURRENT_SCHEMA_VERSION;
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
    if (version > currentVersion) {
      return fail(
        'newer-version',
        `This diagram was saved by a newer version of Stowage (file format ${version}; this version reads up to ${currentVersion}). Update Stowage to open it.`,
      );
    }
    const migrated = migrate(record, version, options.migrations ?? MIGRATIONS, currentVersion);
    if (!migrated.ok) return fail('unsupported-version', `Stowage cannot upgrade this file: ${migrated.message}`);

    const structure = structureSchema(currentVersion).safeParse(migrated.document);
    if (!structure.success) {
      const issues = structure.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
      return invalid(issues);
    }
    const { document, issues } = validateDocument(structure.data);
    if (issues.length > 0) return invalid(issues);
    return version < currentVersion ? { ok: true, document, migratedFrom: version } : { ok: true, document };
  } catch (error) {
    return internal(error);
  }
}

/** The document schema, with the format version a test of the migration machinery pretends is current. */
function structureSchema(currentVersion: number): typeof DiagramDocumentSchema {
  if (currentVersion === CURRENT_SCHEMA_VERSION) return DiagramDocumentSchema;
  return DiagramDocumentSchema.extend({ schemaVersion: z.literal(currentVersion) }) as unknown as typeof DiagramDocumentSchema;
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

function forbiddenKey(key: string): LoadResult {
  return fail('forbidden-key', `${new ForbiddenKeyError(key).message} The file may have been tampered with.`);
}

function internal(error: unknown): LoadResult {
  return fail(
    'internal',
    `Stowage could not read the file because of an internal error: ${error instanceof Error ? error.message : String(error)}.`,
  );
}

function invalid(issues: DocumentIssue[]): LoadResult {
  const first = describeIssues(issues, 1)[0] ?? '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return fail('invalid', `The file is not a valid Stowage diagram: ${first}${more}.`, issues);
}

function fail(code: LoadErrorCode, message: string, issues: DocumentIssue[] = []): LoadResult {
  return { ok: false, error: { code, message, issues } };
}
