import { writeFileSync } from 'node:fs';
import { EXPORTERS_MODULE_PATH, exportersModuleSource } from './exporters-module';

const source = await exportersModuleSource();
writeFileSync(EXPORTERS_MODULE_PATH, source);
console.log(`Wrote ${source.split('\n').filter((line) => line.includes('exporterOf(')).length} kinds to ${EXPORTERS_MODULE_PATH}`);
