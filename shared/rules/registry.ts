import type { Rule } from './types';

/** Every rule Stowage checks, in the order docs/rules.md lists them. One rule per file in shared/rules/checks/. */
export const RULES: readonly Rule[] = [];
