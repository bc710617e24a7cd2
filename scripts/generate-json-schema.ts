import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FILE_FORMAT_DOC_PATH, JSON_SCHEMA_PATH, jsonSchemaSource, updateGeneratedSections } from './document-schema';
import { KIND_CONTRACTS_PATH, contractsSource, updateContracts, type KindContract } from './kind-contracts';

// `npm run schema`: regenerates docs/stowage.schema.json, the tables in docs/file-format.md and
// the kind contracts, refusing a kind change that older versions could not read without a migration.
const previous = existsSync(KIND_CONTRACTS_PATH)
  ? (JSON.parse(readFileSync(KIND_CONTRACTS_PATH, 'utf8')) as Record<string, KindContract>)
  : {};
const { contracts, problems } = updateContracts(previous);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
writeFileSync(KIND_CONTRACTS_PATH, contractsSource(contracts));
console.log(`Wrote ${KIND_CONTRACTS_PATH}`);

mkdirSync(dirname(JSON_SCHEMA_PATH), { recursive: true });
writeFileSync(JSON_SCHEMA_PATH, jsonSchemaSource());
console.log(`Wrote ${JSON_SCHEMA_PATH}`);

if (!existsSync(FILE_FORMAT_DOC_PATH))
  throw new Error(`${FILE_FORMAT_DOC_PATH} is missing; it holds the hand-written prose around the generated tables.`);
const markdown = readFileSync(FILE_FORMAT_DOC_PATH, 'utf8');
const updated = updateGeneratedSections(markdown);
if (updated !== markdown) writeFileSync(FILE_FORMAT_DOC_PATH, updated);
console.log(`${updated === markdown ? 'Checked' : 'Updated'} the generated tables in ${FILE_FORMAT_DOC_PATH}`);
