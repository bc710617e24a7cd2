import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../types';
import { consoleReport, formatValue, moduleMarkdown } from './report';

describe('formatValue', () => {
  it('shows each unit the way people read it', () => {
    expect(formatValue({ value: 1234.5, unit: 'ms' })).toBe('1235 ms');
    expect(formatValue({ value: 16.66, unit: 'ms' })).toBe('16.7 ms');
    expect(formatValue({ value: 3.456, unit: 'ms' })).toBe('3.46 ms');
    expect(formatValue({ value: 1.234, unit: 'x' })).toBe('1.23×');
    expect(formatValue({ value: 0, unit: '%' })).toBe('0 %');
    expect(formatValue({ value: 4.44, unit: '%' })).toBe('4.4 %');
    expect(formatValue({ value: 1234, unit: 'count' })).toBe('1,234');
    expect(formatValue({ value: Number.NaN, unit: 'ms' })).toBe('–');
  });
});

describe('moduleMarkdown', () => {
  it('pivots results with a layout into tables, keeping first-seen order, with targets and notes', () => {
    const results: BenchResult[] = [
      { name: 'a', value: 10, unit: 'ms', layout: { table: 'Pan', row: '100 nodes', column: 'median' } },
      { name: 'b', value: 2, unit: 'ms', layout: { table: 'Pan', row: '100 nodes', column: 'main thread' }, notes: '3 runs' },
      { name: 'c', value: 1.5, unit: 'x', target: '≤ 1.3×', layout: { table: 'Pan', row: 'ratio', column: 'main thread' } },
      { name: 'Flat one', value: 5, unit: 'MB' },
    ];
    const markdown = moduleMarkdown({ id: 'canvas', title: 'Canvas', results, durationMs: 1 });
    expect(markdown).toContain('#### Pan');
    expect(markdown).toContain('|  | median | main thread |');
    expect(markdown).toContain('| 100 nodes | 10.0 ms | 2.00 ms |');
    expect(markdown).toContain('| ratio |  | 1.50× (target ≤ 1.3×) |');
    expect(markdown).toContain('- 100 nodes, main thread: 3 runs');
    expect(markdown).toContain('| Flat one | 5.0 MB |  |  |');
  });

  it('says when a module crashed', () => {
    const crashed = { id: 'cdk', title: 'cdk', results: [], durationMs: 1, error: 'boom' };
    expect(moduleMarkdown(crashed)).toBe('**The benchmark crashed:** boom');
    expect(consoleReport([crashed])).toContain('CRASHED: boom');
  });
});
