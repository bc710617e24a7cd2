/**
 * Runs `body` at once and hands back its result as a promise, or its exception as a rejection:
 * what an async function without awaits does. For fakes of promise-returning APIs whose
 * errors are rejections, never synchronous throws.
 */
export function promiseOf<T>(body: () => T): Promise<T> {
  return new Promise((resolve) => resolve(body()));
}
