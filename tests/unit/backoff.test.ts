import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, JITTER, backoffDelayMs } from '@/lib/poll/backoff';

const mid = () => 0.5; // jitter factor exactly 1

describe('backoff', () => {
  it('doubles from one minute', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, { random: mid }) / 60_000)).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('is capped at 60 minutes, even after very many failures', () => {
    expect(backoffDelayMs(7, { random: mid })).toBe(BACKOFF_CAP_MS);
    expect(backoffDelayMs(500, { random: () => 0.999 })).toBe(BACKOFF_CAP_MS);
    expect(Number.isFinite(backoffDelayMs(10_000, { random: mid }))).toBe(true);
  });

  it('keeps jitter within ±20 %', () => {
    const low = backoffDelayMs(3, { random: () => 0 });
    const high = backoffDelayMs(3, { random: () => 0.999999 });
    expect(low).toBe(4 * BACKOFF_BASE_MS * (1 - JITTER));
    expect(high).toBeLessThanOrEqual(4 * BACKOFF_BASE_MS * (1 + JITTER));
    expect(high).toBeGreaterThan(4 * BACKOFF_BASE_MS * 1.19);
    for (let i = 0; i < 50; i++) {
      const r = i / 50;
      const d = backoffDelayMs(2, { random: () => r });
      expect(d).toBeGreaterThanOrEqual(2 * BACKOFF_BASE_MS * 0.8);
      expect(d).toBeLessThanOrEqual(2 * BACKOFF_BASE_MS * 1.2);
    }
  });

  it('honours a longer Retry-After, but never shortens the back-off for a shorter one', () => {
    expect(backoffDelayMs(1, { random: mid, retryAfterSeconds: 600 })).toBe(600_000);
    expect(backoffDelayMs(1, { random: mid, retryAfterSeconds: 2 * 3600 })).toBe(2 * 3600_000); // beyond the cap: the server knows best
    expect(backoffDelayMs(4, { random: mid, retryAfterSeconds: 5 })).toBe(8 * 60_000);
  });

  it('treats zero or negative failure counts as the first failure', () => {
    expect(backoffDelayMs(0, { random: mid })).toBe(BACKOFF_BASE_MS);
  });
});
