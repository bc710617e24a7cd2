import type { DiagramEdge, DiagramNode } from '../../document/schema';
import type { Finding, QuickFix, Rule, RuleCategory, Severity } from '../types';

/** A rule as the checks/ files write it: every rule names its docs section. */
export type RuleDefinition = Rule & { category: RuleCategory };

export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

export interface FindingInput {
  message: string;
  /** The elements involved, most important first (the problems panel selects the first). */
  nodes: readonly (DiagramNode | undefined)[];
  edges?: readonly (DiagramEdge | undefined)[];
  fix?: QuickFix;
  /** When this finding is milder or stricter than the rule's usual severity. */
  severity?: Severity;
}

/** Builds a finding with de-duplicated element ids in the order given. */
export function report(rule: Rule, input: FindingInput): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    severity: input.severity ?? rule.severity,
    message: input.message,
    nodeIds: unique(input.nodes.flatMap((node) => (node ? [node.id] : []))),
    edgeIds: unique((input.edges ?? []).flatMap((edge) => (edge ? [edge.id] : []))),
  };
  if (input.fix) finding.fix = input.fix;
  return finding;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** The empty result rules return for the many nodes they have nothing to say about; shared, so a pass allocates nothing for them. */
export const NONE: never[] = Object.freeze([]) as unknown as never[];
