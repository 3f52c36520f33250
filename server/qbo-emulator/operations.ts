/**
 * Writes to a company's objects, as QuickBooks performs them: create, sparse or full update, delete,
 * void, and the changes a person makes in QuickBooks itself (admin). Every write is validated by
 * rules.ts first, keeps dependent balances current, and reports the change events webhooks announce.
 */
import { checkShape, isListEntity, PEOPLE_ENTITIES, PURCHASE_DOCS, SALES_DOCS, WRITABLE_FIELDS, type EntityName } from './entities.ts';
import { faults, type QboFault } from './faults.ts';
import { closedPeriod, linesOf, paymentApplications, round2, validateObject } from './rules.ts';
import { ACCOUNTS_PAYABLE_ID, UNDEPOSITED_FUNDS_ID, type EmulatorState, type QboData, type Realm, type StoredObject } from './state.ts';

export type ChangeOperation = 'Create' | 'Update' | 'Delete' | 'Void' | 'Merge';

export interface ChangeEvent {
  realmId: string;
  entity: EntityName;
  id: string;
  operation: ChangeOperation;
  lastUpdated: string;
}

export type WriteOutcome = { ok: true; stored: StoredObject; events: ChangeEvent[] } | { ok: false; fault: QboFault };

export interface WriteOptions {
  /** 'api': a connector through the v3 API; 'admin': someone working in QuickBooks itself. */
  source: 'api' | 'admin';
  allowDuplicateDocNumber?: boolean;
}

type Fields = Record<string, unknown>;

const DUE_DAYS = 30;

const failed = (fault: QboFault): WriteOutcome => ({ ok: false, fault });

export class Operations {
  private readonly state: EmulatorState;

  constructor(state: EmulatorState) {
    this.state = state;
  }

  /** POST /{entity}: a body without Id creates, one with Id (and SyncToken) updates. */
  save(realm: Realm, entity: EntityName, raw: unknown, opts: WriteOptions): WriteOutcome {
    if (entity === 'Account' && opts.source === 'api') return failed(faults.unsupportedOperation('create or update for Account (the chart of accounts is read-only here)'));
    const shape = checkShape(entity, raw);
    if (!shape.ok) return failed(faults.invalidProperty(`${shape.path} ${shape.message}`, shape.path));
    const body = shape.body;
    const sent = writableFields(entity, body);
    if (body.Id === undefined) return this.commitCreate(realm, entity, withoutNulls(sent), opts);

    const existing = this.state.get(realm.realmId, entity, body.Id);
    if (!existing || existing.deleted) return failed(faults.objectNotFound(entity, body.Id));
    if (opts.source === 'api') {
      if (body.SyncToken === undefined) return failed(faults.requiredMissing('SyncToken'));
      if (body.SyncToken !== existing.data.SyncToken) return failed(faults.staleObject(realm.userName));
      const closed = closedPeriod(realm, entity, existing.data.TxnDate);
      if (closed) return failed(closed);
    }
    const merged = body.sparse === true
      ? withoutNulls({ ...writableFields(entity, existing.data), ...sent })
      : withoutNulls(sent);
    // A full update that leaves Active out keeps the record active, as QuickBooks does.
    if (body.sparse !== true && isListEntity(entity) && merged.Active === undefined) merged.Active = true;
    return this.commitUpdate(realm, existing, merged, opts);
  }

  /** The change a person makes in QuickBooks: merge the given fields, no SyncToken needed. */
  patch(realm: Realm, entity: EntityName, id: string, raw: unknown): WriteOutcome {
    const existing = this.state.get(realm.realmId, entity, id);
    if (!existing || existing.deleted) return failed(faults.objectNotFound(entity, id));
    const shape = checkShape(entity, raw);
    if (!shape.ok) return failed(faults.invalidProperty(`${shape.path} ${shape.message}`, shape.path));
    const merged = withoutNulls({ ...writableFields(entity, existing.data), ...writableFields(entity, shape.body) });
    return this.commitUpdate(realm, existing, merged, { source: 'admin' });
  }

  /** POST /{entity}?operation=delete: transactions only; name lists are made inactive instead. */
  remove(realm: Realm, entity: EntityName, raw: unknown, opts: WriteOptions): WriteOutcome {
    if (isListEntity(entity)) {
      return failed(faults.businessValidation(`${entity} records cannot be deleted through the API; make the record inactive (Active false) instead.`));
    }
    const target = this.versionedTarget(realm, entity, raw, opts);
    if (!target.ok) return target;
    this.state.markDeleted(target.stored);
    this.afterChange(realm, entity, null, target.stored);
    return { ok: true, stored: target.stored, events: [this.event(realm, target.stored, 'Delete')] };
  }

  /** POST /invoice?operation=void: the invoice stays, its amounts become zero. */
  void(realm: Realm, entity: EntityName, raw: unknown, opts: WriteOptions): WriteOutcome {
    if (entity !== 'Invoice') return failed(faults.unsupportedOperation(`void for ${entity}`));
    const target = this.versionedTarget(realm, entity, raw, opts);
    if (!target.ok) return target;
    const fields = writableFields(entity, target.stored.data);
    fields.Line = linesOf(fields).map((line) => {
      const detail = line.SalesItemLineDetail as Fields | undefined;
      return { ...line, Amount: 0, ...(detail ? { SalesItemLineDetail: { ...detail, Qty: 0 } } : {}) };
    });
    fields.PrivateNote = 'Voided';
    const before = structuredClone(target.stored.data);
    this.state.replace(target.stored, this.finish(realm, entity, fields, target.stored.data));
    this.afterChange(realm, entity, before, target.stored);
    return { ok: true, stored: target.stored, events: [this.event(realm, target.stored, 'Void')] };
  }

  /** Someone makes a name-list record inactive in QuickBooks. */
  deactivate(realm: Realm, entity: EntityName, id: string): WriteOutcome {
    if (!isListEntity(entity)) return failed(faults.unsupportedOperation(`deactivate for ${entity} (only name lists have Active)`));
    const existing = this.state.get(realm.realmId, entity, id);
    if (!existing) return failed(faults.objectNotFound(entity, id));
    this.state.replace(existing, { ...withoutSystemFields(existing.data), Active: false });
    return { ok: true, stored: existing, events: [this.event(realm, existing, 'Update')] };
  }

  /**
   * Someone deletes a record in QuickBooks. Transactions are deleted; a name-list record is what
   * QuickBooks' "delete" really does to it: made inactive, with " (deleted)" added to its name.
   */
  adminDelete(realm: Realm, entity: EntityName, id: string): WriteOutcome {
    const existing = this.state.get(realm.realmId, entity, id);
    if (!existing || existing.deleted) return failed(faults.objectNotFound(entity, id));
    if (isListEntity(entity)) {
      const field = PEOPLE_ENTITIES.includes(entity) ? 'DisplayName' : 'Name';
      const name = `${String(existing.data[field] ?? '')} (deleted)`;
      this.state.replace(existing, { ...withoutSystemFields(existing.data), [field]: name, FullyQualifiedName: name, Active: false });
    } else {
      this.state.markDeleted(existing);
      this.afterChange(realm, entity, null, existing);
    }
    return { ok: true, stored: existing, events: [this.event(realm, existing, 'Delete')] };
  }

  private commitCreate(realm: Realm, entity: EntityName, fields: Fields, opts: WriteOptions): WriteOutcome {
    const prepared = this.prepare(entity, fields);
    const fault = validateObject(this.ruleContext(realm, entity, null, opts), prepared);
    if (fault) return failed(fault);
    const stored = this.state.put(realm, entity, this.finish(realm, entity, prepared, null));
    this.afterChange(realm, entity, null, stored);
    return { ok: true, stored, events: [this.event(realm, stored, 'Create')] };
  }

  private commitUpdate(realm: Realm, existing: StoredObject, fields: Fields, opts: WriteOptions): WriteOutcome {
    const entity = existing.entity;
    const prepared = this.prepare(entity, fields);
    const fault = validateObject(this.ruleContext(realm, entity, existing.data.Id, opts), prepared);
    if (fault) return failed(fault);
    const before = structuredClone(existing.data);
    this.state.replace(existing, this.finish(realm, entity, prepared, existing.data));
    this.afterChange(realm, entity, before, existing);
    return { ok: true, stored: existing, events: [this.event(realm, existing, 'Update')] };
  }

  /** Delete and void name the object by Id and its current SyncToken. */
  private versionedTarget(realm: Realm, entity: EntityName, raw: unknown, opts: WriteOptions):
    { ok: true; stored: StoredObject } | { ok: false; fault: QboFault } {
    const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw as Fields : null;
    if (!body) return failed(faults.invalidProperty(`${entity} the body must be a JSON object`));
    if (typeof body.Id !== 'string' || !/^\d{1,18}$/.test(body.Id)) return failed(faults.requiredMissing('Id'));
    const existing = this.state.get(realm.realmId, entity, body.Id);
    if (!existing || existing.deleted) return failed(faults.objectNotFound(entity, body.Id));
    if (opts.source === 'api') {
      if (typeof body.SyncToken !== 'string') return failed(faults.requiredMissing('SyncToken'));
      if (body.SyncToken !== existing.data.SyncToken) return failed(faults.staleObject(realm.userName));
      const closed = closedPeriod(realm, entity, existing.data.TxnDate);
      if (closed) return failed(closed);
    }
    return { ok: true, stored: existing };
  }

  private ruleContext(realm: Realm, entity: EntityName, selfId: string | null, opts: WriteOptions) {
    return {
      state: this.state, realm, entity, selfId,
      allowDuplicateDocNumber: opts.allowDuplicateDocNumber === true,
      enforceClosedBooks: opts.source === 'api',
    };
  }

  /** Defaults QuickBooks fills before it validates (dates, types, default accounts, line numbers). */
  private prepare(entity: EntityName, input: Fields): Fields {
    const f: Fields = { ...input };
    if (isListEntity(entity)) f.Active ??= true;
    if (entity === 'Item') {
      f.Type ??= 'Service';
      if (f.Type === 'Inventory') {
        f.TrackQtyOnHand ??= true;
        f.QtyOnHand ??= 0;
        f.InvStartDate ??= this.state.clock.today();
      }
    }
    if (!isListEntity(entity)) f.TxnDate ??= this.state.clock.today();
    if (entity === 'Invoice' || entity === 'Bill') f.DueDate ??= addDays(String(f.TxnDate), DUE_DAYS);
    if (entity === 'Bill' || entity === 'PurchaseOrder') f.APAccountRef ??= { value: ACCOUNTS_PAYABLE_ID };
    if (entity === 'PurchaseOrder') f.POStatus ??= 'Open';
    if (entity === 'Estimate') f.TxnStatus ??= 'Pending';
    if (entity === 'Payment') {
      f.DepositToAccountRef ??= { value: UNDEPOSITED_FUNDS_ID };
      f.Line ??= [];
    }
    if (Array.isArray(f.Line)) {
      // QuickBooks adds the subtotal itself and renumbers the lines it keeps.
      f.Line = (f.Line as Fields[])
        .filter((line) => line.DetailType !== 'SubTotalLineDetail')
        .map((line, i) => withoutNulls({ ...line, Id: String(i + 1), LineNum: i + 1 }));
    }
    return f;
  }

  /** Fields QuickBooks computes after validation: reference names, full names, totals, balances. */
  private finish(realm: Realm, entity: EntityName, input: Fields, previous: QboData | null): Fields {
    const f = this.withReferenceNames(realm, input);
    if (PEOPLE_ENTITIES.includes(entity)) f.FullyQualifiedName = f.DisplayName;
    if (entity === 'Customer' || entity === 'Vendor') {
      f.PrintOnCheckName ??= f.DisplayName;
      f.Balance = previous?.Balance ?? 0;
    }
    if (entity === 'Item' || entity === 'Account') f.FullyQualifiedName = f.Name;
    if (entity === 'Account') {
      f.SubAccount = false;
      f.CurrentBalance = previous?.CurrentBalance ?? 0;
    }
    if (SALES_DOCS.has(entity) || PURCHASE_DOCS.has(entity)) {
      f.TotalAmt = round2(linesOf(f).reduce((sum, line) => sum + (typeof line.Amount === 'number' ? line.Amount : 0), 0));
    }
    if (entity === 'Invoice') {
      const { balance, linked } = this.invoicePayments(realm, previous?.Id ?? null, f.TotalAmt as number);
      f.Balance = balance;
      if (linked.length) f.LinkedTxn = linked;
    }
    if (entity === 'Bill') f.Balance = f.TotalAmt;
    if (entity === 'Payment') {
      const applied = [...paymentApplications(f).values()].reduce((sum, amount) => sum + amount, 0);
      f.UnappliedAmt = round2(Number(f.TotalAmt) - applied);
    }
    return f;
  }

  private withReferenceNames(realm: Realm, input: Fields): Fields {
    const named = (ref: unknown, entity: EntityName, nameField: string): unknown => {
      if (!ref || typeof ref !== 'object') return ref;
      const target = this.state.live(realm.realmId, entity, String((ref as Fields).value));
      return target ? { value: target.data.Id, name: target.data[nameField] } : ref;
    };
    const f: Fields = { ...input };
    if (f.CustomerRef) f.CustomerRef = named(f.CustomerRef, 'Customer', 'DisplayName');
    if (f.VendorRef) f.VendorRef = named(f.VendorRef, 'Vendor', 'DisplayName');
    for (const field of ['IncomeAccountRef', 'ExpenseAccountRef', 'AssetAccountRef', 'APAccountRef', 'DepositToAccountRef']) {
      if (f[field]) f[field] = named(f[field], 'Account', 'Name');
    }
    if (Array.isArray(f.Line)) {
      f.Line = (f.Line as Fields[]).map((line) => {
        const out: Fields = { ...line };
        for (const detailType of ['SalesItemLineDetail', 'ItemBasedExpenseLineDetail', 'AccountBasedExpenseLineDetail']) {
          const detail = out[detailType] as Fields | undefined;
          if (!detail) continue;
          const copy: Fields = { ...detail };
          if (copy.ItemRef) copy.ItemRef = named(copy.ItemRef, 'Item', 'Name');
          if (copy.AccountRef) copy.AccountRef = named(copy.AccountRef, 'Account', 'Name');
          if (copy.CustomerRef) copy.CustomerRef = named(copy.CustomerRef, 'Customer', 'DisplayName');
          out[detailType] = copy;
        }
        return out;
      });
    }
    return f;
  }

  /** What live payments have paid on an invoice, and which payments link to it. */
  private invoicePayments(realm: Realm, invoiceId: string | null, total: number): { balance: number; linked: Fields[] } {
    if (invoiceId === null) return { balance: round2(total), linked: [] };
    let paid = 0;
    const linked: Fields[] = [];
    for (const payment of this.state.list(realm.realmId, 'Payment')) {
      if (payment.deleted) continue;
      const amount = paymentApplications(payment.data).get(invoiceId);
      if (amount === undefined) continue;
      paid += amount;
      linked.push({ TxnId: payment.data.Id, TxnType: 'Payment' });
    }
    return { balance: round2(Math.max(0, total - paid)), linked };
  }

  /**
   * Keeps derived figures current: a payment changes the invoices it pays (their Balance and
   * LinkedTxn, which QuickBooks records as an update of the invoice), and customers' and vendors'
   * balances follow their invoices, payments and bills.
   */
  private afterChange(realm: Realm, entity: EntityName, before: QboData | null, after: StoredObject): void {
    const customers = new Set<string>();
    const vendors = new Set<string>();
    const note = (data: Fields | null) => {
      const customer = (data?.CustomerRef as Fields | undefined)?.value;
      if (typeof customer === 'string') customers.add(customer);
      const vendor = (data?.VendorRef as Fields | undefined)?.value;
      if (typeof vendor === 'string') vendors.add(vendor);
    };
    note(before);
    note(after.data);
    if (entity === 'Payment') {
      const invoices = new Set([...paymentApplications(before ?? {}).keys(), ...paymentApplications(after.data).keys()]);
      for (const invoiceId of invoices) this.refreshInvoice(realm, invoiceId);
    }
    for (const id of customers) this.refreshBalance(realm, 'Customer', id);
    for (const id of vendors) this.refreshBalance(realm, 'Vendor', id);
  }

  private refreshInvoice(realm: Realm, invoiceId: string): void {
    const invoice = this.state.live(realm.realmId, 'Invoice', invoiceId);
    if (!invoice) return;
    const { balance, linked } = this.invoicePayments(realm, invoiceId, Number(invoice.data.TotalAmt ?? 0));
    const current = JSON.stringify([invoice.data.Balance, invoice.data.LinkedTxn ?? []]);
    if (current === JSON.stringify([balance, linked])) return;
    const fields = withoutSystemFields(invoice.data);
    fields.Balance = balance;
    if (linked.length) fields.LinkedTxn = linked;
    else delete fields.LinkedTxn;
    this.state.replace(invoice, fields);
  }

  /** A balance is a figure, not an edit: it changes without a new SyncToken. */
  private refreshBalance(realm: Realm, entity: 'Customer' | 'Vendor', id: string): void {
    const party = this.state.live(realm.realmId, entity, id);
    if (!party) return;
    const refField = entity === 'Customer' ? 'CustomerRef' : 'VendorRef';
    const owns = (o: StoredObject) => !o.deleted && (o.data[refField] as Fields | undefined)?.value === id;
    let balance = 0;
    if (entity === 'Customer') {
      for (const invoice of this.state.list(realm.realmId, 'Invoice')) if (owns(invoice)) balance += Number(invoice.data.Balance ?? 0);
      for (const payment of this.state.list(realm.realmId, 'Payment')) if (owns(payment)) balance -= Number(payment.data.UnappliedAmt ?? 0);
    } else {
      for (const bill of this.state.list(realm.realmId, 'Bill')) if (owns(bill)) balance += Number(bill.data.Balance ?? 0);
    }
    party.data = { ...party.data, Balance: round2(balance) };
  }

  private event(realm: Realm, stored: StoredObject, operation: ChangeOperation): ChangeEvent {
    return { realmId: realm.realmId, entity: stored.entity, id: stored.data.Id, operation, lastUpdated: stored.data.MetaData.LastUpdatedTime };
  }
}

function writableFields(entity: EntityName, source: Fields): Fields {
  const out: Fields = {};
  for (const field of WRITABLE_FIELDS[entity]) if (source[field] !== undefined) out[field] = source[field];
  return out;
}

/** Null in a request clears a field; QuickBooks then leaves it out of its replies. */
function withoutNulls(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
}

function withoutSystemFields(data: QboData): Fields {
  const { Id: _id, SyncToken: _token, MetaData: _meta, domain: _domain, sparse: _sparse, ...rest } = data;
  return rest;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
