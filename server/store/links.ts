/**
 * Link lookup for QuickBooks pages: for each QuickBooks id, is it linked to a local record and in
 * what state. Precedence: failed > pending > awaiting-approval > synced > not-linked.
 */
import type { Link } from '../../lib/api/schema.ts';
import type { RecordRow, UnsyncedRow } from './rows.ts';
import type { Store } from './store.ts';

export function lookupLinks(store: Store, companyId: string, entityType: string, qbIds: string[]): Promise<Link[]> {
  const db = store.db;
  const recordQ = db.prepare('SELECT * FROM records WHERE company_id = ? AND entity_type = ? AND qb_id = ?');
  const unsyncedQ = db.prepare('SELECT * FROM unsynced WHERE company_id = ? AND entity_type = ? AND (qb_id = ? OR local_id = ?) ORDER BY seq LIMIT 1');
  const pendingQ = db.prepare("SELECT 1 FROM log_entries WHERE company_id = ? AND entity_type = ? AND qb_id = ? AND status = 'pending' LIMIT 1");
  const wizardQ = db.prepare(`SELECT 1 FROM wizard_items WHERE company_id = ? AND entity_type = ? AND state = 'waiting'
    AND (qb_id = ? OR (local_id IS NOT NULL AND local_id = ?)) LIMIT 1`);
  // Without a linked record, localId is null and matches nothing (`local_id = NULL` is never true).
  const link = async (qbId: string): Promise<Link> => {
    const record = (await recordQ.get(companyId, entityType, qbId)) as RecordRow | undefined;
    const localId = record?.local_id ?? null;
    const unsynced = (await unsyncedQ.get(companyId, entityType, qbId, localId)) as UnsyncedRow | undefined;
    const base: Link = {
      entityType, qbId, localId: localId ?? unsynced?.local_id ?? null, localUrl: record?.local_url ?? unsynced?.local_url ?? null,
      name: record?.name ?? unsynced?.name ?? null, status: 'not-linked', lastSyncedAt: record?.last_synced_at ?? null,
    };
    if (unsynced?.state === 'failed') {
      return {
        ...base, status: 'failed', unsyncedId: unsynced.id, errorCode: unsynced.error_code, errorMessage: unsynced.error_message,
        errorDetail: unsynced.error_detail,
      };
    }
    if (unsynced?.state === 'resync-queued' || (await pendingQ.get(companyId, entityType, qbId))) {
      return { ...base, status: 'pending', unsyncedId: unsynced?.id ?? null };
    }
    if (await wizardQ.get(companyId, entityType, qbId, localId)) return { ...base, status: 'awaiting-approval' };
    if (record) return { ...base, status: 'synced' };
    return { entityType, qbId, localId: null, localUrl: null, name: null, status: 'not-linked' };
  };
  // One snapshot, so every link is judged against the same state.
  return store.read(async () => {
    const links: Link[] = [];
    for (const qbId of qbIds) links.push(await link(qbId));
    return links;
  });
}
