import { safeText } from '../../shared/text/unsafe-characters';
import { exportSvg } from '../../shared/export/svg';
import { EXIT, readDocumentFile, type Output } from '../io';
import type { Subcommand } from '../main';
import {
  EXIT_CODE_HELP,
  SHARED_OPTION_HELP,
  checkOutputPath,
  checkSelection,
  exportOptionsFor,
  parseExportArgs,
  withUsageErrors,
  writeOutput,
} from './export-options';

const COMMAND = 'export svg';

export const exportSvgCommand: Subcommand = {
  name: COMMAND,
  usage: ['Usage: stowage export svg FILE -o OUT.svg [options]', '', 'Options:', ...SHARED_OPTION_HELP, '', ...EXIT_CODE_HELP].join('\n'),
  summary: 'Writes the diagram as a self-contained SVG with the official AWS icons, ready for documents, slides and print.',
  run: (args: string[], output: Output) =>
    withUsageErrors(COMMAND, output, () => {
      const parsed = parseExportArgs(COMMAND, args);
      checkOutputPath(COMMAND, parsed.output);
      // A file from a newer Stowage is drawn too: what this version cannot read as plain labelled boxes.
      const loaded = readDocumentFile(parsed.file, output);
      if (!loaded) return EXIT.unreadable;
      const { document } = loaded;
      checkSelection(COMMAND, document, parsed.options.selection);
      const result = exportSvg(document, exportOptionsFor(document, parsed));
      if (!writeOutput(COMMAND, parsed.output, result.svg, output)) return EXIT.unreadable;
      output.out(
        safeText`Wrote ${parsed.output} (${result.width} × ${result.height} px, ${count(result.nodeCount, 'component')}, ${count(result.edgeCount, 'connection')}).`,
      );
      return EXIT.ok;
    }),
};

export function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
