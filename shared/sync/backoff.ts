export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** No wait is ever longer than this. */
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

/**
 * Capped exponential backoff with "equal jitter": half the delay is fixed, half random, so forty
 * stations coming back after an outage spread out, yet none retries at once.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const capped = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return capped / 2 + (capped / 2) * random();
}
