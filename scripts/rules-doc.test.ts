import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../shared/rules';
import { RULES_DOC_PATH, renderRulesDoc } from './rules-doc';

describe('docs/rules.md', () => {
  it('is current with the rule definitions', () => {
    const current = existsSync(RULES_DOC_PATH) ? readFileSync(RULES_DOC_PATH, 'utf8') : '';
    // toBe would print a huge diff; the message says what to do.
    expect(current === renderRulesDoc(), 'docs/rules.md is out of date: run `npm run rules-doc` and commit the result.').toBe(true);
  });

  it('documents every rule with its severity, explanation and AWS link', () => {
    const text = renderRulesDoc();
    for (const rule of RULES) {
      expect(text).toContain(`### \`${rule.id}\``);
      expect(text).toContain(rule.explanation);
      expect(text).toContain(`<${rule.docUrl}>`);
    }
  });
});
