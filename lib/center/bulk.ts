/**
 * Bulk Resync planning: one `center.bulkResync` request per company, at most MAX_BULK_IDS ids
 * each (the API limit), and the summary line shown after.
 */
import { MAX_BULK_IDS } from '../api/schema';
import { formatCount as n } from '../format/amount';
import { t } from '../i18n/t';

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

/** "Resyncing 1,200 rows: 1,000 / 1,200". */
export function bulkProgressText(done: number, total: number): string {
  return total === 1 ? t('centerBulkProgressOne', n(done)) : t('centerBulkProgressMany', n(total), n(done));
}

export interface BulkFailure {
  name: string;
  message: string;
}

/** "18 queued · 2 failed: Riverside Church (not found), …". */
export function bulkSummaryText(queued: number, failures: readonly BulkFailure[]): string {
  const head = t('centerBulkQueued', n(queued));
  if (failures.length === 0) return head;
  const shown = failures.slice(0, 5).map((f) => t('centerBulkFailureItem', f.name, f.message));
  const more = failures.length > 5 ? t('centerBulkMore', n(failures.length - 5)) : '';
  return t('centerBulkSummary', head, n(failures.length), `${shown.join(', ')}${more}`);
}
