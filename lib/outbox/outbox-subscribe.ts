/**
 * Pages follow the outbox through one storage.local key the background bumps after every change
 * (lib/background/outbox-watch). A page subscribes with its own storage.onChanged event, so tests
 * pass the fake browser's.
 */
import type { Browser } from 'wxt/browser';

/** Kept here (not imported from the background module) so pages do not bundle background code. */
export const OUTBOX_REVISION_KEY = 'outboxRevision';

type ChangeListener = (changes: Record<string, Browser.storage.StorageChange>, area: string) => void;
interface ChangeEvent {
  addListener(listener: ChangeListener): void;
  removeListener(listener: ChangeListener): void;
}

/** Calls `listener` after every outbox change; returns the way to stop. */
export type OutboxSubscribe = (listener: () => void) => () => void;

export function outboxSubscription(onChanged: ChangeEvent): OutboxSubscribe {
  return (listener) => {
    const wrapped: ChangeListener = (changes, area) => {
      if (area === 'local' && changes[OUTBOX_REVISION_KEY]) listener();
    };
    onChanged.addListener(wrapped);
    return () => onChanged.removeListener(wrapped);
  };
}
