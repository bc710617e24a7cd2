import { writeFileSync } from 'node:fs';
import { ICON_MODULE_PATH, catalogIconIds, iconModuleSource } from './icon-bundle';

writeFileSync(ICON_MODULE_PATH, iconModuleSource());
console.log(`Wrote ${catalogIconIds().length} icons to ${ICON_MODULE_PATH}`);
