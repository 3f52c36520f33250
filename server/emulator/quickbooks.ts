/**
 * The emulated QuickBooks company file: the records QuickBooks holds, its ids, SyncToken /
 * EditSequence counters, inactive and deleted flags, and the closing date. Tests and the seed use
 * the editing functions to play "someone changed it in QuickBooks".
 */
import type { Store } from '../store/store.ts';

export interface QbRecordRow {
  company_id: string; entity_type: string; qb_id: string; display_name: string; name_lower: string; doc_number: string | null;
  sync_token: number; txn_date: string | null; amount: number | null; active: number; deleted: number;
}

/** QuickBooks list types whose names must be unique; customers, vendors and employees share one name space. */
export const SHARED_NAME_TYPES = ['Customer', 'Vendor', 'Employee'];
export const LIST_TYPES = new Set([...SHARED_NAME_TYPES, 'Item', 'Account', 'Class', 'Department', 'Term', 'PaymentMethod']);

export async function getQbRecord(store: Store, companyId: string, entityType: string, qbId: string): Promise<QbRecordRow | undefined> {
  return (await store.db.prepare('SELECT * FROM qb_records WHERE company_id = ? AND entity_type = ? AND qb_id = ?')
    .get(companyId, entityType, qbId)) as QbRecordRow | undefined;
}

/** A new id in the company's style: QBO numbers, QBD ListID/TxnID ("8000012A-1764140000"). */
export async function newQbId(store: Store, companyId: string, system: 'qbo' | 'qbd'): Promise<string> {
  const row = (await store.db.prepare('UPDATE companies SET next_qb_seq = next_qb_seq + 1 WHERE id = ? RETURNING next_qb_seq - 1 AS seq')
    .get(companyId)) as { seq: number };
  if (system === 'qbo') return String(row.seq);
  const stamp = Math.floor(store.now().getTime() / 1000);
  return `${(0x80000000 + row.seq).toString(16).toUpperCase()}-${stamp}`;
}

export interface QbRecordInput {
  companyId: string; entityType: string; qbId: string; name: string; docNumber?: string | null; syncToken?: number;
  txnDate?: string | null; amount?: number | null; active?: boolean; deleted?: boolean;
}

export async function putQbRecord(store: Store, r: QbRecordInput): Promise<void> {
  await store.write(async () => {
    await store.db.prepare(`INSERT INTO qb_records (company_id, entity_type, qb_id, display_name, name_lower, doc_number, sync_token,
      txn_date, amount, active, deleted) VALUES (?,?,?,?,?,?,?,?,?,?,?)
      ON CONFLICT (company_id, entity_type, qb_id) DO UPDATE SET display_name = excluded.display_name, name_lower = excluded.name_lower,
      doc_number = excluded.doc_number, sync_token = excluded.sync_token, txn_date = excluded.txn_date, amount = excluded.amount,
      active = excluded.active, deleted = excluded.deleted`).run(
      r.companyId, r.entityType, r.qbId, r.name, r.name.toLowerCase(), r.docNumber ?? null, r.syncToken ?? 0, r.txnDate ?? null,
      r.amount ?? null, r.active === false ? 0 : 1, r.deleted ? 1 : 0);
  });
}

/** Someone edits the record inside QuickBooks: its SyncToken / EditSequence moves on. */
export async function editInQuickBooks(
  store: Store, companyId: string, entityType: string, qbId: string, patch: { name?: string; active?: boolean } = {},
): Promise<void> {
  await store.write(async () => {
    const r = await getQbRecord(store, companyId, entityType, qbId);
    if (!r) throw new Error(`QuickBooks has no ${entityType} ${qbId}`);
    const name = patch.name ?? r.display_name;
    await store.db.prepare(`UPDATE qb_records SET sync_token = sync_token + 1, display_name = ?, name_lower = ?, active = ?
      WHERE company_id = ? AND entity_type = ? AND qb_id = ?`).run(name, name.toLowerCase(),
      patch.active === undefined ? r.active : patch.active ? 1 : 0, companyId, entityType, qbId);
  });
}

export async function deleteInQuickBooks(store: Store, companyId: string, entityType: string, qbId: string): Promise<void> {
  await store.write(async () => {
    await store.db.prepare('UPDATE qb_records SET deleted = 1 WHERE company_id = ? AND entity_type = ? AND qb_id = ?').run(companyId, entityType, qbId);
  });
}

export async function setClosedBooksDate(store: Store, companyId: string, date: string | null): Promise<void> {
  await store.write(async () => {
    await store.db.prepare('UPDATE companies SET closed_books_date = ? WHERE id = ?').run(date, companyId);
  });
}

/** Another live record using this name (inactive ones count, as in QuickBooks). */
export async function findNameOwner(
  store: Store, companyId: string, entityType: string, name: string, exceptQbId: string | null,
): Promise<QbRecordRow | undefined> {
  const types = SHARED_NAME_TYPES.includes(entityType) ? SHARED_NAME_TYPES : [entityType];
  return (await store.db.prepare(`SELECT * FROM qb_records WHERE company_id = ? AND name_lower = ? AND deleted = 0
    AND entity_type IN (${types.map(() => '?').join(',')}) AND NOT (entity_type = ? AND qb_id = ?) ORDER BY entity_type, qb_id LIMIT 1`)
    .get(companyId, name.toLowerCase(), ...types, entityType, exceptQbId ?? '')) as QbRecordRow | undefined;
}

export async function findDocNumberOwner(
  store: Store, companyId: string, entityType: string, docNumber: string, exceptQbId: string | null,
): Promise<QbRecordRow | undefined> {
  return (await store.db.prepare(`SELECT * FROM qb_records WHERE company_id = ? AND entity_type = ? AND doc_number = ? AND deleted = 0
    AND qb_id != ? ORDER BY qb_id LIMIT 1`).get(companyId, entityType, docNumber, exceptQbId ?? '')) as QbRecordRow | undefined;
}
