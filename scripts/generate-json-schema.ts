import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FILE_FORMAT_DOC_PATH, JSON_SCHEMA_PATH, jsonSchemaSource, updateGeneratedSections } from './document-schema';

// `npm run schema`: regenerates docs/stowage.schema.json and the tables in docs/file-format.md.
mkdirSync(dirname(JSON_SCHEMA_PATH), { recursive: true });
writeFileSync(JSON_SCHEMA_PATH, jsonSchemaSource());
console.log(`Wrote ${JSON_SCHEMA_PATH}`);

if (!existsSync(FILE_FORMAT_DOC_PATH))
  throw new Error(`${FILE_FORMAT_DOC_PATH} is missing; it holds the hand-written prose around the generated tables.`);
const markdown = readFileSync(FILE_FORMAT_DOC_PATH, 'utf8');
const updated = updateGeneratedSections(markdown);
if (updated !== markdown) writeFileSync(FILE_FORMAT_DOC_PATH, updated);
console.log(`${updated === markdown ? 'Checked' : 'Updated'} the generated tables in ${FILE_FORMAT_DOC_PATH}`);
