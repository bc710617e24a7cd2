import { describe, expect, it } from 'vitest';
import { matchesShortcut, type KeyInput } from './shortcuts';

const key = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('matchesShortcut', () => {
  it('maps Mod to Ctrl off macOS and to Cmd on macOS', () => {
    expect(matchesShortcut(key('z', { ctrlKey: true }), 'Mod+Z', false)).toBe(true);
    expect(matchesShortcut(key('z', { metaKey: true }), 'Mod+Z', true)).toBe(true);
    expect(matchesShortcut(key('z', { ctrlKey: true }), 'Mod+Z', true)).toBe(false);
    expect(matchesShortcut(key('z', { metaKey: true }), 'Mod+Z', false)).toBe(false);
  });

  it('tells undo from redo by Shift', () => {
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z', false)).toBe(false);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Shift+Mod+Z', false)).toBe(true);
  });

  it('matches named keys and unmodified keys only without modifiers', () => {
    expect(matchesShortcut(key('Delete'), 'Delete', false)).toBe(true);
    expect(matchesShortcut(key('ArrowLeft', { shiftKey: true }), 'ArrowLeft', false)).toBe(false);
    expect(matchesShortcut(key('ArrowLeft', { shiftKey: true }), 'Shift+ArrowLeft', false)).toBe(true);
    expect(matchesShortcut(key('Delete', { ctrlKey: true }), 'Delete', false)).toBe(false);
  });

  it('handles characters produced with Shift, and digits by physical key', () => {
    expect(matchesShortcut(key('?', { shiftKey: true }), '?', false)).toBe(true);
    expect(matchesShortcut({ ...key('!', { shiftKey: true }), code: 'Digit1' }, 'Shift+1', false)).toBe(true);
    expect(matchesShortcut(key('+', { ctrlKey: true, shiftKey: true }), 'Mod++', false)).toBe(true);
    expect(matchesShortcut(key('=', { ctrlKey: true }), 'Mod+=', false)).toBe(true);
  });

  it('tells Bring Forward from Bring to Front by Shift, whatever character the bracket key makes', () => {
    const bracket = (character: string, shiftKey: boolean): KeyInput => ({
      ...key(character, { ctrlKey: true, shiftKey }),
      code: 'BracketRight',
    });
    expect(matchesShortcut(bracket(']', false), 'Mod+]', false)).toBe(true);
    expect(matchesShortcut(bracket('}', true), 'Mod+]', false)).toBe(false);
    expect(matchesShortcut(bracket('}', true), 'Shift+Mod+]', false)).toBe(true);
    expect(matchesShortcut(bracket(']', false), 'Shift+Mod+]', false)).toBe(false);
    expect(matchesShortcut({ ...key('[', { metaKey: true }), code: 'BracketLeft' }, 'Mod+[', true)).toBe(true);
  });
});
