import { expect } from 'vitest';

// Vitest types its asymmetric matchers as `any`, which would make every expected value that holds
// one untyped too. These wrappers return `unknown`: what a matcher stands for is checked by the
// matcher, and the expected value around it keeps its type.

/** Any string that matches `pattern`. */
export function stringMatching(pattern: RegExp | string): unknown {
  return expect.stringMatching(pattern);
}

/** Any string that contains `text`. */
export function stringContaining(text: string): unknown {
  return expect.stringContaining(text);
}

/** Any value but null or undefined. */
export function anything(): unknown {
  return expect.anything();
}

/** Any object that has at least these properties. */
export function objectContaining(expected: Record<string, unknown>): unknown {
  return expect.objectContaining(expected);
}
