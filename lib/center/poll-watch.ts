/**
 * An open Sync Center follows the background's polls: each successful poll stores a new
 * `lastSuccessAt` in the connection status, and the page reloads its lists then, so a resynced row
 * leaves the list (or comes back with its new error) without anyone pressing Refresh.
 */
import type { Browser } from 'wxt/browser';
import { STATUS_KEY } from '../background/status';

type StorageChanges = Record<string, Browser.storage.StorageChange>;

export function isNewSuccessfulPoll(changes: StorageChanges, area: string): boolean {
  const change = changes[STATUS_KEY];
  if (area !== 'local' || !change) return false;
  const before = (change.oldValue as { lastSuccessAt?: unknown } | undefined)?.lastSuccessAt;
  const after = (change.newValue as { lastSuccessAt?: unknown } | undefined)?.lastSuccessAt;
  return typeof after === 'string' && after !== before;
}

type ChangeListener = (changes: StorageChanges, area: string) => void;
interface ChangeEvent {
  addListener(listener: ChangeListener): void;
  removeListener(listener: ChangeListener): void;
}

export function watchPolls(onChanged: ChangeEvent, afterPoll: () => void): () => void {
  const listener = (changes: StorageChanges, area: string) => {
    if (isNewSuccessfulPoll(changes, area)) afterPoll();
  };
  onChanged.addListener(listener);
  return () => onChanged.removeListener(listener);
}
