/**
 * Query requests against the emulated company file: ListID / TxnID / FullName / RefNumber lists,
 * modified-date and transaction-date filters, entity filter, active status, MaxReturned,
 * IncludeLineItems / IncludeRetElement, and iterators (Start / Continue) for big result sets.
 * Also the Host / Company / Preferences queries the Web Connector sends on its first call.
 */
import type { CompanyFile } from './company-file.ts';
import { asArray, asFields, asText, clone, elementToFields, fieldsToElements, type Fields } from './fields.ts';
import { KINDS, type ObjectKind } from './kinds.ts';
import type { Answer } from './request-processor.ts';
import { recordName, type StoredRecord } from './rules.ts';
import * as S from './statuses.ts';
import type { XmlElement } from './xml.ts';

const DEFAULT_ITERATOR_PAGE = 100;

/** Dates without an offset are the company file's local time, which here is UTC. */
function parseWhen(value: string, endOfDay: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`) + (endOfDay ? 86_400_000 : 0);
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const ms = Date.parse(hasOffset ? value : `${value}Z`);
  if (!Number.isFinite(ms)) throw new S.QbStatusError({ code: 3020, severity: 'Error', message: `The date "${value}" could not be read.` });
  return endOfDay ? ms + 1000 : ms;
}

function texts(fields: Fields, name: string): string[] {
  return asArray(fields[name]).map((v) => asText(v) ?? '');
}

interface Selection { records: StoredRecord[]; missing?: string }

function select(file: CompanyFile, kinds: ObjectKind[], q: Fields): Selection {
  const all = file.internals.records(kinds);
  const isList = KINDS[kinds[0]!].category === 'list';
  const ids = texts(q, isList ? 'ListID' : 'TxnID');
  const names = texts(q, 'FullName');
  // An explicit id or name list ignores every other filter and reports what it could not find.
  if (ids.length || names.length) {
    const found: StoredRecord[] = [];
    let missing: string | undefined;
    for (const id of ids) { const r = all.find((x) => x.id === id); if (r) found.push(r); else missing ??= id; }
    for (const n of names) { const r = all.find((x) => recordName(x).toLowerCase() === n.toLowerCase()); if (r) found.push(r); else missing ??= n; }
    return { records: found, missing };
  }
  let out = all;
  const refNumbers = [...texts(q, 'RefNumber'), ...texts(q, 'RefNumberCaseSensitive')];
  if (refNumbers.length) out = out.filter((r) => refNumbers.includes(asText(r.ret.RefNumber) ?? ''));
  const modified = asFields(q.ModifiedDateRangeFilter) ?? q;
  const from = asText(modified.FromModifiedDate);
  const to = asText(modified.ToModifiedDate);
  if (from) { const ms = parseWhen(from, false); out = out.filter((r) => Math.floor(r.modifiedMs / 1000) * 1000 >= ms); }
  if (to) { const ms = parseWhen(to, true); out = out.filter((r) => Math.floor(r.modifiedMs / 1000) * 1000 < ms); }
  const txnDates = asFields(q.TxnDateRangeFilter);
  if (txnDates) {
    const fromDate = asText(txnDates.FromTxnDate);
    const toDate = asText(txnDates.ToTxnDate);
    out = out.filter((r) => { const d = asText(r.ret.TxnDate) ?? ''; return (!fromDate || d >= fromDate) && (!toDate || d <= toDate); });
  }
  const entity = asFields(q.EntityFilter);
  if (entity) {
    const listIds = texts(entity, 'ListID');
    const fullNames = texts(entity, 'FullName').map((n) => n.toLowerCase());
    out = out.filter((r) => {
      const ref = asFields(r.ret.CustomerRef) ?? asFields(r.ret.VendorRef);
      return !!ref && (listIds.includes(asText(ref.ListID) ?? '') || fullNames.includes((asText(ref.FullName) ?? '').toLowerCase()));
    });
  }
  const nameFilter = asFields(q.NameFilter);
  if (nameFilter) {
    const wanted = (asText(nameFilter.Name) ?? '').toLowerCase();
    const how = asText(nameFilter.MatchCriterion) ?? 'StartsWith';
    out = out.filter((r) => {
      const n = recordName(r).toLowerCase();
      return how === 'Contains' ? n.includes(wanted) : how === 'EndsWith' ? n.endsWith(wanted) : n.startsWith(wanted);
    });
  }
  if (isList) {
    const status = asText(q.ActiveStatus) ?? 'ActiveOnly';
    if (status === 'ActiveOnly') out = out.filter((r) => r.active);
    else if (status === 'InactiveOnly') out = out.filter((r) => !r.active);
  }
  return { records: out };
}

function toRet(r: StoredRecord, q: Fields): XmlElement {
  let ret = r.ret;
  const info = KINDS[r.kind];
  if (info.category === 'txn' && asText(q.IncludeLineItems) !== 'true') {
    ret = clone(ret);
    for (const l of info.lines) delete ret[`${l.prefix}Ret`];
  }
  const only = texts(q, 'IncludeRetElement');
  if (only.length) ret = Object.fromEntries(Object.entries(ret).filter(([k]) => only.includes(k)));
  return { name: `${r.kind}Ret`, children: fieldsToElements(ret) };
}

export function answerQuery(file: CompanyFile, rq: XmlElement, kinds: ObjectKind[]): Answer {
  const q = elementToFields(rq);
  const maxReturned = asText(q.MaxReturned) ? Number(asText(q.MaxReturned)) : undefined;
  const iterator = rq.attrs?.iterator;
  const iterators = file.internals.iterators;

  if (iterator === 'Continue' || iterator === 'Stop') {
    const id = rq.attrs?.iteratorID ?? '';
    const it = iterators.get(id);
    if (!it) throw S.notFound(id);
    if (iterator === 'Stop') { iterators.delete(id); return { status: S.OK, extraAttrs: { iteratorRemainingCount: '0', iteratorID: id } }; }
    return page(file, it, q);
  }
  const { records, missing } = select(file, kinds, q);
  if (iterator === 'Start') {
    const it = { id: file.internals.newIteratorId(), kinds, ids: records.map((r) => r.id), position: 0, pageSize: maxReturned ?? DEFAULT_ITERATOR_PAGE };
    iterators.set(it.id, it);
    return page(file, it, q);
  }
  const limited = maxReturned !== undefined ? records.slice(0, maxReturned) : records;
  const rets = limited.map((r) => toRet(r, q));
  if (missing !== undefined) return { status: S.partlyFound(missing), rets };
  return { status: rets.length ? S.OK : S.noMatch(), rets };
}

function page(file: CompanyFile, it: { id: string; kinds: ObjectKind[]; ids: string[]; position: number; pageSize: number }, q: Fields): Answer {
  const slice = it.ids.slice(it.position, it.position + it.pageSize);
  it.position += slice.length;
  const remaining = it.ids.length - it.position;
  if (remaining === 0) file.internals.iterators.delete(it.id);
  // Records deleted since the iterator started are skipped, as QuickBooks does.
  const rets = slice.map((id) => file.internals.find(it.kinds, id)).filter((r): r is StoredRecord => !!r).map((r) => toRet(r, q));
  return { status: rets.length ? S.OK : S.noMatch(), rets, extraAttrs: { iteratorRemainingCount: String(remaining), iteratorID: it.id } };
}

const QBXML_VERSIONS = ['1.0', '1.1', '2.0', '2.1', '3.0', '4.0', '4.1', '5.0', '6.0', '7.0', '8.0', '9.0', '10.0', '11.0', '12.0', '13.0'];

export function hostCompanyPreferences(file: CompanyFile, request: 'HostQueryRq' | 'CompanyQueryRq' | 'PreferencesQueryRq'): Answer {
  if (request === 'HostQueryRq') {
    return { status: S.OK, rets: [{ name: 'HostRet', children: fieldsToElements({
      ProductName: 'QuickBooks Pro 2014', MajorVersion: '24', MinorVersion: '0', Country: 'US',
      SupportedQBXMLVersion: QBXML_VERSIONS, IsAutomaticLogin: 'true', QBFileMode: 'SingleUser',
    }) }] };
  }
  if (request === 'CompanyQueryRq') {
    const company: Fields = {
      IsSampleCompany: 'false', CompanyName: file.companyName, LegalCompanyName: file.companyName,
      Address: { Addr1: file.companyName, City: 'Austin', State: 'TX', PostalCode: '78701', Country: 'US' },
      FirstMonthFiscalYear: 'January', FirstMonthIncomeTaxYear: 'January', CompanyType: 'GeneralProductBasedBusiness', TaxForm: 'Form1120',
    };
    if (file.dataExt) {
      company.DataExtRet = { OwnerID: file.dataExt.ownerId, DataExtName: 'FileID', DataExtType: 'STR255TYPE', DataExtValue: file.dataExt.fileId };
    }
    return { status: S.OK, rets: [{ name: 'CompanyRet', children: fieldsToElements(company) }] };
  }
  const accounting: Fields = {
    IsUsingAccountNumbers: 'false', IsRequiringAccounts: 'true', IsUsingClassTracking: 'false',
    IsUsingAuditTrail: 'true', IsAssigningJournalEntryNumbers: 'true',
  };
  if (file.closingDate) accounting.ClosingDate = file.closingDate;
  return { status: S.OK, rets: [{ name: 'PreferencesRet', children: fieldsToElements({
    AccountingPreferences: accounting,
    JobsAndEstimatesPreferences: { IsUsingEstimates: 'true', IsUsingProgressInvoicing: 'false', IsPrintingItemsWithZeroAmounts: 'false' },
    MultiCurrencyPreferences: { IsMultiCurrencyOn: 'false' },
    CurrentAppAccessRights: { IsAutomaticLoginAllowed: 'true', IsPersonalDataAccessAllowed: 'true' },
  }) }] };
}
