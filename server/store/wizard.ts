/**
 * The Sync Wizard: changes waiting for approval, the approve rule (approved → pending log entry;
 * reviewed-but-unchecked → kept until the next connector run, or cleared for good) and new changes.
 */
import type { ApproveRequest, ApproveResult, Change, Direction, WizardItem, WizardPage } from '../../lib/api/schema.ts';
import { chunksOf, placeholders, type SqlDatabase } from '../db/sql-database.ts';
import { pageRows, type PageRequest } from './paging.ts';
import { lower, toWizardItem, type WizardRow } from './rows.ts';
import type { Store } from './store.ts';

export async function listWizard(store: Store, companyId: string, direction: Direction | undefined, page: PageRequest): Promise<WizardPage> {
  const filters = [
    { sql: 'company_id = ?', params: [companyId] },
    { sql: "state = 'waiting'", params: [] },
  ];
  if (direction) filters.push({ sql: 'direction = ?', params: [direction] });
  const { rows, nextCursor } = await pageRows<WizardRow>(store.db, { table: 'wizard_items', list: 'wizard', filters, page, newestFirst: false });
  return { items: rows.map(toWizardItem), nextCursor };
}

/** 13 values a row: 200 rows stay far below either engine's limit on a statement's parameters. */
const LOG_ROWS_PER_INSERT = 200;

export function approve(store: Store, companyId: string, req: ApproveRequest): Promise<ApproveResult> {
  return store.write(async () => {
    const db = store.db;
    const reviewed = [...new Set(req.reviewedIds)];
    const approveSet = new Set(req.approveIds);
    const rows: WizardRow[] = [];
    for (const chunk of chunksOf(reviewed)) {
      rows.push(...((await db.prepare(`SELECT * FROM wizard_items WHERE company_id = ? AND id IN (${placeholders(chunk.length)})`)
        .all(companyId, ...chunk)) as WizardRow[]));
    }
    // In the wizard's order (oldest first), so the log entries follow it whatever order the database returned.
    rows.sort((a, b) => a.seq - b.seq);
    const at = store.nowIso();
    const result: ApproveResult = { approved: 0, kept: 0, cleared: 0, skipped: reviewed.length - rows.length, pendingLogIds: [] };
    // Decide every row first, then write in a few set-wise statements: 2,000 approvals are a dozen
    // statements, not three per item (on PostgreSQL each statement is a round trip).
    const approving: WizardRow[] = [];
    const unchecked: WizardRow[] = [];
    for (const row of rows) {
      if (row.state !== 'waiting') result.skipped++;
      else (approveSet.has(row.id) ? approving : unchecked).push(row);
    }
    const uncheckedState = req.unchecked === 'keep' ? 'kept' : 'cleared';
    result[uncheckedState] = unchecked.length;
    for (const [state, those] of [['approved', approving], [uncheckedState, unchecked]] as const) {
      for (const chunk of chunksOf(those)) {
        await db.prepare(`UPDATE wizard_items SET state = ? WHERE seq IN (${placeholders(chunk.length)})`).run(state, ...chunk.map((r) => r.seq));
      }
    }
    // The QuickBooks ids of linked records, for items that carry only the job app's id.
    const linkedQbId = new Map<string, string | null>();
    const lookUp = [...new Set(approving.filter((r) => !r.qb_id && r.local_id).map((r) => r.local_id!))];
    for (const chunk of chunksOf(lookUp)) {
      const found = (await db.prepare(`SELECT entity_type, local_id, qb_id FROM records WHERE company_id = ? AND local_id IN (${placeholders(chunk.length)})`)
        .all(companyId, ...chunk)) as { entity_type: string; local_id: string; qb_id: string | null }[];
      for (const r of found) linkedQbId.set(`${r.entity_type}\u0000${r.local_id}`, r.qb_id);
    }
    let seq = approving.length > 0 ? await store.nextSeq('log_entries', approving.length) : 0;
    const logRows = approving.map((row) => {
      const localId = row.local_id ?? `qb-${row.entity_type.toLowerCase()}-${row.qb_id ?? row.id}`;
      const qbId = row.qb_id ?? (row.local_id ? linkedQbId.get(`${row.entity_type}\u0000${row.local_id}`) : null) ?? null;
      const id = `log-${seq}`;
      result.pendingLogIds.push(id);
      return [seq++, id, companyId, row.direction, row.entity_type, localId, qbId, row.name, lower(row.name),
        row.doc_number, lower(row.doc_number), row.change, at];
    });
    result.approved = approving.length;
    for (const chunk of chunksOf(logRows, LOG_ROWS_PER_INSERT)) {
      await db.prepare(`INSERT INTO log_entries
        (seq, id, company_id, direction, entity_type, local_id, qb_id, name, name_lower, doc_number, doc_lower, change, status, at, attempt)
        VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, 1)").join(', ')}`).run(...chunk.flat());
    }
    return result;
  });
}

/** Offers "Keep unchecked" items again; called by every connector run. Returns how many came back. */
export async function returnKeptItems(store: Store, companyId: string): Promise<number> {
  return (await store.db.prepare("UPDATE wizard_items SET state = 'waiting' WHERE company_id = ? AND state = 'kept'").run(companyId)).changes;
}

export interface ChangeInput {
  companyId: string;
  direction: Direction;
  entityType: string;
  localId?: string | null;
  qbId?: string | null;
  name: string;
  docNumber?: string | null;
  change: Change;
  changedFields?: string[] | null;
  amount?: number | null;
  detectedAt?: string;
  /** Fixture/seed ids; generated when absent. */
  id?: string;
}

function changeStatements(db: SqlDatabase) {
  const openBy = (column: 'local_id' | 'qb_id') => db.prepare(`SELECT * FROM wizard_items WHERE company_id = ? AND entity_type = ? AND direction = ?
    AND ${column} = ? AND state IN ('waiting','kept') ORDER BY seq DESC LIMIT 1`);
  return {
    openByLocalId: openBy('local_id'),
    openByQbId: openBy('qb_id'),
    refresh: db.prepare(`UPDATE wizard_items SET name = ?, doc_number = ?, change = ?, changed_fields = ?, amount = ?, detected_at = ?,
      qb_id = COALESCE(?, qb_id) WHERE seq = ?`),
    insert: db.prepare(`INSERT INTO wizard_items (seq, id, company_id, direction, entity_type, local_id, qb_id, name, doc_number, change,
      changed_fields, amount, detected_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting')`),
    bySeq: db.prepare('SELECT * FROM wizard_items WHERE seq = ?'),
  };
}

/**
 * Registers a change to a record so the wizard offers it: an item already waiting (or kept) for the
 * same record is refreshed; otherwise a new item is listed, even if an earlier one was cleared.
 */
export function registerChange(store: Store, input: ChangeInput): Promise<WizardItem> {
  return store.write(async () => {
    const s = changeStatements(store.db);
    const detectedAt = input.detectedAt ?? store.nowIso();
    const key = input.localId
      ? { stmt: s.openByLocalId, value: input.localId }
      : input.qbId ? { stmt: s.openByQbId, value: input.qbId } : null;
    const open = key && !input.id
      ? ((await key.stmt.get(input.companyId, input.entityType, input.direction, key.value)) as WizardRow | undefined)
      : undefined;
    if (open) {
      const fields = [...new Set([...(open.changed_fields ? (JSON.parse(open.changed_fields) as string[]) : []), ...(input.changedFields ?? [])])];
      // A record created and then edited before approval is still a create.
      const change = open.change === 'create' && input.change === 'update' ? 'create' : input.change;
      await s.refresh.run(input.name, input.docNumber ?? null, change,
        fields.length ? JSON.stringify(fields) : null, input.amount ?? null, detectedAt, input.qbId ?? null, open.seq);
      return toWizardItem((await s.bySeq.get(open.seq)) as WizardRow);
    }
    const seq = await store.nextSeq('wizard_items');
    const id = input.id ?? `wz-${seq}`;
    await s.insert.run(
      seq, id, input.companyId, input.direction, input.entityType, input.localId ?? null, input.qbId ?? null, input.name,
      input.docNumber ?? null, input.change, input.changedFields?.length ? JSON.stringify(input.changedFields) : null,
      input.amount ?? null, detectedAt);
    return toWizardItem((await s.bySeq.get(seq)) as WizardRow);
  });
}
