/**
 * Links between the job app's records and QuickBooks: what the sync service keeps instead of
 * QuickBooks' data (the QuickBooks id, the SyncToken last seen and the copy last synced), and the
 * translation of references between the job app's ids and QuickBooks ids.
 */
import {
  canonicalJson, mapReferences, recordAmount, recordDisplayName, type JobRecord, type SyncedEntityType,
} from '../../lib/api/job-records.ts';
import type { QbObject } from '../quickbooks/boundary.ts';
import type { RecordRow } from '../store/rows.ts';
import type { Store } from '../store/store.ts';

export interface LinkedRecord {
  row: RecordRow & { data: string | null; synced_copy: string | null; deleted_at: string | null; qb_copy: string | null; qb_updated_at: string | null };
  data: JobRecord | null;
  syncedCopy: JobRecord | null;
  /** QuickBooks' copy as last seen (falls back to the synced copy). */
  qbCopy: JobRecord | null;
}

export async function loadRecord(store: Store, companyId: string, entityType: string, localId: string): Promise<LinkedRecord | undefined> {
  const row = (await store.db.prepare('SELECT * FROM records WHERE company_id = ? AND entity_type = ? AND local_id = ?')
    .get(companyId, entityType, localId)) as LinkedRecord['row'] | undefined;
  if (!row) return undefined;
  const parse = (text: string | null) => (text ? (JSON.parse(text) as JobRecord) : null);
  return { row, data: parse(row.data), syncedCopy: parse(row.synced_copy), qbCopy: parse(row.qb_copy ?? row.synced_copy) };
}

export async function recordForQbId(store: Store, companyId: string, entityType: string, qbId: string): Promise<LinkedRecord | undefined> {
  const localId = (await store.db.prepare('SELECT local_id FROM records WHERE company_id = ? AND entity_type = ? AND qb_id = ?').pluck()
    .get(companyId, entityType, qbId)) as string | undefined;
  return localId === undefined ? undefined : loadRecord(store, companyId, entityType, localId);
}

/** The local id a record imported from QuickBooks gets when the job app has no record for it yet. */
export const importedLocalId = (entityType: string, qbId: string) => `qb-${entityType.toLowerCase()}-${qbId}`;

export interface ReferencesResolved { record: JobRecord; missing: { entityType: SyncedEntityType; localId: string }[] }

/**
 * Looks up every reference the record holds (each distinct one once), so the record can then be
 * mapped in one pass with the answers.
 */
async function lookUpReferences<T>(
  entityType: SyncedEntityType, record: JobRecord, lookup: (target: SyncedEntityType, id: string) => Promise<T>,
): Promise<(target: SyncedEntityType, id: string) => T> {
  const key = (target: string, id: string) => JSON.stringify([target, id]);
  const wanted: [SyncedEntityType, string][] = [];
  mapReferences(entityType, record, (target, id) => {
    wanted.push([target, id]);
    return id;
  });
  const found = new Map<string, T>();
  for (const [target, id] of wanted) {
    if (!found.has(key(target, id))) found.set(key(target, id), await lookup(target, id));
  }
  return (target, id) => found.get(key(target, id))!;
}

/** The job app's record with every reference turned into the QuickBooks id it is linked to. */
export async function toQuickBooksReferences(
  store: Store, companyId: string, entityType: SyncedEntityType, record: JobRecord,
): Promise<ReferencesResolved> {
  const missing: ReferencesResolved['missing'] = [];
  const lookup = store.db.prepare('SELECT qb_id FROM records WHERE company_id = ? AND entity_type = ? AND local_id = ?').pluck();
  const qbIdOf = await lookUpReferences(entityType, record, async (target, localId) =>
    (await lookup.get(companyId, target, localId)) as string | null | undefined);
  const mapped = mapReferences(entityType, record, (target, localId) => {
    const qbId = qbIdOf(target, localId);
    if (!qbId) {
      missing.push({ entityType: target, localId });
      return localId;
    }
    return qbId;
  });
  return { record: mapped, missing };
}

/** A QuickBooks record with its references turned into the job app's ids (unknown ones get the imported-record id). */
export async function toJobAppReferences(store: Store, companyId: string, entityType: SyncedEntityType, record: JobRecord): Promise<JobRecord> {
  const lookup = store.db.prepare('SELECT local_id FROM records WHERE company_id = ? AND entity_type = ? AND qb_id = ?').pluck();
  const localIdOf = await lookUpReferences(entityType, record, async (target, qbId) =>
    ((await lookup.get(companyId, target, qbId)) as string | undefined) ?? importedLocalId(target, qbId));
  return mapReferences(entityType, record, localIdOf);
}

/**
 * Stores the link after QuickBooks accepted a record: its id, the SyncToken QuickBooks gave back and
 * the copy that is now in both places. Creates the record row for a record imported from QuickBooks.
 */
export async function markSynced(
  store: Store, companyId: string, entityType: SyncedEntityType, localId: string, obj: QbObject, syncedCopy: JobRecord, at: string,
  opts: { alsoData?: boolean; localUrl?: string | null } = {},
): Promise<void> {
  const copy = canonicalJson(syncedCopy);
  // What QuickBooks holds now, in the job app's shape: it may carry what QuickBooks filled in (a due
  // date, a balance) that the job app never sent; changes coming back are judged against it.
  const qbCopy = obj.record ? canonicalJson(await toJobAppReferences(store, companyId, entityType, obj.record)) : copy;
  const docNumber = (syncedCopy as { docNumber?: string | null }).docNumber ?? null;
  const txnDate = (syncedCopy as { txnDate?: string | null }).txnDate ?? null;
  await store.db.prepare(`INSERT INTO records (company_id, entity_type, local_id, local_url, name, doc_number, txn_date, amount, refs, qb_id,
      known_sync_token, last_synced_at, data, synced_copy, updated_at, qb_copy, qb_updated_at)
    VALUES (?,?,?,?,?,?,?,?,'[]',?,?,?,?,?,?,?,?)
    ON CONFLICT (company_id, entity_type, local_id) DO UPDATE SET qb_id = excluded.qb_id, known_sync_token = excluded.known_sync_token,
      last_synced_at = excluded.last_synced_at, synced_copy = excluded.synced_copy, qb_copy = excluded.qb_copy,
      qb_updated_at = excluded.qb_updated_at,
      data = CASE WHEN ? = 1 THEN excluded.data ELSE records.data END,
      name = CASE WHEN ? = 1 THEN excluded.name ELSE records.name END,
      doc_number = CASE WHEN ? = 1 THEN excluded.doc_number ELSE records.doc_number END,
      txn_date = CASE WHEN ? = 1 THEN excluded.txn_date ELSE records.txn_date END,
      amount = CASE WHEN ? = 1 THEN excluded.amount ELSE records.amount END`).run(
    companyId, entityType, localId, opts.localUrl ?? null, recordDisplayName(entityType, syncedCopy), docNumber, txnDate,
    recordAmount(entityType, syncedCopy), obj.qbId, obj.syncToken, at, copy, copy, at, qbCopy, obj.updatedAt,
    ...Array(5).fill(opts.alsoData ? 1 : 0));
}

/** QuickBooks moved the record's version on without a change that matters here: remember where it is now. */
export async function noteQuickBooksVersion(store: Store, companyId: string, entityType: string, localId: string, obj: QbObject): Promise<void> {
  await store.db.prepare('UPDATE records SET known_sync_token = ?, qb_updated_at = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?')
    .run(obj.syncToken, obj.updatedAt, companyId, entityType, localId);
}
