/**
 * Reading an emulator object's JSON for display. Objects hold whatever a connector sent (within the
 * API's shape rules), so every read tolerates a missing or oddly typed field and yields text.
 */
import type { EntityName } from '../entities.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path ("PrimaryEmailAddr.Address"), or undefined. */
export function at(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A string or number field as text; '' when absent or of another type. */
export function text(data: unknown, path: string): string {
  const value = at(data, path);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

export function numberAt(data: unknown, path: string): number | null {
  const value = at(data, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1,234.50", or '' when the field holds no number. */
export function money(data: unknown, path: string): string {
  const value = numberAt(data, path);
  return value === null ? '' : MONEY.format(value);
}

/** A reference ({ value, name }) as its id and display name. */
export function refAt(data: unknown, path: string): { id: string; name: string } | null {
  const value = at(data, path);
  if (!isObject(value) || typeof value.value !== 'string') return null;
  return { id: value.value, name: typeof value.name === 'string' ? value.name : '' };
}

export function linesOf(data: unknown): Json[] {
  const lines = at(data, 'Line');
  return Array.isArray(lines) ? lines.filter(isObject) : [];
}

/** One postal address on one line ("1 Main St, Springfield, IL 62701"). */
export function address(data: unknown, path: string): string {
  const value = at(data, path);
  if (!isObject(value)) return '';
  const parts = ['Line1', 'Line2', 'Line3', 'City', 'CountrySubDivisionCode', 'PostalCode', 'Country'].map((key) => text(value, key).trim());
  return parts.filter(Boolean).join(', ');
}

/** What a list shows as an object's name: DisplayName for people, Name for items and accounts, DocNumber or id for transactions. */
export function titleOf(entity: EntityName, data: unknown): string {
  switch (entity) {
    case 'Customer':
    case 'Vendor':
    case 'Employee':
      return text(data, 'DisplayName') || `${entity} ${text(data, 'Id')}`;
    case 'Item':
    case 'Account':
      return text(data, 'Name') || `${entity} ${text(data, 'Id')}`;
    default: {
      const number = text(data, 'DocNumber');
      return number ? `${number}` : `No. ${text(data, 'Id')}`;
    }
  }
}
