/**
 * QuickBooks' acceptance rules for one record the sync service sends, checked in the order
 * QuickBooks reports them. Returns the first error, or null when QuickBooks would accept it.
 */
import type { CompanyRow, RecordRow } from '../store/rows.ts';
import type { Ref } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import * as E from './errors.ts';
import { findDocNumberOwner, findNameOwner, getQbRecord, LIST_TYPES } from './quickbooks.ts';

const AMOUNT_REQUIRED = new Set(['Payment', 'BillPayment']);

export async function checkExport(store: Store, company: CompanyRow, record: RecordRow): Promise<E.QbError | null> {
  const system = company.system;
  const isList = LIST_TYPES.has(record.entity_type);
  if (record.qb_id) {
    const existing = await getQbRecord(store, company.id, record.entity_type, record.qb_id);
    if (!existing || existing.deleted) return E.objectNotFound(system, record.entity_type, record.qb_id, !isList);
    if (record.known_sync_token !== null && record.known_sync_token !== existing.sync_token) {
      return E.staleObject(system, record.entity_type, record.qb_id, record.known_sync_token, existing.sync_token);
    }
  }
  if (isList) {
    const owner = await findNameOwner(store, company.id, record.entity_type, record.name, record.qb_id);
    if (owner) return E.duplicateName(system, record.name, { entityType: owner.entity_type, qbId: owner.qb_id });
  }
  // QuickBooks Desktop only warns about a reused number; QuickBooks Online refuses it.
  if (!isList && system === 'qbo' && record.doc_number) {
    const owner = await findDocNumberOwner(store, company.id, record.entity_type, record.doc_number, record.qb_id);
    if (owner) return E.duplicateDocNumber(record.doc_number, { entityType: owner.entity_type, qbId: owner.qb_id });
  }
  for (const ref of JSON.parse(record.refs) as Ref[]) {
    const target = await getQbRecord(store, company.id, ref.entityType, ref.qbId);
    if (!target || target.deleted || !target.active) {
      return E.invalidReference(system, { ...ref, name: target?.display_name ?? null }, record.entity_type);
    }
  }
  if (!isList && record.txn_date && company.closed_books_date && record.txn_date <= company.closed_books_date) {
    return E.closedPeriod(system, record.entity_type, record.txn_date, company.closed_books_date);
  }
  if (system === 'qbo' && AMOUNT_REQUIRED.has(record.entity_type) && !(record.amount && record.amount > 0)) return E.missingAmount();
  return null;
}
