/**
 * The job app's records in qbXML and back. Requests follow the element order of Intuit's qbXML SDK
 * (QuickBooks rejects a message whose elements are out of order); references arrive here already
 * turned into ListIDs / TxnIDs. Rets (QuickBooks' answers and query results) become QbObjects in the
 * job app's shape, references still QuickBooks ids.
 */
import type {
  Address, BillRecord, CustomerRecord, EstimateRecord, InvoiceRecord, ItemRecord, JobRecord, PaymentRecord, PurchaseOrderRecord,
  SyncedEntityType, VendorRecord,
} from '../../../lib/api/job-records.ts';
import type { QbObject } from '../boundary.ts';
import { child, childrenNamed, el, opt, textOf, type XmlNode } from './xml.ts';
import type * as v from 'valibot';

type AddressValue = v.InferOutput<typeof Address>;

/** qbXML's name for the object behind each entity type (items depend on their kind). */
export function qbxmlObject(entityType: SyncedEntityType, record?: JobRecord | null): string {
  switch (entityType) {
    case 'Payment': return 'ReceivePayment';
    case 'Item': {
      const kind = (record as ItemRecord | null | undefined)?.kind ?? 'Service';
      return kind === 'NonInventory' ? 'ItemNonInventory' : kind === 'Inventory' ? 'ItemInventory' : 'ItemService';
    }
    default: return entityType;
  }
}

const isList = (t: SyncedEntityType) => t === 'Customer' || t === 'Vendor' || t === 'Item';
const money = (n: number | null | undefined) => (n === null || n === undefined ? null : n.toFixed(2));
const num = (n: number | null | undefined) => (n === null || n === undefined ? null : String(Number(n.toFixed(5))));
const ref = (name: string, listId: string) => el(name, [el('ListID', listId)]);

function address(name: string, a: AddressValue | null | undefined): XmlNode[] {
  if (!a) return [];
  const parts = [...opt('Addr1', a.line1), ...opt('Addr2', a.line2), ...opt('City', a.city), ...opt('State', a.region),
    ...opt('PostalCode', a.postalCode), ...opt('Country', a.country)];
  return parts.length ? [el(name, parts)] : [];
}

/** Keeps the elements of a sparse Mod: only the fields that changed (`has`) are sent, so QuickBooks' other values stay. */
type Has = (field: string) => boolean;
const when = (has: Has, field: string, nodes: XmlNode[]) => (has(field) ? nodes : []);

/** Body of CustomerAdd/VendorAdd (or the part of a Mod after ListID and EditSequence). */
function partyFields(entityType: 'Customer' | 'Vendor', r: CustomerRecord | VendorRecord, has: Has): XmlNode[] {
  return [
    ...when(has, 'displayName', [el('Name', r.displayName)]), ...when(has, 'active', [el('IsActive', r.active === false ? 'false' : 'true')]),
    ...when(has, 'companyName', opt('CompanyName', r.companyName)),
    ...when(has, 'givenName', opt('FirstName', r.givenName)), ...when(has, 'familyName', opt('LastName', r.familyName)),
    ...when(has, 'address', address(entityType === 'Customer' ? 'BillAddress' : 'VendorAddress', r.address)),
    ...when(has, 'phone', opt('Phone', r.phone)), ...when(has, 'email', opt('Email', r.email)), ...when(has, 'notes', opt('Notes', r.notes)),
  ];
}

function itemFields(r: ItemRecord, mod: boolean, has: Has): XmlNode[] {
  const head = [...when(has, 'name', [el('Name', r.name)]), ...when(has, 'active', [el('IsActive', r.active === false ? 'false' : 'true')])];
  const salesChanged = has('description') || has('unitPrice');
  if (r.kind === 'Inventory') {
    return [...head, ...(salesChanged ? [...opt('SalesDesc', r.description), ...opt('SalesPrice', money(r.unitPrice))] : [])];
  }
  const sales = salesChanged ? [...opt('Desc', r.description), ...opt('Price', money(r.unitPrice))] : [];
  return sales.length ? [...head, el(mod ? 'SalesOrPurchaseMod' : 'SalesOrPurchase', sales)] : head;
}

function salesLines(tag: string, lines: InvoiceRecord['lines'], mod: boolean): XmlNode[] {
  // A Mod that lists lines replaces them all: every line goes as a new one (TxnLineID -1).
  return lines.map((l) => el(tag, [
    ...(mod ? [el('TxnLineID', '-1')] : []), ref('ItemRef', l.itemId), ...opt('Desc', l.description), ...opt('Quantity', num(l.quantity)),
    ...opt('Rate', num(l.unitPrice)), el('Amount', money(l.amount)),
  ]));
}

function purchaseLines(tag: string, lines: BillRecord['lines'], costTag: 'Cost' | 'Rate', mod: boolean): XmlNode[] {
  return lines.map((l) => el(tag, [
    ...(mod ? [el('TxnLineID', '-1')] : []), ref('ItemRef', l.itemId), ...opt('Desc', l.description), ...opt('Quantity', num(l.quantity)),
    ...opt(costTag, num(l.unitCost)), el('Amount', money(l.amount)),
  ]));
}

/** The fields of an Add, or of a Mod after its ids; `fields` (top-level names that changed) trims a Mod. */
function bodyFields(entityType: SyncedEntityType, record: JobRecord, mod: boolean, fields: readonly string[] | null): XmlNode[] {
  const has: Has = (f) => !mod || fields === null || fields.includes(f);
  switch (entityType) {
    case 'Customer':
    case 'Vendor':
      return partyFields(entityType, record as CustomerRecord, has);
    case 'Item':
      return itemFields(record as ItemRecord, mod, has);
    case 'Invoice': {
      const r = record as InvoiceRecord;
      const linePrefix = mod ? 'InvoiceLineMod' : 'InvoiceLineAdd';
      return [...when(has, 'customerId', [ref('CustomerRef', r.customerId)]), ...when(has, 'txnDate', [el('TxnDate', r.txnDate)]),
        ...when(has, 'docNumber', opt('RefNumber', r.docNumber)), ...when(has, 'dueDate', opt('DueDate', r.dueDate)),
        ...when(has, 'memo', opt('Memo', r.memo)), ...when(has, 'lines', salesLines(linePrefix, r.lines, mod))];
    }
    case 'Estimate': {
      const r = record as EstimateRecord;
      return [...when(has, 'customerId', [ref('CustomerRef', r.customerId)]), ...when(has, 'txnDate', [el('TxnDate', r.txnDate)]),
        ...when(has, 'docNumber', opt('RefNumber', r.docNumber)), ...when(has, 'expirationDate', opt('DueDate', r.expirationDate)),
        ...when(has, 'memo', opt('Memo', r.memo)), ...when(has, 'lines', salesLines(mod ? 'EstimateLineMod' : 'EstimateLineAdd', r.lines, mod))];
    }
    case 'Payment': {
      const r = record as PaymentRecord;
      const applied = (r.appliedTo ?? []).map((a) => el(mod ? 'AppliedToTxnMod' : 'AppliedToTxnAdd', [el('TxnID', a.invoiceId), el('PaymentAmount', money(a.amount))]));
      return [...when(has, 'customerId', [ref('CustomerRef', r.customerId)]), ...when(has, 'txnDate', [el('TxnDate', r.txnDate)]),
        ...when(has, 'referenceNumber', opt('RefNumber', r.referenceNumber)), ...when(has, 'totalAmount', [el('TotalAmount', money(r.totalAmount))]),
        ...when(has, 'memo', opt('Memo', r.memo)), ...when(has, 'appliedTo', applied)];
    }
    case 'Bill': {
      const r = record as BillRecord;
      return [...when(has, 'vendorId', [ref('VendorRef', r.vendorId)]), ...when(has, 'txnDate', [el('TxnDate', r.txnDate)]),
        ...when(has, 'dueDate', opt('DueDate', r.dueDate)), ...when(has, 'docNumber', opt('RefNumber', r.docNumber)),
        ...when(has, 'memo', opt('Memo', r.memo)), ...when(has, 'lines', purchaseLines(mod ? 'ItemLineMod' : 'ItemLineAdd', r.lines, 'Cost', mod))];
    }
    case 'PurchaseOrder': {
      const r = record as PurchaseOrderRecord;
      return [...when(has, 'vendorId', [ref('VendorRef', r.vendorId)]), ...when(has, 'txnDate', [el('TxnDate', r.txnDate)]),
        ...when(has, 'docNumber', opt('RefNumber', r.docNumber)), ...when(has, 'memo', opt('Memo', r.memo)),
        ...when(has, 'lines', purchaseLines(mod ? 'PurchaseOrderLineMod' : 'PurchaseOrderLineAdd', r.lines, 'Rate', mod))];
    }
  }
}

/** `<XAddRq requestID><XAdd>…</XAdd></XAddRq>` for a new record. */
export function addRequest(entityType: SyncedEntityType, record: JobRecord, requestId: string): XmlNode {
  const obj = qbxmlObject(entityType, record);
  return el(`${obj}AddRq`, [el(`${obj}Add`, bodyFields(entityType, record, false, null))], { requestID: requestId });
}

/** `<XModRq>` naming the QuickBooks id and the EditSequence the change is based on. */
export function modRequest(entityType: SyncedEntityType, record: JobRecord, qbId: string, editSequence: string, requestId: string,
  fields: readonly string[] | null): XmlNode {
  const obj = qbxmlObject(entityType, record);
  const idTag = isList(entityType) ? 'ListID' : 'TxnID';
  return el(`${obj}ModRq`, [el(`${obj}Mod`, [el(idTag, qbId), el('EditSequence', editSequence), ...bodyFields(entityType, record, true, fields)])],
    { requestID: requestId });
}

/** A list record is made inactive (QuickBooks keeps list history); a transaction is deleted. */
export function removeRequest(entityType: SyncedEntityType, record: JobRecord | null, qbId: string, editSequence: string, requestId: string): XmlNode {
  if (isList(entityType)) {
    const obj = qbxmlObject(entityType, record);
    return el(`${obj}ModRq`, [el(`${obj}Mod`, [el('ListID', qbId), el('EditSequence', editSequence), el('IsActive', 'false')])],
      { requestID: requestId });
  }
  return el('TxnDelRq', [el('TxnDelType', qbxmlObject(entityType)), el('TxnID', qbId)], { requestID: requestId });
}

const queryName = (entityType: SyncedEntityType) => (entityType === 'Item' ? 'Item' : qbxmlObject(entityType));

/** Looks one record up by its QuickBooks id. */
export function queryById(entityType: SyncedEntityType, qbId: string, requestId: string): XmlNode {
  const body = isList(entityType) ? [el('ListID', qbId)] : [el('TxnID', qbId), ...lineItems(entityType)];
  return el(`${queryName(entityType)}QueryRq`, body, { requestID: requestId });
}

/** Looks a record up the way a person would find it: list records by name, transactions by number. */
export function queryByKey(entityType: SyncedEntityType, key: string, requestId: string): XmlNode {
  const body = isList(entityType) ? [el('FullName', key)] : [el('RefNumber', key), ...lineItems(entityType)];
  return el(`${queryName(entityType)}QueryRq`, body, { requestID: requestId });
}

const lineItems = (entityType: SyncedEntityType) => (entityType === 'Payment' ? [] : [el('IncludeLineItems', 'true')]);

export const QUERY_PAGE_SIZE = 100;

/** Everything of a type changed since `from` (inclusive), read through an iterator page by page. */
export function modifiedSinceQuery(entityType: SyncedEntityType, from: string, requestId: string, iteratorId: string | null): XmlNode {
  const attrs: Record<string, string> = { requestID: requestId, iterator: iteratorId ? 'Continue' : 'Start' };
  if (iteratorId) attrs.iteratorID = iteratorId;
  const since = toQbDateTime(from);
  const body = isList(entityType)
    ? [el('MaxReturned', QUERY_PAGE_SIZE), el('ActiveStatus', 'All'), el('FromModifiedDate', since)]
    : [el('MaxReturned', QUERY_PAGE_SIZE), el('ModifiedDateRangeFilter', [el('FromModifiedDate', since)]), ...lineItems(entityType)];
  return el(`${queryName(entityType)}QueryRq`, body, attrs);
}

/** qbXML date-times carry no fraction: 2026-01-31T10:00:00+00:00. */
export function toQbDateTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}+00:00`;
}

const RET_TYPES: Record<string, SyncedEntityType> = {
  CustomerRet: 'Customer', VendorRet: 'Vendor', ItemServiceRet: 'Item', ItemNonInventoryRet: 'Item', ItemInventoryRet: 'Item',
  InvoiceRet: 'Invoice', EstimateRet: 'Estimate', ReceivePaymentRet: 'Payment', BillRet: 'Bill', PurchaseOrderRet: 'PurchaseOrder',
};

export const isRetNode = (node: XmlNode) => Object.hasOwn(RET_TYPES, node.name);

const numberOf = (node: XmlNode | undefined, name: string): number | null => {
  const t = textOf(node, name);
  return t === null || t === '' ? null : Number(t);
};
const refId = (node: XmlNode | undefined, name: string) => textOf(child(node, name), 'ListID') ?? textOf(child(node, name), 'TxnID') ?? '';

function addressFrom(node: XmlNode | undefined): AddressValue | null {
  if (!node) return null;
  return { line1: textOf(node, 'Addr1'), line2: textOf(node, 'Addr2'), city: textOf(node, 'City'), region: textOf(node, 'State'),
    postalCode: textOf(node, 'PostalCode'), country: textOf(node, 'Country') };
}

/** A Ret element as the sync engine sees QuickBooks' records. */
export function qbObjectFromRet(ret: XmlNode): QbObject | null {
  const entityType = RET_TYPES[ret.name];
  if (!entityType) return null;
  const list = isList(entityType);
  const qbId = textOf(ret, list ? 'ListID' : 'TxnID') ?? '';
  const active = textOf(ret, 'IsActive') !== 'false';
  return {
    entityType, qbId, syncToken: textOf(ret, 'EditSequence') ?? '', deleted: false, active,
    record: recordFromRet(entityType, ret), updatedAt: isoOrNull(textOf(ret, 'TimeModified')),
  };
}

function isoOrNull(t: string | null): string | null {
  if (!t) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function recordFromRet(entityType: SyncedEntityType, ret: XmlNode): JobRecord {
  const active = textOf(ret, 'IsActive') !== 'false';
  switch (entityType) {
    case 'Customer':
    case 'Vendor':
      return {
        displayName: textOf(ret, 'Name') ?? '', companyName: textOf(ret, 'CompanyName'), givenName: textOf(ret, 'FirstName'),
        familyName: textOf(ret, 'LastName'), email: textOf(ret, 'Email'), phone: textOf(ret, 'Phone'),
        address: addressFrom(child(ret, entityType === 'Customer' ? 'BillAddress' : 'VendorAddress')), notes: textOf(ret, 'Notes'), active,
      } satisfies CustomerRecord;
    case 'Item': {
      const kind = ret.name === 'ItemNonInventoryRet' ? 'NonInventory' : ret.name === 'ItemInventoryRet' ? 'Inventory' : 'Service';
      const sales = child(ret, 'SalesOrPurchase') ?? child(ret, 'SalesAndPurchase');
      const description = kind === 'Inventory' ? textOf(ret, 'SalesDesc') : textOf(sales, 'Desc') ?? textOf(sales, 'SalesDesc');
      const unitPrice = kind === 'Inventory' ? numberOf(ret, 'SalesPrice') : numberOf(sales, 'Price') ?? numberOf(sales, 'SalesPrice');
      return { name: textOf(ret, 'Name') ?? '', kind, description, unitPrice, active } satisfies ItemRecord;
    }
    case 'Invoice':
    case 'Estimate': {
      const lines = childrenNamed(ret, entityType === 'Invoice' ? 'InvoiceLineRet' : 'EstimateLineRet').map((l) => ({
        itemId: refId(l, 'ItemRef'), description: textOf(l, 'Desc'), quantity: numberOf(l, 'Quantity') ?? 1,
        unitPrice: numberOf(l, 'Rate'), amount: numberOf(l, 'Amount') ?? 0,
      }));
      const base = { customerId: refId(ret, 'CustomerRef'), docNumber: textOf(ret, 'RefNumber'), txnDate: textOf(ret, 'TxnDate') ?? '',
        memo: textOf(ret, 'Memo'), lines };
      return entityType === 'Invoice'
        ? ({ ...base, dueDate: textOf(ret, 'DueDate') } satisfies InvoiceRecord)
        : ({ ...base, expirationDate: textOf(ret, 'DueDate') } satisfies EstimateRecord);
    }
    case 'Payment':
      return {
        customerId: refId(ret, 'CustomerRef'), txnDate: textOf(ret, 'TxnDate') ?? '', totalAmount: numberOf(ret, 'TotalAmount') ?? 0,
        appliedTo: childrenNamed(ret, 'AppliedToTxnRet').map((a) => ({ invoiceId: textOf(a, 'TxnID') ?? '', amount: numberOf(a, 'Amount') ?? numberOf(a, 'PaymentAmount') ?? 0 })),
        referenceNumber: textOf(ret, 'RefNumber'), memo: textOf(ret, 'Memo'),
      } satisfies PaymentRecord;
    case 'Bill':
    case 'PurchaseOrder': {
      const lines = childrenNamed(ret, entityType === 'Bill' ? 'ItemLineRet' : 'PurchaseOrderLineRet').map((l) => ({
        itemId: refId(l, 'ItemRef'), description: textOf(l, 'Desc'), quantity: numberOf(l, 'Quantity') ?? 1,
        unitCost: numberOf(l, entityType === 'Bill' ? 'Cost' : 'Rate'), amount: numberOf(l, 'Amount') ?? 0,
      }));
      const base = { vendorId: refId(ret, 'VendorRef'), docNumber: textOf(ret, 'RefNumber'), txnDate: textOf(ret, 'TxnDate') ?? '', memo: textOf(ret, 'Memo'), lines };
      return entityType === 'Bill' ? ({ ...base, dueDate: textOf(ret, 'DueDate') } satisfies BillRecord) : (base satisfies PurchaseOrderRecord);
    }
  }
}
