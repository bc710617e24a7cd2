import { safeText } from '../../shared/text/unsafe-characters';
import { exportSvg } from '../../shared/export/svg';
import { EXIT, readDocumentFile, type Output } from '../io';
import type { Subcommand } from '../main';
import { MAX_PNG_PIXELS, pngSize, rasterizeSvg } from '../rasterize';
import {
  EXIT_CODE_HELP,
  SHARED_OPTION_HELP,
  UsageError,
  checkOutputPath,
  checkSelection,
  exportOptionsFor,
  parseExportArgs,
  withUsageErrors,
  writeOutput,
} from './export-options';
import { count } from './export-svg';

const COMMAND = 'export png';
const MAX_SCALE = 16;
const CSS_DPI = 96;

export const exportPngCommand: Subcommand = {
  name: COMMAND,
  usage: [
    'Usage: stowage export png FILE -o OUT.png [--scale 1|2|4 | --dpi N] [options]',
    '',
    'Options:',
    '  --scale S               pixels per diagram pixel: 1, 2 (default, sharp on screens and in print) or 4; any value up to 16',
    '  --dpi N                 instead of --scale: 96 dpi is scale 1, 192 is 2, 300 is 3.125',
    ...SHARED_OPTION_HELP,
    '',
    ...EXIT_CODE_HELP,
  ].join('\n'),
  summary: 'Renders the same SVG as `export svg` to a PNG at 1×, 2× or 4×.',
  run: (args: string[], output: Output) =>
    withUsageErrors(COMMAND, output, () => {
      const parsed = parseExportArgs(COMMAND, args, ['scale', 'dpi']);
      const scale = parseScale(parsed.extra.scale, parsed.extra.dpi);
      checkOutputPath(COMMAND, parsed.output);
      // A file from a newer Stowage is drawn too: what this version cannot read as plain labelled boxes.
      const loaded = readDocumentFile(parsed.file, output);
      if (!loaded) return EXIT.unreadable;
      const { document } = loaded;
      checkSelection(COMMAND, document, parsed.options.selection);
      const svg = exportSvg(document, exportOptionsFor(document, parsed));
      const size = pngSize(svg.width, svg.height, scale);
      if (size.width * size.height > MAX_PNG_PIXELS) {
        const largest = Math.floor(Math.sqrt(MAX_PNG_PIXELS / (svg.width * svg.height)) * 100) / 100;
        throw new UsageError(
          `${COMMAND}: at scale ${scale} the image would be ${size.width} × ${size.height} px (${Math.round((size.width * size.height) / 1e6)} megapixels), more than the ${MAX_PNG_PIXELS / 1e6}-megapixel limit. Use --scale ${largest} or less, export a --selection, or export SVG, which has no size limit.`,
        );
      }
      const png = rasterizeSvg(svg.svg, { scale });
      if (!writeOutput(COMMAND, parsed.output, png.png, output)) return EXIT.unreadable;
      output.out(
        safeText`Wrote ${parsed.output} (${png.width} × ${png.height} px at ${scale}×, ${count(svg.nodeCount, 'component')}, ${count(svg.edgeCount, 'connection')}).`,
      );
      return EXIT.ok;
    }),
};

/** --scale or --dpi as a zoom factor; 2 when neither is given. */
export function parseScale(scale: string | undefined, dpi: string | undefined): number {
  if (scale !== undefined && dpi !== undefined) throw new UsageError(`${COMMAND}: give --scale or --dpi, not both.`);
  if (dpi !== undefined) {
    const value = Number(dpi);
    if (dpi.trim() === '' || !Number.isFinite(value) || value <= 0 || value / CSS_DPI > MAX_SCALE) {
      throw new UsageError(`${COMMAND}: --dpi must be a number above 0 and at most ${MAX_SCALE * CSS_DPI} (got "${dpi}").`);
    }
    return value / CSS_DPI;
  }
  if (scale === undefined) return 2;
  const value = Number(scale.replace(/x$/i, ''));
  if (scale.trim() === '' || !Number.isFinite(value) || value <= 0 || value > MAX_SCALE) {
    throw new UsageError(`${COMMAND}: --scale must be a number above 0 and at most ${MAX_SCALE}, such as 1, 2 or 4 (got "${scale}").`);
  }
  return value;
}
