import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AllowedPaths, pathKey } from './allowed-paths';

describe('AllowedPaths', () => {
  const chosen = join('/', 'home', 'ada', 'designs', 'diagram.stowage');

  it('allows exactly the paths it was given', () => {
    const allowed = new AllowedPaths('linux');
    allowed.allow(chosen);
    expect(allowed.has(chosen)).toBe(true);
    expect(allowed.has(join('/', 'home', 'ada', '.ssh', 'id_rsa'))).toBe(false);
    expect(allowed.has(join('/', 'home', 'ada', 'designs', 'other.stowage'))).toBe(false);
  });

  it('sees through dot segments', () => {
    const allowed = new AllowedPaths('linux');
    allowed.allow(chosen);
    expect(allowed.has(`${join('/', 'home', 'ada', 'designs')}/../designs/diagram.stowage`)).toBe(true);
    expect(allowed.has(`${chosen}/../../../../etc/passwd`)).toBe(false);
  });

  it('never allows relative paths or paths with NUL bytes', () => {
    const allowed = new AllowedPaths('linux');
    allowed.allow('diagram.stowage');
    expect(allowed.has('diagram.stowage')).toBe(false);
    allowed.allow(chosen);
    expect(allowed.has(`${chosen}\0.png`)).toBe(false);
  });

  it('ignores case only where the file system does', () => {
    expect(pathKey(chosen.toUpperCase(), 'win32')).toBe(pathKey(chosen, 'win32'));
    expect(pathKey(chosen.toUpperCase(), 'darwin')).not.toBe(pathKey(chosen, 'darwin'));
  });
});
