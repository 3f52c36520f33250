/** Reads and writes of the cached service data (summary, companies, wizard, unsynced). */
import type { Company, Summary, UnsyncedEntity, WizardItem } from '../api/schema';
import type { SummaryRow, SyncLensDb, WizardRow } from './schema';

export async function readSummary(db: SyncLensDb): Promise<SummaryRow | undefined> {
  return db.summary.get('current');
}

export async function writeSummary(db: SyncLensDb, summary: Summary, etag: string | null, now: Date): Promise<void> {
  await db.summary.put({ id: 'current', summary, etag, storedAt: now.toISOString() });
}

/** Replaces the company list (companies gone from the service disappear from the cache too). */
export async function writeCompanies(db: SyncLensDb, companies: Company[]): Promise<void> {
  await db.transaction('rw', db.companies, async () => {
    await db.companies.clear();
    await db.companies.bulkPut(companies);
  });
}

export async function readCompanies(db: SyncLensDb): Promise<Company[]> {
  return db.companies.toArray();
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

/** Drops every cached row (used when the service address or token changes). */
export async function clearCaches(db: SyncLensDb): Promise<void> {
  await db.transaction('rw', [db.summary, db.companies, db.wizard, db.unsynced, db.unsyncedFetches], async () => {
    await Promise.all([db.summary.clear(), db.companies.clear(), db.wizard.clear(), db.unsynced.clear(), db.unsyncedFetches.clear()]);
  });
}
