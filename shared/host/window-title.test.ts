import { describe, expect, it } from 'vitest';
import { formatWindowTitle } from './window-title';

describe('formatWindowTitle', () => {
  it('names the document, then the app', () => {
    expect(formatWindowTitle('diagram.stowage', false)).toBe('diagram.stowage — Stowage');
  });

  it('marks unsaved changes unless the platform shows them itself', () => {
    expect(formatWindowTitle('diagram.stowage', true)).toBe('• diagram.stowage — Stowage');
    expect(formatWindowTitle('diagram.stowage', true, { editedMarker: false })).toBe('diagram.stowage — Stowage');
  });

  it('falls back to the app name for an empty title', () => {
    expect(formatWindowTitle('  ', false)).toBe('Stowage');
    expect(formatWindowTitle('Stowage', true)).toBe('• Stowage');
  });
});
