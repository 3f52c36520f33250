/**
 * Back-off after failed polls: exponential (1, 2, 4 … minutes) with ±20 % jitter so many browsers
 * that lost the service at the same moment do not come back in lock-step, capped at 60 minutes.
 * A server's Retry-After always wins when it asks for longer.
 */

export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
export const JITTER = 0.2;

export interface BackoffOptions {
  /** Returns a number in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
  baseMs?: number;
  capMs?: number;
  /** The server's Retry-After, in seconds. */
  retryAfterSeconds?: number;
}

/** Delay before the next attempt after `failures` consecutive failures (failures >= 1). */
export function backoffDelayMs(failures: number, options: BackoffOptions = {}): number {
  const { random = Math.random, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS } = options;
  const n = Math.max(1, Math.floor(failures));
  // 2 ** 30 is far past any cap; bounding the exponent avoids Infinity.
  const exponential = Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 30));
  const factor = 1 - JITTER + 2 * JITTER * random();
  const jittered = Math.min(capMs, Math.round(exponential * factor));
  const retryAfterMs = (options.retryAfterSeconds ?? 0) * 1000;
  return Math.max(jittered, retryAfterMs);
}
