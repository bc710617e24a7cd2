import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { GeneratedFile } from '../../shared/export/cdk';

/**
 * Type-checks generated CDK apps with the TypeScript compiler API, without writing them to
 * disk: a CompilerHost serves the generated files from memory under a folder of the repository
 * that does not exist, so module resolution walks up to the repository's node_modules and finds
 * the real aws-cdk-lib, constructs, kubectl layer and @types/node declarations. Several apps go
 * into one program, so the CDK declarations are parsed once.
 */

const repositoryRoot = resolve(import.meta.dirname, '../..');
const virtualRoot = join(repositoryRoot, '.generated-cdk-apps');
const diskSourceFiles = new Map<string, ts.SourceFile>();

export interface AppUnderTest {
  /** Folder name of the app inside the virtual root. */
  name: string;
  files: readonly GeneratedFile[];
}

export interface TypeCheckResult {
  /** Formatted diagnostics of every file, empty when the apps compile cleanly. */
  diagnostics: string[];
  /** Absolute virtual path of each generated file, by `${app}/${path}`. */
  paths: Map<string, string>;
}

export function typeCheckApps(apps: readonly AppUnderTest[]): TypeCheckResult {
  const memory = new Map<string, string>();
  const paths = new Map<string, string>();
  const roots: string[] = [];
  for (const app of apps) {
    for (const file of app.files) {
      const path = join(virtualRoot, app.name, ...file.path.split('/'));
      memory.set(path, file.content);
      paths.set(`${app.name}/${file.path}`, path);
      if (file.path.endsWith('.ts')) roots.push(path);
    }
  }
  const tsconfig = apps[0]?.files.find((file) => file.path === 'tsconfig.json');
  if (!tsconfig) throw new Error('The generated app has no tsconfig.json.');
  const parsed = ts.parseJsonConfigFileContent(JSON.parse(tsconfig.content), ts.sys, join(virtualRoot, apps[0]!.name));
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true };

  const host = ts.createCompilerHost(options, true);
  const isVirtual = (path: string) => resolve(path).startsWith(`${virtualRoot}/`) || resolve(path) === virtualRoot;
  host.fileExists = (path) => (isVirtual(path) ? memory.has(resolve(path)) : ts.sys.fileExists(path));
  host.readFile = (path) => (isVirtual(path) ? memory.get(resolve(path)) : ts.sys.readFile(path));
  host.directoryExists = (path) => {
    if (!isVirtual(path)) return ts.sys.directoryExists(path);
    const prefix = `${resolve(path)}/`;
    return resolve(path) === virtualRoot || [...memory.keys()].some((file) => file.startsWith(prefix));
  };
  host.getDirectories = (path) => (isVirtual(path) ? [] : ts.sys.getDirectories(path));
  host.getSourceFile = (path, languageVersion) => {
    const absolute = resolve(path);
    if (isVirtual(absolute)) {
      const text = memory.get(absolute);
      return text === undefined ? undefined : ts.createSourceFile(absolute, text, languageVersion, true);
    }
    let file = diskSourceFiles.get(absolute);
    if (!file) {
      const text = ts.sys.readFile(absolute);
      if (text === undefined) return undefined;
      file = ts.createSourceFile(absolute, text, languageVersion, true);
      diskSourceFiles.set(absolute, file);
    }
    return file;
  };

  const program = ts.createProgram({ rootNames: roots, options, host });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) =>
    ts.formatDiagnostic(diagnostic, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => virtualRoot,
      getNewLine: () => '\n',
    }),
  );
  return { diagnostics, paths };
}

/** The value of every string literal in a TypeScript source (template literals without substitutions included). */
export function stringLiterals(source: string): string[] {
  const file = ts.createSourceFile('generated.ts', source, ts.ScriptTarget.Latest, true);
  const values: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) values.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return values;
}

/** Template literals with substitutions, which generated code must never contain. */
export function templateExpressions(source: string): number {
  const file = ts.createSourceFile('generated.ts', source, ts.ScriptTarget.Latest, true);
  let count = 0;
  const visit = (node: ts.Node) => {
    if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) count++;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return count;
}

/** The text of every comment in a TypeScript source. */
export function comments(source: string): string[] {
  const file = ts.createSourceFile('generated.ts', source, ts.ScriptTarget.Latest, true);
  const seen = new Set<number>();
  const out: string[] = [];
  const collect = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      out.push(source.slice(range.pos, range.end));
    }
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(source, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(source, node.getEnd()));
    ts.forEachChild(node, visit);
  };
  visit(file);
  collect(ts.getLeadingCommentRanges(source, file.endOfFileToken.getFullStart()));
  return out;
}

/** Identifiers declared or used in a TypeScript source. */
export function identifiers(source: string): string[] {
  const file = ts.createSourceFile('generated.ts', source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}
