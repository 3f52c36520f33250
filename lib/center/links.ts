/**
 * Where a row's links may go: QuickBooks Online record pages (through /app/switchCompany when the
 * realm must change) and the sync service's own page for the record, only when it is http(s).
 */
import type { Company } from '../api/schema';
import { qboRecordUrl } from '../qbo/deep-link';

export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The record's page in QuickBooks Online, or null (Desktop company, no id, or no page for the type). */
export function qboLinkFor(company: Pick<Company, 'system' | 'realmId'> | undefined, entityType: string, qbId: string | null | undefined): string | null {
  if (!company || company.system !== 'qbo' || !qbId) return null;
  try {
    const url = qboRecordUrl({ entityType, qbId, realmId: company.realmId ?? null });
    return isHttpUrl(url) ? url : null;
  } catch {
    // A malformed id or realm from the service: no link rather than a broken one.
    return null;
  }
}
