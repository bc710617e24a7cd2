import { writeFileSync } from 'node:fs';
import { EXPORTERS_MODULE_PATH, exportersModule, undeclaredKindsMessage } from './exporters-module';

const { source, entries } = await exportersModule();
writeFileSync(EXPORTERS_MODULE_PATH, source);
console.log(`Wrote ${entries.length} kinds to ${EXPORTERS_MODULE_PATH}`);
// A warning, not a failure: the other generators (icons, schema) still have to run for the new kind.
const undeclared = undeclaredKindsMessage(entries);
if (undeclared !== '') console.warn(undeclared);
