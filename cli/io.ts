import { readFileSync, statSync } from 'node:fs';
import { loadDocument, LIMITS, describeIssues, type DiagramDocument } from '../shared/document';

/** Exit codes every subcommand uses. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 64 } as const;

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Reads and loads a .stowage file through the one loader; on failure, reports why and returns undefined. */
export function readDocumentFile(path: string, output: Output): DiagramDocument | undefined {
  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      output.err(`stowage: ${path} is not a file.`);
      return undefined;
    }
    if (stat.size > LIMITS.maxFileBytes) {
      output.err(`stowage: ${path} is larger than ${LIMITS.maxFileBytes / (1024 * 1024)} MB, which no Stowage diagram needs.`);
      return undefined;
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    output.err(
      `stowage: cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
    return undefined;
  }
  const result = loadDocument(text);
  if (!result.ok) {
    output.err(`stowage: ${path}: ${result.error.message}`);
    for (const line of describeIssues(result.error.issues).slice(1)) output.err(`  ${line}`);
    return undefined;
  }
  return result.document;
}
