/**
 * QuickBooks Online's validation rules, applied to an object as it would be saved (after a sparse
 * merge or a full replace). Each rule answers with the fault QuickBooks gives, or null.
 */
import { isListEntity, NUMBERED_DOCS, PEOPLE_ENTITIES, PURCHASE_DOCS, SALES_DOCS, type EntityName } from './entities.ts';
import { faults, type QboFault } from './faults.ts';
import type { EmulatorState, Realm } from './state.ts';

export interface RuleContext {
  state: EmulatorState;
  realm: Realm;
  entity: EntityName;
  /** The object's id on an update (it may keep its own name or number). */
  selfId: string | null;
  allowDuplicateDocNumber: boolean;
  /** Writes through the API respect the closing date; a person in QuickBooks with the password may not. */
  enforceClosedBooks: boolean;
}

type Fields = Record<string, unknown>;
type Line = Record<string, unknown>;

const MAX_LENGTHS: Record<string, number> = {
  DisplayName: 100, CompanyName: 100, GivenName: 100, FamilyName: 100, Name: 100, DocNumber: 21, PaymentRefNum: 21,
  PrivateNote: 4000, Notes: 2000, Description: 4000,
};

export const round2 = (n: number): number => Math.round(n * 100) / 100;

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : null;
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
export const linesOf = (fields: Fields): Line[] => (Array.isArray(fields.Line) ? fields.Line as Line[] : []);
const refValue = (value: unknown): string | null => {
  const ref = asRecord(value);
  return ref && typeof ref.value === 'string' ? ref.value : null;
};

export function validateObject(ctx: RuleContext, fields: Fields): QboFault | null {
  return requiredFields(ctx.entity, fields)
    ?? lengths(fields)
    ?? references(ctx, fields)
    ?? (ctx.enforceClosedBooks ? closedPeriod(ctx.realm, ctx.entity, fields.TxnDate) : null)
    ?? duplicateName(ctx, fields)
    ?? duplicateDocNumber(ctx, fields)
    ?? lineAmounts(ctx.entity, fields)
    ?? paymentApplication(ctx, fields);
}

/** 6210 when a transaction dated on or before the closing date would be written. */
export function closedPeriod(realm: Realm, entity: EntityName, txnDate: unknown): QboFault | null {
  if (isListEntity(entity) || !realm.closedBooksDate || typeof txnDate !== 'string') return null;
  return txnDate <= realm.closedBooksDate ? faults.periodClosed(txnDate, realm.closedBooksDate) : null;
}

function requiredFields(entity: EntityName, f: Fields): QboFault | null {
  const missing = (element: string) => faults.requiredMissing(element);
  if (PEOPLE_ENTITIES.includes(entity) && !text(f.DisplayName)) return missing('DisplayName');
  if (entity === 'Item') {
    if (!text(f.Name)) return missing('Name');
    if (!f.IncomeAccountRef) return missing('IncomeAccountRef');
    if (f.Type === 'Inventory') {
      if (!f.AssetAccountRef) return missing('AssetAccountRef');
      if (!f.ExpenseAccountRef) return missing('ExpenseAccountRef');
    }
  }
  if (entity === 'Account') {
    if (!text(f.Name)) return missing('Name');
    if (!text(f.AccountType)) return missing('AccountType');
  }
  if (SALES_DOCS.has(entity) || entity === 'Payment') {
    if (!f.CustomerRef) return missing('CustomerRef');
  }
  if (PURCHASE_DOCS.has(entity) && !f.VendorRef) return missing('VendorRef');
  if (SALES_DOCS.has(entity) || PURCHASE_DOCS.has(entity)) {
    const lines = linesOf(f).filter((line) => line.DetailType !== 'SubTotalLineDetail');
    if (lines.length === 0) return missing('Line');
    for (const line of lines) {
      const detailType = String(line.DetailType);
      if (detailType === 'DescriptionOnly') continue;
      if (typeof line.Amount !== 'number') return missing('Line.Amount');
      const detail = asRecord(line[detailType]);
      if (!detail) return missing(`Line.${detailType}`);
      const refField = detailType === 'AccountBasedExpenseLineDetail' ? 'AccountRef' : 'ItemRef';
      if (!detail[refField]) return missing(`Line.${detailType}.${refField}`);
    }
  }
  if (entity === 'Payment') {
    if (typeof f.TotalAmt !== 'number') return missing('TotalAmt');
    for (const line of linesOf(f)) {
      if (typeof line.Amount !== 'number') return missing('Line.Amount');
      if (!Array.isArray(line.LinkedTxn) || line.LinkedTxn.length === 0) return missing('Line.LinkedTxn');
    }
  }
  return null;
}

function lengths(f: Fields): QboFault | null {
  const check = (element: string, value: unknown, max: number) =>
    (typeof value === 'string' && value.length > max ? faults.stringTooLong(element, max, value.length) : null);
  for (const [field, max] of Object.entries(MAX_LENGTHS)) {
    const fault = check(field, f[field], max);
    if (fault) return fault;
  }
  for (const line of linesOf(f)) {
    const fault = check('Line.Description', line.Description, 4000);
    if (fault) return fault;
  }
  return null;
}

interface RefUse {
  element: string;
  target: EntityName;
  value: string;
  /** A link to a transaction type payments cannot name here (only invoices are kept). */
  unsupportedType?: string;
}

function referencesOf(entity: EntityName, f: Fields): RefUse[] {
  const uses: RefUse[] = [];
  const add = (element: string, target: EntityName, value: unknown) => {
    const id = refValue(value);
    if (id !== null) uses.push({ element, target, value: id });
  };
  add('CustomerRef', 'Customer', f.CustomerRef);
  add('VendorRef', 'Vendor', f.VendorRef);
  for (const field of ['IncomeAccountRef', 'ExpenseAccountRef', 'AssetAccountRef', 'APAccountRef', 'DepositToAccountRef']) {
    add(field, 'Account', f[field]);
  }
  for (const line of linesOf(f)) {
    const sales = asRecord(line.SalesItemLineDetail);
    if (sales) add('Line.SalesItemLineDetail.ItemRef', 'Item', sales.ItemRef);
    const itemBased = asRecord(line.ItemBasedExpenseLineDetail);
    if (itemBased) {
      add('Line.ItemBasedExpenseLineDetail.ItemRef', 'Item', itemBased.ItemRef);
      add('Line.ItemBasedExpenseLineDetail.CustomerRef', 'Customer', itemBased.CustomerRef);
    }
    const accountBased = asRecord(line.AccountBasedExpenseLineDetail);
    if (accountBased) {
      add('Line.AccountBasedExpenseLineDetail.AccountRef', 'Account', accountBased.AccountRef);
      add('Line.AccountBasedExpenseLineDetail.CustomerRef', 'Customer', accountBased.CustomerRef);
    }
  }
  if (entity === 'Payment') {
    for (const line of linesOf(f)) {
      for (const linked of (line.LinkedTxn as Record<string, unknown>[] | undefined) ?? []) {
        if (linked.TxnType === 'Invoice') add('Line.LinkedTxn.TxnId', 'Invoice', { value: linked.TxnId });
        else uses.push({ element: 'Line.LinkedTxn.TxnType', target: 'Invoice', value: String(linked.TxnId), unsupportedType: String(linked.TxnType) });
      }
    }
  }
  return uses;
}

/** 2500 for a reference to nothing (or to something deleted); 610 for one to an inactive record. */
function references(ctx: RuleContext, f: Fields): QboFault | null {
  for (const use of referencesOf(ctx.entity, f)) {
    if (use.unsupportedType !== undefined) return faults.invalidReference(use.element, use.unsupportedType, use.value);
    const target = /^\d{1,18}$/.test(use.value) ? ctx.state.live(ctx.realm.realmId, use.target, use.value) : undefined;
    if (!target) return faults.invalidReference(use.element, use.target, use.value);
    if (isListEntity(use.target) && target.data.Active === false) return faults.inactiveReference(use.element);
  }
  return null;
}

const nameKey = (value: unknown): string => text(value).toLowerCase();

/** 6240: DisplayName is unique across customers, vendors and employees; Item and Account names within their list. */
function duplicateName(ctx: RuleContext, f: Fields): QboFault | null {
  const people = PEOPLE_ENTITIES.includes(ctx.entity);
  const field = people ? 'DisplayName' : ctx.entity === 'Item' || ctx.entity === 'Account' ? 'Name' : null;
  if (!field) return null;
  const key = nameKey(f[field]);
  if (!key) return null;
  const lists = people ? PEOPLE_ENTITIES : [ctx.entity];
  for (const list of lists) {
    for (const other of ctx.state.list(ctx.realm.realmId, list)) {
      if (other.deleted || (list === ctx.entity && other.data.Id === ctx.selfId)) continue;
      if (nameKey(other.data[field]) === key) {
        return faults.duplicateName(field, other.data.Id, people ? 'names' : ctx.entity === 'Item' ? 'items' : 'accounts');
      }
    }
  }
  return null;
}

/** 6140: a DocNumber is used once per transaction type, unless the request allows duplicates. */
function duplicateDocNumber(ctx: RuleContext, f: Fields): QboFault | null {
  if (!NUMBERED_DOCS.has(ctx.entity) || ctx.allowDuplicateDocNumber) return null;
  const docNumber = text(f.DocNumber);
  if (!docNumber) return null;
  for (const other of ctx.state.list(ctx.realm.realmId, ctx.entity)) {
    if (other.deleted || other.data.Id === ctx.selfId) continue;
    if (text(other.data.DocNumber).toLowerCase() === docNumber.toLowerCase()) {
      return faults.duplicateDocNumber(docNumber, ctx.entity, other.data.Id);
    }
  }
  return null;
}

/** 6070: a line's Amount must equal Qty × UnitPrice when both are given. */
function lineAmounts(entity: EntityName, f: Fields): QboFault | null {
  if (!SALES_DOCS.has(entity) && !PURCHASE_DOCS.has(entity)) return null;
  for (const line of linesOf(f)) {
    const detail = asRecord(line.SalesItemLineDetail) ?? asRecord(line.ItemBasedExpenseLineDetail);
    if (!detail || typeof line.Amount !== 'number' || typeof detail.Qty !== 'number' || typeof detail.UnitPrice !== 'number') continue;
    const expected = round2(detail.Qty * detail.UnitPrice);
    if (Math.abs(expected - line.Amount) >= 0.005) return faults.amountMismatch('Line.Amount', line.Amount, expected);
  }
  return null;
}

/** How much of each invoice this payment applies, by invoice id. */
export function paymentApplications(f: Fields): Map<string, number> {
  const applied = new Map<string, number>();
  for (const line of linesOf(f)) {
    for (const linked of (line.LinkedTxn as Record<string, unknown>[] | undefined) ?? []) {
      if (linked.TxnType === 'Invoice' && typeof linked.TxnId === 'string' && typeof line.Amount === 'number') {
        applied.set(linked.TxnId, round2((applied.get(linked.TxnId) ?? 0) + line.Amount));
      }
    }
  }
  return applied;
}

/** A payment pays invoices of its own customer, no more than their open balance and no more than its total. */
function paymentApplication(ctx: RuleContext, f: Fields): QboFault | null {
  if (ctx.entity !== 'Payment') return null;
  const customerId = refValue(f.CustomerRef);
  const applied = paymentApplications(f);
  let total = 0;
  for (const [invoiceId, amount] of applied) {
    total += amount;
    const invoice = ctx.state.live(ctx.realm.realmId, 'Invoice', invoiceId)!;
    if (refValue(invoice.data.CustomerRef) !== customerId) {
      return faults.cannotLink(`invoice ${invoiceId} belongs to another customer than this payment.`, 'Line.LinkedTxn');
    }
    const paidByOthers = ctx.state.list(ctx.realm.realmId, 'Payment')
      .filter((p) => !p.deleted && p.data.Id !== ctx.selfId)
      .reduce((sum, p) => sum + (paymentApplications(p.data).get(invoiceId) ?? 0), 0);
    const open = round2(Number(invoice.data.TotalAmt ?? 0) - paidByOthers);
    if (amount > open + 0.0001) {
      return faults.businessValidation(`the amount applied to invoice ${invoiceId} (${amount}) is more than its open balance (${open}).`, 'Line.Amount');
    }
  }
  if (typeof f.TotalAmt === 'number' && round2(total) > f.TotalAmt + 0.0001) {
    return faults.businessValidation(`the payment applies ${round2(total)} to invoices but its total is only ${f.TotalAmt}.`, 'TotalAmt');
  }
  return null;
}
