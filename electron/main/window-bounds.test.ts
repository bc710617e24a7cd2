import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from './fs.test-support';
import { loadWindowBounds, restorableBounds, saveWindowBounds } from './window-bounds';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: -200, width: 2560, height: 1415 };

describe('restorableBounds', () => {
  const bounds = { x: 100, y: 80, width: 1200, height: 800, maximized: false };

  it('restores a window that is on a screen', () => {
    expect(restorableBounds(bounds, [laptop])).toEqual(bounds);
    expect(restorableBounds({ ...bounds, x: 2000, y: -100 }, [laptop, external])).toMatchObject({ x: 2000 });
  });

  it('refuses a window left on a monitor that is gone', () => {
    expect(restorableBounds({ ...bounds, x: 2000, y: -100 }, [laptop])).toBeNull();
  });

  it('refuses a window whose title bar is off screen', () => {
    expect(restorableBounds({ ...bounds, y: -500 }, [laptop])).toBeNull();
    expect(restorableBounds({ ...bounds, x: -1190 }, [laptop])).toBeNull();
  });

  it('has nothing to restore without saved bounds', () => {
    expect(restorableBounds(null, [laptop])).toBeNull();
  });
});

describe('window bounds file', () => {
  const tempFolder = useTempFolder();

  it('round-trips, and ignores a corrupt file', async () => {
    const path = join(await tempFolder(), 'window-state.json');
    expect(await loadWindowBounds(path)).toBeNull();
    await saveWindowBounds(path, { x: 1, y: 2, width: 800, height: 600, maximized: true });
    expect(await loadWindowBounds(path)).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: true });
    await writeFile(path, '{"x": "left"}');
    expect(await loadWindowBounds(path)).toBeNull();
  });
});
