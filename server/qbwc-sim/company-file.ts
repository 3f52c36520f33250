/**
 * The emulated QuickBooks Desktop company file (the .QBW): its records with Desktop-style
 * ListID / TxnID, EditSequence, TimeCreated / TimeModified and IsActive, the closing date, and
 * the saves QuickBooks would accept or refuse. `process()` is its request processor (qbXML in,
 * qbXML out); the other methods are what someone sitting at QuickBooks would do.
 */
import { asArray, asFields, asText, clone, type Fields, type FieldValue } from './fields.ts';
import { ALL_KINDS, displayLabel, isObjectKind, KINDS, type ListKind, type ObjectKind } from './kinds.ts';
import { processMessageSet } from './request-processor.ts';
import * as R from './rules.ts';
import type { StoredRecord } from './rules.ts';
import * as S from './statuses.ts';

/** An object kind, or "Item" for any item kind. */
export type RecordType = ObjectKind | 'Item';

export interface CompanyFileOptions {
  companyName?: string;
  now?: () => Date;
  /** What the company holds in its DataExt for the app (the .qwc's OwnerID / FileID). */
  dataExt?: { ownerId: string; fileId: string };
}

export interface QueryIterator { id: string; kinds: ObjectKind[]; ids: string[]; position: number; pageSize: number }

export interface CompanyFile {
  readonly companyName: string;
  readonly closingDate: string | null;
  readonly dataExt?: { ownerId: string; fileId: string };
  now(): Date;
  /** Every record of a type, as its qbXML Ret aggregate (copies). */
  list(type: RecordType): Fields[];
  get(type: RecordType, id: string): Fields | undefined;
  /** Enters a record in QuickBooks directly (qbXML Add fields); throws QbStatusError when QuickBooks would refuse it. */
  add(type: ObjectKind, fields: Fields): Fields;
  /** Edits a record in QuickBooks: EditSequence and TimeModified move on. */
  modify(type: RecordType, id: string, fields: Fields): Fields;
  deactivate(type: RecordType, id: string): Fields;
  delete(type: RecordType, id: string): void;
  setClosingDate(date: string | null): void;
  /** Someone has the record open in QuickBooks: saves through qbXML are refused until unlocked. */
  lock(type: RecordType, id: string, by?: string | null): void;
  /** The request processor: a qbXML request message set in, the response set out. Throws RequestProcessorError (HRESULT). */
  process(qbxmlRequest: string): string;
  /** Iterators live only as long as one QuickBooks session. */
  endSession(): void;
  /** Internals the request processor uses. */
  readonly internals: CompanyInternals;
}

export interface CompanyInternals {
  records(kinds: ObjectKind[]): StoredRecord[];
  find(kinds: ObjectKind[], id: string): StoredRecord | undefined;
  addObject(kind: ObjectKind, fields: Fields): StoredRecord;
  modObject(kind: ObjectKind, fields: Fields, opts: { checkEditSequence: boolean }): StoredRecord;
  deleteObject(kinds: ObjectKind[], id: string): StoredRecord;
  iterators: Map<string, QueryIterator>;
  newIteratorId(): string;
  formatTime(ms: number): string;
}

const LIST_ID_BASE = 0x80000000;

function kindsOf(type: RecordType): ObjectKind[] {
  if (type === 'Item') return ALL_KINDS.filter((k) => displayLabel(k) === 'Item');
  if (!isObjectKind(type)) throw new Error(`unknown QuickBooks record type ${type}`);
  return [type];
}

function money(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2);
}

function num(value: FieldValue | undefined): number | undefined {
  const t = asText(value);
  if (t === undefined || t.trim() === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function createCompanyFile(opts: CompanyFileOptions = {}): CompanyFile {
  const now = opts.now ?? (() => new Date());
  const companyName = opts.companyName ?? 'Sample Service Company';
  const store = new Map<ObjectKind, Map<string, StoredRecord>>(ALL_KINDS.map((k) => [k, new Map()]));
  let closingDate: string | null = null;
  let seq = 0;
  let iteratorSeq = 0;
  const iterators = new Map<string, QueryIterator>();

  const nowSeconds = () => Math.floor(now().getTime() / 1000);
  const formatTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
  const today = () => now().toISOString().slice(0, 10);

  const source: R.RecordSource = {
    records: (kinds) => records(kinds),
    get closingDate() { return closingDate; },
  };

  function records(kinds: ObjectKind[]): StoredRecord[] {
    const out: StoredRecord[] = [];
    for (const k of kinds) out.push(...store.get(k)!.values());
    return kinds.length > 1 ? out.sort((a, b) => a.seq - b.seq) : out;
  }

  function find(kinds: ObjectKind[], id: string): StoredRecord | undefined {
    for (const k of kinds) {
      const r = store.get(k)!.get(id);
      if (r) return r;
    }
    return undefined;
  }

  function newId(category: 'list' | 'txn'): string {
    seq++;
    const stamp = nowSeconds();
    return category === 'list' ? `${(LIST_ID_BASE + seq).toString(16).toUpperCase()}-${stamp}` : `${(0x10000 + seq).toString(16).toUpperCase()}-${stamp}`;
  }

  /** Stamps a save: EditSequence is a number-like string that differs after every change, even within one second. */
  function stamp(r: StoredRecord): void {
    r.editSequence = Math.max(r.editSequence + 1, nowSeconds());
    r.modifiedMs = now().getTime();
    r.ret.TimeModified = formatTime(r.modifiedMs);
    r.ret.EditSequence = String(r.editSequence);
  }

  function listName(kind: ObjectKind, fields: Fields): string | undefined {
    const name = asText(fields.Name)?.trim();
    if (name) return name;
    if (kind === 'Employee') {
      const joined = [asText(fields.FirstName), asText(fields.LastName)].filter(Boolean).join(' ').trim();
      return joined || undefined;
    }
    return undefined;
  }

  function buildLine(kind: ObjectKind, prefix: string, refs: typeof KINDS[ObjectKind]['lines'][number]['refs'], input: Fields, existing?: Fields): Fields {
    const objectName = displayLabel(kind);
    const line: Fields = existing ? clone(existing) : { TxnLineID: newId('txn') };
    for (const [key, value] of Object.entries(input)) {
      if (key === 'TxnLineID') continue;
      const rule = refs.find((r) => r.element === key);
      line[key] = rule ? R.resolveRef(source, rule, value, objectName)! : clone(value);
    }
    const qty = num(line.Quantity);
    const rate = num(line.Rate) ?? num(line.Cost);
    if (input.Amount === undefined && qty !== undefined && rate !== undefined) line.Amount = money(qty * rate);
    else if (input.Amount === undefined && !existing && rate !== undefined) line.Amount = money(rate);
    void prefix;
    return line;
  }

  function applyLines(r: StoredRecord, fields: Fields, mode: 'Add' | 'Mod'): void {
    const info = KINDS[r.kind];
    for (const lineRule of info.lines) {
      const retKey = `${lineRule.prefix}Ret`;
      const inputs = asArray(fields[`${lineRule.prefix}${mode}`]).map((v) => asFields(v) ?? {});
      if (mode === 'Mod' && inputs.length === 0) continue;
      const current = new Map(asArray(r.ret[retKey]).map((l) => [asText((l as Fields).TxnLineID) ?? '', l as Fields]));
      // In a Mod, every existing line not listed by TxnLineID is deleted; "-1" adds a new one.
      const next: Fields[] = [];
      for (const input of inputs) {
        const lineId = asText(input.TxnLineID);
        if (mode === 'Mod' && lineId !== undefined && lineId !== '-1') {
          const existing = current.get(lineId);
          if (!existing) throw S.notFound(lineId);
          next.push(buildLine(r.kind, lineRule.prefix, lineRule.refs, input, existing));
        } else {
          next.push(buildLine(r.kind, lineRule.prefix, lineRule.refs, input));
        }
      }
      delete r.ret[retKey];
      if (next.length) r.ret[retKey] = next;
    }
    if (r.kind === 'ReceivePayment') applyPaymentApplications(r, fields, mode);
    computeTotals(r);
  }

  /** What payments other than `exceptPaymentId` have applied to an invoice. */
  function paidOn(invoiceId: string, exceptPaymentId?: string): number {
    let paid = 0;
    for (const p of store.get('ReceivePayment')!.values()) {
      if (p.id === exceptPaymentId) continue;
      for (const a of asArray(p.ret.AppliedToTxnRet)) if (asText((a as Fields).TxnID) === invoiceId) paid += num((a as Fields).PaymentAmount) ?? 0;
    }
    return paid;
  }

  function applyPaymentApplications(r: StoredRecord, fields: Fields, mode: 'Add' | 'Mod'): void {
    const inputs = asArray(fields[`AppliedToTxn${mode}`]).map((v) => asFields(v) ?? {});
    if (mode === 'Mod' && inputs.length === 0) return;
    const applied: Fields[] = [];
    for (const input of inputs) {
      const txnId = asText(input.TxnID) ?? '';
      const invoice = store.get('Invoice')!.get(txnId);
      if (!invoice) throw S.invalidReference('Invoice', txnId, 'ReceivePayment');
      const amount = num(input.PaymentAmount) ?? 0;
      const open = (num(invoice.ret.Subtotal) ?? 0) - paidOn(txnId, r.id);
      if (amount > open + 0.005) throw S.invalidFieldValue('PaymentAmount', asText(input.PaymentAmount) ?? '', 'You cannot pay more than the amount due.');
      applied.push({
        TxnID: txnId, TxnType: 'Invoice', TxnDate: asText(invoice.ret.TxnDate) ?? '', RefNumber: asText(invoice.ret.RefNumber) ?? '',
        BalanceRemaining: money(open - amount), PaymentAmount: money(amount),
      });
    }
    const before = asArray(r.ret.AppliedToTxnRet).map((a) => asText((a as Fields).TxnID) ?? '');
    delete r.ret.AppliedToTxnRet;
    if (applied.length) r.ret.AppliedToTxnRet = applied;
    pendingBalanceRefresh.push(...before, ...applied.map((a) => String(a.TxnID)));
  }

  /**
   * Invoices whose open balance a payment save changed; refreshed once the save is kept. Only
   * BalanceRemaining moves: whether Desktop also bumps the invoice's EditSequence is not confirmed.
   */
  const pendingBalanceRefresh: string[] = [];
  function refreshBalances(): void {
    for (const id of pendingBalanceRefresh.splice(0)) {
      const invoice = store.get('Invoice')!.get(id);
      if (invoice) invoice.ret.BalanceRemaining = money((num(invoice.ret.Subtotal) ?? 0) - paidOn(id));
    }
  }

  function computeTotals(r: StoredRecord): void {
    const info = KINDS[r.kind];
    if (!info.totals.length) return;
    let total = 0;
    for (const lineRule of info.lines) for (const l of asArray(r.ret[`${lineRule.prefix}Ret`])) total += num((l as Fields).Amount) ?? 0;
    // Totals sit after the header fields and before the lines, as in Desktop's Ret aggregates.
    const lines: Record<string, FieldValue> = {};
    for (const lineRule of info.lines) {
      const key = `${lineRule.prefix}Ret`;
      if (r.ret[key] !== undefined) { lines[key] = r.ret[key]!; delete r.ret[key]; }
    }
    for (const t of info.totals) { delete r.ret[t]; r.ret[t] = money(t === 'BalanceRemaining' ? total - paidOn(r.id) : total); }
    Object.assign(r.ret, lines);
  }

  function copyHeader(kind: ObjectKind, target: Fields, fields: Fields, skip: Set<string>): void {
    const info = KINDS[kind];
    for (const [key, value] of Object.entries(fields)) {
      if (skip.has(key)) continue;
      if (info.lines.some((l) => key === `${l.prefix}Add` || key === `${l.prefix}Mod`)) continue;
      if (key === 'AppliedToTxnAdd' || key === 'AppliedToTxnMod') continue;
      const rule = info.headerRefs.find((r) => r.element === key);
      if (rule) { target[key] = R.resolveRef(source, rule, value, displayLabel(kind))!; continue; }
      const existing = asFields(target[key]);
      const incoming = asFields(value);
      // Aggregates such as BillAddress change element by element in a Mod.
      target[key] = existing && incoming ? { ...existing, ...clone(incoming) } : clone(value);
    }
  }

  function addObject(kind: ObjectKind, fields: Fields): StoredRecord {
    pendingBalanceRefresh.length = 0;
    const info = KINDS[kind];
    const createdMs = now().getTime();
    if (info.category === 'list') {
      const name = listName(kind, fields);
      if (!name) throw S.saveError(displayLabel(kind), 'A name is required; the record cannot be saved without one.');
      R.checkNameFree(source, kind, name);
      const id = newId('list');
      const r: StoredRecord = { kind, id, seq, ret: {}, active: asText(fields.IsActive) !== 'false', editSequence: nowSeconds(), modifiedMs: createdMs };
      r.ret = { ListID: id, TimeCreated: formatTime(createdMs), TimeModified: formatTime(createdMs), EditSequence: String(r.editSequence), Name: name, FullName: name, IsActive: String(r.active) };
      copyHeader(kind, r.ret, fields, new Set(['Name', 'IsActive']));
      store.get(kind)!.set(id, r);
      return r;
    }
    for (const rule of info.headerRefs) {
      if (rule.required && !asFields(fields[rule.element])) throw S.saveError(displayLabel(kind), `A ${rule.label.toLowerCase()} is required; the ${rule.element} is missing.`);
    }
    const txnDate = asText(fields.TxnDate) || today();
    const header: Fields = {};
    copyHeader(kind, header, fields, new Set(['TxnDate']));
    R.checkClosingDateForAdd(source, kind, txnDate);
    const id = newId('txn');
    const r: StoredRecord = { kind, id, seq, ret: {}, active: true, editSequence: nowSeconds(), modifiedMs: createdMs };
    r.ret = { TxnID: id, TimeCreated: formatTime(createdMs), TimeModified: formatTime(createdMs), EditSequence: String(r.editSequence), TxnNumber: String(seq) };
    const refKeys = info.headerRefs.map((h) => h.element).filter((k) => header[k] !== undefined);
    for (const k of refKeys) r.ret[k] = header[k]!;
    r.ret.TxnDate = txnDate;
    for (const [k, v] of Object.entries(header)) if (!refKeys.includes(k)) r.ret[k] = v;
    applyLines(r, fields, 'Add');
    store.get(kind)!.set(id, r);
    refreshBalances();
    return r;
  }

  function modObject(kind: ObjectKind, fields: Fields, o: { checkEditSequence: boolean }): StoredRecord {
    pendingBalanceRefresh.length = 0;
    const info = KINDS[kind];
    const idKey = info.category === 'list' ? 'ListID' : 'TxnID';
    const id = asText(fields[idKey]);
    if (!id) throw S.missingElement(idKey);
    const r = store.get(kind)!.get(id);
    if (!r) throw S.notFound(id);
    if (o.checkEditSequence) R.checkEditSequence(r, asText(fields.EditSequence));
    R.checkNotLocked(r);
    // Work on a copy so a refused save leaves the record as it was.
    const draft: StoredRecord = { ...r, ret: clone(r.ret) };
    const skip = new Set([idKey, 'EditSequence']);
    if (info.category === 'list') {
      const name = asText(fields.Name)?.trim();
      if (fields.Name !== undefined) {
        if (!name) throw S.listModifyError(displayLabel(kind), id, 'The name cannot be left blank.');
        R.checkNameFree(source, kind, name, id);
        draft.ret.Name = name;
        draft.ret.FullName = name;
      }
      if (fields.IsActive !== undefined) {
        draft.active = asText(fields.IsActive) !== 'false';
        draft.ret.IsActive = String(draft.active);
      }
      copyHeader(kind, draft.ret, fields, new Set([...skip, 'Name', 'IsActive']));
    } else {
      const oldDate = asText(r.ret.TxnDate);
      const newDate = asText(fields.TxnDate) ?? oldDate;
      copyHeader(kind, draft.ret, fields, skip);
      R.checkClosingDateForMod(source, kind, oldDate, newDate);
      applyLines(draft, fields, 'Mod');
    }
    stamp(draft);
    Object.assign(r, draft);
    refreshBalances();
    return r;
  }

  function deleteObject(kinds: ObjectKind[], id: string): StoredRecord {
    const r = find(kinds, id);
    if (!r) throw S.notFound(id);
    R.checkNotLocked(r);
    if (KINDS[r.kind].category === 'txn') R.checkClosingDateForMod(source, r.kind, asText(r.ret.TxnDate), undefined);
    pendingBalanceRefresh.length = 0;
    if (r.kind === 'ReceivePayment') pendingBalanceRefresh.push(...asArray(r.ret.AppliedToTxnRet).map((a) => asText((a as Fields).TxnID) ?? ''));
    store.get(r.kind)!.delete(id);
    refreshBalances();
    return r;
  }

  function mustFind(type: RecordType, id: string): StoredRecord {
    const r = find(kindsOf(type), id);
    if (!r) throw new Error(`QuickBooks has no ${type} ${id}`);
    return r;
  }

  const internals: CompanyInternals = {
    records, find, addObject, modObject, deleteObject, iterators, formatTime,
    newIteratorId: () => `{${(++iteratorSeq).toString(16).padStart(8, '0').toUpperCase()}-0000-4000-8000-${nowSeconds().toString(16).padStart(12, '0').toUpperCase()}}`,
  };

  const file: CompanyFile = {
    companyName,
    get closingDate() { return closingDate; },
    dataExt: opts.dataExt,
    now,
    list: (type) => records(kindsOf(type)).map((r) => clone(r.ret)),
    get: (type, id) => { const r = find(kindsOf(type), id); return r ? clone(r.ret) : undefined; },
    add: (type, fields) => clone(addObject(type, fields).ret),
    modify: (type, id, fields) => {
      const r = mustFind(type, id);
      const idKey = KINDS[r.kind].category === 'list' ? 'ListID' : 'TxnID';
      return clone(modObject(r.kind, { [idKey]: id, ...fields }, { checkEditSequence: false }).ret);
    },
    deactivate: (type, id) => {
      const r = mustFind(type, id);
      if (KINDS[r.kind].category !== 'list') throw new Error('only list records can be made inactive');
      return file.modify(r.kind as ListKind, id, { IsActive: 'false' });
    },
    delete: (type, id) => { mustFind(type, id); deleteObject(kindsOf(type), id); },
    setClosingDate: (date) => { closingDate = date; },
    lock: (type, id, by = 'another QuickBooks user') => { mustFind(type, id).lockedBy = by ?? undefined; },
    process: (qbxml) => processMessageSet(file, qbxml),
    endSession: () => iterators.clear(),
    internals,
  };
  return file;
}
