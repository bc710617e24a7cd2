import { DEFAULT_COST_ASSUMPTIONS, estimateCost, type CostEstimate } from '../../shared/cost';
import { understoodPart } from '../../shared/document';
import { safeText } from '../../shared/text/unsafe-characters';
import { EXIT, readDocumentFile } from '../io';
import type { Subcommand } from '../main';
import { parseFlags, pickAssumptions, readAssumptions } from './simulation-args';

const USAGE = 'Usage: stowage cost FILE [--format text|json] [--assumptions FILE]';

export const costCommand: Subcommand = {
  name: 'cost',
  usage: USAGE,
  summary: [
    "Estimates what a .stowage diagram costs an hour and a month, per component and in total, from Stowage's price table (shared/cost/prices.ts: public AWS prices as of the date it states; refresh it before relying on a figure). docs/simulation.md says what is priced and how.",
    '',
    '  --format text|json     text (default): a table; json: {"lines": [...], "hourly", "monthly", "prices", "assumptions", "warnings"}',
    '  --assumptions FILE     a JSON object overriding assumptions: hoursPerMonth, lcuPerLoadBalancer, natGbPerMonth, clbGbPerMonth, efsGbPerFileSystem, ecrGbPerRepository, logsGbPerTaskMonth, defaultRegion',
    '',
    'Exit codes: 0 estimated, 2 the file cannot be read, is not a valid diagram, or was saved by a newer Stowage (what this version understands is still estimated), 64 usage error.',
  ].join('\n'),
  run(args, output) {
    const parsed = parseFlags(args, ['--format', '--assumptions'], 'cost');
    const format = typeof parsed === 'string' ? 'text' : (parsed.values.get('--format') ?? 'text');
    const given = typeof parsed === 'string' ? {} : readAssumptions(parsed.values.get('--assumptions'));
    const assumptions = typeof given === 'string' ? given : pickAssumptions(DEFAULT_COST_ASSUMPTIONS, given);
    const problem =
      typeof parsed === 'string'
        ? parsed
        : format !== 'text' && format !== 'json'
          ? `unknown format "${format}"; use text or json.`
          : typeof assumptions === 'string'
            ? assumptions
            : undefined;
    if (problem !== undefined || typeof parsed === 'string' || typeof assumptions === 'string') {
      output.err(`${safeText`stowage cost: ${problem ?? ''}`}\n${USAGE}`);
      return EXIT.usage;
    }
    const loaded = readDocumentFile(parsed.file, output);
    if (!loaded) return EXIT.unreadable;
    const estimate = estimateCost(understoodPart(loaded.document, loaded.newer), { assumptions });
    output.out(format === 'json' ? JSON.stringify(estimate, null, 2) : costTable(estimate));
    for (const warning of estimate.warnings) output.err(safeText`stowage cost: ${warning}`);
    return loaded.newer ? EXIT.unreadable : EXIT.ok;
  },
};

/** The estimate as an aligned text table; labels are user text, escaped. */
export function costTable(estimate: CostEstimate): string {
  const money = (value: number) => `$${value.toFixed(2)}`;
  // Hourly figures are small: four decimals, so a NAT gateway's $0.0512 does not read $0.05.
  const hourlyMoney = (value: number) => `$${value.toFixed(4)}`;
  const rows = estimate.lines.map((line) => [line.label, line.component, line.region, hourlyMoney(line.hourly), money(line.monthly)]);
  const all = [
    ['Component', 'What', 'Region', 'Hourly', 'Monthly'],
    ...rows,
    ['Total', '', '', hourlyMoney(estimate.hourly), money(estimate.monthly)],
  ];
  const widths = all[0]!.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => (column >= 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [
    ...all.map((row) => safeText`${format(row)}`),
    '',
    `Prices: ${estimate.prices.source}, as of ${estimate.prices.asOf} (${estimate.prices.currency}); refresh them before relying on a figure.`,
    `Assumptions: ${estimate.assumptions.hoursPerMonth} hours a month, ${estimate.assumptions.lcuPerLoadBalancer} LCU per load balancer, ${estimate.assumptions.natGbPerMonth} GB per NAT gateway a month, ${estimate.assumptions.logsGbPerTaskMonth} GB of logs per task a month.`,
  ].join('\n');
}
