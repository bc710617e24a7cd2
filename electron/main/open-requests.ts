import { extname, resolve } from 'node:path';
import { FILE_EXTENSION } from '../../shared/document/schema';

/**
 * Files the operating system asks us to open: double-clicked .stowage files (argv on Windows
 * and Linux, 'open-file' on macOS), and files passed to a second launch while Stowage is
 * already running. They can arrive before the window exists, so they wait in a queue until
 * the renderer has loaded.
 */

/**
 * The documents named on a command line. Only existing-looking .stowage paths count: Chromium
 * and Electron add switches, and the executable and (in development) the main script come
 * first; none of those should ever be opened as a diagram.
 */
export function documentPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((argument) => !argument.startsWith('-') && extname(argument).toLowerCase() === `.${FILE_EXTENSION}`)
    .map((argument) => resolve(workingDirectory, argument));
}

export class OpenRequestQueue {
  #ready = false;
  readonly #waiting: string[] = [];

  constructor(private readonly deliver: (path: string) => void) {}

  request(path: string): void {
    if (this.#ready) this.deliver(path);
    else if (!this.#waiting.includes(path)) this.#waiting.push(path);
  }

  /** The renderer can receive files now; delivers everything that waited, in order. */
  markReady(): void {
    this.#ready = true;
    for (const path of this.#waiting.splice(0)) this.deliver(path);
  }

  /** The window is gone (macOS keeps running); requests wait for the next window. */
  markNotReady(): void {
    this.#ready = false;
  }
}
