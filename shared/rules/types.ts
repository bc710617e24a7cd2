import type { DiagramDocument } from '../document/schema';
import type { DiagramModel } from '../model/diagram-model';
import type { KindId } from '../catalog/catalog';

/** error: AWS rejects it or it cannot work. warning: works, but risky or most likely a mistake. info: worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A one-click repair: a pure document change the UI applies as one undoable command. */
export interface QuickFix {
  label: string;
  apply(document: DiagramDocument): DiagramDocument;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Names the elements involved: "Service 'web' runs on Fargate, which only supports the awsvpc network mode." */
  message: string;
  nodeIds: string[];
  edgeIds: string[];
  fix?: QuickFix;
}

export interface RuleContext {
  document: DiagramDocument;
  model: DiagramModel;
}

/** Sections of docs/rules.md and the problems panel, in the order they are listed. */
export const RULE_CATEGORIES = [
  'Fargate',
  'Networking and load balancing',
  'Launch types and capacity',
  'Scaling',
  'EFS',
  'Registries and egress',
  'EKS',
] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export interface Rule {
  /** Stable id; the contract with users, docs and the CLI. */
  id: string;
  /** Where docs/rules.md lists the rule. */
  category?: RuleCategory;
  /** The severity of most findings; a finding may carry another one. */
  severity: Severity;
  title: string;
  /** A short explanation of why AWS behaves this way, for the problems panel and docs/rules.md. */
  explanation: string;
  docUrl: string;
  /** The concept the rule teaches: the kind whose learn card the explanation links to. */
  teaches?: KindId;
  check(context: RuleContext): Finding[];
}
