import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autoRetryDelayMs, createAutoRetry } from '@/components/common/auto-retry';
import type { PageView } from '@/components/common/page-view';

describe('pages retry on their own after losing the service (issue 8 §3)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits 10 s, then doubles, never longer than the poll period', () => {
    expect([1, 2, 3, 4, 5].map((n) => autoRetryDelayMs(n, 1))).toEqual([10_000, 20_000, 40_000, 60_000, 60_000]);
    expect(autoRetryDelayMs(9, 5)).toBe(5 * 60_000);
    expect(autoRetryDelayMs(9, 0.1)).toBe(30_000);
  });

  it('refreshes by itself while offline, says when, and stops once the service is back', async () => {
    const view = signal<PageView>('ready');
    const refresh = vi.fn(async () => undefined);
    const retry = createAutoRetry({ view, pollMinutes: () => 5, pausedUntil: () => null, refresh, now: () => Date.now() });
    expect(retry.nextRetryAt.value).toBeNull();
    view.value = 'offline';
    expect(retry.nextRetryAt.value).toBe(Date.now() + 10_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(retry.nextRetryAt.value).toBe(Date.now() + 20_000);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    view.value = 'ready';
    expect(retry.nextRetryAt.value).toBeNull();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    retry.stop();
  });

  it('never tries before a pause the service asked for is over', () => {
    const view = signal<PageView>('error');
    const until = new Date(Date.now() + 5 * 60_000).toISOString();
    const retry = createAutoRetry({ view, pollMinutes: () => 5, pausedUntil: () => until, refresh: async () => undefined });
    expect(retry.nextRetryAt.value).toBe(Date.parse(until));
    retry.stop();
  });
});
