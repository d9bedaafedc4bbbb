import { setTimeout as sleep } from 'node:timers/promises';

/** Thrown when something took longer than it was given; the message says what and how long. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * Settles like `work`, or rejects with a TimeoutError after `ms`. The work itself is not
 * cancelled (pass an AbortSignal.timeout to work that can be); only the wait ends.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  const timer = new AbortController();
  const expired = sleep(ms, undefined, { signal: timer.signal }).then(
    () => Promise.reject(new TimeoutError(`${what}: timeout after ${ms} ms`)),
    () => new Promise<never>(() => {}),
  );
  try {
    return await Promise.race([work, expired]);
  } finally {
    timer.abort();
  }
}

/** True if `work` settled within `ms`, false otherwise; never throws (for shutdown steps). */
export async function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return withTimeout(work, ms, 'settle').then(
    () => true,
    (error: unknown) => !(error instanceof TimeoutError),
  );
}
