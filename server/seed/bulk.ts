/**
 * Fast bulk data for benchmarks and paging tests: inserts many log entries, unsynced entities and
 * wizard items into an existing company with prepared statements in one transaction.
 */
import type { SeqTable, Store } from '../store/store.ts';

export interface BulkOptions {
  companyId: string;
  logEntries?: number;
  unsynced?: number;
  wizardItems?: number;
  /** Local ids of the wizard items are `<prefix>-<n>` (default "bulk-wizard"); a new prefix makes new records. */
  wizardLocalIdPrefix?: string;
  /** Newest timestamp; older rows step back one minute each. */
  start?: Date;
}

const TYPES = ['Invoice', 'Customer', 'Payment', 'Estimate', 'Item'];
const CODES = ['6240', '6140', '610', '2500', '5010', '6210'];

export async function bulkGenerate(store: Store, opts: BulkOptions): Promise<{ wizardIds: string[] }> {
  const start = (opts.start ?? store.now()).getTime();
  const at = (i: number) => new Date(start - i * 60_000).toISOString();
  const wizardIds: string[] = [];
  const logCount = opts.logEntries ?? 0;
  const unsyncedCount = opts.unsynced ?? 0;
  const wizardCount = opts.wizardItems ?? 0;
  // The first of `count` ids reserved for the rows about to be inserted (none reserved for no rows).
  const reserve = async (table: SeqTable, count: number) => (count > 0 ? store.nextSeq(table, count) : 0);
  await store.write(async () => {
    const db = store.db;
    const log = db.prepare(`INSERT INTO log_entries (seq, id, company_id, direction, entity_type, local_id, qb_id, name, name_lower, doc_number,
      doc_lower, status, at, error_code, error_message, attempt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)`);
    let seq = await reserve('log_entries', logCount);
    for (let i = 0; i < logCount; i++, seq++) {
      const type = TYPES[i % TYPES.length]!;
      const failed = i % 17 === 0;
      const name = `${type} bulk ${i}`;
      const doc = type === 'Invoice' ? String(100000 + i) : null;
      await log.run(seq, `log-${seq}`, opts.companyId, i % 5 === 0 ? 'import' : 'export', type, `bulk-${type.toLowerCase()}-${i}`, String(200000 + i),
        name, name.toLowerCase(), doc, doc, failed ? 'failed' : 'success', at(i), failed ? '6240' : null, failed ? 'Duplicate Name Exists Error' : null);
    }
    const uns = db.prepare(`INSERT INTO unsynced (seq, id, company_id, entity_type, local_id, local_url, qb_id, name, name_lower, doc_number, doc_lower,
      error_code, error_message, error_detail, first_failed_at, last_attempt_at, attempts, state) VALUES (?,?,?,?,?,NULL,NULL,?,?,?,?,?,?,NULL,?,?,1,'failed')`);
    seq = await reserve('unsynced', unsyncedCount);
    for (let i = 0; i < unsyncedCount; i++, seq++) {
      const type = TYPES[i % TYPES.length]!;
      const name = `${type} unsynced ${i}`;
      const doc = type === 'Invoice' ? String(300000 + i) : null;
      await uns.run(seq, `us-${seq}`, opts.companyId, type, `bulk-unsynced-${i}`, name, name.toLowerCase(), doc, doc, CODES[i % CODES.length]!,
        'Bulk failure', at(i), at(i));
    }
    const wiz = db.prepare(`INSERT INTO wizard_items (seq, id, company_id, direction, entity_type, local_id, qb_id, name, doc_number, change,
      changed_fields, amount, detected_at, state) VALUES (?,?,?,?,?,?,NULL,?,NULL,'create',NULL,NULL,?,'waiting')`);
    seq = await reserve('wizard_items', wizardCount);
    for (let i = 0; i < wizardCount; i++, seq++) {
      const id = `wz-${seq}`;
      await wiz.run(seq, id, opts.companyId, i % 4 === 0 ? 'import' : 'export', 'Customer', `${opts.wizardLocalIdPrefix ?? 'bulk-wizard'}-${i}`, `Bulk customer ${i}`, at(i));
      wizardIds.push(id);
    }
  });
  return { wizardIds };
}
