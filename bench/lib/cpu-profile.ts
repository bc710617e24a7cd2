import type { OriginalPosition } from './source-map';

/** The parts of a CDP Profiler.Profile the summary reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  /** "FlowDeriver.nodes renderer/src/canvas/derive.ts:47" or "(garbage collector)". */
  name: string;
  /** Package or source file it belongs to: "@xyflow/system", "renderer/src/canvas/derive.ts", "(native)". */
  group: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  sampledMs: number;
  functions: HotSpot[];
  groups: Array<{ group: string; selfMs: number }>;
}

/** Maps a generated script position to its original source, when a source map knows it. */
export type Resolve = (url: string, line: number, column: number) => OriginalPosition | undefined;

/**
 * Self and total time per function, from the samples of a CDP CPU profile. Positions are
 * mapped through source maps so minified bundles read as their sources; functions resolving to
 * the same original name and line are merged. Idle time is left out.
 */
export function summarizeProfile(profile: CpuProfile, resolve: Resolve): ProfileSummary {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = new Map<number, { name: string; group: string }>();
  for (const node of profile.nodes) keyOf.set(node.id, describeFrame(node.callFrame, resolve));

  const self = new Map<string, HotSpot>();
  const groups = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let sampledMs = 0;
  for (const [index, sample] of samples.entries()) {
    const weight = Math.max(0, deltas[index + 1] ?? deltas[index] ?? 0) / 1000;
    const leaf = keyOf.get(sample)!;
    if (leaf.name === '(idle)') continue;
    sampledMs += weight;
    entry(self, leaf).selfMs += weight;
    groups.set(leaf.group, (groups.get(leaf.group) ?? 0) + weight);
    const seen = new Set<string>();
    let nodeId: number | undefined = sample;
    while (nodeId !== undefined) {
      const key = keyOf.get(nodeId)!;
      if (!seen.has(key.name) && key.name !== '(root)') {
        seen.add(key.name);
        entry(self, key).totalMs += weight;
      }
      nodeId = parent.get(nodeId);
    }
  }
  return {
    sampledMs,
    functions: [...self.values()].sort((a, b) => b.selfMs - a.selfMs),
    groups: [...groups.entries()].map(([group, selfMs]) => ({ group, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

function entry(map: Map<string, HotSpot>, key: { name: string; group: string }): HotSpot {
  let spot = map.get(key.name);
  if (!spot) {
    spot = { name: key.name, group: key.group, selfMs: 0, totalMs: 0 };
    map.set(key.name, spot);
  }
  return spot;
}

function describeFrame(frame: CpuProfile['nodes'][number]['callFrame'], resolve: Resolve): { name: string; group: string } {
  if (!frame.url) {
    const name = frame.functionName || '(anonymous)';
    return { name, group: name.startsWith('(') ? name : '(native)' };
  }
  const original = resolve(frame.url, frame.lineNumber, frame.columnNumber);
  if (!original) {
    const file = frame.url.replace(/^.*\//, '');
    return { name: `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`, group: file };
  }
  const source = cleanSource(original.source);
  const name = original.name ?? (frame.functionName || '(anonymous)');
  return { name: `${name} ${source}:${original.line}`, group: sourceGroup(source) };
}

/** "../../node_modules/@xyflow/system/dist/esm/index.mjs" → "node_modules/@xyflow/system/dist/esm/index.mjs". */
export function cleanSource(source: string): string {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) return source.slice(modules);
  return source.replace(/^(\.\.\/)+/, '').replace(/^\.\//, '');
}

/** A package for dependencies ("react-dom", "@xyflow/react"), the file for the project's own code. */
export function sourceGroup(source: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return match ? match[1]! : source;
}
