/**
 * Matching KeyboardEvents against shortcut strings from shared/commands/definitions.ts
 * ("Shift+Mod+Z", "Delete", "?"). "Mod" is Cmd on macOS and Ctrl elsewhere.
 */
export interface KeyInput {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(event: KeyInput, shortcut: string, isMac: boolean): boolean {
  const parts = shortcut.split('+');
  // "Mod++" ends with an empty part for the plus key.
  let key = parts.pop() ?? '';
  if (key === '' && parts[parts.length - 1] === '') {
    parts.pop();
    key = '+';
  }
  const wants = new Set(parts);
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (wants.has('Mod') !== mod) return false;
  // The other platform modifier must not be held (Ctrl+Z on macOS is not undo).
  if (!wants.has('Ctrl') && (isMac ? event.ctrlKey : event.metaKey)) return false;
  if (wants.has('Alt') !== event.altKey) return false;
  const keyMatches = normalizeKey(event.key) === normalizeKey(key) || codeMatches(event.code, key);
  if (!keyMatches) return false;
  // Shift produces "?" or "+" itself; only compare Shift for letters, digits, brackets and named keys.
  const shiftSensitive = /^[a-z0-9[\]]$/i.test(key) || key.length > 1;
  if (shiftSensitive && wants.has('Shift') !== event.shiftKey) return false;
  return true;
}

function normalizeKey(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key;
}

const BRACKET_CODES: Record<string, string> = { '[': 'BracketLeft', ']': 'BracketRight' };

/** Shift+1 reports key "!" and Shift+] reports "}" on US layouts; fall back to the physical key for digits and brackets. */
function codeMatches(code: string | undefined, key: string): boolean {
  if (!code) return false;
  if (BRACKET_CODES[key]) return code === BRACKET_CODES[key];
  if (/^[0-9]$/.test(key)) return code === `Digit${key}` || code === `Numpad${key}`;
  if (/^[a-z]$/i.test(key)) return code === `Key${key.toUpperCase()}`;
  return false;
}

export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(type);
  }
  return false;
}

/**
 * A text field that has edits of its own to undo. Fields that commit to the document (marked
 * data-document-field) have none once their text is committed (data-dirty is absent): then
 * Mod+Z belongs to the document, and the field shows the value undo brings back.
 */
export function hasOwnUndo(target: EventTarget | null): boolean {
  if (!isEditableTarget(target)) return false;
  const field = target as HTMLElement;
  return !field.hasAttribute('data-document-field') || field.dataset.dirty === 'true';
}

/** Enter and Space belong to a focused button, link or menu item: they press it. */
export function isActivatable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('button, a[href], summary, [role="button"], [role="menuitem"], [role="tab"], [role="option"]') !== null;
}
