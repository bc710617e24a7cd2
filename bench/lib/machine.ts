import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  /** Set once a module started Chromium. */
  chromium?: string;
  loadAtStart: number;
  loadAtEnd: number;
  commit: string;
  /** Which web build was measured: fresh, reused (--no-build) or another one (--web-dir). */
  webApp?: string;
  date: string;
}

/** What the numbers were measured on. Load averages show how busy the machine was around the run. */
export function describeMachine(repositoryRoot: string): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.availableParallelism(),
    memoryGB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    loadAtStart: os.loadavg()[0] ?? Number.NaN,
    loadAtEnd: Number.NaN,
    commit: gitCommit(repositoryRoot),
    date: new Date().toISOString(),
  };
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1]!.trim();
  } catch {
    // Not Linux: os.cpus() knows the model too.
  }
  return os.cpus()[0]?.model.trim() ?? 'unknown CPU';
}

function gitCommit(cwd: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}
