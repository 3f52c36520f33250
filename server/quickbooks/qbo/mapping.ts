/**
 * The job app's records (lib/api/job-records.ts, references already QuickBooks ids) to QuickBooks
 * Online's JSON entities and back.
 *
 * - `toQbo` builds a create body: fields without a value are left out.
 * - `sparsePatch` builds the changed part of a sparse update: only the QuickBooks fields the changed
 *   job-app fields map to; a field that became empty is sent empty so QuickBooks clears it, and a
 *   change to `lines` sends the whole Line array, because QuickBooks replaces the lines it is given.
 * - `fromQbo` reads an entity back into a validated job-app record; fields QuickBooks adds are
 *   ignored, empty values are left out.
 *
 * Inventory items need an asset account, a cost-of-goods account, a quantity and a start date; they
 * are sent with the accounts from `defaults`, a quantity of 0 and the start date from `defaults`.
 */
import * as v from 'valibot';
import {
  JOB_RECORD_SCHEMAS, type BillRecord, type CustomerRecord, type EstimateRecord, type InvoiceRecord, type ItemRecord, type JobRecord,
  type PaymentRecord, type PurchaseOrderRecord, type SyncedEntityType, type VendorRecord, ITEM_KINDS, LIST_ENTITY_TYPES,
} from '../../../lib/api/job-records.ts';
import type { QbObject } from '../boundary.ts';

export type QboJson = Record<string, unknown>;

/** Accounts QuickBooks needs on items, looked up once per company. */
export interface QboDefaults {
  incomeAccountId: string | null;
  expenseAccountId: string | null;
  /** Only needed for Inventory items. */
  assetAccountId?: string | null;
  /** InvStartDate for new Inventory items (YYYY-MM-DD). */
  inventoryStartDate?: string;
}

export class QboMappingError extends Error {
  override readonly name = 'QboMappingError';
}

/** The path segment of each entity in the Accounting API (`/v3/company/{realm}/{path}`). */
export const QBO_ENTITY_PATH: Record<SyncedEntityType, string> = {
  Customer: 'customer', Vendor: 'vendor', Item: 'item', Invoice: 'invoice', Estimate: 'estimate', Payment: 'payment',
  PurchaseOrder: 'purchaseorder', Bill: 'bill',
};

/** Which QuickBooks fields each job-app field is written to. */
const PARTY_KEYS = {
  displayName: ['DisplayName'], companyName: ['CompanyName'], givenName: ['GivenName'], familyName: ['FamilyName'],
  email: ['PrimaryEmailAddr'], phone: ['PrimaryPhone'], address: ['BillAddr'], notes: ['Notes'], active: ['Active'],
};
const SALES_KEYS = { customerId: ['CustomerRef'], docNumber: ['DocNumber'], txnDate: ['TxnDate'], memo: ['PrivateNote'], lines: ['Line'] };
const PURCHASE_KEYS = { vendorId: ['VendorRef'], docNumber: ['DocNumber'], txnDate: ['TxnDate'], memo: ['PrivateNote'], lines: ['Line'] };
const INVENTORY_KEYS = ['AssetAccountRef', 'ExpenseAccountRef', 'TrackQtyOnHand', 'QtyOnHand', 'InvStartDate'];

export const QBO_FIELDS_OF: Record<SyncedEntityType, Record<string, readonly string[]>> = {
  Customer: PARTY_KEYS,
  Vendor: PARTY_KEYS,
  Item: { name: ['Name'], kind: ['Type'], description: ['Description'], unitPrice: ['UnitPrice'], active: ['Active'] },
  Invoice: { ...SALES_KEYS, dueDate: ['DueDate'] },
  Estimate: { ...SALES_KEYS, expirationDate: ['ExpirationDate'] },
  Payment: { customerId: ['CustomerRef'], txnDate: ['TxnDate'], totalAmount: ['TotalAmt'], appliedTo: ['Line'], referenceNumber: ['PaymentRefNum'], memo: ['PrivateNote'] },
  PurchaseOrder: PURCHASE_KEYS,
  Bill: { ...PURCHASE_KEYS, dueDate: ['DueDate'] },
};

/** A create body for `record`. */
export function toQbo(entityType: SyncedEntityType, record: JobRecord, defaults: QboDefaults): QboJson {
  return build(entityType, record, defaults, 'create');
}

/**
 * The fields of a sparse update for the job-app fields in `changedFields` (null: every field). The
 * caller adds Id, SyncToken and `sparse: true`.
 */
export function sparsePatch(
  entityType: SyncedEntityType, record: JobRecord, changedFields: readonly string[] | null, defaults: QboDefaults,
): QboJson {
  const keysOf = QBO_FIELDS_OF[entityType];
  const fields = changedFields ?? Object.keys(keysOf);
  const full = build(entityType, record, defaults, 'patch');
  const patch: QboJson = {};
  for (const field of fields) {
    const keys = keysOf[field];
    if (!keys) throw new QboMappingError(`"${field}" is not a field of a ${entityType} record.`);
    for (const key of keys) if (full[key] !== undefined) patch[key] = full[key];
    // Turning an item into an Inventory item needs the inventory fields too.
    if (entityType === 'Item' && field === 'kind' && full.Type === 'Inventory') {
      for (const key of INVENTORY_KEYS) if (full[key] !== undefined) patch[key] = full[key];
    }
  }
  return patch;
}

type Mode = 'create' | 'patch';

/** `mode` decides what an empty value becomes: left out (create) or an explicit clear (patch). */
function build(entityType: SyncedEntityType, record: JobRecord, defaults: QboDefaults, mode: Mode): QboJson {
  const text = (value: string | null | undefined): string | undefined => (value == null || value === '' ? (mode === 'patch' ? '' : undefined) : value);
  const date = (value: string | null | undefined): string | null | undefined => (value == null ? (mode === 'patch' ? null : undefined) : value);
  const ref = (id: string) => ({ value: id });
  const out: QboJson = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };

  switch (entityType) {
    case 'Customer':
    case 'Vendor': {
      const r = record as CustomerRecord | VendorRecord;
      put('DisplayName', r.displayName);
      put('CompanyName', text(r.companyName));
      put('GivenName', text(r.givenName));
      put('FamilyName', text(r.familyName));
      const email = text(r.email);
      put('PrimaryEmailAddr', email === undefined ? undefined : { Address: email });
      const phone = text(r.phone);
      put('PrimaryPhone', phone === undefined ? undefined : { FreeFormNumber: phone });
      put('BillAddr', address(r.address, mode));
      put('Notes', text(r.notes));
      put('Active', r.active ?? true);
      break;
    }
    case 'Item': {
      const r = record as ItemRecord;
      const kind = r.kind ?? 'Service';
      put('Name', r.name);
      put('Type', kind);
      put('Description', text(r.description));
      put('UnitPrice', r.unitPrice ?? (mode === 'patch' ? 0 : undefined));
      put('Active', r.active ?? true);
      if (defaults.incomeAccountId) put('IncomeAccountRef', ref(defaults.incomeAccountId));
      if (defaults.expenseAccountId) put('ExpenseAccountRef', ref(defaults.expenseAccountId));
      if (kind === 'Inventory') {
        if (!defaults.assetAccountId || !defaults.expenseAccountId) {
          throw new QboMappingError('An Inventory item needs an inventory asset account and a cost-of-goods account in QuickBooks Online; none was found.');
        }
        put('AssetAccountRef', ref(defaults.assetAccountId));
        put('TrackQtyOnHand', true);
        put('QtyOnHand', 0);
        put('InvStartDate', defaults.inventoryStartDate ?? new Date().toISOString().slice(0, 10));
      }
      break;
    }
    case 'Invoice':
    case 'Estimate': {
      const r = record as InvoiceRecord | EstimateRecord;
      put('CustomerRef', ref(r.customerId));
      put('DocNumber', text(r.docNumber));
      put('TxnDate', r.txnDate);
      if (entityType === 'Invoice') put('DueDate', date((r as InvoiceRecord).dueDate));
      else put('ExpirationDate', date((r as EstimateRecord).expirationDate));
      put('PrivateNote', text(r.memo));
      put('Line', r.lines.map((line, i) => {
        const detail: QboJson = { ItemRef: ref(line.itemId), Qty: line.quantity ?? 1 };
        if (line.unitPrice != null) detail.UnitPrice = line.unitPrice;
        return {
          LineNum: i + 1, DetailType: 'SalesItemLineDetail', Amount: line.amount,
          ...(line.description ? { Description: line.description } : {}), SalesItemLineDetail: detail,
        };
      }));
      break;
    }
    case 'Payment': {
      const r = record as PaymentRecord;
      put('CustomerRef', ref(r.customerId));
      put('TxnDate', r.txnDate);
      put('TotalAmt', r.totalAmount);
      put('PaymentRefNum', text(r.referenceNumber));
      put('PrivateNote', text(r.memo));
      put('Line', (r.appliedTo ?? []).map((a) => ({ Amount: a.amount, LinkedTxn: [{ TxnId: a.invoiceId, TxnType: 'Invoice' }] })));
      break;
    }
    case 'PurchaseOrder':
    case 'Bill': {
      const r = record as PurchaseOrderRecord | BillRecord;
      put('VendorRef', ref(r.vendorId));
      put('DocNumber', text(r.docNumber));
      put('TxnDate', r.txnDate);
      if (entityType === 'Bill') put('DueDate', date((r as BillRecord).dueDate));
      put('PrivateNote', text(r.memo));
      put('Line', r.lines.map((line, i) => {
        const detail: QboJson = { ItemRef: ref(line.itemId), Qty: line.quantity ?? 1 };
        if (line.unitCost != null) detail.UnitPrice = line.unitCost;
        return {
          LineNum: i + 1, DetailType: 'ItemBasedExpenseLineDetail', Amount: line.amount,
          ...(line.description ? { Description: line.description } : {}), ItemBasedExpenseLineDetail: detail,
        };
      }));
      break;
    }
  }
  return out;
}

const ADDRESS_KEYS = [
  ['line1', 'Line1'], ['line2', 'Line2'], ['city', 'City'], ['region', 'CountrySubDivisionCode'], ['postalCode', 'PostalCode'], ['country', 'Country'],
] as const;

function address(value: CustomerRecord['address'], mode: Mode): QboJson | undefined {
  const out: QboJson = {};
  for (const [ours, theirs] of ADDRESS_KEYS) {
    const part = value?.[ours];
    if (part != null && part !== '') out[theirs] = part;
    else if (mode === 'patch') out[theirs] = '';
  }
  return Object.keys(out).length ? out : undefined;
}

// ------------------------------------------------------------------------------------------ from QBO

const isObj = (value: unknown): value is QboJson => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A non-empty string (QuickBooks sends cleared text fields as ""), or undefined. */
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const refValue = (value: unknown): string | undefined => (isObj(value) ? str(value.value) : undefined);
const arr = (value: unknown): QboJson[] => (Array.isArray(value) ? value.filter(isObj) : []);

function dropUndefined<T extends QboJson>(obj: T): T {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
}

/** A QuickBooks Online entity as a job-app record; throws QboMappingError when it does not fit. */
export function fromQbo(entityType: SyncedEntityType, json: unknown): JobRecord {
  if (!isObj(json)) throw new QboMappingError(`QuickBooks Online sent a ${entityType} that is not an object.`);
  const candidate = candidateFrom(entityType, json);
  const parsed = v.safeParse(JOB_RECORD_SCHEMAS[entityType], candidate);
  if (!parsed.success) {
    const problems = parsed.issues.slice(0, 3).map((i) => `${v.getDotPath(i) ?? '(record)'} ${i.message}`).join('; ');
    const id = str(json.Id) ?? '(no id)';
    throw new QboMappingError(`${entityType} ${id} from QuickBooks Online does not fit the job app's record: ${problems}.`);
  }
  return parsed.output as JobRecord;
}

function candidateFrom(entityType: SyncedEntityType, q: QboJson): QboJson {
  switch (entityType) {
    case 'Customer':
    case 'Vendor': {
      const bill = isObj(q.BillAddr) ? q.BillAddr : {};
      const addr = dropUndefined(Object.fromEntries(ADDRESS_KEYS.map(([ours, theirs]) => [ours, str(bill[theirs])])));
      return dropUndefined({
        displayName: str(q.DisplayName), companyName: str(q.CompanyName), givenName: str(q.GivenName), familyName: str(q.FamilyName),
        email: isObj(q.PrimaryEmailAddr) ? str(q.PrimaryEmailAddr.Address) : undefined,
        phone: isObj(q.PrimaryPhone) ? str(q.PrimaryPhone.FreeFormNumber) : undefined,
        address: Object.keys(addr).length ? addr : undefined,
        notes: str(q.Notes), active: q.Active !== false,
      });
    }
    case 'Item': {
      const type = str(q.Type);
      if (type && !(ITEM_KINDS as readonly string[]).includes(type)) {
        const id = str(q.Id);
        throw new QboMappingError(`Item${id ? ` ${id}` : ''} is a QuickBooks Online ${type} item, which the job app does not hold.`);
      }
      return dropUndefined({ name: str(q.Name), kind: type, description: str(q.Description), unitPrice: num(q.UnitPrice), active: q.Active !== false });
    }
    case 'Invoice':
    case 'Estimate': {
      const lines = arr(q.Line).filter((l) => l.DetailType === 'SalesItemLineDetail' && isObj(l.SalesItemLineDetail)).map((l) => {
        const d = l.SalesItemLineDetail as QboJson;
        return dropUndefined({ itemId: refValue(d.ItemRef), description: str(l.Description), quantity: num(d.Qty), unitPrice: num(d.UnitPrice), amount: num(l.Amount) });
      });
      return dropUndefined({
        customerId: refValue(q.CustomerRef), docNumber: str(q.DocNumber), txnDate: str(q.TxnDate),
        ...(entityType === 'Invoice' ? { dueDate: str(q.DueDate) } : { expirationDate: str(q.ExpirationDate) }),
        memo: str(q.PrivateNote), lines,
      });
    }
    case 'Payment': {
      const appliedTo: QboJson[] = [];
      for (const line of arr(q.Line)) {
        const invoices = arr(line.LinkedTxn).filter((t) => t.TxnType === 'Invoice');
        // A line names the invoices it pays; the amount is the line's (QuickBooks gives one per line).
        if (invoices.length) appliedTo.push({ invoiceId: str(invoices[0]!.TxnId), amount: num(line.Amount) });
      }
      return dropUndefined({
        customerId: refValue(q.CustomerRef), txnDate: str(q.TxnDate), totalAmount: num(q.TotalAmt), appliedTo,
        referenceNumber: str(q.PaymentRefNum), memo: str(q.PrivateNote),
      });
    }
    case 'PurchaseOrder':
    case 'Bill': {
      const lines = arr(q.Line).filter((l) => l.DetailType === 'ItemBasedExpenseLineDetail' && isObj(l.ItemBasedExpenseLineDetail)).map((l) => {
        const d = l.ItemBasedExpenseLineDetail as QboJson;
        return dropUndefined({ itemId: refValue(d.ItemRef), description: str(l.Description), quantity: num(d.Qty), unitCost: num(d.UnitPrice), amount: num(l.Amount) });
      });
      return dropUndefined({
        vendorId: refValue(q.VendorRef), docNumber: str(q.DocNumber), txnDate: str(q.TxnDate),
        ...(entityType === 'Bill' ? { dueDate: str(q.DueDate) } : {}), memo: str(q.PrivateNote), lines,
      });
    }
  }
}

/**
 * A QuickBooks Online entity as the boundary's QbObject. Deleted entities (CDC and delete replies
 * say `status: "Deleted"`) carry only their id.
 */
export function qbObjectFrom(entityType: SyncedEntityType, json: unknown): QbObject {
  if (!isObj(json)) throw new QboMappingError(`QuickBooks Online sent a ${entityType} that is not an object.`);
  const qbId = str(json.Id);
  if (!qbId) throw new QboMappingError(`QuickBooks Online sent a ${entityType} without an Id.`);
  const meta = isObj(json.MetaData) ? json.MetaData : {};
  const updatedAt = str(meta.LastUpdatedTime) ?? null;
  const syncToken = str(json.SyncToken) ?? (typeof json.SyncToken === 'number' ? String(json.SyncToken) : '');
  if (json.status === 'Deleted') {
    return { entityType, qbId, syncToken, deleted: true, active: false, record: null, updatedAt };
  }
  return {
    entityType, qbId, syncToken, deleted: false,
    active: LIST_ENTITY_TYPES.has(entityType) ? json.Active !== false : true,
    record: fromQbo(entityType, json),
    updatedAt,
  };
}
