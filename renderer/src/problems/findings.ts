import { useMemo } from 'react';
import type { DiagramDocument } from '../../../shared/document';
import { runRules, SEVERITY_ORDER, type Finding, type Severity } from '../../../shared/rules';
import type { BadgeInfo } from '../canvas/flow-types';

/**
 * Live validation: findings for the current document, computed once per document version
 * (rules are pure and a full pass is linear), and badges per node and edge that keep their
 * identity while unchanged, so the canvas re-renders only elements whose findings changed.
 */
const findingsCache = new WeakMap<DiagramDocument, Finding[]>();

export function findingsFor(document: DiagramDocument): Finding[] {
  let findings = findingsCache.get(document);
  if (!findings) {
    findings = runRules(document);
    findingsCache.set(document, findings);
  }
  return findings;
}

export interface Badges {
  nodes: ReadonlyMap<string, BadgeInfo>;
  edges: ReadonlyMap<string, BadgeInfo>;
}

export class BadgeIndex {
  private previous: Badges = { nodes: new Map(), edges: new Map() };

  build(findings: readonly Finding[]): Badges {
    const nodes = collect(findings, (finding) => finding.nodeIds, this.previous.nodes);
    const edges = collect(findings, (finding) => finding.edgeIds, this.previous.edges);
    this.previous = { nodes, edges };
    return this.previous;
  }
}

function collect(
  findings: readonly Finding[],
  ids: (finding: Finding) => readonly string[],
  previous: ReadonlyMap<string, BadgeInfo>,
): Map<string, BadgeInfo> {
  const grouped = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const id of new Set(ids(finding))) {
      const list = grouped.get(id);
      if (list) list.push(finding);
      else grouped.set(id, [finding]);
    }
  }
  const out = new Map<string, BadgeInfo>();
  for (const [id, list] of grouped) {
    const severity = list.reduce<Severity>(
      (worst, finding) => (SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[worst] ? finding.severity : worst),
      'info',
    );
    const badge: BadgeInfo = { severity, count: list.length, messages: list.map((finding) => finding.message) };
    const old = previous.get(id);
    out.set(id, old && sameBadge(old, badge) ? old : badge);
  }
  return out;
}

function sameBadge(a: BadgeInfo, b: BadgeInfo): boolean {
  return a.severity === b.severity && a.count === b.count && a.messages.every((message, index) => message === b.messages[index]);
}

export function useBadges(findings: readonly Finding[]): Badges {
  const index = useMemo(() => new BadgeIndex(), []);
  return useMemo(() => index.build(findings), [findings, index]);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
