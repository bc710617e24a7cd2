import { escapeUnsafeCharacters, safeText } from '../shared/text/unsafe-characters';
import { EXIT, processOutput, type Output } from './io';

/**
 * `stowage <command> …`. Each subcommand lives in its own module under cli/commands/ and is
 * loaded only when used, so `stowage validate` never pays for the PNG rasterizer.
 */
export interface Subcommand {
  /** "validate" or "export svg". */
  name: string;
  usage: string;
  summary: string;
  /** The exit code; commands that do nothing asynchronous return it directly (main awaits either). */
  run(args: string[], output: Output): number | Promise<number>;
}

type SubcommandLoader = () => Promise<Subcommand>;

/** Registered subcommands, by name. */
export const SUBCOMMANDS: Record<string, SubcommandLoader> = {
  'export svg': () => import('./commands/export-svg').then((m) => m.exportSvgCommand),
  'export png': () => import('./commands/export-png').then((m) => m.exportPngCommand),
  'export drawio': () => import('./commands/export-drawio').then((m) => m.exportDrawioCommand),
  validate: () => import('./commands/validate').then((m) => m.validateCommand),
  'export cdk': () => import('./commands/export-cdk').then((m) => m.exportCdkCommand),
  cost: () => import('./commands/cost').then((m) => m.costCommand),
  simulate: () => import('./commands/simulate').then((m) => m.simulateCommand),
};

export function usage(): string {
  return [
    'Usage: stowage <command> [options]',
    '',
    'Commands:',
    ...Object.keys(SUBCOMMANDS)
      .sort()
      .map((name) => `  ${name}`),
    '',
    'Run `stowage <command> --help` for the options of a command.',
  ].join('\n');
}

export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  const [first, second, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    output.out(usage());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  const twoWord = second !== undefined ? `${first} ${second}` : undefined;
  const loader = (twoWord && SUBCOMMANDS[twoWord]) || SUBCOMMANDS[first];
  if (!loader) {
    output.err(`${safeText`stowage: unknown command "${twoWord && first === 'export' ? twoWord : first}".`}\n\n${usage()}`);
    return EXIT.usage;
  }
  const args = twoWord && SUBCOMMANDS[twoWord] ? rest : argv.slice(1);
  const command = await loader();
  if (args.includes('--help') || args.includes('-h')) {
    output.out(`${command.usage}\n\n${command.summary}`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, output);
  } catch (error) {
    output.err(
      `stowage: internal error: ${escapeUnsafeCharacters(error instanceof Error ? (error.stack ?? error.message) : String(error), '\n')}`,
    );
    return EXIT.unreadable;
  }
}
