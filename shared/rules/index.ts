import type { DiagramDocument } from '../document/schema';
import { DiagramModel } from '../model/diagram-model';
import { RULES } from './registry';
import { SEVERITY_ORDER, type Finding, type Rule, type Severity } from './types';

export * from './types';
export { RULES } from './registry';

/**
 * Runs every rule over a document and returns the findings in a stable order (severity,
 * rule id, first element id, message), so the UI and the CLI list them the same way every
 * time. One DiagramModel is shared by all rules; a full pass is linear in nodes + edges.
 */
export function runRules(document: DiagramDocument, rules: readonly Rule[] = RULES): Finding[] {
  const model = new DiagramModel(document);
  const context = { document, model };
  const findings = rules.flatMap((rule) => rule.check(context));
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.nodeIds[0] ?? a.edgeIds[0] ?? '', b.nodeIds[0] ?? b.edgeIds[0] ?? '') ||
      compareText(a.message, b.message),
  );
}

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const rulesById = new Map(RULES.map((rule) => [rule.id, rule]));

export function findRule(id: string, rules: readonly Rule[] = RULES): Rule | undefined {
  return rules === RULES ? rulesById.get(id) : rules.find((rule) => rule.id === id);
}

export type FindingCounts = Record<Severity, number> & { total: number };

/** Counts by severity, for status bars and the CLI summary line. */
export function summarizeFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0, total: findings.length };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** Whether any finding is at least as severe as `level`. */
export function hasFindingsAtLeast(findings: readonly Finding[], level: Severity): boolean {
  return findings.some((finding) => SEVERITY_ORDER[finding.severity] <= SEVERITY_ORDER[level]);
}
