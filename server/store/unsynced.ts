/**
 * Unsynced entities: records whose last sync failed. Resync queues a new attempt; Clear ID unlinks
 * the record from its QuickBooks id so the next sync creates a new QuickBooks record.
 */
import type { BulkResyncResult, ClearIdResult, ResyncResult, UnsyncedPage } from '../../lib/api/schema.ts';
import { containsFilter, pageRows, type Filter, type PageRequest } from './paging.ts';
import { toUnsynced, type LogRow, type UnsyncedRow } from './rows.ts';
import type { Store } from './store.ts';
import { getLogEntry, insertLogEntry } from './syncLog.ts';

export interface UnsyncedQuery { entityType?: string | undefined; code?: string | undefined; q?: string | undefined }

export async function listUnsynced(store: Store, companyId: string, query: UnsyncedQuery, page: PageRequest): Promise<UnsyncedPage> {
  const filters: Filter[] = [{ sql: 'company_id = ?', params: [companyId] }];
  if (query.entityType) filters.push({ sql: 'entity_type = ?', params: [query.entityType] });
  if (query.code) filters.push({ sql: 'error_code = ?', params: [query.code] });
  if (query.q) filters.push(containsFilter(query.q, ['name_lower', 'doc_lower']));
  const { rows, nextCursor } = await pageRows<UnsyncedRow>(store.db, { table: 'unsynced', list: 'unsynced', filters, page, newestFirst: true });
  return { items: rows.map(toUnsynced), nextCursor };
}

export async function unsyncedRow(store: Store, companyId: string, id: string): Promise<UnsyncedRow | undefined> {
  return (await store.db.prepare('SELECT * FROM unsynced WHERE company_id = ? AND id = ?').get(companyId, id)) as UnsyncedRow | undefined;
}

/** The entity's queued attempt when a resync is already queued, else null. */
async function queuedAttempt(store: Store, row: UnsyncedRow): Promise<ResyncResult | null> {
  if (row.state !== 'resync-queued' || !row.pending_log_id) return null;
  const logEntry = await getLogEntry(store, row.pending_log_id);
  return logEntry ? { unsynced: toUnsynced(row), logEntry } : null;
}

/** Queues a new attempt. Resyncing an entity that is already queued changes nothing. Undefined = unknown id. */
export async function resync(store: Store, companyId: string, id: string): Promise<ResyncResult | undefined> {
  const seen = await unsyncedRow(store, companyId, id);
  if (!seen) return undefined;
  const queued = await queuedAttempt(store, seen);
  if (queued) return queued;
  return store.write(async () => {
    // Read again under the write lock: another request may have queued it meanwhile.
    const row = await unsyncedRow(store, companyId, id);
    if (!row) return undefined;
    const queuedMeanwhile = await queuedAttempt(store, row);
    if (queuedMeanwhile) return queuedMeanwhile;
    const logEntry = await insertLogEntry(store, {
      companyId, direction: 'export', entityType: row.entity_type, localId: row.local_id, qbId: row.qb_id, name: row.name,
      docNumber: row.doc_number, change: row.qb_id ? 'update' : 'create', status: 'pending', attempt: row.attempts + 1,
    });
    await store.db.prepare("UPDATE unsynced SET state = 'resync-queued', pending_log_id = ? WHERE seq = ?").run(logEntry.id, row.seq);
    return { unsynced: toUnsynced((await unsyncedRow(store, companyId, id))!), logEntry };
  });
}

export function bulkResync(store: Store, companyId: string, ids: string[]): Promise<BulkResyncResult> {
  return store.write(async () => {
    const result: BulkResyncResult = { queued: 0, failed: 0, results: [] };
    for (const id of [...new Set(ids)]) {
      const done = await resync(store, companyId, id);
      if (done) {
        result.queued++;
        result.results.push({ id, ok: true, state: done.unsynced.state });
      } else {
        result.failed++;
        result.results.push({ id, ok: false, code: 'not-found', message: 'No unsynced entity with this id in this company.' });
      }
    }
    return result;
  });
}

const CLEAR_ID_MESSAGE =
  'The QuickBooks id was removed. The next sync creates a new record in QuickBooks instead of updating the old one; ' +
  'if the old record still exists in QuickBooks, delete or merge it there to avoid a duplicate.';

/** Unlinks the record from its QuickBooks id (idempotent: clearing twice reports previousQbId null). */
export async function clearId(store: Store, companyId: string, id: string): Promise<ClearIdResult | undefined> {
  const seen = await unsyncedRow(store, companyId, id);
  if (!seen) return undefined;
  let previousQbId: string | null = null;
  if (seen.qb_id !== null) {
    previousQbId = await store.write(async () => {
      // Read again under the write lock: another request may have cleared it meanwhile.
      const row = await unsyncedRow(store, companyId, id);
      if (!row || row.qb_id === null) return null;
      await store.db.prepare('UPDATE unsynced SET qb_id = NULL WHERE seq = ?').run(row.seq);
      await store.db.prepare('UPDATE records SET qb_id = NULL, known_sync_token = NULL WHERE company_id = ? AND entity_type = ? AND local_id = ?')
        .run(companyId, row.entity_type, row.local_id);
      if (row.pending_log_id) {
        await store.db.prepare("UPDATE log_entries SET qb_id = NULL, change = 'create' WHERE id = ? AND status = 'pending'").run(row.pending_log_id);
      }
      return row.qb_id;
    });
  }
  const row = await unsyncedRow(store, companyId, id);
  if (!row) return undefined;
  return { unsynced: toUnsynced(row), previousQbId, nextSyncCreatesNewRecord: true, message: CLEAR_ID_MESSAGE };
}

/**
 * Records a failed attempt: the record's unsynced entity is created, or updated with the new error
 * and attempt count (a Resync that fails again leaves one entity, not two).
 */
export async function recordSyncFailure(
  store: Store, entry: LogRow, record: { name: string; docNumber: string | null; qbId: string | null; localUrl: string | null } | undefined,
  error: { code: string; message: string; detail: string | null }, at: string,
): Promise<void> {
  const existing = (await store.db.prepare('SELECT * FROM unsynced WHERE company_id = ? AND entity_type = ? AND local_id = ?')
    .get(entry.company_id, entry.entity_type, entry.local_id)) as UnsyncedRow | undefined;
  const name = record?.name ?? entry.name;
  const doc = record?.docNumber ?? entry.doc_number;
  if (existing) {
    await store.db.prepare(`UPDATE unsynced SET error_code = ?, error_message = ?, error_detail = ?, last_attempt_at = ?, attempts = ?,
      state = 'failed', pending_log_id = NULL, qb_id = ?, name = ?, name_lower = ?, doc_number = ?, doc_lower = ? WHERE seq = ?`).run(
      error.code, error.message, error.detail, at, Math.max(existing.attempts + 1, entry.attempt), record?.qbId ?? entry.qb_id,
      name, name.toLowerCase(), doc, doc?.toLowerCase() ?? null, existing.seq);
    return;
  }
  const seq = await store.nextSeq('unsynced');
  await store.db.prepare(`INSERT INTO unsynced (seq, id, company_id, entity_type, local_id, local_url, qb_id, name, name_lower, doc_number, doc_lower,
    error_code, error_message, error_detail, first_failed_at, last_attempt_at, attempts, state) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'failed')`).run(
    seq, `us-${seq}`, entry.company_id, entry.entity_type, entry.local_id, record?.localUrl ?? null, record?.qbId ?? entry.qb_id, name,
    name.toLowerCase(), doc, doc?.toLowerCase() ?? null, error.code, error.message, error.detail, at, at, entry.attempt);
}
