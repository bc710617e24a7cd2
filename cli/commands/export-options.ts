import { safeText } from '../../shared/text/unsafe-characters';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DiagramDocument } from '../../shared/document';
import { DocumentIndex } from '../../shared/document/geometry';
import { MAX_PADDING, exportDate, unknownNodeIds, type SvgExportOptions } from '../../shared/export/svg';
import { runRules } from '../../shared/rules';
import { EXIT, type Output } from '../io';

/** Options `stowage export svg` and `stowage export png` share, as the app's Export dialog offers them. */
export const SHARED_OPTION_HELP = [
  '  -o, --output OUT        file to write (its folder must exist)',
  '  --selection ID,ID…      export these components, what is inside them and the connections among them',
  '  --padding N             space around the diagram in px (default 32)',
  '  --background B          transparent | white | dark (default: white, or dark with --theme dark)',
  '  --theme T               light | dark (default light)',
  '  --badges                mark components that have validation findings',
  "  --title-block           the title, description and today's date above the diagram",
  '  --legend                a legend of the connections (and badges) drawn, below the diagram',
];

export const EXIT_CODE_HELP = [
  'Exit codes: 0 written; 2 the diagram cannot be read or is invalid, or OUT cannot be written;',
  '64 wrong options, unknown --selection ids, or OUT in a folder that does not exist.',
];

const SHARED_OPTIONS = {
  output: { type: 'string', short: 'o' },
  selection: { type: 'string' },
  padding: { type: 'string' },
  background: { type: 'string' },
  theme: { type: 'string' },
  badges: { type: 'boolean' },
  'title-block': { type: 'boolean' },
  legend: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export class UsageError extends Error {}

export interface ParsedExportArgs {
  file: string;
  output: string;
  /** Everything but findings, which need the document. */
  options: Omit<SvgExportOptions, 'findings'>;
  badges: boolean;
  /** Values of command-specific options, as given. */
  extra: Record<string, string | undefined>;
}

/** Parses `FILE -o OUT [options]`; throws UsageError with a message that says what to fix. */
export function parseExportArgs(command: string, args: string[], extraOptions: readonly string[] = []): ParsedExportArgs {
  const options: ParseArgsConfig['options'] = { ...SHARED_OPTIONS };
  for (const name of extraOptions) options[name] = { type: 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '.')}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(`${command}: name the diagram file to export.`);
  if (positionals.length > 1)
    throw new UsageError(`${command}: export one diagram at a time (got ${positionals.length} files: ${positionals.join(', ')}).`);
  const output = values.output;
  if (typeof output !== 'string' || output === '') throw new UsageError(`${command}: say where to write the image with -o OUT.`);

  const result: ParsedExportArgs = { file: positionals[0]!, output, options: {}, badges: values.badges === true, extra: {} };
  if (typeof values.selection === 'string') {
    const ids = values.selection
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (ids.length === 0) throw new UsageError(`${command}: --selection needs component ids, separated by commas.`);
    result.options.selection = ids;
  }
  if (typeof values.padding === 'string') {
    const padding = Number(values.padding);
    if (values.padding.trim() === '' || !Number.isFinite(padding) || padding < 0 || padding > MAX_PADDING) {
      throw new UsageError(`${command}: --padding must be a number of pixels from 0 to ${MAX_PADDING} (got "${values.padding}").`);
    }
    result.options.padding = padding;
  }
  if (typeof values.background === 'string') {
    if (values.background !== 'transparent' && values.background !== 'white' && values.background !== 'dark') {
      throw new UsageError(`${command}: --background must be transparent, white or dark (got "${values.background}").`);
    }
    result.options.background = values.background;
  }
  // The date is the day of the export, as a reader of the printed diagram wants it.
  if (values['title-block'] === true) result.options.titleBlock = { date: exportDate(new Date()) };
  if (values.legend === true) result.options.legend = true;
  if (typeof values.theme === 'string') {
    if (values.theme !== 'light' && values.theme !== 'dark')
      throw new UsageError(`${command}: --theme must be light or dark (got "${values.theme}").`);
    result.options.theme = values.theme;
  }
  for (const name of extraOptions) {
    const value = values[name];
    if (typeof value === 'string') result.extra[name] = value;
  }
  return result;
}

/** Refuses an output path whose folder is missing or which names a folder, before any work is done. */
export function checkOutputPath(command: string, output: string): void {
  const folder = dirname(resolve(output));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(
      `${command}: cannot write ${output}: the folder ${folder} does not exist. Create it first or choose another path.`,
    );
  }
  if (existsSync(output) && statSync(output).isDirectory())
    throw new UsageError(`${command}: ${output} is a folder; give a file name such as ${output.replace(/\/+$/, '')}/diagram.svg.`);
}

/** Checks --selection against the document: every id must name a component. */
export function checkSelection(command: string, document: DiagramDocument, selection: readonly string[] | undefined): void {
  if (!selection) return;
  const unknown = unknownNodeIds(new DocumentIndex(document), selection);
  if (unknown.length > 0) {
    const list = unknown.map((id) => `"${id}"`).join(', ');
    throw new UsageError(
      `${command}: --selection names ${unknown.length === 1 ? 'a component' : 'components'} the diagram does not have: ${list}. Ids are the "id" fields of the nodes in the file.`,
    );
  }
}

/** The export options for a loaded document, with findings when --badges was given. */
export function exportOptionsFor(document: DiagramDocument, parsed: ParsedExportArgs): SvgExportOptions {
  return parsed.badges ? { ...parsed.options, findings: runRules(document) } : parsed.options;
}

/** Writes the file; on failure reports why and returns false. */
export function writeOutput(command: string, output: string, data: string | Buffer, log: Output): boolean {
  try {
    writeFileSync(output, data);
    return true;
  } catch (error) {
    log.err(safeText`${command}: cannot write ${output}: ${(error as Error).message}`);
    return false;
  }
}

/** Runs a command body, turning UsageError into the usage exit code and a pointer to --help. */
export async function withUsageErrors(command: string, output: Output, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${safeText`stowage ${error.message}`}\nRun \`stowage ${command} --help\` for the options.`);
      return EXIT.usage;
    }
    throw error;
  }
}
