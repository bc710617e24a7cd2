import type { BenchResult } from '../types';
import type { MachineInfo } from './machine';

export interface ModuleReport {
  id: string;
  title: string;
  results: BenchResult[];
  durationMs: number;
  /** Set when the module crashed; results then hold whatever it returned before (usually nothing). */
  error?: string;
}

export function formatValue(result: Pick<BenchResult, 'value' | 'unit'>): string {
  const { value, unit } = result;
  if (!Number.isFinite(value)) return '–';
  switch (unit) {
    case 'x':
      return `${value.toFixed(2)}×`;
    case '%':
      return `${value.toFixed(value === 0 || value >= 10 ? 0 : 1)} %`;
    case 'fps':
      return `${value.toFixed(0)} fps`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'count':
      return value.toLocaleString('en');
    case 'ms':
      return `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} ms`;
  }
}

/** A fixed-width text table for the terminal. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function consoleReport(modules: readonly ModuleReport[]): string {
  const sections: string[] = [];
  for (const module of modules) {
    const heading = `${module.title} (${module.id}, ${(module.durationMs / 1000).toFixed(0)} s)`;
    if (module.error) {
      sections.push(`${heading}\n  CRASHED: ${module.error}`);
      continue;
    }
    const rows = module.results.map((result) => [result.name, formatValue(result), result.target ?? '']);
    sections.push(`${heading}\n${textTable(['Measurement', 'Value', 'Target'], rows)}`);
  }
  return sections.join('\n\n');
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `numeric` marks the columns to right-align; the others align left. */
function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: (column: number) => boolean = (column) => column > 0,
): string {
  const align = header.map((_, column) => (numeric(column) ? '--:' : ':--'));
  return [header, align, ...rows].map((cells) => `| ${cells.map(escapeCell).join(' | ')} |`).join('\n');
}

function withTarget(result: BenchResult): string {
  return result.target ? `${formatValue(result)} (target ${result.target})` : formatValue(result);
}

/**
 * A module's results as markdown: results with a `layout` become pivot tables (in order of
 * first appearance), the rest one flat table. Notes follow each pivot table as a list.
 */
export function moduleMarkdown(module: ModuleReport): string {
  if (module.error) return `**The benchmark crashed:** ${module.error}`;
  const parts: string[] = [];
  const tables = new Map<string, BenchResult[]>();
  const flat: BenchResult[] = [];
  for (const result of module.results) {
    if (!result.layout) {
      flat.push(result);
      continue;
    }
    const list = tables.get(result.layout.table) ?? [];
    list.push(result);
    tables.set(result.layout.table, list);
  }
  for (const [table, results] of tables) {
    const rows = unique(results.map((result) => result.layout!.row));
    const columns = unique(results.map((result) => result.layout!.column));
    const cell = (row: string, column: string) => {
      const result = results.find((candidate) => candidate.layout!.row === row && candidate.layout!.column === column);
      return result ? withTarget(result) : '';
    };
    parts.push(
      `#### ${table}\n\n${markdownTable(
        ['', ...columns],
        rows.map((row) => [row, ...columns.map((column) => cell(row, column))]),
      )}`,
    );
    const notes = results
      .filter((result) => result.notes)
      .map((result) => `- ${result.layout!.row}, ${result.layout!.column}: ${result.notes}`);
    if (notes.length > 0) parts.push(`<details><summary>Notes</summary>\n\n${notes.join('\n')}\n\n</details>`);
  }
  if (flat.length > 0) {
    const rows = flat.map((result) => [result.name, formatValue(result), result.target ?? '', result.notes ?? '']);
    parts.push(markdownTable(['Measurement', 'Value', 'Target', 'Notes'], rows, (column) => column === 1));
  }
  return parts.join('\n\n');
}

export function machineMarkdown(machine: MachineInfo): string {
  const rows: [string, string][] = [
    ['CPU', `${machine.cpuModel}, ${machine.cores} cores`],
    ['Memory', `${machine.memoryGB.toFixed(0)} GB`],
    ['OS', machine.os],
    ['Node', machine.node],
    ['Chromium', machine.chromium ?? 'not used in this run'],
    ['Load average (1 min) at start / end', `${machine.loadAtStart.toFixed(2)} / ${machine.loadAtEnd.toFixed(2)}`],
    ['Commit', machine.commit],
    ...(machine.webApp ? [['Web app measured', machine.webApp] as [string, string]] : []),
    ['Date', machine.date],
  ];
  return markdownTable(['Machine', ''], rows, () => false);
}

export function fullMarkdown(machine: MachineInfo, modules: readonly ModuleReport[]): string {
  const sections = [`### Machine\n\n${machineMarkdown(machine)}`];
  for (const module of modules) sections.push(`### ${module.title}\n\n${moduleMarkdown(module)}`);
  return sections.join('\n\n');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
