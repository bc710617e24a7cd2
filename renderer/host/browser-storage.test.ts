import { describe, expect, it } from 'vitest';
import { isLegacyFileAccessForced } from './browser-files';
import { indexedDbStore, memoryStore, safeLocalStorage } from './browser-storage';

describe('storage fallbacks', () => {
  it('keeps values in memory when IndexedDB is unavailable', async () => {
    const store = indexedDbStore(undefined);
    await store.set('draft', { text: 'x' });
    expect(await store.get('draft')).toEqual({ text: 'x' });
    await store.delete('draft');
    expect(await store.get('draft')).toBeUndefined();
  });

  it('memoryStore round-trips', async () => {
    const store = memoryStore();
    await store.set('a', 1);
    expect(await store.get('a')).toBe(1);
  });

  it('keeps settings in memory when localStorage throws', () => {
    const storage = safeLocalStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    storage.write('k', 'v');
    expect(storage.read('k')).toBe('v');
    storage.remove('k');
    expect(storage.read('k')).toBeNull();
  });
});

describe('isLegacyFileAccessForced', () => {
  const windowWith = (search: string, stored: string | null) =>
    ({ location: { search }, localStorage: { getItem: () => stored } }) as unknown as Pick<Window, 'location' | 'localStorage'>;

  it('is forced by ?fs=legacy or localStorage stowage.fileAccess=legacy', () => {
    expect(isLegacyFileAccessForced(windowWith('?fs=legacy', null))).toBe(true);
    expect(isLegacyFileAccessForced(windowWith('?a=1&fs=legacy', null))).toBe(true);
    expect(isLegacyFileAccessForced(windowWith('', 'legacy'))).toBe(true);
    expect(isLegacyFileAccessForced(windowWith('?fs=modern', null))).toBe(false);
    expect(isLegacyFileAccessForced(windowWith('', null))).toBe(false);
  });
});
