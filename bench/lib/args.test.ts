import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';

describe('parseArgs', () => {
  it('builds and runs everything by default', () => {
    expect(parseArgs([])).toEqual({ build: true, only: [], help: false });
  });

  it('takes --only as a separate value, with =, comma-separated or repeated, with or without the file suffix', () => {
    expect(parseArgs(['--only', 'canvas']).only).toEqual(['canvas']);
    expect(parseArgs(['--only=canvas,validation']).only).toEqual(['canvas', 'validation']);
    expect(parseArgs(['--only', 'canvas', '--only', 'export.bench.ts']).only).toEqual(['canvas', 'export']);
  });

  it('takes another web build to serve with --web-dir', () => {
    expect(parseArgs(['--web-dir', '/tmp/fix/dist-web']).webDir).toBe('/tmp/fix/dist-web');
    expect(() => parseArgs(['--web-dir'])).toThrow(/needs a directory/);
  });

  it('understands --no-build and --help', () => {
    expect(parseArgs(['--no-build']).build).toBe(false);
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it('rejects unknown options and a missing --only value with a usage error', () => {
    expect(() => parseArgs(['--fast'])).toThrow(UsageError);
    expect(() => parseArgs(['--only'])).toThrow(/needs a benchmark name/);
  });
});
