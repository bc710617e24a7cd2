import { readFileSync, writeFileSync } from 'node:fs';
import { README_PATH, withShortcutsTable } from './shortcuts-doc';

writeFileSync(README_PATH, withShortcutsTable(readFileSync(README_PATH, 'utf8')));
console.log(`Wrote the keyboard shortcuts into ${README_PATH}`);
