import { createStore } from 'zustand/vanilla';
import { costPerHourSeries, estimateCost, type CostAssumptions, type CostEstimate } from '../../../shared/cost';
import type { DiagramDocument } from '../../../shared/document';
import { DiagramModel } from '../../../shared/model';
import {
  DEFAULT_ASSUMPTIONS,
  PROFILE_PRESETS,
  readTopology,
  simulate,
  type FlagKind,
  type PresetId,
  type SimTopology,
  type SimulationAssumptions,
  type SimulationResult,
} from '../../../shared/simulation';

/**
 * The Simulate panel's state: session state, never saved with the document. A run is computed
 * from the document at hand (shared/simulation, shared/cost) when the panel opens, a setting
 * changes or the document changes; playing moves the minute on a timer, and the canvas cards
 * read the counts at that minute (overlayOf).
 */
export interface SimulationRun {
  document: DiagramDocument;
  topology: SimTopology;
  result: SimulationResult;
  estimate: CostEstimate;
  costPerHour: Float32Array;
  /** Index of each node's series, for the cards. */
  services: Map<string, SimulationResult['services'][number]>;
  asgs: Map<string, SimulationResult['asgs'][number]>;
}

export interface SimulationState {
  open: boolean;
  preset: PresetId;
  assumptions: Partial<SimulationAssumptions>;
  costAssumptions: Partial<CostAssumptions>;
  run: SimulationRun | null;
  minute: number;
  playing: boolean;
  /** Simulated minutes per second of playing. */
  speed: number;
}

export interface SimulationActions {
  setOpen(open: boolean): void;
  setPreset(preset: PresetId): void;
  setAssumption<K extends keyof SimulationAssumptions>(key: K, value: SimulationAssumptions[K]): void;
  setCostAssumption<K extends keyof CostAssumptions>(key: K, value: CostAssumptions[K]): void;
  /** Runs the simulation for `document` (again, when the document or a setting changed). */
  compute(document: DiagramDocument): void;
  setMinute(minute: number): void;
  step(delta: number): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
}

export type SimulationStore = ReturnType<typeof createSimulationStore>;

const TICK_MS = 100;

export function createSimulationStore() {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stopTimer = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const store = createStore<SimulationState & SimulationActions>()((set, get) => ({
    open: false,
    preset: 'spike',
    assumptions: {},
    costAssumptions: {},
    run: null,
    minute: 0,
    playing: false,
    speed: 10,
    setOpen(open) {
      if (!open) get().pause();
      set({ open });
    },
    setPreset(preset) {
      set({ preset, minute: 0 });
      const run = get().run;
      if (run) get().compute(run.document);
    },
    setAssumption(key, value) {
      set({ assumptions: { ...get().assumptions, [key]: value } });
      const run = get().run;
      if (run) get().compute(run.document);
    },
    setCostAssumption(key, value) {
      set({ costAssumptions: { ...get().costAssumptions, [key]: value } });
      const run = get().run;
      if (run) get().compute(run.document);
    },
    compute(document) {
      const { preset, assumptions, costAssumptions } = get();
      set({ run: computeRun(document, preset, assumptions, costAssumptions) });
      const run = get().run!;
      if (get().minute >= run.result.minutes) set({ minute: Math.max(0, run.result.minutes - 1) });
    },
    setMinute(minute) {
      const run = get().run;
      const last = run ? run.result.minutes - 1 : 0;
      set({ minute: Math.max(0, Math.min(last, Math.round(minute))) });
    },
    step(delta) {
      get().pause();
      get().setMinute(get().minute + delta);
    },
    play() {
      const run = get().run;
      if (!run) return;
      if (get().minute >= run.result.minutes - 1) set({ minute: 0 });
      stopTimer();
      set({ playing: true });
      let carried = 0;
      timer = setInterval(() => {
        const state = get();
        const current = state.run;
        if (!current) return state.pause();
        // Whole minutes per tick; a slow speed carries the fraction to the next tick.
        carried += (state.speed * TICK_MS) / 1000;
        const advance = Math.floor(carried);
        carried -= advance;
        const next = state.minute + advance;
        if (next >= current.result.minutes - 1) {
          set({ minute: current.result.minutes - 1 });
          state.pause();
        } else if (advance > 0) set({ minute: next });
      }, TICK_MS);
    },
    pause() {
      stopTimer();
      if (get().playing) set({ playing: false });
    },
    setSpeed(speed) {
      set({ speed });
    },
  }));
  return store;
}

export function computeRun(
  document: DiagramDocument,
  preset: PresetId,
  assumptions: Partial<SimulationAssumptions>,
  costAssumptions: Partial<CostAssumptions>,
): SimulationRun {
  const model = new DiagramModel(document);
  const topology = readTopology(model, assumptions);
  const chosen = PROFILE_PRESETS[preset];
  const baseline = assumptions.baselineRps ?? DEFAULT_ASSUMPTIONS.baselineRps;
  const result = simulate({ topology, minutes: chosen.minutes, defaultProfile: chosen.profile(baseline), assumptions });
  const estimate = estimateCost(model, { simulation: result, topology, assumptions: costAssumptions });
  const costPerHour = costPerHourSeries(result, topology, estimate, { assumptions: costAssumptions });
  return {
    document,
    topology,
    result,
    estimate,
    costPerHour,
    services: new Map(result.services.map((series) => [series.id, series])),
    asgs: new Map(result.asgs.map((series) => [series.id, series])),
  };
}

/** What a card shows while the panel is open: the counts at the current minute, and the worst flag then. */
export interface CardOverlay {
  text: string;
  flag?: FlagKind;
}

const FLAG_ORDER: readonly FlagKind[] = ['overloaded', 'at-max', 'pending', 'request-target-exceeded'];

/** The overlay of one node as a string key (so a card re-renders only when its own text changes), or undefined. */
export function overlayKey(state: SimulationState, nodeId: string): string | undefined {
  const overlay = overlayOf(state, nodeId);
  return overlay ? `${overlay.flag ?? ''}|${overlay.text}` : undefined;
}

export function overlayOf(state: SimulationState, nodeId: string): CardOverlay | undefined {
  const run = state.open ? state.run : null;
  if (!run) return undefined;
  const t = state.minute;
  const service = run.services.get(nodeId);
  if (service) {
    const pending = service.pending[t]!;
    const text = `${service.running[t]} running · ${service.desired[t]} desired${pending > 0 ? ` · ${pending} pending` : ''}`;
    const flags = run.result.flags.filter((flag) => flag.nodeId === nodeId && flag.from <= t && t <= flag.to).map((flag) => flag.kind);
    const flag = FLAG_ORDER.find((kind) => flags.includes(kind));
    return flag ? { text, flag } : { text };
  }
  const asg = run.asgs.get(nodeId);
  if (asg) {
    const launching = asg.launching[t]!;
    return { text: `${asg.instances[t]} instances${launching > 0 ? ` · ${launching} launching` : ''}` };
  }
  return undefined;
}
