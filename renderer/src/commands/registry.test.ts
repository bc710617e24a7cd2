import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandId } from '../../../shared/commands/definitions';
import { CommandRegistry, type CommandBehaviour } from './registry';

describe('CommandRegistry.run', () => {
  it('never rejects: a command that fails (a refused save) is handed to the failure handler, for the user to see', async () => {
    const behaviours = Object.fromEntries(COMMANDS.map((command) => [command.id, { run: () => undefined }])) as Record<
      CommandId,
      CommandBehaviour
    >;
    behaviours['file.save'] = { run: () => Promise.reject(new Error('file:save: text too long')) };
    const failures: string[] = [];
    const registry = new CommandRegistry(behaviours, undefined, (command, error) =>
      failures.push(`${command.id}: ${error instanceof Error ? error.message : String(error)}`),
    );
    await expect(registry.run('file.save')).resolves.toBe(false);
    expect(failures).toEqual(['file.save: file:save: text too long']);
    await expect(registry.run('file.new')).resolves.toBe(true);
  });
});
