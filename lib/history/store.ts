/** Records each day's latest counts per followed company in Dexie and reads them back. */
import type { Summary } from '../api/schema';
import { followedOnly, type ConnectionsLike } from '../connections/connection';
import { readMergedSummary } from '../db/cache';
import { loadSettings } from '../settings/store';
import type { HistoryRow, SyncLensDb } from '../db/schema';
import type { HistoryDay } from '../messaging/center-commands';
import { addDays, dayRange, fillMissingDays, localDay } from './days';

/** How long daily counts are kept. */
export const HISTORY_DAYS = 90;

/** Companies the user follows among those in the summary (each service's own follow list). */
export function followedOf(summary: Summary, settings: ConnectionsLike): Summary['companies'] {
  return followedOnly(settings, summary.companies, (c) => c.companyId);
}

/** Overwrites today's row of each followed company with the summary's counts; prunes old days. */
export async function recordHistory(db: SyncLensDb, summary: Summary, settings: ConnectionsLike, now: Date): Promise<void> {
  const day = localDay(now);
  const rows: HistoryRow[] = followedOf(summary, settings).map((c) => ({
    companyId: c.companyId,
    day,
    waiting: c.pendingApprovals.export + c.pendingApprovals.import,
    failed: c.failedSyncs,
    unsynced: c.unsynced,
    at: now.toISOString(),
  }));
  await db.transaction('rw', db.history, async () => {
    await db.history.bulkPut(rows);
    await db.history.where('day').below(addDays(day, -(HISTORY_DAYS - 1))).delete();
  });
}

/**
 * The last `days` days (today included) for the followed companies, missing days filled (see
 * fillMissingDays). Reads the whole kept window so a gap at the start is filled from before it.
 */
export async function readHistory(db: SyncLensDb, days: number, settings: ConnectionsLike, now: Date): Promise<HistoryDay[]> {
  const today = localDay(now);
  const range = dayRange(today, days);
  const rows = await db.history.where('day').between(addDays(today, -(HISTORY_DAYS - 1)), today, true, true).toArray();
  const followed = followedOnly(settings, rows, (r) => r.companyId);
  return fillMissingDays(followed.map(({ at: _at, ...day }) => day), range);
}

/** After a successful poll: today's counts from the cached summary, for the followed companies. */
export async function recordPollHistory(db: SyncLensDb, now: Date): Promise<void> {
  const settings = await loadSettings();
  const summary = await readMergedSummary(db, settings.connections.map((c) => c.id));
  if (summary) await recordHistory(db, summary, settings, now);
}
