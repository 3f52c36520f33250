/**
 * Approved exports travelling to QuickBooks: each pending log entry becomes a create, a sparse
 * update or a removal through the company's QuickBooks boundary, and QuickBooks' answer decides the
 * entry's fate (success with the new SyncToken, failure with QuickBooks' own code, or still pending
 * when QuickBooks asked us to wait).
 */
import { createHash } from 'node:crypto';
import {
  canonicalJson, changedFields, isSyncedEntityType, LIST_ENTITY_TYPES, recordDisplayName, type JobRecord, type SyncedEntityType,
} from '../../lib/api/job-records.ts';
import type { QbFailure, QbObject, QbOutcome, QuickBooksCompany, WriteRequest } from '../quickbooks/boundary.ts';
import type { LogRow } from '../store/rows.ts';
import type { Store } from '../store/store.ts';
import { loadRecord, markSynced, toQuickBooksReferences, type LinkedRecord } from './record-links.ts';

/** What happened to one entry; the engine writes it. */
export type EntryResult =
  | { kind: 'success'; qbId: string; tid: string | null }
  | { kind: 'failed'; code: string; message: string; detail: string | null; tid: string | null; qbId?: string | null }
  | { kind: 'wait'; retryAfterMs: number }
  | { kind: 'stop'; message: string };

/** Creates before the records that point at them: lists, then documents, then payments. */
export const EXPORT_LEVELS: readonly (readonly SyncedEntityType[])[] = [
  ['Item', 'Customer', 'Vendor'],
  ['Invoice', 'Estimate', 'PurchaseOrder', 'Bill'],
  ['Payment'],
];

/**
 * The requestid QuickBooks uses to recognise a retried write: the same record, operation, version
 * and payload always give the same id, so a write whose reply was lost is answered from QuickBooks'
 * memory instead of applied twice; a changed payload (the user fixed the data) gets a new one.
 */
export function requestIdFor(parts: readonly (string | number | null)[], payload: JobRecord | null): string {
  return createHash('sha256').update(JSON.stringify(parts)).update(payload ? canonicalJson(payload) : '').digest('hex').slice(0, 32);
}

export function failureResult(failure: QbFailure): EntryResult {
  switch (failure.kind) {
    case 'fault':
      return { kind: 'failed', code: failure.code, message: failure.message, detail: failure.detail, tid: failure.tid };
    case 'throttled':
      return { kind: 'wait', retryAfterMs: failure.retryAfterMs };
    case 'unavailable':
      return failure.transient
        ? { kind: 'wait', retryAfterMs: failure.retryAfterMs ?? 60_000 }
        : { kind: 'failed', code: failure.code, message: failure.message, detail: null, tid: failure.tid };
    case 'auth':
      return { kind: 'stop', message: failure.message };
  }
}

export interface PreparedCreate { entry: LogRow; entityType: SyncedEntityType; request: WriteRequest; data: JobRecord }

/** Problems found before QuickBooks is asked: the engine fails the entry with a sync-service code. */
export function localProblem(code: string, message: string, detail: string | null = null): EntryResult {
  return { kind: 'failed', code, message, detail, tid: null };
}

/**
 * Checks an export entry and builds what QuickBooks needs. Returns a prepared create (so the engine
 * can send many at once), a finished result (a local problem), or 'single' for everything that
 * needs its own calls (updates, removals, retried creates).
 */
export async function prepareExport(store: Store, entry: LogRow): Promise<PreparedCreate | EntryResult | 'single'> {
  if (!isSyncedEntityType(entry.entity_type)) {
    return localProblem('SL-UNSUPPORTED-TYPE', `The sync service does not move ${entry.entity_type} records to QuickBooks Online.`);
  }
  const linked = await loadRecord(store, entry.company_id, entry.entity_type, entry.local_id);
  if (entry.change !== 'delete' && !linked?.data) {
    return localProblem('SL-NO-RECORD-DATA',
      'The job app has not sent this record to the sync service, so there is nothing to send to QuickBooks.',
      'Send the record through the ingestion API (PUT /api/v1/companies/{id}/records/{type}/{localId}), then press Resync.');
  }
  if (entry.change === 'delete' || linked?.row.qb_id || entry.attempt > 1 || entry.sent_at) return 'single';
  const resolved = await toQuickBooksReferences(store, entry.company_id, entry.entity_type, linked!.data!);
  if (resolved.missing.length) return unlinkedReference(resolved.missing);
  return {
    entry, entityType: entry.entity_type, data: linked!.data!,
    request: {
      entityType: entry.entity_type, record: resolved.record,
      requestId: requestIdFor([entry.company_id, entry.entity_type, entry.local_id, 'create'], resolved.record),
    },
  };
}

function unlinkedReference(missing: { entityType: string; localId: string }[]): EntryResult {
  const first = missing[0]!;
  return localProblem('SL-UNLINKED-REFERENCE',
    `This record points at ${first.entityType} "${first.localId}", which is not in QuickBooks yet.`,
    `Approve and sync ${missing.map((m) => `${m.entityType} ${m.localId}`).join(', ')} first, then press Resync.`);
}

/** Writes a successful create's link; returns the entry's result. */
export async function linkCreated(store: Store, prepared: PreparedCreate, outcome: QbOutcome<QbObject>, at: string): Promise<EntryResult> {
  if (!outcome.ok) return failureResult(outcome.failure);
  await markSynced(store, prepared.entry.company_id, prepared.entityType, prepared.entry.local_id, outcome.value, prepared.data, at);
  return { kind: 'success', qbId: outcome.value.qbId, tid: outcome.tid };
}

/**
 * One export that needs its own calls. A Resync (attempt > 1) re-reads the QuickBooks record first,
 * as sync services do, so a stale SyncToken heals; a retried create first looks for a record a lost
 * reply may already have made, so it is linked instead of duplicated.
 */
export async function exportSingle(store: Store, qb: QuickBooksCompany, entry: LogRow, at: () => string): Promise<EntryResult> {
  const entityType = entry.entity_type as SyncedEntityType;
  const linked = await loadRecord(store, entry.company_id, entityType, entry.local_id);
  const qbId = linked?.row.qb_id ?? null;
  if (entry.change === 'delete') return removeRecord(store, qb, entry, entityType, linked, at);
  const data = linked!.data!;
  const resolved = await toQuickBooksReferences(store, entry.company_id, entityType, data);
  if (resolved.missing.length) return unlinkedReference(resolved.missing);

  if (!qbId) {
    // A Resync, or a create handed to QuickBooks by a run that never wrote the answer (an instance
    // killed mid-run): QuickBooks may hold the record already.
    const mayExist = entry.attempt > 1 || Boolean(entry.sent_at);
    const adopted = mayExist && !(await lastFailureWasDuplicate(store, entry)) ? await findExisting(qb, entityType, resolved.record) : null;
    if (adopted && !adopted.ok) return failureResult(adopted.failure);
    if (adopted?.ok && adopted.value && !(await isLinkedElsewhere(store, entry, adopted.value.qbId))) {
      // Ours from a lost reply (same name or number, linked to nothing): link it, then bring it up to date below.
      await markSynced(store, entry.company_id, entityType, entry.local_id, adopted.value, adopted.value.record ?? data, at());
      return exportSingle(store, qb, { ...entry, attempt: 1 }, at);
    }
    const outcome = await qb.create({
      entityType, record: resolved.record,
      requestId: requestIdFor([entry.company_id, entityType, entry.local_id, 'create'], resolved.record),
    });
    if (!outcome.ok) return failureResult(outcome.failure);
    await markSynced(store, entry.company_id, entityType, entry.local_id, outcome.value, data, at());
    return { kind: 'success', qbId: outcome.value.qbId, tid: outcome.tid };
  }

  let syncToken = linked!.row.known_sync_token === null ? null : String(linked!.row.known_sync_token);
  if (entry.attempt > 1 || syncToken === null) {
    const current = await qb.read(entityType, qbId);
    if (!current.ok) return failureResult(current.failure);
    if (!current.value || current.value.deleted) return objectGone(entityType, qbId);
    syncToken = current.value.syncToken;
  }
  const fields = linked!.syncedCopy ? changedFields(linked!.syncedCopy as Record<string, unknown>, data as Record<string, unknown>) : null;
  if (fields && fields.length === 0 && entry.attempt === 1) {
    return { kind: 'success', qbId, tid: null }; // nothing differs from what QuickBooks already holds
  }
  const outcome = await qb.update({
    entityType, qbId, syncToken, record: resolved.record, changedFields: fields && fields.length ? fields : null,
    requestId: requestIdFor([entry.company_id, entityType, entry.local_id, 'update', qbId, syncToken], resolved.record),
  });
  if (!outcome.ok) return { ...failureResult(outcome.failure), ...(outcome.failure.kind === 'fault' ? { qbId } : {}) } as EntryResult;
  await markSynced(store, entry.company_id, entityType, entry.local_id, outcome.value, data, at());
  return { kind: 'success', qbId: outcome.value.qbId, tid: outcome.tid };
}

async function removeRecord(
  store: Store, qb: QuickBooksCompany, entry: LogRow, entityType: SyncedEntityType, linked: LinkedRecord | undefined, at: () => string,
): Promise<EntryResult> {
  const qbId = linked?.row.qb_id ?? entry.qb_id;
  if (!qbId) return { kind: 'success', qbId: '', tid: null }; // never reached QuickBooks: nothing to remove
  const current = await qb.read(entityType, qbId);
  if (!current.ok) return failureResult(current.failure);
  if (!current.value || current.value.deleted) {
    await store.db.prepare('UPDATE records SET last_synced_at = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?')
      .run(at(), entry.company_id, entityType, entry.local_id);
    return { kind: 'success', qbId, tid: current.tid }; // already gone in QuickBooks: the wish is fulfilled
  }
  const outcome = await qb.remove({
    entityType, qbId, syncToken: current.value.syncToken,
    requestId: requestIdFor([entry.company_id, entityType, entry.local_id, 'remove', qbId, current.value.syncToken], null),
  });
  if (!outcome.ok) return failureResult(outcome.failure);
  await store.db.prepare('UPDATE records SET known_sync_token = ?, last_synced_at = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?')
    .run(outcome.value.syncToken, at(), entry.company_id, entityType, entry.local_id);
  return { kind: 'success', qbId, tid: outcome.tid };
}

async function findExisting(qb: QuickBooksCompany, entityType: SyncedEntityType, record: JobRecord): Promise<QbOutcome<QbObject | null>> {
  if (LIST_ENTITY_TYPES.has(entityType)) return qb.findByName(entityType, recordDisplayName(entityType, record));
  const doc = (record as { docNumber?: string | null }).docNumber;
  return doc ? qb.findByDocNumber(entityType, doc) : { ok: true, value: null, tid: null };
}

/** QuickBooks said the name or number belongs to another record: that one is not ours to adopt. */
const DUPLICATE_CODES = new Set(['6240', '6140', '3100']);
async function lastFailureWasDuplicate(store: Store, entry: LogRow): Promise<boolean> {
  const code = (await store.db.prepare('SELECT error_code FROM unsynced WHERE company_id = ? AND entity_type = ? AND local_id = ?').pluck()
    .get(entry.company_id, entry.entity_type, entry.local_id)) as string | undefined;
  return code !== undefined && DUPLICATE_CODES.has(code);
}

async function isLinkedElsewhere(store: Store, entry: LogRow, qbId: string): Promise<boolean> {
  return (await store.db.prepare('SELECT 1 FROM records WHERE company_id = ? AND entity_type = ? AND qb_id = ? AND local_id != ?')
    .get(entry.company_id, entry.entity_type, qbId, entry.local_id)) !== undefined;
}

function objectGone(entityType: string, qbId: string): EntryResult {
  return {
    kind: 'failed', code: '610', message: 'Object Not Found', tid: null, qbId,
    detail: `Object Not Found : ${entityType} Id=${qbId} is no longer in QuickBooks (deleted or merged). Press Clear ID so the next sync creates it again.`,
  };
}
