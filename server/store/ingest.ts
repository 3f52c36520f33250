/**
 * The job app's records coming in (the ingestion API): each PUT or DELETE updates the job app's copy
 * in `records` and turns into an Export wizard item by comparing with what was last synced.
 *
 * - a record QuickBooks has never seen (no qb_id, no synced_copy) → a `create` item;
 * - a linked record → an `update` item naming the top-level fields that differ from synced_copy;
 *   when the new copy equals synced_copy there is nothing to send, and any open item is cleared;
 * - the same copy sent again → nothing at all is written (the summary's ETag stays the same);
 * - DELETE of a record QuickBooks never saw forgets it; of a linked one → a `delete` item.
 *
 * Records arrive already validated (lib/api/job-records.ts schemas, defaults applied).
 */
import type { WizardItem } from '../../lib/api/schema.ts';
import {
  JOB_RECORD_SCHEMAS, canonicalJson, changedFields, recordAmount, recordDisplayName, type JobRecord, type SyncedEntityType,
} from '../../lib/api/job-records.ts';
import type { SqlDatabase } from '../db/sql-database.ts';
import type { Store } from './store.ts';
import { registerChange } from './wizard.ts';

export const INGEST_STATUSES = ['created', 'updated', 'restored', 'unchanged', 'deleted', 'forgotten'] as const;
export type IngestStatus = (typeof INGEST_STATUSES)[number];

export interface PutRecordInput {
  entityType: SyncedEntityType;
  localId: string;
  record: JobRecord;
  /** Omitted: keep the stored link; null: remove it. */
  localUrl?: string | null;
}
export interface RecordKey { entityType: SyncedEntityType; localId: string }
export type IngestOperation = ({ op: 'put' } & PutRecordInput) | ({ op: 'delete' } & RecordKey);

export interface IngestResult { status: IngestStatus; wizardItem: WizardItem | null }
export type IngestCounts = Record<IngestStatus, number>;
export interface BatchResult extends IngestCounts {
  results: { status: IngestStatus; wizardItemId: string | null }[];
}

interface IngestRow {
  name: string; qb_id: string | null; local_url: string | null; data: string | null; synced_copy: string | null; deleted_at: string | null;
}

function statements(db: SqlDatabase) {
  return {
    get: db.prepare(`SELECT name, qb_id, local_url, data, synced_copy, deleted_at FROM records
      WHERE company_id = ? AND entity_type = ? AND local_id = ?`),
    upsert: db.prepare(`INSERT INTO records (company_id, entity_type, local_id, local_url, name, doc_number, txn_date, amount, refs, data,
        updated_at, deleted_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, NULL)
      ON CONFLICT (company_id, entity_type, local_id) DO UPDATE SET
        local_url = CASE WHEN ? = 1 THEN records.local_url ELSE excluded.local_url END,
        name = excluded.name, doc_number = excluded.doc_number, txn_date = excluded.txn_date, amount = excluded.amount,
        refs = '[]', data = excluded.data, updated_at = excluded.updated_at, deleted_at = NULL`),
    setUrl: db.prepare('UPDATE records SET local_url = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?'),
    markDeleted: db.prepare('UPDATE records SET deleted_at = ?, updated_at = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?'),
    forget: db.prepare('DELETE FROM records WHERE company_id = ? AND entity_type = ? AND local_id = ?'),
    clearOpenItems: db.prepare(`UPDATE wizard_items SET state = 'cleared' WHERE company_id = ? AND entity_type = ? AND local_id = ?
      AND direction = 'export' AND state IN ('waiting','kept')`),
    // A failed sync's entry in the Sync Center shows the record's current name, as editRecord does.
    unsyncedDisplay: db.prepare(`UPDATE unsynced SET name = ?, name_lower = ?, doc_number = ?, doc_lower = ?
      WHERE company_id = ? AND entity_type = ? AND local_id = ?`),
  };
}

/** How a change is written: store.write, or (applyBatch's first try) refusing to write at all. */
type Writer = <T>(fn: () => Promise<T>) => Promise<T>;

/** Stores the job app's copy of one record and lists the change in the Export wizard. */
export function putRecord(store: Store, companyId: string, input: PutRecordInput): Promise<IngestResult> {
  return put(store, companyId, input, (fn) => store.write(fn));
}

async function put(store: Store, companyId: string, input: PutRecordInput, write: Writer): Promise<IngestResult> {
  const s = statements(store.db);
  const { entityType, localId, record } = input;
  const data = canonicalJson(record);
  const readRow = async () => (await s.get.get(companyId, entityType, localId)) as IngestRow | undefined;
  // The same copy again: nothing for QuickBooks and nothing the summary shows, so no write (a new
  // link is kept without counting as a change).
  const unchanged = async (row: IngestRow | undefined): Promise<IngestResult | null> => {
    if (!row || row.deleted_at || row.data !== data) return null;
    if (input.localUrl !== undefined && input.localUrl !== row.local_url) await s.setUrl.run(input.localUrl, companyId, entityType, localId);
    return { status: 'unchanged', wizardItem: null };
  };
  // Called inside a write already (a batch, an Idempotency-Key), the row is read under its lock.
  const locked = store.db.inTransaction;
  const seen = await readRow();
  const same = await unchanged(seen);
  if (same) return same;
  const fields = record as Record<string, unknown>;
  const name = recordDisplayName(entityType, record);
  const docNumber = typeof fields.docNumber === 'string' && fields.docNumber ? fields.docNumber : null;
  const amount = recordAmount(entityType, record);
  return write(async () => {
    let row = seen;
    if (!locked) {
      // Read again under the write lock: another request may have changed the record meanwhile.
      row = await readRow();
      const sameNow = await unchanged(row);
      if (sameNow) return sameNow;
    }
    const status: IngestStatus = !row ? 'created' : row.deleted_at ? 'restored' : 'updated';
    await s.upsert.run(
      companyId, entityType, localId, input.localUrl ?? null, name, docNumber, typeof fields.txnDate === 'string' ? fields.txnDate : null,
      amount, data, store.nowIso(), input.localUrl === undefined ? 1 : 0,
    );
    await s.unsyncedDisplay.run(name, name.toLowerCase(), docNumber, docNumber?.toLowerCase() ?? null, companyId, entityType, localId);
    const change = { companyId, direction: 'export' as const, entityType, localId, qbId: row?.qb_id ?? null, name, docNumber, amount };
    if (!row || (!row.qb_id && !row.synced_copy)) {
      return { status, wizardItem: await registerChange(store, { ...change, change: 'create', changedFields: null }) };
    }
    let changed: string[];
    if (row.synced_copy !== null) {
      const synced = JSON.parse(row.synced_copy) as Record<string, unknown>;
      if (canonicalJson(synced) === data) {
        // Back to what QuickBooks already holds (an edit undone, a deleted record restored): nothing to send.
        await s.clearOpenItems.run(companyId, entityType, localId);
        return { status, wizardItem: null };
      }
      changed = changedFields(synced, fields);
    } else {
      // Linked before copies were kept: without a synced copy every field may differ from QuickBooks.
      changed = Object.keys(JOB_RECORD_SCHEMAS[entityType].entries);
    }
    return { status, wizardItem: await registerChange(store, { ...change, change: 'update', changedFields: changed }) };
  });
}

/**
 * The job app deleted a record. Unknown or already deleted → unchanged. Never linked to QuickBooks
 * → forgotten (its row and any open export item go). Linked → kept as deleted, with a `delete` item.
 */
export function deleteRecord(store: Store, companyId: string, key: RecordKey): Promise<IngestResult> {
  return remove(store, companyId, key, (fn) => store.write(fn));
}

async function remove(store: Store, companyId: string, key: RecordKey, write: Writer): Promise<IngestResult> {
  const s = statements(store.db);
  const { entityType, localId } = key;
  const readRow = async () => (await s.get.get(companyId, entityType, localId)) as IngestRow | undefined;
  const locked = store.db.inTransaction;
  const seen = await readRow();
  if (!seen || seen.deleted_at) return { status: 'unchanged', wizardItem: null };
  return write(async () => {
    // Read again under the write lock unless it was held already (see put).
    const row = locked ? seen : await readRow();
    if (!row || row.deleted_at) return { status: 'unchanged', wizardItem: null };
    if (!row.qb_id) {
      await s.forget.run(companyId, entityType, localId);
      await s.clearOpenItems.run(companyId, entityType, localId);
      return { status: 'forgotten', wizardItem: null };
    }
    const at = store.nowIso();
    await s.markDeleted.run(at, at, companyId, entityType, localId);
    const data = row.data ? (JSON.parse(row.data) as Record<string, unknown>) : null;
    const wizardItem = await registerChange(store, {
      companyId, direction: 'export', entityType, localId, qbId: row.qb_id, name: row.name, change: 'delete', changedFields: null,
      docNumber: typeof data?.docNumber === 'string' && data.docNumber ? data.docNumber : null,
      amount: data ? recordAmount(entityType, data as JobRecord) : null,
    });
    return { status: 'deleted', wizardItem };
  });
}

export const emptyCounts = (): IngestCounts => ({ created: 0, updated: 0, restored: 0, unchanged: 0, deleted: 0, forgotten: 0 });

/** Thrown by applyBatch's first try at the first operation that would change something. */
class WouldWrite extends Error {}

/**
 * Applies operations in order, all in one transaction: a failure leaves nothing written. A batch
 * that changes nothing (the same records sent again) is answered without store.write, so it takes
 * no write lock and leaves the summary's ETag as it was; it is tried that way first and, at the
 * first operation that would change something, rolled back and run in a write.
 */
export async function applyBatch(store: Store, companyId: string, operations: readonly IngestOperation[]): Promise<BatchResult> {
  const run = async (write: Writer): Promise<BatchResult> => {
    const result: BatchResult = { results: [], ...emptyCounts() };
    for (const op of operations) {
      const { status, wizardItem } = op.op === 'put' ? await put(store, companyId, op, write) : await remove(store, companyId, op, write);
      result[status]++;
      result.results.push({ status, wizardItemId: wizardItem?.id ?? null });
    }
    return result;
  };
  if (!store.db.inTransaction) {
    try {
      return await store.db.transaction(() => run(() => { throw new WouldWrite(); }));
    } catch (err) {
      if (!(err instanceof WouldWrite)) throw err;
    }
  }
  return store.write(() => run((fn) => store.write(fn)));
}
