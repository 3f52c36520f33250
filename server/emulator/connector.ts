/**
 * One connector run (QBO API pass or Web Connector session): processes every pending log entry in
 * order, applies QuickBooks' rules, records successes (links) and failures (unsynced entities),
 * brings "kept" wizard items back, and notes the contact. All in one transaction.
 */
import type { ConnectorRunResult } from '../../lib/api/schema.ts';
import { getRecord, recordByQbId } from '../store/records.ts';
import { type CompanyRow, type LogRow, type RecordRow, toConnector, type UnsyncedRow } from '../store/rows.ts';
import type { Store } from '../store/store.ts';
import { recordSyncFailure } from '../store/unsynced.ts';
import { returnKeptItems } from '../store/wizard.ts';
import * as E from './errors.ts';
import { getQbRecord, LIST_TYPES, newQbId } from './quickbooks.ts';
import { checkExport } from './rules.ts';

type Outcome = { ok: true; qbId: string } | { ok: false; error: E.QbError; record: RecordRow | undefined };

export async function runConnector(store: Store, companyId: string): Promise<ConnectorRunResult> {
  return store.write(async () => {
    const company = await store.companyRow(companyId);
    if (!company) throw new Error(`Unknown company ${companyId}`);
    const ranAt = store.nowIso();
    const pending = (await store.db.prepare("SELECT * FROM log_entries WHERE company_id = ? AND status = 'pending' ORDER BY seq").all(companyId)) as LogRow[];
    let succeeded = 0;
    for (const entry of pending) {
      const outcome = entry.direction === 'export' ? await exportOne(store, company, entry, ranAt) : await importOne(store, company, entry, ranAt);
      if (outcome.ok) {
        succeeded++;
        await store.db.prepare("UPDATE log_entries SET status = 'success', at = ?, qb_id = ?, error_code = NULL, error_message = NULL WHERE seq = ?")
          .run(ranAt, outcome.qbId, entry.seq);
        await store.db.prepare('DELETE FROM unsynced WHERE company_id = ? AND entity_type = ? AND local_id = ?').run(companyId, entry.entity_type, entry.local_id);
      } else {
        await store.db.prepare("UPDATE log_entries SET status = 'failed', at = ?, error_code = ?, error_message = ? WHERE seq = ?")
          .run(ranAt, outcome.error.code, outcome.error.message, entry.seq);
        await recordSyncFailure(store, entry, outcome.record ? { name: outcome.record.name, docNumber: outcome.record.doc_number, qbId: outcome.record.qb_id, localUrl: outcome.record.local_url } : undefined, outcome.error, ranAt);
      }
    }
    const returnedToWizard = await returnKeptItems(store, companyId);
    await store.db.prepare('UPDATE companies SET last_run_at = ?, last_contact_at = ? WHERE id = ?').run(ranAt, ranAt, companyId);
    return {
      ranAt, processed: pending.length, succeeded, failed: pending.length - succeeded, returnedToWizard,
      connector: toConnector((await store.companyRow(companyId))!, store.now()),
    };
  });
}

async function exportOne(store: Store, company: CompanyRow, entry: LogRow, ranAt: string): Promise<Outcome> {
  let record = await getRecord(store, company.id, entry.entity_type, entry.local_id);
  if (!record) {
    // An approved change for a record the service has no copy of yet (fixtures): take it from the entry.
    await store.db.prepare('INSERT INTO records (company_id, entity_type, local_id, name, doc_number, qb_id) VALUES (?,?,?,?,?,?)')
      .run(company.id, entry.entity_type, entry.local_id, entry.name, entry.doc_number, entry.qb_id);
    record = (await getRecord(store, company.id, entry.entity_type, entry.local_id))!;
  }
  if (entry.attempt > 1 && record.qb_id) {
    // A Resync re-reads the QuickBooks record first, as sync services do, so a stale copy heals.
    const current = await getQbRecord(store, company.id, record.entity_type, record.qb_id);
    if (current && !current.deleted) record = { ...record, known_sync_token: current.sync_token };
  }
  const error = await checkExport(store, company, record);
  if (error) return { ok: false, error, record };
  let qbId = record.qb_id;
  let syncToken = 0;
  if (qbId) {
    const current = (await getQbRecord(store, company.id, record.entity_type, qbId))!;
    syncToken = current.sync_token + 1;
    await store.db.prepare(`UPDATE qb_records SET display_name = ?, name_lower = ?, doc_number = ?, txn_date = ?, amount = ?, sync_token = ?,
      deleted = ? WHERE company_id = ? AND entity_type = ? AND qb_id = ?`).run(record.name, record.name.toLowerCase(), record.doc_number,
      record.txn_date, record.amount, syncToken, entry.change === 'delete' ? 1 : 0, company.id, record.entity_type, qbId);
  } else {
    qbId = await newQbId(store, company.id, company.system);
    await store.db.prepare(`INSERT INTO qb_records (company_id, entity_type, qb_id, display_name, name_lower, doc_number, sync_token, txn_date, amount)
      VALUES (?,?,?,?,?,?,0,?,?)`).run(company.id, record.entity_type, qbId, record.name, record.name.toLowerCase(), record.doc_number,
      record.txn_date, record.amount);
  }
  await store.db.prepare('UPDATE records SET qb_id = ?, known_sync_token = ?, last_synced_at = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?')
    .run(qbId, syncToken, ranAt, company.id, record.entity_type, record.local_id);
  return { ok: true, qbId };
}

async function importOne(store: Store, company: CompanyRow, entry: LogRow, ranAt: string): Promise<Outcome> {
  const qb = entry.qb_id ? await getQbRecord(store, company.id, entry.entity_type, entry.qb_id) : undefined;
  const existing = entry.qb_id ? await recordByQbId(store, company.id, entry.entity_type, entry.qb_id) : undefined;
  if (!qb || qb.deleted) {
    const error = E.objectNotFound(company.system, entry.entity_type, entry.qb_id ?? '(none)', !LIST_TYPES.has(entry.entity_type));
    return { ok: false, error, record: existing };
  }
  const localId = existing?.local_id ?? entry.local_id;
  await store.db.prepare(`INSERT INTO records (company_id, entity_type, local_id, name, doc_number, txn_date, amount, qb_id, known_sync_token, last_synced_at)
    VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (company_id, entity_type, local_id) DO UPDATE SET name = excluded.name,
    doc_number = excluded.doc_number, txn_date = excluded.txn_date, amount = excluded.amount, qb_id = excluded.qb_id,
    known_sync_token = excluded.known_sync_token, last_synced_at = excluded.last_synced_at`).run(
    company.id, entry.entity_type, localId, qb.display_name, qb.doc_number, qb.txn_date, qb.amount, qb.qb_id, qb.sync_token, ranAt);
  return { ok: true, qbId: qb.qb_id };
}
