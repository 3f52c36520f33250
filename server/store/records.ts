/** Records of the job-management app (the local side) and their link to a QuickBooks id. */
import type { RecordRow } from './rows.ts';
import type { Store } from './store.ts';

export interface Ref { entityType: string; qbId: string }

export interface RecordInput {
  companyId: string; entityType: string; localId: string; localUrl?: string | null; name: string;
  docNumber?: string | null; txnDate?: string | null; amount?: number | null; refs?: Ref[];
  qbId?: string | null; knownSyncToken?: number | null; lastSyncedAt?: string | null;
}

export async function getRecord(store: Store, companyId: string, entityType: string, localId: string): Promise<RecordRow | undefined> {
  return (await store.db.prepare('SELECT * FROM records WHERE company_id = ? AND entity_type = ? AND local_id = ?')
    .get(companyId, entityType, localId)) as RecordRow | undefined;
}

export async function recordByQbId(store: Store, companyId: string, entityType: string, qbId: string): Promise<RecordRow | undefined> {
  return (await store.db.prepare('SELECT * FROM records WHERE company_id = ? AND entity_type = ? AND qb_id = ?')
    .get(companyId, entityType, qbId)) as RecordRow | undefined;
}

/** Inserts or replaces a local record (seed, fixture and tests; the emulator updates links itself). */
export async function upsertRecord(store: Store, r: RecordInput): Promise<RecordRow> {
  await store.write(async () => {
    await store.db.prepare(`INSERT INTO records (company_id, entity_type, local_id, local_url, name, doc_number, txn_date, amount, refs,
      qb_id, known_sync_token, last_synced_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
      ON CONFLICT (company_id, entity_type, local_id) DO UPDATE SET local_url = excluded.local_url, name = excluded.name,
      doc_number = excluded.doc_number, txn_date = excluded.txn_date, amount = excluded.amount, refs = excluded.refs,
      qb_id = excluded.qb_id, known_sync_token = excluded.known_sync_token, last_synced_at = excluded.last_synced_at`).run(
      r.companyId, r.entityType, r.localId, r.localUrl ?? null, r.name, r.docNumber ?? null, r.txnDate ?? null, r.amount ?? null,
      JSON.stringify(r.refs ?? []), r.qbId ?? null, r.knownSyncToken ?? null, r.lastSyncedAt ?? null);
  });
  return (await getRecord(store, r.companyId, r.entityType, r.localId))!;
}

/** Edits fields of an existing local record (e.g. the office renames a customer to fix a duplicate). */
export async function editRecord(
  store: Store, companyId: string, entityType: string, localId: string,
  patch: Partial<Pick<RecordInput, 'name' | 'docNumber' | 'txnDate' | 'amount' | 'refs'>>,
): Promise<RecordRow> {
  return store.write(async () => {
    // Read inside the write, so the patch applies to the record as it is now; throwing rolls it back.
    const current = await getRecord(store, companyId, entityType, localId);
    if (!current) throw new Error(`No ${entityType} ${localId} in company ${companyId}`);
    await store.db.prepare(`UPDATE records SET name = ?, doc_number = ?, txn_date = ?, amount = ?, refs = ?
      WHERE company_id = ? AND entity_type = ? AND local_id = ?`).run(
      patch.name ?? current.name, patch.docNumber !== undefined ? patch.docNumber : current.doc_number,
      patch.txnDate !== undefined ? patch.txnDate : current.txn_date, patch.amount !== undefined ? patch.amount : current.amount,
      patch.refs ? JSON.stringify(patch.refs) : current.refs, companyId, entityType, localId);
    // Keep the unsynced entity's display in step with the record it describes.
    await store.db.prepare('UPDATE unsynced SET name = ?, name_lower = ?, doc_number = ?, doc_lower = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?')
      .run(patch.name ?? current.name, (patch.name ?? current.name).toLowerCase(),
        patch.docNumber !== undefined ? patch.docNumber : current.doc_number,
        (patch.docNumber !== undefined ? patch.docNumber : current.doc_number)?.toLowerCase() ?? null, companyId, entityType, localId);
    return (await getRecord(store, companyId, entityType, localId))!;
  });
}
