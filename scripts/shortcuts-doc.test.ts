import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, GESTURES, type CommandDefinition } from '../shared/commands/definitions';
import { README_PATH, renderShortcutsTable, withShortcutsTable } from './shortcuts-doc';

describe('the README shortcut table', () => {
  it('is current with the command list', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(
      readme === withShortcutsTable(readme),
      'README.md shortcuts are out of date: run `npm run shortcuts-doc` and commit the result.',
    ).toBe(true);
  });

  it('lists every shortcut of every command and every gesture', () => {
    const table = renderShortcutsTable();
    for (const command of COMMANDS as readonly CommandDefinition[]) {
      for (const shortcut of command.shortcuts ?? []) expect(table).toContain(`\`${shortcut}\``);
    }
    for (const gesture of GESTURES) expect(table).toContain(`| ${gesture.label} |`);
  });
});
