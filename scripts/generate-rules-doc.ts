import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { RULES } from '../shared/rules';
import { RULES_DOC_PATH, renderRulesDoc } from './rules-doc';

mkdirSync(dirname(RULES_DOC_PATH), { recursive: true });
writeFileSync(RULES_DOC_PATH, renderRulesDoc());
console.log(`Wrote ${RULES.length} rules to ${RULES_DOC_PATH}`);
