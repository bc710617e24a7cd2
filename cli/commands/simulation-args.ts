import { readFileSync } from 'node:fs';

/**
 * Command-line options `stowage cost` and `stowage simulate` share: `--flag value` or
 * `--flag=value`, one FILE. Returns the options, or a message saying what is wrong.
 */
export interface ParsedArgs {
  file: string;
  values: Map<string, string>;
}

export function parseFlags(args: readonly string[], known: readonly string[], command: string): ParsedArgs | string {
  const files: string[] = [];
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (known.includes(flag)) {
      const value = inline ?? args[++index];
      if (value === undefined) return `${flag} needs a value.`;
      values.set(flag, value);
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option "${arg}".`;
    else files.push(arg);
  }
  if (files.length === 0) return 'which file? Give the path of a .stowage diagram.';
  if (files.length > 1) return `${command} reads one file at a time (got ${files.length}).`;
  return { file: files[0]!, values };
}

/** A JSON object of assumptions from a file, or a message. */
export function readAssumptions(path: string | undefined): Record<string, unknown> | string {
  if (path === undefined) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return `cannot read the assumptions file ${path}.`;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path} must hold a JSON object of assumptions.`;
    return value as Record<string, unknown>;
  } catch {
    return `${path} is not JSON: give the assumptions as a JSON object, e.g. {"hoursPerMonth": 730}.`;
  }
}

/** Only the keys of `defaults` with values of the same type: an unknown or mistyped key is a message. */
export function pickAssumptions<T extends object>(defaults: T, given: Record<string, unknown>): Partial<T> | string {
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (!(key in defaults)) continue;
    const expected = typeof (defaults as Record<string, unknown>)[key];
    if (typeof value !== expected) return `the assumption "${key}" must be a ${expected}.`;
    picked[key] = value;
  }
  return picked as Partial<T>;
}
