import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/**
 * The window reopens where the user left it — unless that place is no longer on any screen
 * (a monitor was unplugged), in which case it opens at the default size on the primary one.
 */

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(200).max(100_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the title bar must be on a screen for the window to be reachable. */
const MIN_VISIBLE = 64;

/** The saved bounds if the window's top edge would be visible on some display, else null. */
export function restorableBounds(saved: WindowBounds | null, workAreas: readonly Rectangle[]): WindowBounds | null {
  if (!saved) return null;
  const reachable = workAreas.some((area) => {
    const overlapX = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const topInside = saved.y >= area.y && saved.y <= area.y + area.height - MIN_VISIBLE / 2;
    return overlapX >= MIN_VISIBLE && topInside;
  });
  return reachable ? saved : null;
}

export async function loadWindowBounds(path: string): Promise<WindowBounds | null> {
  try {
    const parsed = WindowBounds.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function saveWindowBounds(path: string, bounds: WindowBounds): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(bounds)}\n`).catch((error: unknown) => {
    console.warn(`Stowage could not remember the window position in ${path}:`, error);
  });
}
