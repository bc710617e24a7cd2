/**
 * Load profiles: requests per second at an entry point (a load balancer), minute by minute.
 * A profile is data, so it can be saved, edited in the Simulate panel and given on the CLI.
 */
export type LoadProfile =
  | { type: 'constant'; rps: number }
  /** From `from` to `to` requests per second, linearly between `startMinute` and `endMinute`; flat outside. */
  | { type: 'ramp'; from: number; to: number; startMinute: number; endMinute: number }
  /** `base`, then `peak` for `durationMinutes` from `atMinute`, then `base` again. */
  | { type: 'spike'; base: number; peak: number; atMinute: number; durationMinutes: number }
  /** A day's curve: `base` at night, `peak` at `peakHour` (hours since the start), a cosine in between. */
  | { type: 'daily'; base: number; peak: number; peakHour: number }
  /** One value per minute (a CSV column); the last value holds after the end. */
  | { type: 'points'; rps: readonly number[] };

/** Requests per second the profile asks for at `minute` (0-based); never negative. */
export function rpsAt(profile: LoadProfile, minute: number): number {
  return Math.max(0, rawRpsAt(profile, minute));
}

function rawRpsAt(profile: LoadProfile, minute: number): number {
  switch (profile.type) {
    case 'constant':
      return profile.rps;
    case 'ramp': {
      if (minute <= profile.startMinute) return profile.from;
      if (minute >= profile.endMinute) return profile.to;
      const share = (minute - profile.startMinute) / (profile.endMinute - profile.startMinute);
      return profile.from + (profile.to - profile.from) * share;
    }
    case 'spike':
      return minute >= profile.atMinute && minute < profile.atMinute + profile.durationMinutes ? profile.peak : profile.base;
    case 'daily': {
      const hours = minute / 60 - profile.peakHour;
      const wave = (1 + Math.cos((2 * Math.PI * hours) / 24)) / 2;
      return profile.base + (profile.peak - profile.base) * wave;
    }
    case 'points':
      return profile.rps.length === 0 ? 0 : profile.rps[Math.min(minute, profile.rps.length - 1)]!;
  }
}

/** The Simulate panel's and the CLI's presets, relative to an entry point's baseline requests per second. */
export const PROFILE_PRESETS = {
  /** Three times the baseline for an hour, after half an hour of baseline; three hours in all. */
  '3x-hour': {
    label: '3× for an hour',
    minutes: 180,
    profile: (baseline: number): LoadProfile => ({ type: 'spike', base: baseline, peak: baseline * 3, atMinute: 30, durationMinutes: 60 }),
  },
  /** Night load (a quarter of the baseline) rising to twice the baseline between 06:00 and 09:00 of a simulation starting at 05:00. */
  'morning-ramp': {
    label: 'Morning ramp',
    minutes: 300,
    profile: (baseline: number): LoadProfile => ({ type: 'ramp', from: baseline / 4, to: baseline * 2, startMinute: 60, endMinute: 240 }),
  },
  /** A sudden 5× spike for 15 minutes. */
  spike: {
    label: 'Spike',
    minutes: 120,
    profile: (baseline: number): LoadProfile => ({ type: 'spike', base: baseline, peak: baseline * 5, atMinute: 20, durationMinutes: 15 }),
  },
  /** A whole day, minute by minute, peaking in the afternoon. */
  day: {
    label: 'A day',
    minutes: 1440,
    profile: (baseline: number): LoadProfile => ({ type: 'daily', base: baseline / 3, peak: baseline * 2, peakHour: 14 }),
  },
} as const satisfies Record<string, { label: string; minutes: number; profile(baseline: number): LoadProfile }>;

export type PresetId = keyof typeof PROFILE_PRESETS;
export const PRESET_IDS = Object.keys(PROFILE_PRESETS) as PresetId[];

export function isPresetId(value: string): value is PresetId {
  return (PRESET_IDS as string[]).includes(value);
}

/**
 * A profile from CSV text: one row per minute, the requests per second in the last column (a
 * header row and a leading minute or time column are allowed). Returns a message naming the
 * first bad line instead of throwing.
 */
export function parseCsvProfile(text: string): LoadProfile | string {
  const rps: number[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(/[,;\t]/);
    const value = Number(cells[cells.length - 1]!.trim());
    if (!Number.isFinite(value) || value < 0) {
      if (rps.length === 0 && index === lines.findIndex((l) => l.trim() !== '')) continue; // a header row
      return `Line ${index + 1} of the CSV has no number of requests per second in its last column ("${line.slice(0, 60)}").`;
    }
    rps.push(value);
  }
  if (rps.length === 0) return 'The CSV has no rows: give one row per minute with the requests per second in the last column.';
  return { type: 'points', rps };
}
