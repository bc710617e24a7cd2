import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORTERS_MODULE_PATH, exportersModuleSource, registryEntries, undeclaredKindsMessage } from './exporters-module';

describe('shared/export/cdk/exporters.generated.ts', () => {
  it('is current with the kinds the emitters declare', async () => {
    const committed = readFileSync(EXPORTERS_MODULE_PATH, 'utf8');
    expect(
      committed === (await exportersModuleSource()),
      'shared/export/cdk/exporters.generated.ts is out of date: run `npm run generate`',
    ).toBe(true);
  });
});

describe('registryEntries', () => {
  const emitter = (name: string, kinds: string[]) => ({
    name,
    value: { kinds: Object.fromEntries(kinds.map((kind) => [kind, { creates: [] }])) },
  });

  it('lists each declared kind with its emitter, in catalog order', () => {
    expect(registryEntries([emitter('b', ['efs', 'vpc']), emitter('a', ['region'])])).toEqual([
      { kind: 'region', emitter: 'a' },
      { kind: 'vpc', emitter: 'b' },
      { kind: 'efs', emitter: 'b' },
    ]);
  });

  it('refuses a kind two emitters declare', () => {
    expect(() => registryEntries([emitter('a', ['efs']), emitter('b', ['efs'])])).toThrow(
      'Kind efs is declared by several emitters: a, b.',
    );
  });
});

describe('undeclaredKindsMessage', () => {
  it('names the kinds no emitter declares and where to declare them, and says nothing when every kind is declared', () => {
    const message = undeclaredKindsMessage([{ kind: 'vpc' }], ['vpc', 'app-runner-service', 'trial-queue']);
    expect(message).toContain('No emitter declares app-runner-service, trial-queue');
    expect(message).toContain('shared/export/cdk/emit/');
    expect(undeclaredKindsMessage([{ kind: 'vpc' }, { kind: 'efs' }], ['vpc', 'efs'])).toBe('');
  });
});
