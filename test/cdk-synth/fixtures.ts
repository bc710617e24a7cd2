import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument, type DiagramDocument } from '../../shared/document';
import { generateCdkApp, type CdkAppOptions, type GeneratedFile } from '../../shared/export/cdk';
import type { Finding } from '../../shared/rules/types';

/** The diagrams the CDK export tests use (shared/export/cdk/fixtures). */
export const FIXTURES_DIR = join(import.meta.dirname, '../../shared/export/cdk/fixtures');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith('.stowage'))
    .sort();
}

export function loadFixture(name: string): DiagramDocument {
  const result = loadDocument(readFileSync(join(FIXTURES_DIR, name), 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.document;
}

export const TEST_VERSIONS: CdkAppOptions['versions'] = {
  awsCdkLib: '2.276.0',
  constructs: '^10.8.1',
  kubectlLayer: '^2.2.2',
};

/** Generates an app and fails the test when the generator refuses. */
export function generate(document: DiagramDocument, options: Partial<CdkAppOptions> = {}): GeneratedFile[] {
  const result = generateCdkApp(document, { appName: 'test-app', findings: [], force: false, versions: TEST_VERSIONS, ...options });
  if (!result.ok) throw new Error(`The generator refused: ${result.errors.map((error) => error.message).join('; ')}`);
  return result.files;
}

export function fileText(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`No ${path} among ${files.map((candidate) => candidate.path).join(', ')}`);
  return file.content;
}

export function finding(
  ruleId: string,
  nodeIds: string[],
  severity: Finding['severity'] = 'error',
  message = `Problem ${ruleId}.`,
): Finding {
  return { ruleId, severity, message, nodeIds, edgeIds: [] };
}
