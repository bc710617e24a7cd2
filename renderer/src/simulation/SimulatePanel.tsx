import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { DiagramDocument } from '../../../shared/document';
import {
  DEFAULT_ASSUMPTIONS,
  PRESET_IDS,
  PROFILE_PRESETS,
  isPresetId,
  type Flag,
  type SimulationAssumptions,
} from '../../../shared/simulation';
import { useServices } from '../app/services';
import { refuseDrops } from '../ui/refuse-drops';
import { Chart } from './Chart';
import { chartSpecs, clock } from './chart-series';
import { CostTable } from './CostTable';

const FLAG_LABELS: Record<Flag['kind'], string> = {
  'at-max': 'at its maximum task count',
  pending: 'has tasks pending for want of capacity',
  'request-target-exceeded': 'is above its ALB request count target',
  overloaded: 'gets more requests than its tasks serve',
};

/** The model's figures the panel lets the user change (docs/simulation.md explains each). */
const EDITABLE: { key: keyof SimulationAssumptions; label: string; unit: string; step: number }[] = [
  { key: 'requestsPerVcpuAtFullCpu', label: 'Requests per vCPU at 100 % CPU', unit: 'req/s', step: 10 },
  { key: 'taskStartMinutes', label: 'Task start', unit: 'min', step: 1 },
  { key: 'instanceWarmupMinutes', label: 'Instance warm-up', unit: 'min', step: 1 },
  { key: 'spotInterruptionsPerTaskHour', label: 'Fargate Spot interruptions (what-if)', unit: 'per task-hour', step: 0.1 },
  { key: 'seed', label: 'Seed', unit: '', step: 1 },
];

/**
 * Plays a load profile through the diagram (shared/simulation): presets, play, pause, step and
 * scrub; charts of requests, tasks, instances, CPU and cost per hour (uPlot); the flags at the
 * current minute; the cost of the profile. The canvas cards show the counts meanwhile
 * (SimulationBadge). Nothing here edits the document.
 */
export function SimulatePanel({ document }: { document: DiagramDocument }) {
  const services = useServices();
  const { simulation } = services;
  const open = useStore(simulation, (state) => state.open);
  const run = useStore(simulation, (state) => state.run);
  const minute = useStore(simulation, (state) => state.minute);
  const playing = useStore(simulation, (state) => state.playing);
  const preset = useStore(simulation, (state) => state.preset);
  const speed = useStore(simulation, (state) => state.speed);
  const baseline = useStore(simulation, (state) => state.assumptions.baselineRps ?? 100);
  const assumptions = useStore(simulation, (state) => state.assumptions);

  useEffect(() => {
    if (open) simulation.getState().compute(document);
  }, [open, document, simulation]);
  useEffect(() => () => simulation.getState().pause(), [simulation]);

  // A chart with nothing to draw (no Auto Scaling group in a Fargate diagram) is left out.
  const specs = useMemo(() => (run ? chartSpecs(run).filter((spec) => spec.series.length > 0) : []), [run]);
  if (!open) return null;
  const minutes = run?.result.minutes ?? 1;
  const flagsNow = run ? run.result.flags.filter((flag) => flag.from <= minute && minute <= flag.to) : [];
  const labelOf = (id: string) => document.nodes.find((node) => node.id === id)?.label || id;
  const actions = simulation.getState();

  return (
    <section
      className="stowage-simulate"
      aria-label="Simulate"
      data-testid="simulate-panel"
      {...refuseDrops(services.ui, 'Simulate panel')}
    >
      <header className="stowage-simulate__header">
        <strong>Simulate</strong>
        <label>
          Profile{' '}
          <select
            value={preset}
            data-testid="sim-preset"
            onChange={(event) => {
              if (isPresetId(event.target.value)) actions.setPreset(event.target.value);
            }}
          >
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {PROFILE_PRESETS[id].label}
              </option>
            ))}
          </select>
        </label>
        <label title="Requests per second each load balancer gets at 1× load">
          1× ={' '}
          <input
            type="number"
            min={0}
            step={10}
            value={baseline}
            className="stowage-simulate__number"
            onChange={(event) => {
              const value = Number(event.target.value);
              if (Number.isFinite(value) && value >= 0) actions.setAssumption('baselineRps', value);
            }}
          />{' '}
          req/s
        </label>
        <button type="button" data-testid="sim-play" onClick={() => (playing ? actions.pause() : actions.play())} disabled={!run}>
          {playing ? '⏸ Pause' : '▶ Play'}
        </button>
        <button type="button" data-testid="sim-step-back" title="One minute back" onClick={() => actions.step(-1)} disabled={!run}>
          ◀ Step
        </button>
        <button type="button" data-testid="sim-step" title="One minute on" onClick={() => actions.step(1)} disabled={!run}>
          Step ▶
        </button>
        <input
          type="range"
          className="stowage-simulate__scrub"
          aria-label="Minute"
          data-testid="sim-scrub"
          min={0}
          max={minutes - 1}
          value={minute}
          onChange={(event) => {
            actions.pause();
            actions.setMinute(Number(event.target.value));
          }}
        />
        <span className="stowage-simulate__clock" data-testid="sim-clock">
          {clock(minute)} / {clock(minutes - 1)}
        </span>
        <label>
          Speed{' '}
          <select value={speed} onChange={(event) => actions.setSpeed(Number(event.target.value))}>
            {[1, 5, 10, 30, 60].map((value) => (
              <option key={value} value={value}>
                {value} min/s
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="stowage-simulate__close"
          aria-label="Close the Simulate panel"
          onClick={() => actions.setOpen(false)}
        >
          ✕
        </button>
      </header>
      <div className="stowage-simulate__body">
        <div className="stowage-simulate__flags" data-testid="sim-flags" aria-live="polite">
          <details className="stowage-simulate__assumptions">
            <summary>Assumptions</summary>
            {EDITABLE.map(({ key, label, unit, step }) => (
              <label key={key}>
                {label}{' '}
                <input
                  type="number"
                  min={0}
                  step={step}
                  className="stowage-simulate__number"
                  data-testid={`sim-assumption-${key}`}
                  value={(assumptions[key] as number | undefined) ?? (DEFAULT_ASSUMPTIONS[key] as number)}
                  onChange={(event) => {
                    const value = Number(event.target.value);
                    if (Number.isFinite(value) && value >= 0) actions.setAssumption(key, value);
                  }}
                />{' '}
                {unit}
              </label>
            ))}
          </details>
          {run && run.topology.services.length === 0 && (
            <p>No service to simulate: draw an ECS service or Kubernetes workload behind a load balancer.</p>
          )}
          {flagsNow.length === 0 && run && run.topology.services.length > 0 && <p className="is-quiet">No flags at {clock(minute)}.</p>}
          {flagsNow.map((flag) => (
            <p key={`${flag.kind}-${flag.nodeId}`} className={`is-${flag.kind}`}>
              ⚑ {labelOf(flag.nodeId)} {FLAG_LABELS[flag.kind]} ({clock(flag.from)}–{clock(flag.to)})
            </p>
          ))}
        </div>
        <div className="stowage-simulate__charts">
          {specs.map((spec) => (
            <Chart key={spec.id} spec={spec} minute={minute} />
          ))}
        </div>
        {run && <CostTable estimate={run.estimate} />}
      </div>
    </section>
  );
}
