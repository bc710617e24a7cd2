import { describe, expect, it } from 'vitest';
import { cleanSource, sourceGroup, summarizeProfile, type CpuProfile } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

describe('summarizeProfile', () => {
  // root → render (app.js line 10) → diff (app.js line 20); plus idle and GC.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 4, 5] },
      { id: 2, callFrame: frame('a', 'http://x/app.js', 9), children: [3] },
      { id: 3, callFrame: frame('b', 'http://x/app.js', 19) },
      { id: 4, callFrame: frame('(idle)') },
      { id: 5, callFrame: frame('(garbage collector)') },
    ],
    samples: [3, 3, 2, 4, 5],
    timeDeltas: [0, 1000, 1000, 1000, 1000],
  };
  const resolve = (_url: string, line: number) =>
    line === 9
      ? { source: '../src/canvas/render.ts', line: 5, column: 0, name: 'render' }
      : { source: '../../node_modules/react-dom/cjs/x.js', line: 7, column: 0, name: 'diff' };

  it('attributes self and total time through source maps, without idle time', () => {
    const summary = summarizeProfile(profile, resolve);
    const byName = new Map(summary.functions.map((spot) => [spot.name, spot]));
    expect(byName.get('diff node_modules/react-dom/cjs/x.js:7')).toMatchObject({ group: 'react-dom', selfMs: 2, totalMs: 2 });
    expect(byName.get('render src/canvas/render.ts:5')).toMatchObject({ group: 'src/canvas/render.ts', selfMs: 1, totalMs: 3 });
    expect(byName.get('(garbage collector)')).toMatchObject({ group: '(garbage collector)', selfMs: 1 });
    expect(byName.has('(idle)')).toBe(false);
    expect(summary.sampledMs).toBe(4);
    expect(summary.groups[0]).toEqual({ group: 'react-dom', selfMs: 2 });
  });
});

describe('source names', () => {
  it('keeps node_modules paths from the package on and groups them by package', () => {
    expect(cleanSource('../../node_modules/@xyflow/system/dist/esm/index.mjs')).toBe('node_modules/@xyflow/system/dist/esm/index.mjs');
    expect(sourceGroup('node_modules/@xyflow/system/dist/esm/index.mjs')).toBe('@xyflow/system');
    expect(sourceGroup('node_modules/react-dom/cjs/react-dom-client.production.js')).toBe('react-dom');
    expect(cleanSource('../shared/document/geometry.ts')).toBe('shared/document/geometry.ts');
  });
});
