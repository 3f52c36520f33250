/**
 * The QuickBooks Desktop objects the emulated company file holds, described the way qbXML names
 * them: which are lists (ListID, unique names) and which are transactions (TxnID, lines), which
 * references they carry and which line aggregates they have.
 */
export type ListKind = 'Customer' | 'Vendor' | 'Employee' | 'ItemService' | 'ItemNonInventory';
export type TxnKind = 'Invoice' | 'Estimate' | 'ReceivePayment' | 'Bill' | 'PurchaseOrder';
export type ObjectKind = ListKind | TxnKind;

export interface RefRule { element: string; kinds: ObjectKind[]; label: string; required?: boolean }
/** A line aggregate: `<prefix>Add` / `<prefix>Mod` in requests, `<prefix>Ret` in replies. */
export interface LineRule { prefix: string; refs: RefRule[] }

export interface KindInfo {
  kind: ObjectKind;
  category: 'list' | 'txn';
  /** Names must be unique within a group: customers, vendors and employees share one. */
  nameGroup?: 'entity' | 'item';
  headerRefs: RefRule[];
  lines: LineRule[];
  /** The total element the file computes from the lines, if any. */
  totals: string[];
}

const ITEM_KINDS: ObjectKind[] = ['ItemService', 'ItemNonInventory'];
const itemRef: RefRule = { element: 'ItemRef', kinds: ITEM_KINDS, label: 'Item' };
const customerRef: RefRule = { element: 'CustomerRef', kinds: ['Customer'], label: 'Customer', required: true };
const vendorRef: RefRule = { element: 'VendorRef', kinds: ['Vendor'], label: 'Vendor', required: true };

const list = (kind: ListKind, nameGroup: 'entity' | 'item'): KindInfo => ({ kind, category: 'list', nameGroup, headerRefs: [], lines: [], totals: [] });

export const KINDS: Record<ObjectKind, KindInfo> = {
  Customer: list('Customer', 'entity'),
  Vendor: list('Vendor', 'entity'),
  Employee: list('Employee', 'entity'),
  ItemService: list('ItemService', 'item'),
  ItemNonInventory: list('ItemNonInventory', 'item'),
  Invoice: { kind: 'Invoice', category: 'txn', headerRefs: [customerRef], lines: [{ prefix: 'InvoiceLine', refs: [itemRef] }], totals: ['Subtotal', 'BalanceRemaining'] },
  Estimate: { kind: 'Estimate', category: 'txn', headerRefs: [customerRef], lines: [{ prefix: 'EstimateLine', refs: [itemRef] }], totals: ['Subtotal', 'TotalAmount'] },
  ReceivePayment: { kind: 'ReceivePayment', category: 'txn', headerRefs: [customerRef], lines: [], totals: [] },
  Bill: {
    kind: 'Bill', category: 'txn', headerRefs: [vendorRef],
    lines: [{ prefix: 'ExpenseLine', refs: [] }, { prefix: 'ItemLine', refs: [itemRef] }], totals: ['AmountDue'],
  },
  PurchaseOrder: { kind: 'PurchaseOrder', category: 'txn', headerRefs: [vendorRef], lines: [{ prefix: 'PurchaseOrderLine', refs: [itemRef] }], totals: ['TotalAmount'] },
};

export const ALL_KINDS = Object.keys(KINDS) as ObjectKind[];

export function isObjectKind(s: string): s is ObjectKind {
  return Object.prototype.hasOwnProperty.call(KINDS, s);
}

/** The label QuickBooks uses in messages ("Customer", "Item", "Invoice"). */
export function displayLabel(kind: ObjectKind): string {
  return ITEM_KINDS.includes(kind) ? 'Item' : kind;
}
