/** Reads and writes of the cached service data (summary, companies, wizard, unsynced). */
import type { Company, Summary, UnsyncedEntity, WizardItem } from '../api/schema';
import { connectionOfKey } from '../connections/company-key';
import { mergeSummaries } from '../connections/merge-summary';
import type { SummaryRow, SyncLensDb, WizardRow } from './schema';

/** One sync service's cached summary (with its ETag). */
export async function readSummary(db: SyncLensDb, connectionId: string): Promise<SummaryRow | undefined> {
  return db.summary.get(connectionId);
}

/** Every service's cached summary; only the given connections (a removed service's row is ignored). */
export async function readSummaries(db: SyncLensDb, connectionIds: readonly string[]): Promise<SummaryRow[]> {
  const rows = await db.summary.bulkGet([...connectionIds]);
  return rows.filter((row): row is SummaryRow => row !== undefined);
}

/** All services' cached summaries as one (see mergeSummaries), or null before the first poll. */
export async function readMergedSummary(db: SyncLensDb, connectionIds: readonly string[]): Promise<Summary | null> {
  return mergeSummaries((await readSummaries(db, connectionIds)).map((row) => row.summary));
}

export async function writeSummary(db: SyncLensDb, connectionId: string, summary: Summary, etag: string | null, now: Date): Promise<void> {
  await db.summary.put({ id: connectionId, summary, etag, storedAt: now.toISOString() });
}

/**
 * Replaces one service's companies (companies gone from it disappear from the cache too).
 * `connectionIds` are all connections, to tell which cached keys belong to this one.
 */
export async function writeCompanies(db: SyncLensDb, connectionId: string, companies: Company[], connectionIds: readonly string[]): Promise<void> {
  await db.transaction('rw', db.companies, async () => {
    await db.companies.filter((c) => connectionOfKey(c.id, connectionIds) === connectionId).delete();
    await db.companies.bulkPut(companies);
  });
}

/** Cached companies of the given connections (keys of a removed service are left out). */
export async function readCompanies(db: SyncLensDb, connectionIds: readonly string[]): Promise<Company[]> {
  return ofConnections(await readAllCompanies(db), connectionIds);
}

/** Every cached company, whichever service it came from (filter with ofConnections). */
export function readAllCompanies(db: SyncLensDb): Promise<Company[]> {
  return db.companies.toArray();
}

/** Pure: the companies of the given connections (keys of a removed service are left out). */
export function ofConnections(companies: readonly Company[], connectionIds: readonly string[]): Company[] {
  return companies.filter((c) => connectionOfKey(c.id, connectionIds) !== null);
}

export async function readWizard(db: SyncLensDb, companyId: string): Promise<WizardRow | undefined> {
  return db.wizard.get(companyId);
}

export async function writeWizard(db: SyncLensDb, companyId: string, items: WizardItem[], now: Date): Promise<WizardRow> {
  const row: WizardRow = { companyId, items, fetchedAt: now.toISOString() };
  await db.wizard.put(row);
  return row;
}

export async function writeUnsynced(db: SyncLensDb, companyId: string, items: UnsyncedEntity[], now: Date): Promise<void> {
  const fetchedAt = now.toISOString();
  await db.transaction('rw', db.unsynced, db.unsyncedFetches, async () => {
    await db.unsynced.where('companyId').equals(companyId).delete();
    await db.unsynced.bulkPut(items.map((item) => ({ ...item, fetchedAt })));
    await db.unsyncedFetches.put({ companyId, fetchedAt, ids: items.map((item) => item.id) });
  });
}

/** The company's cached unsynced list with when it was fetched, or undefined if never fetched. */
export async function readUnsyncedSnapshot(db: SyncLensDb, companyId: string): Promise<{ items: UnsyncedEntity[]; fetchedAt: string } | undefined> {
  return db.transaction('r', db.unsynced, db.unsyncedFetches, async () => {
    const fetch = await db.unsyncedFetches.get(companyId);
    if (!fetch) return undefined;
    const items = await readUnsynced(db, companyId);
    const order = new Map(fetch.ids.map((id, i) => [id, i]));
    // Rows updated since (a resync) keep their place; rows the list never had go last.
    items.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
    return { items, fetchedAt: fetch.fetchedAt };
  });
}

export async function readUnsynced(db: SyncLensDb, companyId: string): Promise<UnsyncedEntity[]> {
  const rows = await db.unsynced.where('companyId').equals(companyId).toArray();
  return rows.map(({ fetchedAt: _fetchedAt, ...entity }) => entity);
}

/**
 * Drops what is cached for one service: its summary, companies, wizard items, unsynced entities
 * and record links. Used when its address or token changed (another service or account) and when
 * it is removed; `forget` (removal) also drops its waiting outbox actions, which no service would
 * accept any more, and its history. `connectionIds` must still include this connection.
 */
export async function clearConnectionData(db: SyncLensDb, connectionId: string, connectionIds: readonly string[], options: { forget: boolean }): Promise<void> {
  const mine = (key: string) => connectionOfKey(key, connectionIds) === connectionId;
  const tables = [db.summary, db.companies, db.wizard, db.unsynced, db.unsyncedFetches, db.links, db.outbox, db.history];
  await db.transaction('rw', tables, async () => {
    await db.summary.delete(connectionId);
    await db.companies.filter((c) => mine(c.id)).delete();
    await db.wizard.filter((row) => mine(row.companyId)).delete();
    await db.unsynced.filter((row) => mine(row.companyId)).delete();
    await db.unsyncedFetches.filter((row) => mine(row.companyId)).delete();
    // Link keys are `${companyKey}|${entityType}|${qbId}`.
    await db.links.filter((row) => mine(row.key.slice(0, row.key.indexOf('|')))).delete();
    if (options.forget) {
      await db.outbox.filter((row) => mine(row.companyId)).delete();
      await db.history.filter((row) => mine(row.companyId)).delete();
    }
  });
}
