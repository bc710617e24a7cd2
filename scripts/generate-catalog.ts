import { writeFileSync } from 'node:fs';
import { KINDS_MODULE_PATH, kindsModuleSource } from './catalog-module';

const source = await kindsModuleSource();
writeFileSync(KINDS_MODULE_PATH, source);
console.log(
  `Wrote ${source.split('\n').filter((line) => line.startsWith('import { ') && line.includes("from './kinds/")).length} kinds to ${KINDS_MODULE_PATH}`,
);
