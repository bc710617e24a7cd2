import { describe, expect, it } from 'vitest';
import { CloseGuard } from './close-guard';

describe('CloseGuard', () => {
  it('lets a window without unsaved changes close at once', () => {
    expect(new CloseGuard().onCloseAttempt(true)).toBe('close');
  });

  it('asks the renderer while there are unsaved changes, until it confirms', () => {
    const guard = new CloseGuard();
    guard.setEdited(true);
    expect(guard.onCloseAttempt(true)).toBe('ask-renderer');
    expect(guard.onCloseAttempt(true)).toBe('ask-renderer');
    guard.confirm();
    expect(guard.onCloseAttempt(true)).toBe('close');
  });

  it('closes once the changes are saved', () => {
    const guard = new CloseGuard();
    guard.setEdited(true);
    guard.setEdited(false);
    expect(guard.onCloseAttempt(true)).toBe('close');
  });

  it('closes a window whose renderer has crashed', () => {
    const guard = new CloseGuard();
    guard.setEdited(true);
    expect(guard.onCloseAttempt(false)).toBe('close');
  });

  it('quits after the held close when the close came from Quit', () => {
    const guard = new CloseGuard();
    guard.setEdited(true);
    guard.noteQuitRequested();
    expect(guard.onCloseAttempt(true)).toBe('ask-renderer');
    guard.confirm();
    expect(guard.onCloseAttempt(true)).toBe('close');
    expect(guard.quitAfterClose).toBe(true);
  });

  it('does not quit after a plain confirmed close', () => {
    const guard = new CloseGuard();
    guard.setEdited(true);
    expect(guard.onCloseAttempt(true)).toBe('ask-renderer');
    guard.confirm();
    expect(guard.onCloseAttempt(true)).toBe('close');
    expect(guard.quitAfterClose).toBe(false);
  });

  it('remembers the quit across the renderer answering', () => {
    const guard = new CloseGuard();
    guard.setEdited(true);
    guard.noteQuitRequested();
    expect(guard.onCloseAttempt(true)).toBe('ask-renderer');
    expect(guard.quitAfterClose).toBe(true);
  });

  it('forgets a cancelled quit at the next plain close', () => {
    const guard = new CloseGuard();
    guard.setEdited(true);
    guard.noteQuitRequested();
    guard.onCloseAttempt(true);
    // The user cancelled; later they close the window with its close button.
    guard.onCloseAttempt(true);
    guard.confirm();
    guard.onCloseAttempt(true);
    expect(guard.quitAfterClose).toBe(false);
  });
});
