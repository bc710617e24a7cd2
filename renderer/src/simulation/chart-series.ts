import type { SimulationRun } from './simulation-store';

/**
 * The Simulate panel's charts as data: for each chart, x (minutes) and the series uPlot draws,
 * with labels. Kept apart from the component so it is tested without a canvas.
 */
export interface ChartSpec {
  id: 'requests' | 'tasks' | 'instances' | 'cpu' | 'cost';
  title: string;
  unit: string;
  series: { label: string; values: ArrayLike<number>; dashed?: boolean }[];
}

export function chartSpecs(run: SimulationRun): ChartSpec[] {
  const { result } = run;
  return [
    {
      id: 'requests',
      title: 'Requests',
      unit: 'req/s',
      series: result.entries.map((entry) => ({ label: entry.label, values: entry.rps })),
    },
    {
      id: 'tasks',
      title: 'Tasks',
      unit: 'tasks',
      series: result.services.flatMap((service) => [
        { label: `${service.label} desired`, values: service.desired, dashed: true },
        { label: `${service.label} running`, values: service.running },
        { label: `${service.label} pending`, values: service.pending },
      ]),
    },
    {
      id: 'instances',
      title: 'Instances',
      unit: 'instances',
      series: result.asgs.map((asg) => ({ label: asg.label, values: asg.instances })),
    },
    {
      id: 'cpu',
      title: 'CPU',
      unit: '%',
      series: result.services.map((service) => ({ label: service.label, values: service.cpu })),
    },
    { id: 'cost', title: 'Cost per hour', unit: 'USD/h', series: [{ label: 'total', values: run.costPerHour }] },
  ];
}

export function minutesAxis(minutes: number): number[] {
  return Array.from({ length: minutes }, (_, minute) => minute);
}

/** "01:05" for minute 65. */
export function clock(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
