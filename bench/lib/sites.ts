import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteSpec } from '../types';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs a command in the repository root; rejects with its output when it fails. */
export function runCommand(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${[command, ...args].join(' ')}\` failed with exit code ${code}:\n${output.trim()}`));
    });
  });
}

/** The Stowage browser build (vite.web.config.ts), as e2e tests use it. */
export const WEB_APP: SiteSpec = {
  name: 'Stowage web build (dist-web)',
  directory: 'dist-web',
  build: () => runCommand('npm', ['run', 'build:web']),
};

/** The benchmark's own pages (bench/pages, built by bench/vite.bench.config.ts). */
export const BENCH_PAGES: SiteSpec = {
  name: 'benchmark pages (bench/dist)',
  directory: 'bench/dist',
  build: () =>
    runCommand(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'bench/vite.bench.config.ts']),
};
