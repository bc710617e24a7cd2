import type { DiagramDocument } from '../document/schema';
import { DiagramModel } from '../model/diagram-model';
import { RULES } from './registry';
import { SEVERITY_ORDER, type Finding, type Rule } from './types';

export * from './types';
export { RULES } from './registry';

/**
 * Runs every rule over a document and returns the findings in a stable order (severity,
 * rule id, first element id), so the UI and the CLI list them the same way every time.
 */
export function runRules(document: DiagramDocument, rules: readonly Rule[] = RULES): Finding[] {
  const model = new DiagramModel(document);
  const findings = rules.flatMap((rule) => rule.check({ document, model }));
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.nodeIds[0] ?? a.edgeIds[0] ?? '', b.nodeIds[0] ?? b.edgeIds[0] ?? ''),
  );
}

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function findRule(id: string, rules: readonly Rule[] = RULES): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
