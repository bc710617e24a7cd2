import { estimateCost } from '../../../cost';
import type { DiagramModel } from '../../../model';
import { PROFILE_PRESETS, readTopology, simulate, svgLineChart, type ChartLine } from '../../../simulation';
import { markdownText } from '../literal';

/**
 * The README's cost and load sections: the estimate per component (shared/cost) and what the
 * services do under the spike preset (shared/simulation), with its chart as `simulation.svg`.
 */
export interface CostReadme {
  markdown: string[];
  /** The chart file, when the diagram has services to simulate. */
  chart?: string;
}

export const SIMULATION_CHART_FILE = 'simulation.svg';
const COLORS = ['#0972d3', '#ec7211', '#037f0c', '#d91515', '#8c4fff', '#00a4a6'];

export function costReadme(model: DiagramModel): CostReadme {
  const estimate = estimateCost(model);
  const money = (value: number, digits = 2) => `$${value.toFixed(digits)}`;
  const out: string[] = ['## What it costs', ''];
  if (estimate.lines.length === 0) out.push('Nothing in the diagram has a price in Stowage’s table.', '');
  else {
    out.push('| Component | What | Region | Hourly | Monthly |', '| --- | --- | --- | ---: | ---: |');
    for (const line of estimate.lines) {
      out.push(`| ${cell(line.label)} | ${line.component} | ${line.region} | ${money(line.hourly, 4)} | ${money(line.monthly)} |`);
    }
    out.push(`| **Total** | | | **${money(estimate.hourly, 4)}** | **${money(estimate.monthly)}** |`, '');
  }
  const a = estimate.assumptions;
  out.push(
    `At the diagram's task and instance counts, ${a.hoursPerMonth} hours a month, ${a.lcuPerLoadBalancer} LCU per load balancer, ${a.natGbPerMonth} GB a month through each NAT gateway, ${a.logsGbPerTaskMonth} GB of logs per task a month; no data transfer, Savings Plans or free tier.`,
    `Prices: ${estimate.prices.source}, as of ${estimate.prices.asOf} (${estimate.prices.currency}). They change: check them before you rely on a figure (\`npx stowage cost\` in Stowage re-runs this).`,
    '',
  );
  for (const warning of estimate.warnings) out.push(`- ${markdownText(warning)}`);
  if (estimate.warnings.length > 0) out.push('');

  const topology = readTopology(model);
  if (topology.services.length === 0) return { markdown: out };
  const preset = PROFILE_PRESETS.spike;
  const result = simulate({ topology, minutes: preset.minutes, defaultProfile: preset.profile(100) });
  out.push(
    '## Under load',
    '',
    `What the scaling drawn in the diagram does when each load balancer's 100 requests per second jump to 500 for 15 minutes (Stowage's "spike" profile; docs/simulation.md in Stowage describes the model and its assumptions):`,
    '',
    `![Running tasks under the spike profile](${SIMULATION_CHART_FILE})`,
    '',
    '| Service | Tasks before | Most running | Most desired | Flags |',
    '| --- | ---: | ---: | ---: | --- |',
  );
  for (const service of result.services) {
    const flags = [...new Set(result.flags.filter((flag) => flag.nodeId === service.id).map((flag) => flag.kind))];
    out.push(
      `| ${cell(service.label)} | ${service.running[0] ?? 0} | ${Math.max(0, ...service.running)} | ${Math.max(0, ...service.desired)} | ${flags.join(', ') || '—'} |`,
    );
  }
  out.push('');
  const lines: ChartLine[] = result.services.flatMap((service, index) => [
    { label: `${service.label} running`, values: service.running, color: COLORS[index % COLORS.length]! },
    { label: `${service.label} desired`, values: service.desired, color: COLORS[index % COLORS.length]!, dashed: true },
  ]);
  return { markdown: out, chart: svgLineChart('Tasks under the spike profile', 'tasks', lines) };
}

/** A label in a table cell: markdownText escapes pipes too, so no label can end the cell. */
function cell(text: string): string {
  return markdownText(text);
}
