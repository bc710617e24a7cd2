import { readFileSync, statSync } from 'node:fs';
import {
  loadDocumentBytes,
  LIMITS,
  describeLoadIssues,
  describeNewerItems,
  newerContentMessage,
  type DiagramDocument,
  type NewerContent,
} from '../shared/document';
import { escapeUnsafeCharacters, safeText } from '../shared/text/unsafe-characters';

/** Exit codes every subcommand uses. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 64 } as const;

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/**
 * The terminal. Messages escape the user text they carry (safeText); as a last line of
 * defence, nothing but line breaks and tabs reaches the terminal as a control character.
 */
export const processOutput: Output = {
  out: (text) => process.stdout.write(terminalLine(text)),
  err: (text) => process.stderr.write(terminalLine(text)),
};

function terminalLine(text: string): string {
  const safe = escapeUnsafeCharacters(text, '\n\t');
  return safe.endsWith('\n') ? safe : `${safe}\n`;
}

export interface LoadedFile {
  document: DiagramDocument;
  /** Set when the file was saved by a newer Stowage; the message has been written to stderr. */
  newer?: NewerContent;
}

/**
 * Reads and loads a .stowage file through the one loader; on failure, reports why and returns
 * undefined. A file from a newer Stowage loads, with what is newer reported on stderr: each
 * command decides what it can still do with it.
 */
export function readDocumentFile(path: string, output: Output): LoadedFile | undefined {
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      output.err(safeText`stowage: ${path} is not a file.`);
      return undefined;
    }
    if (stat.size > LIMITS.maxFileBytes) {
      output.err(safeText`stowage: ${path} is larger than ${LIMITS.maxFileBytes / (1024 * 1024)} MB, which no Stowage diagram needs.`);
      return undefined;
    }
    bytes = readFileSync(path);
  } catch (error) {
    output.err(
      safeText`stowage: cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
    return undefined;
  }
  const result = loadDocumentBytes(bytes);
  if (!result.ok) {
    output.err(safeText`stowage: ${path}: ${result.error.message}`);
    for (const line of describeLoadIssues(result.error).slice(1)) output.err(safeText`  ${line}`);
    return undefined;
  }
  if (!result.newer) return { document: result.document };
  output.err(safeText`stowage: ${path}: ${newerContentMessage(result.newer)}`);
  for (const line of describeNewerItems(result.newer.items)) output.err(safeText`  ${line}`);
  return { document: result.document, newer: result.newer };
}
