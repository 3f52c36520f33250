/** Display labels for QuickBooks entity types, change kinds and directions. */
import type { Change, Direction } from '../api/schema';

/** Types whose PascalCase split would read oddly. */
const ENTITY_LABELS: Record<string, string> = {
  PurchaseOrder: 'Purchase order',
  BillPayment: 'Bill payment',
  CreditMemo: 'Credit memo',
  SalesReceipt: 'Sales receipt',
  RefundReceipt: 'Refund receipt',
  VendorCredit: 'Vendor credit',
  JournalEntry: 'Journal entry',
  TimeActivity: 'Time activity',
  Purchase: 'Expense',
};

/** "PurchaseOrder" → "Purchase order"; unknown types are split at capitals ("WorkOrder" → "Work order"). */
export function entityLabel(entityType: string): string {
  const known = ENTITY_LABELS[entityType];
  if (known) return known;
  const words = entityType.replace(/([a-z])([A-Z])/g, '$1 $2').split(' ');
  return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(' ');
}

const CHANGE_LABELS: Record<Change, string> = { create: 'New', update: 'Changed', delete: 'Deleted' };

export function changeLabel(change: Change): string {
  return CHANGE_LABELS[change];
}

const DIRECTION_LABELS: Record<Direction, string> = {
  export: 'Export to QuickBooks',
  import: 'Import from QuickBooks',
};

export function directionLabel(direction: Direction): string {
  return DIRECTION_LABELS[direction];
}

/** "1 item" / "3 items". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
