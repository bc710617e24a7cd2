/**
 * Who decides whether the window may close. Main knows from setWindowState whether there are
 * unsaved changes: without any, the window just closes; with some, main holds the close and
 * asks the renderer (closeRequested), which settles them — save, discard or cancel — and
 * calls closeWindow to really close. A renderer that has crashed cannot answer, so the window
 * closes then (its work is in the recovery draft).
 *
 * Quitting (Cmd+Q, the Dock, Exit) closes windows too. Holding a close cancels the quit, so
 * the guard remembers that a quit was under way and quits once the window has closed —
 * otherwise macOS would keep running with no window after the user chose Quit and Save.
 */
export class CloseGuard {
  #edited = false;
  #confirmed = false;
  #quitRequested = false;
  #quitAfterClose = false;

  /** From setWindowState: whether the document has unsaved changes. */
  setEdited(edited: boolean): void {
    this.#edited = edited;
  }

  /** app 'before-quit'. */
  noteQuitRequested(): void {
    this.#quitRequested = true;
  }

  /** The window's 'close' event: let it close, or hold it and ask the renderer. */
  onCloseAttempt(rendererCanAnswer: boolean): 'close' | 'ask-renderer' {
    const quitting = this.#quitRequested;
    this.#quitRequested = false;
    if (this.#confirmed) {
      // The close the renderer asked for: a quit that led to it is still owed.
      this.#quitAfterClose ||= quitting;
      return 'close';
    }
    // A fresh close attempt: a quit the user cancelled earlier must not linger and turn this
    // plain window close into a quit.
    this.#quitAfterClose = quitting;
    return !this.#edited || !rendererCanAnswer ? 'close' : 'ask-renderer';
  }

  /** closeWindow from the renderer: unsaved changes are settled, let the next close through. */
  confirm(): void {
    this.#confirmed = true;
  }

  /** After the window has closed: whether the app should quit too. */
  get quitAfterClose(): boolean {
    return this.#quitAfterClose;
  }
}
