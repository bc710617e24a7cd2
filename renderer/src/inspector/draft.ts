import { useState } from 'react';

/**
 * A local draft of a committed value that follows the committed value whenever that changes
 * (undo, another field's fix). The draft is reset during render, React's pattern for state
 * that adjusts to a prop, so no frame shows the stale draft and no effect renders twice.
 */
export function useDraft(committed: string): [string, (value: string) => void, () => void] {
  const [draft, setDraft] = useState(committed);
  const [following, setFollowing] = useState(committed);
  if (following !== committed) {
    setFollowing(committed);
    setDraft(committed);
  }
  return [draft, setDraft, () => setDraft(committed)];
}

/** A property value as the text an input shows: nothing for no value, primitives as written, anything else as JSON. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}
