/** Display labels for QuickBooks entity types, change kinds and directions, from the message catalog. */
import type { Change, Direction } from '../api/schema';
import { t, type MessageKey } from '../i18n/t';

/** QuickBooks entity types with a translated name (the common ones of KNOWN_ENTITY_TYPES). */
const ENTITY_KEYS: Record<string, MessageKey> = {
  Customer: 'entityCustomer',
  Invoice: 'entityInvoice',
  Estimate: 'entityEstimate',
  Payment: 'entityPayment',
  Item: 'entityItem',
  Vendor: 'entityVendor',
  PurchaseOrder: 'entityPurchaseOrder',
  Bill: 'entityBill',
  BillPayment: 'entityBillPayment',
  CreditMemo: 'entityCreditMemo',
  SalesReceipt: 'entitySalesReceipt',
  RefundReceipt: 'entityRefundReceipt',
  VendorCredit: 'entityVendorCredit',
  Purchase: 'entityPurchase',
  JournalEntry: 'entityJournalEntry',
  Deposit: 'entityDeposit',
  Transfer: 'entityTransfer',
  Employee: 'entityEmployee',
  Account: 'entityAccount',
  TimeActivity: 'entityTimeActivity',
  Class: 'entityClass',
};

/** "PurchaseOrder" → "Purchase order"; unknown types are split at capitals ("WorkOrder" → "Work order"). */
export function entityLabel(entityType: string): string {
  // Own properties only: an entity type such as "constructor" must not reach Object.prototype.
  const key = Object.hasOwn(ENTITY_KEYS, entityType) ? ENTITY_KEYS[entityType] : undefined;
  if (key) return t(key);
  const words = entityType.replace(/([a-z])([A-Z])/g, '$1 $2').split(' ');
  return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(' ');
}

const CHANGE_KEYS: Record<Change, MessageKey> = { create: 'changeCreate', update: 'changeUpdate', delete: 'changeDelete' };

export function changeLabel(change: Change): string {
  return t(CHANGE_KEYS[change]);
}

const DIRECTION_KEYS: Record<Direction, MessageKey> = { export: 'directionExport', import: 'directionImport' };

export function directionLabel(direction: Direction): string {
  return t(DIRECTION_KEYS[direction]);
}

/** "1 item" / "3 items" (English only: user-visible counts use one/many catalog keys instead). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
