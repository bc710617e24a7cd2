/**
 * When a scheduled action runs, read from its expression: the minutes of the day of a cron
 * expression (Application Auto Scaling's six fields, `cron(0 8 * * ? *)`, or EC2 Auto Scaling's
 * five, `0 8 * * 1-5`), the period of `rate(…)`, the time of day of `at(…)`. Day-of-month,
 * month and weekday fields are not simulated: every simulated day is alike (docs/simulation.md).
 * An expression it cannot read runs never, rather than at a guessed time.
 */
export interface ScheduleTimes {
  minutesOfDay: number[];
  everyMinutes?: number;
}

export function scheduleTimes(expression: string): ScheduleTimes {
  const text = expression.trim();
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(text);
  if (rate) {
    const unit = rate[2]!.startsWith('minute') ? 1 : rate[2]!.startsWith('hour') ? 60 : 1440;
    return { minutesOfDay: [], everyMinutes: Number(rate[1]) * unit };
  }
  const at = /^at\(\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})(?::\d{2})?\)$/.exec(text);
  if (at) return { minutesOfDay: [Number(at[1]) * 60 + Number(at[2])] };
  const cron = /^cron\((.+)\)$/.exec(text);
  const fields = (cron ? cron[1]! : text).trim().split(/\s+/);
  if (fields.length < 5) return { minutesOfDay: [] };
  const minutes = cronField(fields[0]!, 0, 59);
  const hours = cronField(fields[1]!, 0, 23);
  return { minutesOfDay: hours.flatMap((hour) => minutes.map((minute) => hour * 60 + minute)) };
}

/** Values of one cron field: `*`, a number, a list, a range or a step (`*\/15`, `8-18/2`). */
function cronField(field: string, low: number, high: number): number[] {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return [];
    let from: number;
    let to: number;
    if (range === '*' || range === '?') [from, to] = [low, high];
    else if (range!.includes('-')) [from, to] = range!.split('-').map(Number) as [number, number];
    else [from, to] = [Number(range), stepText === undefined ? Number(range) : high];
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < low || to > high) return [];
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}

/** Whether an action with these times runs at minute `minute` of a simulation that starts at `startMinuteOfDay`. */
export function runsAt(
  times: { minutesOfDay: readonly number[]; everyMinutes?: number },
  minute: number,
  startMinuteOfDay: number,
): boolean {
  if (times.everyMinutes !== undefined) return minute > 0 && minute % times.everyMinutes === 0;
  return times.minutesOfDay.includes((startMinuteOfDay + minute) % 1440);
}
