import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { minutesAxis, type ChartSpec } from './chart-series';

const COLORS = ['#0972d3', '#ec7211', '#037f0c', '#d91515', '#8c4fff', '#00a4a6', '#e7157b', '#5f6b7a'];
const WIDTH = 250;
const HEIGHT = 150;

/** One uPlot chart of the Simulate panel; the cursor marks the current minute, and its legend shows the values then. */
export function Chart({ spec, minute }: { spec: ChartSpec; minute: number }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const length = spec.series[0]?.values.length ?? 0;
    const data: uPlot.AlignedData = [minutesAxis(length), ...spec.series.map((series) => Array.from(series.values))];
    const options: uPlot.Options = {
      width: WIDTH,
      height: HEIGHT,
      legend: { show: true, live: true },
      cursor: { y: false, drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false } },
      axes: [
        { size: 24, font: '10px system-ui', values: (_u, ticks) => ticks.map((tick) => `${tick}m`) },
        { size: 40, font: '10px system-ui' },
      ],
      series: [
        { label: 'minute' },
        ...spec.series.map((series, index) => ({
          label: series.label,
          stroke: COLORS[index % COLORS.length],
          width: 1.5,
          ...(series.dashed ? { dash: [4, 3] } : {}),
        })),
      ],
    };
    plot.current = new uPlot(options, data, element);
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [spec]);

  useEffect(() => {
    const chart = plot.current;
    if (!chart) return;
    chart.setCursor({ left: chart.valToPos(minute, 'x'), top: 1 });
  }, [minute, spec]);

  return (
    <figure className="stowage-sim-chart" data-testid={`sim-chart-${spec.id}`} data-series={spec.series.length}>
      <figcaption>
        {spec.title} <span className="stowage-sim-chart__unit">({spec.unit})</span>
      </figcaption>
      {spec.series.length === 0 ? <p className="stowage-sim-chart__empty">Nothing to draw in this diagram.</p> : <div ref={host} />}
    </figure>
  );
}
