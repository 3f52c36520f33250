/**
 * What the notifier remembers across worker and browser restarts: the last digest day and the
 * counts last seen per company (storage.local), and the keys of what was notified (Dexie, pruned).
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { SyncLensDb } from '../db/schema';
import type { SeenCounts } from './decide';

/** Separate keys, so a poll saving counts and a digest saving its day never overwrite each other. */
export const SEEN_KEY = 'notifierSeen';
export const LAST_DIGEST_KEY = 'notifierLastDigestDay';
/** Notified keys older than this are dropped; connector keys stay until the connector recovers. */
export const NOTIFIED_KEEP_DAYS = 14;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Seen = v.record(v.string(), v.object({ failed: Count, unsynced: Count }));
const Day = v.pipe(v.string(), v.isoDate());

export async function loadSeen(): Promise<Record<string, SeenCounts>> {
  const parsed = v.safeParse(Seen, (await browser.storage.local.get(SEEN_KEY))[SEEN_KEY]);
  return parsed.success ? parsed.output : {};
}

export async function saveSeen(seen: Record<string, SeenCounts>): Promise<void> {
  await browser.storage.local.set({ [SEEN_KEY]: seen });
}

export async function loadLastDigestDay(): Promise<string | null> {
  const parsed = v.safeParse(Day, (await browser.storage.local.get(LAST_DIGEST_KEY))[LAST_DIGEST_KEY]);
  return parsed.success ? parsed.output : null;
}

export async function saveLastDigestDay(day: string): Promise<void> {
  await browser.storage.local.set({ [LAST_DIGEST_KEY]: day });
}

export async function notifiedKeys(db: SyncLensDb): Promise<Set<string>> {
  return new Set(await db.notified.toCollection().primaryKeys());
}

export async function markNotified(db: SyncLensDb, keys: string[], now: Date): Promise<void> {
  await db.notified.bulkPut(keys.map((key) => ({ key, at: now.toISOString() })));
}

export async function forgetNotified(db: SyncLensDb, prefixes: string[]): Promise<void> {
  for (const prefix of prefixes) await db.notified.where('key').startsWith(prefix).delete();
}

/** Drops old keys and old click targets (a notification that old is long gone from the tray). */
export async function pruneNotified(db: SyncLensDb, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - NOTIFIED_KEEP_DAYS * 86_400_000).toISOString();
  await db.notified.where('at').below(cutoff).filter((row) => !row.key.startsWith('connector:')).delete();
  await db.noticeTargets.where('at').below(cutoff).delete();
}
