import { createDocument, type DiagramDocument, type DiagramNode } from '../../shared/document';
import { generateDiagram } from '../generate-diagram';
import { toBaselineFlow } from './baseline-diagram';
import type { BaselinePage, CanvasPage, PaneRect, StowagePage, View } from './canvas-page';
import { dragNode, measureInteraction, panWithWheel, type Interaction, type InteractionMeasurement } from './interactions';
import { median } from '../lib/stats';
import type { LoadTiming } from './page-probe';

/** Zoomed out far enough that a few hundred nodes of the 1,000-node diagram are on screen. */
export const OVERVIEW_ZOOM = 0.2;

/** What one size's runs need: the diagram in both shapes, the nodes to drag, and the two views. */
export interface SizePlan {
  size: number;
  document: DiagramDocument;
  leafId: string;
  groupId: string;
  /** The Region around the middle cluster, with everything it holds. */
  regionId: string;
  /** How many nodes the Region holds, however deep. */
  regionNested: number;
  /** Cards clicked one after another to time selection. */
  clickIds: string[];
  working: View;
  overview: View;
  /** Stowage's fit on the Region, where its whole title bar is in view. */
  region: View;
  /** Stowage's fit on the whole diagram (about 0.065 at 1,000 nodes): every node on screen at once. */
  fitAll: View;
  /** Stowage's canvas pane with the diagram open; the baseline's pane matches it. */
  pane: PaneRect;
}

export type ScenarioId = 'dragLeaf' | 'dragGroup' | 'dragRegion' | 'panWorking' | 'panOverview' | 'panFitAll';

export interface Scenario {
  id: ScenarioId;
  title: string;
  view: (plan: SizePlan) => View;
  interaction: (app: CanvasPage, plan: SizePlan, durationMs?: number) => Promise<Interaction>;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'dragLeaf',
    title: 'Drag a service card',
    view: (plan) => plan.working,
    interaction: async (app, plan, durationMs) => {
      const rect = await app.nodeRect(plan.leafId);
      return dragNode({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }, durationMs);
    },
  },
  {
    id: 'dragGroup',
    title: 'Drag an ECS cluster with 26 nested nodes',
    view: (plan) => plan.working,
    // Grabbed by its title bar, above the nested capacity groups.
    interaction: async (app, plan, durationMs) => {
      const rect = await app.nodeRect(plan.groupId);
      return dragNode({ x: rect.x + 60, y: rect.y + 12 }, durationMs);
    },
  },
  {
    id: 'dragRegion',
    // generateDiagram's Regions hold 40 nodes (VPC, zones, subnets, the cluster and all it holds...); the log says.
    title: 'Drag a Region with 40 nested nodes',
    view: (plan) => plan.region,
    // Grabbed by its title bar, above the VPC, at the Region's fit (zoom about 0.4).
    interaction: async (app, plan, durationMs) => {
      const rect = await app.nodeRect(plan.regionId);
      return dragNode({ x: rect.x + 60, y: rect.y + 6 }, durationMs);
    },
  },
  {
    id: 'panWorking',
    title: 'Pan with the scroll wheel, working zoom',
    view: (plan) => plan.working,
    interaction: async (app, _plan, durationMs) => panWithWheel(await app.paneRect(), durationMs),
  },
  {
    id: 'panOverview',
    title: `Pan with the scroll wheel, overview zoom ${OVERVIEW_ZOOM}`,
    view: (plan) => plan.overview,
    interaction: async (app, _plan, durationMs) => panWithWheel(await app.paneRect(), durationMs),
  },
  {
    id: 'panFitAll',
    title: 'Pan with the scroll wheel, fit-all overview (the whole diagram on screen)',
    view: (plan) => plan.fitAll,
    interaction: async (app, _plan, durationMs) => panWithWheel(await app.paneRect(), durationMs),
  },
];

export interface AppRun {
  load: LoadTiming & { heapMB: number };
  /** Median click-to-painted-frame latency over the plan's clicks. */
  selectMs: number;
  interactions: Record<ScenarioId, InteractionMeasurement>;
}

/**
 * Loads the diagram once (untimed) to find the views: the working view fits the middle ECS
 * cluster the way the app's fit command does (a zoom of about 0.6 at which people edit), and
 * the overview zooms out from there about the same centre. Both pages end on the working view
 * with an empty canvas, ready for a timed load.
 */
export async function preparePlan(stowage: StowagePage, baseline: BaselinePage, size: number): Promise<SizePlan> {
  const document = generateDiagram(size);
  const clusters = document.nodes.filter((node) => node.kind === 'ecs-cluster');
  const cluster = clusters[Math.floor((clusters.length - 1) / 2)]!;
  const capacity = document.nodes.find((node) => node.parentId === cluster.id && node.kind === 'ecs-fargate-capacity');
  const services = document.nodes.filter((node) => node.parentId === capacity?.id && node.kind === 'ecs-service');
  const leaf = services[0];
  if (!capacity || !leaf || services.length < 4)
    throw new Error('generateDiagram no longer puts services in Fargate capacity; update the canvas benchmark');
  const region = regionAround(document, cluster.id);
  if (!region) throw new Error('generateDiagram no longer puts clusters in a Region; update the canvas benchmark');

  await stowage.stage({ document, empty: createDocument() });
  await baseline.stage(toBaselineFlow(document));
  await stowage.measureLoad();
  const working = await stowage.reach([cluster.id]);
  const overview = await stowage.reach([cluster.id], OVERVIEW_ZOOM);
  const regionView = await stowage.reach([region.id]);
  // No ids: the fit covers the whole diagram, like View ▸ Fit Diagram.
  const fitAll = await stowage.reach([]);
  const plan: SizePlan = {
    size,
    document,
    leafId: leaf.id,
    groupId: cluster.id,
    regionId: region.id,
    regionNested: descendantCount(document, region.id),
    clickIds: services.slice(1, 4).map((service) => service.id),
    working: { name: 'working view', fit: [cluster.id], fitted: working, viewport: working },
    overview: { name: 'overview', fit: [cluster.id], fitted: working, zoom: OVERVIEW_ZOOM, viewport: overview },
    region: { name: 'Region view', fit: [region.id], fitted: regionView, viewport: regionView },
    fitAll: { name: 'fit-all overview', fit: [], fitted: fitAll, viewport: fitAll },
    pane: await stowage.paneRect(),
  };
  await stowage.goTo(plan.working);
  // Measured with the diagram open, as the timed runs see it.
  plan.pane = await stowage.paneRect();
  await stowage.clear();
  await baseline.matchPane(plan.pane);
  await baseline.goTo(plan.working);
  return plan;
}

/** The Region that holds `nodeId`, however deep. */
function regionAround(document: DiagramDocument, nodeId: string): DiagramNode | undefined {
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  let node = byId.get(nodeId);
  while (node && node.kind !== 'region') node = node.parentId === undefined ? undefined : byId.get(node.parentId);
  return node;
}

function descendantCount(document: DiagramDocument, ancestorId: string): number {
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  const inside = (node: DiagramNode): boolean => {
    const parent = node.parentId === undefined ? undefined : byId.get(node.parentId);
    return parent !== undefined && (parent.id === ancestorId || inside(parent));
  };
  return document.nodes.filter(inside).length;
}

/**
 * One run on one page: a timed load at the working view, three clicks that select cards, then
 * every interaction; ends on the working view, empty.
 */
export async function runOnce(app: CanvasPage, plan: SizePlan, interactionMs?: number): Promise<AppRun> {
  const timing = await app.measureLoad();
  const heapMB = (await app.meter.heapBytes()) / 1024 / 1024;
  const clicks: number[] = [];
  for (const id of plan.clickIds) {
    const rect = await app.nodeRect(id);
    clicks.push(await app.clickLatency({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }));
    await app.frames(2);
  }
  await app.revertEdits();
  const interactions = {} as Record<ScenarioId, InteractionMeasurement>;
  for (const scenario of SCENARIOS) {
    await app.goTo(scenario.view(plan));
    interactions[scenario.id] = await measureInteraction(app, await scenario.interaction(app, plan, interactionMs));
    await app.revertEdits();
  }
  await app.goTo(plan.working);
  await app.clear();
  return { load: { ...timing, heapMB }, selectMs: median(clicks), interactions };
}
