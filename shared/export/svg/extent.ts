import type { Rect } from '../../document/geometry';

/** Grows to cover everything an export draws, so nothing (an edge detour, a badge) is cut off at the border. */
export class Extent {
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  addPoint(x: number, y: number, margin = 0): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    this.minX = Math.min(this.minX, x - margin);
    this.minY = Math.min(this.minY, y - margin);
    this.maxX = Math.max(this.maxX, x + margin);
    this.maxY = Math.max(this.maxY, y + margin);
  }

  addRect(rect: Rect, margin = 0): void {
    this.addPoint(rect.x, rect.y, margin);
    this.addPoint(rect.x + rect.width, rect.y + rect.height, margin);
  }

  /** The covered area, or undefined when nothing was added. */
  rect(): Rect | undefined {
    if (!Number.isFinite(this.minX)) return undefined;
    return { x: this.minX, y: this.minY, width: this.maxX - this.minX, height: this.maxY - this.minY };
  }
}
