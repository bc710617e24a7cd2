/** Options of `npm run bench -- …`. */
export interface BenchOptions {
  /** Skip building the web app and benchmark pages; serve what is already built. */
  build: boolean;
  /** Module ids (file names without .bench.ts) to run; empty runs them all. */
  only: string[];
  /** Serve this already-built web app instead of building dist-web (compare another build, e.g. a fix). */
  webDir?: string;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [--only <name>[,<name>…]] [--no-build]

  --only canvas       run only bench/canvas.bench.ts (repeatable, or comma-separated)
  --no-build          reuse dist-web/ and bench/dist/ instead of building them first
  --web-dir <dir>     benchmark another, already built web app (e.g. a copy with a fix) instead of dist-web/
  --help              show this help

Writes bench/results/latest.json and prints a markdown section for docs/benchmarks.md.`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { build: true, only: [], help: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--no-build') options.build = false;
    else if (argument === '--help' || argument === '-h') options.help = true;
    else if (argument === '--web-dir' || argument.startsWith('--web-dir=')) {
      const value = argument === '--web-dir' ? argv[++index] : argument.slice('--web-dir='.length);
      if (!value) throw new UsageError('--web-dir needs a directory with a built web app (index.html)');
      options.webDir = value;
    } else if (argument === '--only' || argument.startsWith('--only=')) {
      const value = argument === '--only' ? argv[++index] : argument.slice('--only='.length);
      if (!value) throw new UsageError('--only needs a benchmark name, e.g. --only canvas');
      options.only.push(
        ...value
          .split(',')
          .map((name) => name.trim().replace(/\.bench\.ts$/, ''))
          .filter(Boolean),
      );
    } else throw new UsageError(`Unknown option "${argument}".`);
  }
  return options;
}
