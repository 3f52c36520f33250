/**
 * Shapes of QuickBooks Online identifiers as they appear in app URLs and cookies.
 * Record ids and realm (company) ids are both plain digit strings in QBO.
 */

const DIGITS = /^\d{1,20}$/;

/**
 * A record id from a URL, normalised to the form the Accounting API returns ("0042" → "42"),
 * or null when it is not a QBO id. "0" is not an id: QBO numbers records from 1.
 */
export function normalizeRecordId(raw: string): string | null {
  const trimmed = raw.trim();
  if (!DIGITS.test(trimmed)) return null;
  const normalized = trimmed.replace(/^0+/, '');
  return normalized === '' ? null : normalized;
}

/** A realm (company) id: digits only, as lib/api/schema.ts Company.realmId requires. */
export function isRealmId(value: unknown): value is string {
  return typeof value === 'string' && DIGITS.test(value);
}
