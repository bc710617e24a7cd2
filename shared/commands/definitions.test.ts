import { describe, expect, it } from 'vitest';
import { formatShortcut, splitShortcut, toElectronAccelerator } from './definitions';

describe('shortcut syntax', () => {
  it('reads a trailing "+" as the plus key', () => {
    expect(splitShortcut('Mod++')).toEqual(['Mod', '+']);
    expect(splitShortcut('Shift+Mod+Z')).toEqual(['Shift', 'Mod', 'Z']);
    expect(splitShortcut('?')).toEqual(['?']);
  });

  it('converts to Electron accelerators', () => {
    expect(toElectronAccelerator('Mod++')).toBe('CmdOrCtrl+Plus');
    expect(toElectronAccelerator('Shift+Mod+S')).toBe('Shift+CmdOrCtrl+S');
    expect(toElectronAccelerator('Shift+ArrowLeft')).toBe('Shift+Left');
    expect(toElectronAccelerator('Mod+=')).toBe('CmdOrCtrl+=');
  });

  it('formats the plus key for menus', () => {
    expect(formatShortcut('Mod++', 'mac')).toBe('⌘+');
    expect(formatShortcut('Mod++', 'windows')).toBe('Ctrl++');
  });
});
