/**
 * What the background last answered for each record this tab looked up, so that coming back to a
 * record shows its status at once instead of after a round trip to the background. It is only a
 * first paint: the chip still asks the background every time and shows its answer, which replaces
 * the remembered one (stale-while-revalidate).
 *
 * An entry goes when what it says is older than the background's own link cache allows (counted
 * from when the sync service said it, so past that the background would not answer from memory
 * either), when a lookup of that record fails, when the chip acts on
 * the record (its status is about to move), and all at once when the followed companies change.
 */
import type { RecordRef, RecordStatus } from '../messaging/overlay-commands';

/** The background's link cache lifetime (lib/records/record-status.ts, LINK_CACHE_TTL_MS). */
export const STATUS_MEMORY_TTL_MS = 60_000;
/** A tab visits a few dozen records at most in a minute; beyond this the oldest go first. */
export const STATUS_MEMORY_MAX = 100;

export type StatusRef = RecordRef & { companyId: string };

export interface StatusMemory {
  /** The status last answered for this record, while still fresh. */
  get(ref: StatusRef): RecordStatus | null;
  put(ref: StatusRef, status: RecordStatus): void;
  forget(ref: StatusRef): void;
  clear(): void;
}

const keyOf = (ref: StatusRef) => `${ref.companyId}|${ref.entityType}|${ref.qbId}`;

export function createStatusMemory(now: () => number = Date.now, ttlMs = STATUS_MEMORY_TTL_MS, max = STATUS_MEMORY_MAX): StatusMemory {
  // A Map keeps insertion order: re-inserting on put makes the first key the oldest.
  const entries = new Map<string, { status: RecordStatus; at: number }>();
  return {
    get(ref) {
      const entry = entries.get(keyOf(ref));
      if (!entry) return null;
      if (now() - entry.at < ttlMs) return entry.status;
      entries.delete(keyOf(ref));
      return null;
    },
    put(ref, status) {
      const key = keyOf(ref);
      entries.delete(key);
      // Aged from when the sync service said it (the background may have answered from its cache).
      const said = Date.parse(status.fetchedAt);
      entries.set(key, { status, at: Number.isNaN(said) ? now() : Math.min(said, now()) });
      if (entries.size > max) entries.delete(entries.keys().next().value!);
    },
    forget: (ref) => void entries.delete(keyOf(ref)),
    clear: () => entries.clear(),
  };
}
