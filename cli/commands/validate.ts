import { findRule, hasFindingsAtLeast, runRules, summarizeFindings, type Finding, type Severity } from '../../shared/rules';
import { safeText } from '../../shared/text/unsafe-characters';
import { understoodPart } from '../../shared/document';
import { EXIT, readDocumentFile } from '../io';
import type { Subcommand } from '../main';

const FORMATS = ['text', 'json'] as const;
const LEVELS: readonly Severity[] = ['error', 'warning', 'info'];

type Format = (typeof FORMATS)[number];

interface Options {
  file: string;
  format: Format;
  failOn: Severity;
}

const USAGE = 'Usage: stowage validate FILE [--format text|json] [--fail-on error|warning]';

export const validateCommand: Subcommand = {
  name: 'validate',
  usage: USAGE,
  summary: [
    'Checks a .stowage diagram against the AWS container rules (docs/rules.md) and lists what AWS would reject or what looks risky.',
    '',
    '  --format text|json        text (default): one line per finding and a summary; json: {"findings": [...]}',
    '  --fail-on error|warning   the lowest severity that makes the exit code 1 (default: error)',
    '',
    'Exit codes: 0 nothing at or above the fail level, 1 findings at or above it, 2 the file cannot be read, is not a valid diagram, or was saved by a newer Stowage (then what this version understands is still checked and listed), 64 usage error.',
  ].join('\n'),
  run(args, output) {
    const options = parseArgs(args);
    if (typeof options === 'string') {
      output.err(`${safeText`stowage validate: ${options}`}\n${USAGE}`);
      return EXIT.usage;
    }
    const loaded = readDocumentFile(options.file, output);
    if (!loaded) return EXIT.unreadable;
    // What a newer Stowage added is not checked; the rest is, and the exit code says the check was partial.
    const checked = understoodPart(loaded.document, loaded.newer);
    const findings = runRules(checked);
    if (options.format === 'json') output.out(JSON.stringify({ findings: findings.map(toJson) }, null, 2));
    else output.out(textReport(options.file, findings));
    if (loaded.newer) {
      const nodes = loaded.document.nodes.length - checked.nodes.length;
      const edges = loaded.document.edges.length - checked.edges.length;
      output.err(
        safeText`stowage: ${options.file}: only what this version understands was checked (${nodes} of ${loaded.document.nodes.length} components and ${edges} of ${loaded.document.edges.length} connections were left out).`,
      );
      return EXIT.unreadable;
    }
    return hasFindingsAtLeast(findings, options.failOn) ? EXIT.findings : EXIT.ok;
  },
};

/** The options, or a message saying what is wrong with the command line. */
export function parseArgs(args: readonly string[]): Options | string {
  const files: string[] = [];
  let format: Format = 'text';
  let failOn: Severity = 'error';
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--format' || flag === '--fail-on') {
      const value = inline ?? args[++index];
      if (value === undefined) return `${flag} needs a value.`;
      if (flag === '--format') {
        if (!(FORMATS as readonly string[]).includes(value)) return `unknown format "${value}"; use text or json.`;
        format = value as Format;
      } else {
        if (!(LEVELS as readonly string[]).includes(value)) return `unknown level "${value}"; use error or warning.`;
        failOn = value as Severity;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option "${arg}".`;
    } else files.push(arg);
  }
  if (files.length === 0) return 'which file? Give the path of a .stowage diagram.';
  if (files.length > 1) return `validate checks one file at a time (got ${files.length}).`;
  return { file: files[0]!, format, failOn };
}

function toJson(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    nodeIds: finding.nodeIds,
    edgeIds: finding.edgeIds,
    docUrl: findRule(finding.ruleId)?.docUrl ?? '',
  };
}

function textReport(file: string, findings: readonly Finding[]): string {
  const lines = findings.map((finding) => {
    const where = [
      finding.nodeIds.length > 0 ? `nodes: ${finding.nodeIds.join(', ')}` : '',
      finding.edgeIds.length > 0 ? `edges: ${finding.edgeIds.join(', ')}` : '',
    ].filter(Boolean);
    // Messages quote labels, which are user text: one finding is always exactly one line.
    return (
      safeText`${finding.severity}  ${finding.ruleId}  ${finding.message}` + (where.length > 0 ? safeText`  (${where.join('; ')})` : '')
    );
  });
  const counts = summarizeFindings(findings);
  const plural = (value: number, word: string) => `${value} ${word}${value === 1 ? '' : 's'}`;
  lines.push(
    counts.total === 0
      ? safeText`${file}: no problems found.`
      : safeText`${file}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info.`,
  );
  return lines.join('\n');
}
