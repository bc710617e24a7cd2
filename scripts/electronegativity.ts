import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/**
 * `npm run security:scan`: Doyensec's Electronegativity over the desktop shell's source
 * (electron/, tests excluded) and over the built main and preload bundles (`npm run build`
 * first), failing on any finding or any file it could not parse.
 *
 * Runs offline, by design. The scanner's CLI fetches translations from the network at start
 * and its AVAILABLE_SECURITY_FIXES check asks GitHub for Electron releases; here its runner is
 * called directly with its HTTP client replaced by one that fails at once, and that one check,
 * which cannot work offline, is left out (Electron updates are Dependabot's and the release
 * notes' job). The bundles are lowered to ES2019 first: the scanner's parser predates class
 * private fields and other syntax the bundles use.
 */

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const scannerRoot = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const OFFLINE_EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description?: string;
}
interface ScanResult {
  issues: Issue[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

export function offlineRunner(): Runner {
  const gotPath = require.resolve('got', { paths: [scannerRoot] });
  const offline = () => Promise.reject(new Error('Stowage runs Electronegativity offline'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
  return require(join(scannerRoot, 'dist', 'runner.js')) as Runner;
}

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The shell's production source: electron/ without tests, test support or type declarations. */
function stageSource(target: string): void {
  for (const file of files(join(root, 'electron'))) {
    if (!file.endsWith('.ts') || /\.test\.ts$|\.test-support\.ts$|\.d\.ts$/.test(file)) continue;
    const destination = join(target, relative(join(root, 'electron'), file));
    mkdirSync(dirname(destination), { recursive: true });
    cpSync(file, destination);
  }
}

/** The built bundles, lowered to ES2019 (comments kept: the reviewed-call markers live in them). */
function stageBundles(target: string): void {
  const bundles = ['out/main', 'out/preload'].flatMap((folder) =>
    files(join(root, folder))
      .filter((file) => /\.c?js$/.test(file))
      .map((file) => relative(root, file)),
  );
  if (bundles.length < 2) throw new Error('No built main and preload bundles: run `npm run build` first.');
  for (const bundle of bundles) {
    const source = readFileSync(join(root, bundle), 'utf8');
    const lowered = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.Preserve, removeComments: false },
      fileName: bundle,
    }).outputText;
    const destination = join(target, bundle.replace(/\.cjs$/, '.js'));
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(destination, lowered);
  }
}

/** Scans one folder; resolves to one line per finding or unparsable file. */
export async function scan(run: Runner, name: string, input: string, electronVersion: string): Promise<string[]> {
  const result = await run(
    {
      input,
      customScan: [],
      excludeFromScan: OFFLINE_EXCLUDED_CHECKS,
      isRelative: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const problems = [
    ...result.errors.filter((error) => !error.tolerable).map((error) => `${name}: could not scan ${error.file}: ${error.message}`),
    ...result.issues.map(
      (issue) => `${name}: ${issue.id} at ${issue.file}:${issue.location.line}:${issue.location.column} ${issue.sample?.trim() ?? ''}`,
    ),
  ];
  const scanned = files(input).length;
  console.log(`electronegativity: ${name}: ${scanned} files, ${result.issues.length} findings, ${result.errors.length} parse errors`);
  return problems;
}

async function main(): Promise<number> {
  const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  const run = offlineRunner();
  const staging = mkdtempSync(join(tmpdir(), 'stowage-electronegativity-'));
  // The scanner reports its progress on console.log; keep only our summary lines.
  const log = console.log;
  const quiet = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('electronegativity:')) log(...args);
  };
  console.log = quiet;
  try {
    stageSource(join(staging, 'source'));
    stageBundles(join(staging, 'bundles'));
    const problems = [
      ...(await scan(run, 'electron/ source', join(staging, 'source'), electronVersion)),
      ...(await scan(run, 'built main and preload', join(staging, 'bundles'), electronVersion)),
    ];
    console.log = log;
    for (const problem of problems) console.error(problem);
    if (problems.length > 0) {
      console.error(`electronegativity: ${problems.length} problems`);
      return 1;
    }
    console.log('electronegativity: no findings');
    return 0;
  } finally {
    console.log = log;
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
