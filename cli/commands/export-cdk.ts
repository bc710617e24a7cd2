import { safeText } from '../../shared/text/unsafe-characters';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { cdkExportRefusal, type DiagramDocument } from '../../shared/document';
import { generateCdkApp } from '../../shared/export/cdk';
import { runRules, type Finding } from '../../shared/rules';
import { exportSvg } from '../../shared/export/svg';
import { installedVersions, recommendedFeatureFlags } from '../cdk-environment';
import { EXIT, readDocumentFile } from '../io';
import type { Subcommand } from '../main';

const USAGE = 'Usage: stowage export cdk FILE -o DIR [--name APP_NAME] [--force] [--overwrite]';

const SUMMARY = [
  'Writes an AWS CDK app (TypeScript) for the diagram in FILE to the folder DIR.',
  '',
  'Options:',
  '  -o, --out DIR    Folder to write the app to. It must not exist or be empty, unless --overwrite.',
  '  --name APP_NAME  Name of the app (package, stack and file names). Default: the file name.',
  '  --force          Export even when the diagram has errors; each one becomes a TODO(stowage)',
  '                   comment and a synth-time warning in the code.',
  '  --overwrite      Write into a folder that already has files, replacing files of the same name.',
  '                   Other files in the folder are left alone.',
  '',
  'Exit codes: 0 written, 1 the diagram has errors (see --force), 2 unreadable or invalid file, or one saved by a newer Stowage (never exported: the app would lack what this version cannot read), 64 usage.',
].join('\n');

interface Arguments {
  file: string;
  out: string;
  name?: string;
  force: boolean;
  overwrite: boolean;
}

export const exportCdkCommand: Subcommand = {
  name: 'export cdk',
  usage: USAGE,
  summary: SUMMARY,
  run(args, output) {
    const parsed = parseArguments(args);
    if (typeof parsed === 'string') {
      output.err(`${safeText`stowage export cdk: ${parsed}`}\n${USAGE}`);
      return EXIT.usage;
    }
    const loaded = readDocumentFile(parsed.file, output);
    if (!loaded) return EXIT.unreadable;
    const refusal = cdkExportRefusal(loaded.newer);
    if (refusal !== undefined) {
      output.err(`stowage: ${refusal}`);
      return EXIT.unreadable;
    }
    const { document } = loaded;

    const target = resolve(parsed.out);
    const problem = targetProblem(target, parsed.overwrite);
    if (problem) {
      output.err(safeText`stowage export cdk: ${problem}`);
      return EXIT.usage;
    }

    const findings = runRules(document);
    const result = generateCdkApp(document, {
      appName: parsed.name ?? basename(parsed.file).replace(/\.[^.]*$/, ''),
      findings,
      force: parsed.force,
      versions: installedVersions(),
      featureFlags: recommendedFeatureFlags(),
      ...diagramSvgOption(document),
    });
    if (!result.ok) {
      const count = result.errors.length;
      output.err(safeText`stowage: ${parsed.file} has ${count} ${count === 1 ? 'error' : 'errors'}, so no CDK app was written:`);
      for (const finding of result.errors) output.err(`  ${describeFinding(finding)}`);
      output.err('Fix them in the diagram, or export anyway with --force (each becomes a TODO(stowage) comment in the code).');
      return EXIT.findings;
    }

    const warnings = findings.filter((finding) => finding.severity !== 'info');
    for (const finding of warnings) output.err(`  ${describeFinding(finding)}`);
    try {
      for (const file of result.files) {
        const path = join(target, ...file.path.split('/'));
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.content);
      }
    } catch (error) {
      output.err(safeText`stowage export cdk: cannot write to ${parsed.out}: ${(error as Error).message}`);
      return EXIT.unreadable;
    }
    const shown = parsed.out;
    output.out(
      safeText`Wrote a CDK app (${result.files.length} files) to ${shown}${warnings.length > 0 ? `, with ${warnings.length} problems marked TODO(stowage)` : ''}.`,
    );
    output.out(safeText`Next: cd ${shown} && npm install && npx cdk synth   (README.md explains deploying)`);
    return EXIT.ok;
  },
};

function parseArguments(args: string[]): Arguments | string {
  let file: string | undefined;
  let out: string | undefined;
  let name: string | undefined;
  let force = false;
  let overwrite = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const value = () => {
      const next = args[index + 1];
      if (next === undefined || next.startsWith('-')) return undefined;
      index++;
      return next;
    };
    if (arg === '-o' || arg === '--out') {
      out = value();
      if (out === undefined) return `${arg} needs a folder.`;
    } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg === '--name') {
      name = value();
      if (name === undefined) return '--name needs a name.';
    } else if (arg.startsWith('--name=')) name = arg.slice('--name='.length);
    else if (arg === '--force') force = true;
    else if (arg === '--overwrite') overwrite = true;
    else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}.`;
    else if (file === undefined) file = arg;
    else return `unexpected argument ${arg}: give one FILE.`;
  }
  if (file === undefined) return 'give the .stowage FILE to export.';
  if (out === undefined || out === '') return 'give the folder to write to with -o DIR.';
  if (name !== undefined && name.trim() === '') return '--name cannot be empty.';
  return { file, out, force, overwrite, ...(name !== undefined ? { name } : {}) };
}

/** Why the app cannot be written to `target`, or undefined when it can. */
function targetProblem(target: string, overwrite: boolean): string | undefined {
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return `${target} exists and is not a folder.`;
  if (!overwrite && readdirSync(target).length > 0) {
    return `${target} is not empty. Choose a new folder, or pass --overwrite to replace the generated files in it.`;
  }
  return undefined;
}

function describeFinding(finding: Finding): string {
  return safeText`${finding.severity} ${finding.ruleId}: ${finding.message}`;
}

/** The diagram picture for the generated README: the same native SVG `stowage export svg` writes. */
function diagramSvgOption(document: DiagramDocument): { diagramSvg?: string } {
  return { diagramSvg: exportSvg(document).svg };
}
