/**
 * Changes made in QuickBooks coming back: objects reported by a webhook or found by the change
 * sweep (CDC) become Import wizard items with the fields that changed, and approved imports bring
 * QuickBooks' copy into the sync service. Our own writes echo back with the SyncToken we already
 * hold and are recognised as such.
 */
import { changedFields, isSyncedEntityType, recordAmount, recordDisplayName, SYNCED_ENTITY_TYPES, type SyncedEntityType } from '../../lib/api/job-records.ts';
import type { QbObject, QuickBooksCompany } from '../quickbooks/boundary.ts';
import type { LogRow } from '../store/rows.ts';
import type { Store } from '../store/store.ts';
import { registerChange } from '../store/wizard.ts';
import { failureResult, type EntryResult } from './export-entries.ts';
import { importedLocalId, markSynced, noteQuickBooksVersion, recordForQbId, toJobAppReferences } from './record-links.ts';

export type ChangeVerdict = 'echo' | 'listed' | 'same' | 'ignored';

/** Decides what a QuickBooks object seen changed means for the wizard. Runs inside a write. */
export async function noteQuickBooksChange(store: Store, companyId: string, obj: QbObject): Promise<ChangeVerdict> {
  // Already approved for import: the pending entry reads QuickBooks' latest copy when it runs.
  const importPending = await store.db.prepare(`SELECT 1 FROM log_entries WHERE company_id = ? AND entity_type = ? AND qb_id = ?
    AND direction = 'import' AND status = 'pending' LIMIT 1`).get(companyId, obj.entityType, obj.qbId);
  if (importPending) return 'ignored';
  const linked = await recordForQbId(store, companyId, obj.entityType, obj.qbId);
  if (linked) {
    if (!obj.deleted && String(linked.row.known_sync_token) === obj.syncToken) return 'echo';
    if (obj.deleted) {
      if (linked.row.deleted_at) return 'echo'; // we deleted it ourselves
      await registerChange(store, {
        companyId, direction: 'import', entityType: obj.entityType, localId: linked.row.local_id, qbId: obj.qbId,
        name: linked.row.name, docNumber: linked.row.doc_number, change: 'delete', changedFields: null, amount: linked.row.amount,
      });
      return 'listed';
    }
    if (!obj.record) return 'ignored'; // QuickBooks holds something the job app's shape cannot carry
    const incoming = await toJobAppReferences(store, companyId, obj.entityType, obj.record);
    const fields = changedFields((linked.qbCopy ?? {}) as Record<string, unknown>, incoming as Record<string, unknown>);
    if (linked.qbCopy && fields.length === 0) {
      await noteQuickBooksVersion(store, companyId, obj.entityType, linked.row.local_id, obj);
      return 'same';
    }
    await registerChange(store, {
      companyId, direction: 'import', entityType: obj.entityType, localId: linked.row.local_id, qbId: obj.qbId,
      name: recordDisplayName(obj.entityType, incoming), docNumber: (incoming as { docNumber?: string | null }).docNumber ?? null,
      change: 'update', changedFields: fields.length ? fields : null, amount: recordAmount(obj.entityType, incoming),
    });
    return 'listed';
  }
  if (obj.deleted || !obj.record) return 'ignored'; // never linked: nothing here to update
  const incoming = await toJobAppReferences(store, companyId, obj.entityType, obj.record);
  await registerChange(store, {
    companyId, direction: 'import', entityType: obj.entityType, localId: null, qbId: obj.qbId,
    name: recordDisplayName(obj.entityType, incoming), docNumber: (incoming as { docNumber?: string | null }).docNumber ?? null,
    change: 'create', changedFields: null, amount: recordAmount(obj.entityType, incoming),
  });
  return 'listed';
}

/** Entity types the sweep asks QuickBooks about. */
export const SWEPT_TYPES: readonly SyncedEntityType[] = SYNCED_ENTITY_TYPES;
/** QuickBooks Online answers change queries up to 30 days back; stay a day inside that. */
const MAX_LOOKBACK_MS = 29 * 86_400_000;

/**
 * The change sweep: everything QuickBooks changed since the last sweep, so a missed webhook is
 * caught on the next run. The cursor follows QuickBooks' own timestamps (no clock skew between the
 * two servers); a second of overlap is harmless because echoes and repeats are recognised.
 */
export async function sweepChanges(store: Store, companyId: string, qb: QuickBooksCompany): Promise<{ seen: number; listed: number } | EntryResult> {
  const row = (await store.db.prepare('SELECT cdc_since, connected_at FROM qbo_connections WHERE company_id = ?').get(companyId)) as
    { cdc_since: string | null; connected_at: string } | undefined;
  if (!row) return { seen: 0, listed: 0 };
  const floor = store.now().getTime() - MAX_LOOKBACK_MS;
  const since = new Date(Math.max(Date.parse(row.cdc_since ?? row.connected_at), floor)).toISOString();
  const outcome = await qb.changesSince(SWEPT_TYPES, since);
  if (!outcome.ok) return failureResult(outcome.failure);
  let listed = 0;
  let newest = since;
  await store.write(async () => {
    for (const obj of outcome.value) {
      if ((await noteQuickBooksChange(store, companyId, obj)) === 'listed') listed++;
      if (obj.updatedAt && obj.updatedAt > newest) newest = obj.updatedAt;
    }
    const cursor = new Date(Math.max(Date.parse(newest) - 1000, Date.parse(since))).toISOString();
    await store.db.prepare('UPDATE qbo_connections SET cdc_since = ? WHERE company_id = ?').run(cursor, companyId);
  });
  return { seen: outcome.value.length, listed };
}

/**
 * An approved import: QuickBooks' current copy becomes the sync service's copy of the job app's
 * record (linked, with the SyncToken just read). A record deleted in QuickBooks is marked deleted.
 */
export async function importEntry(store: Store, qb: QuickBooksCompany, entry: LogRow, at: () => string): Promise<EntryResult> {
  if (!isSyncedEntityType(entry.entity_type) || !entry.qb_id) {
    return { kind: 'failed', code: 'SL-UNSUPPORTED-TYPE', message: `The sync service cannot import ${entry.entity_type} records.`, detail: null, tid: null };
  }
  const entityType = entry.entity_type;
  const outcome = await qb.read(entityType, entry.qb_id);
  if (!outcome.ok) return failureResult(outcome.failure);
  const obj = outcome.value;
  const linked = await recordForQbId(store, entry.company_id, entityType, entry.qb_id);
  const localId = linked?.row.local_id ?? entry.local_id ?? importedLocalId(entityType, entry.qb_id);
  if (!obj || obj.deleted || !obj.record) {
    if (entry.change !== 'delete') {
      return { kind: 'failed', code: '610', message: 'Object Not Found', tid: outcome.tid, detail: `Object Not Found : ${entityType} Id=${entry.qb_id} was deleted in QuickBooks before it could be imported.` };
    }
    await store.db.prepare('UPDATE records SET deleted_at = ?, last_synced_at = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?')
      .run(at(), at(), entry.company_id, entityType, localId);
    return { kind: 'success', qbId: entry.qb_id, tid: outcome.tid };
  }
  const incoming = await toJobAppReferences(store, entry.company_id, entityType, obj.record);
  await markSynced(store, entry.company_id, entityType, localId, obj, incoming, at(), { alsoData: true });
  return { kind: 'success', qbId: obj.qbId, tid: outcome.tid };
}
