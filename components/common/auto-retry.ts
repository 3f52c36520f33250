/**
 * An open page that lost the sync service tries again on its own: first after 10 seconds, then
 * doubling, never waiting longer than the poll period, never before a pause the service asked for
 * is over. The time of the next try is a signal, so the page says when it will be ("Trying again
 * at 9:05") instead of waiting in silence. Back to normal, the count starts over.
 */
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Snapshot } from '@/lib/messaging/protocol';
import type { PageView } from './page-view';

export const AUTO_RETRY_FIRST_MS = 10_000;
/** However long the poll period, an open page looks again at least this often. */
const AUTO_RETRY_FLOOR_MS = 30_000;

/** Pure: the wait before the n-th automatic retry (n from 1). */
export function autoRetryDelayMs(n: number, pollMinutes: number): number {
  const cap = Math.max(AUTO_RETRY_FLOOR_MS, pollMinutes * 60_000);
  return Math.min(AUTO_RETRY_FIRST_MS * 2 ** Math.min(Math.max(n, 1) - 1, 20), cap);
}

export interface AutoRetryDeps {
  view: ReadonlySignal<PageView>;
  /** The poll period from the settings (minutes). */
  pollMinutes: () => number;
  /** Until when the service asked for a pause (ISO), if it did. */
  pausedUntil: () => string | null | undefined;
  refresh: () => Promise<void>;
  now?: () => number;
}

const failing = (view: PageView) => view === 'offline' || view === 'error';

export function createAutoRetry(deps: AutoRetryDeps) {
  const now = deps.now ?? Date.now;
  const nextRetryAt = signal<number | null>(null);
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    nextRetryAt.value = null;
  };

  const schedule = () => {
    if (stopped) return;
    attempts += 1;
    const paused = Date.parse(deps.pausedUntil() ?? '');
    const wait = Math.max(autoRetryDelayMs(attempts, deps.pollMinutes()), Number.isNaN(paused) ? 0 : paused - now());
    nextRetryAt.value = now() + wait;
    timer = setTimeout(async () => {
      timer = null;
      await deps.refresh();
      if (!stopped && failing(deps.view.peek()) && !timer) schedule();
    }, wait);
  };

  const dispose = effect(() => {
    if (failing(deps.view.value)) {
      if (!timer) schedule();
    } else {
      attempts = 0;
      clear();
    }
  });

  return {
    /** When the page will try again on its own (epoch ms), or null. */
    nextRetryAt,
    stop() {
      stopped = true;
      dispose();
      clear();
    },
  };
}

/** The auto-retry of a page that shows a snapshot: its poll period and pause come from there. */
export function createPageAutoRetry(view: ReadonlySignal<PageView>, snapshot: ReadonlySignal<Snapshot | null>, refresh: () => Promise<void>) {
  return createAutoRetry({
    view,
    pollMinutes: () => snapshot.peek()?.settings.pollMinutes ?? 5,
    pausedUntil: () => snapshot.peek()?.status.pausedUntil,
    refresh,
  });
}
