/**
 * Bulk Resync planning: one `center.bulkResync` request per company, at most MAX_BULK_IDS ids
 * each (the API limit), and the summary line shown after.
 */
import { MAX_BULK_IDS } from '../api/schema';

export interface BulkBatch {
  companyId: string;
  ids: string[];
}

/** Groups selected rows by company, in the order first seen, and splits each company into batches. */
export function planBulkResync(selected: readonly { companyId: string; id: string }[], max = MAX_BULK_IDS): BulkBatch[] {
  const byCompany = new Map<string, string[]>();
  for (const { companyId, id } of selected) {
    let ids = byCompany.get(companyId);
    if (!ids) byCompany.set(companyId, (ids = []));
    if (!ids.includes(id)) ids.push(id);
  }
  const batches: BulkBatch[] = [];
  for (const [companyId, ids] of byCompany) {
    for (let i = 0; i < ids.length; i += max) batches.push({ companyId, ids: ids.slice(i, i + max) });
  }
  return batches;
}

const n = (value: number) => value.toLocaleString('en-US');

/** "Resyncing 1,200 rows: 1,000 / 1,200". */
export function bulkProgressText(done: number, total: number): string {
  return `Resyncing ${n(total)} ${total === 1 ? 'row' : 'rows'}: ${n(done)} / ${n(total)}`;
}

export interface BulkFailure {
  name: string;
  message: string;
}

/** "18 queued · 2 failed: Riverside Church (not found), …". */
export function bulkSummaryText(queued: number, failures: readonly BulkFailure[]): string {
  const head = `${n(queued)} queued`;
  if (failures.length === 0) return head;
  const shown = failures.slice(0, 5).map((f) => `${f.name} (${f.message})`);
  const more = failures.length > 5 ? `, and ${n(failures.length - 5)} more` : '';
  return `${head} · ${n(failures.length)} failed: ${shown.join(', ')}${more}`;
}
