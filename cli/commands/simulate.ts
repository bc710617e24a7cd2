import { readFileSync } from 'node:fs';
import { costPerHourSeries, estimateCost } from '../../shared/cost';
import { understoodPart } from '../../shared/document';
import { DiagramModel } from '../../shared/model';
import {
  DEFAULT_ASSUMPTIONS,
  isPresetId,
  parseCsvProfile,
  PRESET_IDS,
  PROFILE_PRESETS,
  readTopology,
  simulate,
  type LoadProfile,
  type SimulationResult,
} from '../../shared/simulation';
import { safeText } from '../../shared/text/unsafe-characters';
import { EXIT, readDocumentFile } from '../io';
import type { Subcommand } from '../main';
import { parseFlags, pickAssumptions, readAssumptions } from './simulation-args';

const USAGE = `Usage: stowage simulate FILE [--profile ${PRESET_IDS.join('|')}|FILE.csv] [--minutes N] [--format json|csv] [--assumptions FILE]`;

export const simulateCommand: Subcommand = {
  name: 'simulate',
  usage: USAGE,
  summary: [
    'Plays a load profile through a .stowage diagram minute by minute and prints what its scaling does: requests, tasks desired/running/pending per service, instances per Auto Scaling group, CPU, cost per hour and flags. docs/simulation.md describes the model and what it leaves out.',
    '',
    `  --profile P          a preset (${PRESET_IDS.map((id) => `${id}: ${PROFILE_PRESETS[id].label}`).join(', ')}; default spike), or a CSV file with one row per minute and the requests per second in its last column`,
    "  --minutes N          how long to simulate (default: the preset's length, or the CSV's rows)",
    '  --format json|csv    json (default): the series and flags; csv: one row per minute',
    '  --assumptions FILE   a JSON object overriding the assumptions of docs/simulation.md (baselineRps, requestsPerVcpuAtFullCpu, taskStartMinutes, seed …)',
    '',
    'Exit codes: 0 simulated, 2 the diagram or the CSV cannot be read, is not valid, or was saved by a newer Stowage (what this version understands is still simulated), 64 usage error.',
  ].join('\n'),
  run(args, output) {
    const fail = (message: string) => {
      output.err(`${safeText`stowage simulate: ${message}`}\n${USAGE}`);
      return EXIT.usage;
    };
    const parsed = parseFlags(args, ['--profile', '--minutes', '--format', '--assumptions'], 'simulate');
    if (typeof parsed === 'string') return fail(parsed);
    const format = parsed.values.get('--format') ?? 'json';
    if (format !== 'json' && format !== 'csv') return fail(`unknown format "${format}"; use json or csv.`);
    const given = readAssumptions(parsed.values.get('--assumptions'));
    if (typeof given === 'string') return fail(given);
    const assumptions = pickAssumptions(DEFAULT_ASSUMPTIONS, given);
    if (typeof assumptions === 'string') return fail(assumptions);
    const minutesText = parsed.values.get('--minutes');
    const minutesGiven = minutesText === undefined ? undefined : Number(minutesText);
    if (minutesGiven !== undefined && (!Number.isInteger(minutesGiven) || minutesGiven < 1 || minutesGiven > 60 * 24 * 31)) {
      return fail(`--minutes takes a whole number from 1 to ${60 * 24 * 31} (a month).`);
    }
    const profileName = parsed.values.get('--profile') ?? 'spike';
    const baseline = assumptions.baselineRps ?? DEFAULT_ASSUMPTIONS.baselineRps;
    let profile: LoadProfile;
    let minutes: number;
    if (isPresetId(profileName)) {
      profile = PROFILE_PRESETS[profileName].profile(baseline);
      minutes = minutesGiven ?? PROFILE_PRESETS[profileName].minutes;
    } else if (profileName.toLowerCase().endsWith('.csv')) {
      let text: string;
      try {
        text = readFileSync(profileName, 'utf8');
      } catch {
        output.err(safeText`stowage simulate: cannot read the profile ${profileName}.`);
        return EXIT.unreadable;
      }
      const csv = parseCsvProfile(text);
      if (typeof csv === 'string') {
        output.err(safeText`stowage simulate: ${profileName}: ${csv}`);
        return EXIT.unreadable;
      }
      profile = csv;
      minutes = minutesGiven ?? (csv.type === 'points' ? csv.rps.length : 60);
    } else return fail(`unknown profile "${profileName}"; use ${PRESET_IDS.join(', ')} or a .csv file.`);

    const loaded = readDocumentFile(parsed.file, output);
    if (!loaded) return EXIT.unreadable;
    const model = new DiagramModel(understoodPart(loaded.document, loaded.newer));
    const topology = readTopology(model, assumptions);
    const result = simulate({ topology, minutes, defaultProfile: profile, assumptions });
    const estimate = estimateCost(model, { simulation: result, topology });
    const cost = costPerHourSeries(result, topology, estimate);
    output.out(format === 'csv' ? toCsv(result, cost) : JSON.stringify(toJson(result, cost, estimate.hourly, estimate.monthly), null, 2));
    return loaded.newer ? EXIT.unreadable : EXIT.ok;
  },
};

const round = (value: number) => Math.round(value * 100) / 100;

function toJson(result: SimulationResult, cost: Float32Array, hourly: number, monthly: number) {
  return {
    minutes: result.minutes,
    assumptions: result.assumptions,
    entries: result.entries.map((entry) => ({ id: entry.id, label: entry.label, rps: [...entry.rps].map(round) })),
    services: result.services.map((service) => ({
      id: service.id,
      label: service.label,
      desired: [...service.desired],
      running: [...service.running],
      pending: [...service.pending],
      cpu: [...service.cpu].map(round),
    })),
    asgs: result.asgs.map((asg) => ({ id: asg.id, label: asg.label, desired: [...asg.desired], instances: [...asg.instances] })),
    costPerHour: [...cost].map((value) => Math.round(value * 10000) / 10000),
    cost: { averageHourly: round(hourly), monthlyAtThisRate: round(monthly) },
    flags: result.flags,
  };
}

/** One row per minute; a column per series, named after the node id (ids are safe, labels may not be). */
function toCsv(result: SimulationResult, cost: Float32Array): string {
  const header = [
    'minute',
    ...result.entries.map((entry) => `${entry.id}.rps`),
    ...result.services.flatMap((service) => ['desired', 'running', 'pending', 'cpu'].map((field) => `${service.id}.${field}`)),
    ...result.asgs.flatMap((asg) => ['desired', 'instances'].map((field) => `${asg.id}.${field}`)),
    'costPerHour',
  ];
  const rows = [header.map(csvCell).join(',')];
  for (let t = 0; t < result.minutes; t++) {
    rows.push(
      [
        t,
        ...result.entries.map((entry) => round(entry.rps[t]!)),
        ...result.services.flatMap((service) => [service.desired[t]!, service.running[t]!, service.pending[t]!, round(service.cpu[t]!)]),
        ...result.asgs.flatMap((asg) => [asg.desired[t]!, asg.instances[t]!]),
        Math.round(cost[t]! * 10000) / 10000,
      ].join(','),
    );
  }
  return rows.join('\n');
}

/** Quotes a cell that holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
function csvCell(text: string): string {
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
