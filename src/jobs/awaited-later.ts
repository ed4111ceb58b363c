/**
 * `promise`, marked as handled: it is awaited later, and should the work stop before then,
 * its rejection must not end the process as an unhandled one.
 */
export function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
