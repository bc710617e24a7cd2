import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exportDrawio } from '../../shared/export/drawio';
import { safeText } from '../../shared/text/unsafe-characters';
import { EXIT, readDocumentFile, type Output } from '../io';
import type { Subcommand } from '../main';
import { count } from './export-svg';
import { EXIT_CODE_HELP, UsageError, checkOutputPath, withUsageErrors, writeOutput } from './export-options';

const COMMAND = 'export drawio';

/** Only where to write: the draw.io file takes no look options (draw.io has its own themes). */
const OPTIONS = { output: { type: 'string', short: 'o' } } as const satisfies ParseArgsConfig['options'];

function parseStrictly(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${COMMAND}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '.')}`);
  }
}

function parse(args: string[]): { file: string; output: string } {
  const { values, positionals } = parseStrictly(args);
  if (positionals.length === 0) throw new UsageError(`${COMMAND}: name the diagram file to export.`);
  if (positionals.length > 1)
    throw new UsageError(`${COMMAND}: export one diagram at a time (got ${positionals.length} files: ${positionals.join(', ')}).`);
  if (typeof values.output !== 'string' || values.output === '')
    throw new UsageError(`${COMMAND}: say where to write the draw.io file with -o OUT.drawio.`);
  return { file: positionals[0]!, output: values.output };
}

export const exportDrawioCommand: Subcommand = {
  name: COMMAND,
  usage: [
    'Usage: stowage export drawio FILE -o OUT.drawio',
    '',
    'Options:',
    '  -o, --output OUT        file to write (its folder must exist)',
    '',
    ...EXIT_CODE_HELP,
  ].join('\n'),
  summary:
    "Writes the diagram as an uncompressed draw.io file (mxGraph XML) with draw.io's own AWS shapes, groups as containers and connections with their labels, to go on editing in draw.io.",
  run: (args: string[], output: Output) =>
    withUsageErrors(COMMAND, output, () => {
      const parsed = parse(args);
      checkOutputPath(COMMAND, parsed.output);
      const loaded = readDocumentFile(parsed.file, output);
      if (!loaded) return EXIT.unreadable;
      const result = exportDrawio(loaded.document);
      if (!writeOutput(COMMAND, parsed.output, result.xml, output)) return EXIT.unreadable;
      output.out(
        safeText`Wrote ${parsed.output} (${count(result.nodeCount, 'component')}, ${count(result.edgeCount, 'connection')}) for draw.io.`,
      );
      return EXIT.ok;
    }),
};
