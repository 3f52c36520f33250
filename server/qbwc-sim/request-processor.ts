/**
 * The company file's request processor: reads a qbXML request message set, answers each request
 * in order with its `…Rs` (requestID echoed, statusCode / statusSeverity / statusMessage) and
 * honours onError (stopOnError → 3231 for the rest). XML that is not a valid message set throws
 * the HRESULT QuickBooks gives (0x80040400), as QBXMLRP2's ProcessRequest does.
 */
import type { CompanyFile } from './company-file.ts';
import { elementToFields, fieldsToElements, type Fields } from './fields.ts';
import { isObjectKind, type ObjectKind } from './kinds.ts';
import { answerQuery, hostCompanyPreferences } from './queries.ts';
import * as S from './statuses.ts';
import { buildXml, child, parseXml, XmlRefused, type XmlElement } from './xml.ts';

/** The highest qbXML version this emulated QuickBooks (Pro 2014, request processor 13.0) accepts. */
export const SUPPORTED_QBXML = 13.0;
const MAX_REQUEST_ID_LENGTH = 50;

export interface Answer { status: S.QbStatus; rets?: XmlElement[]; extraAttrs?: Record<string, string>; extra?: XmlElement[] }

type Handler = (file: CompanyFile, rq: XmlElement) => Answer;

function ok(rets: XmlElement[] = []): Answer {
  return { status: S.OK, rets };
}

function ret(name: string, fields: Fields): XmlElement {
  return { name, children: fieldsToElements(fields) };
}

function body(rq: XmlElement, name: string): Fields {
  const el = child(rq, name);
  if (!el) throw S.xmlParseFailure(`The element <${name}> is missing from <${rq.name}>.`);
  return elementToFields(el);
}

function addHandler(kind: ObjectKind): Handler {
  return (file, rq) => ok([ret(`${kind}Ret`, file.internals.addObject(kind, body(rq, `${kind}Add`)).ret)]);
}

function modHandler(kind: ObjectKind): Handler {
  return (file, rq) => ok([ret(`${kind}Ret`, file.internals.modObject(kind, body(rq, `${kind}Mod`), { checkEditSequence: true }).ret)]);
}

const LIST_DEL_TYPES: Record<string, ObjectKind> = { Customer: 'Customer', Vendor: 'Vendor', Employee: 'Employee', ItemService: 'ItemService', ItemNonInventory: 'ItemNonInventory' };
const TXN_DEL_TYPES: Record<string, ObjectKind> = { Invoice: 'Invoice', Estimate: 'Estimate', ReceivePayment: 'ReceivePayment', Bill: 'Bill', PurchaseOrder: 'PurchaseOrder' };

function delHandler(category: 'List' | 'Txn'): Handler {
  return (file, rq) => {
    const fields = elementToFields(rq);
    const delType = String(fields[`${category}DelType`] ?? '');
    const kind = (category === 'List' ? LIST_DEL_TYPES : TXN_DEL_TYPES)[delType];
    if (!kind) throw S.xmlParseFailure(`"${delType}" is not a ${category}DelType this file knows.`);
    const idKey = category === 'List' ? 'ListID' : 'TxnID';
    const id = String(fields[idKey] ?? '');
    const removed = file.internals.deleteObject([kind], id);
    const deleted: XmlElement[] = [
      { name: `${category}DelType`, text: delType }, { name: idKey, text: id },
      { name: 'TimeDeleted', text: file.internals.formatTime(file.now().getTime()) },
    ];
    const label = category === 'List' ? removed.ret.FullName : removed.ret.RefNumber;
    if (typeof label === 'string') deleted.push({ name: category === 'List' ? 'FullName' : 'RefNumber', text: label });
    return { status: S.OK, extra: deleted };
  };
}

function handlerFor(name: string): Handler | undefined {
  if (name === 'ListDelRq') return delHandler('List');
  if (name === 'TxnDelRq') return delHandler('Txn');
  if (name === 'HostQueryRq' || name === 'CompanyQueryRq' || name === 'PreferencesQueryRq') return (file) => hostCompanyPreferences(file, name);
  if (name === 'ItemQueryRq') return (file, rq) => answerQuery(file, rq, ['ItemService', 'ItemNonInventory']);
  const m = /^(\w+?)(Add|Mod|Query)Rq$/.exec(name);
  if (!m || !isObjectKind(m[1]!)) return undefined;
  const kind = m[1] as ObjectKind;
  if (m[2] === 'Add') return addHandler(kind);
  if (m[2] === 'Mod') return modHandler(kind);
  return (file, rq) => answerQuery(file, rq, [kind]);
}

function responseElement(rq: XmlElement, answer: Answer): XmlElement {
  const attrs: Record<string, string> = {};
  if (rq.attrs?.requestID !== undefined) attrs.requestID = rq.attrs.requestID;
  attrs.statusCode = String(answer.status.code);
  attrs.statusSeverity = answer.status.severity;
  attrs.statusMessage = answer.status.message;
  Object.assign(attrs, answer.extraAttrs ?? {});
  const includeNone = rq.attrs?.responseData === 'includeNone';
  return { name: rq.name.replace(/Rq$/, 'Rs'), attrs, children: includeNone ? [] : [...(answer.rets ?? []), ...(answer.extra ?? [])] };
}

function readMessageSet(qbxml: string): { requests: XmlElement[]; onError: string } {
  let doc: XmlElement[];
  try {
    doc = parseXml(qbxml);
  } catch (e) {
    if (e instanceof XmlRefused) throw S.xmlParseFailure(e.message);
    throw e;
  }
  const pi = doc.find((el) => el.name === '?qbxml');
  const version = pi?.attrs?.version;
  if (version !== undefined && !(Number(version) <= SUPPORTED_QBXML)) throw S.unsupportedVersion(version);
  const root = doc.find((el) => el.name === 'QBXML');
  const set = child(root, 'QBXMLMsgsRq');
  if (!root || !set) throw S.xmlParseFailure('The document has no <QBXML><QBXMLMsgsRq> message set.');
  const onError = set.attrs?.onError ?? 'stopOnError';
  if (onError !== 'stopOnError' && onError !== 'continueOnError') throw S.xmlParseFailure(`onError="${onError}" is not supported.`);
  const requests = set.children ?? [];
  for (const rq of requests) {
    // QuickBooks validates the whole set against its schema before running any of it.
    if (!handlerFor(rq.name) && !/QueryRq$/.test(rq.name)) throw S.xmlParseFailure(`<${rq.name}> is not a request this QuickBooks understands.`);
  }
  return { requests, onError };
}

export function processMessageSet(file: CompanyFile, qbxml: string): string {
  const { requests, onError } = readMessageSet(qbxml);
  const responses: XmlElement[] = [];
  let stopped = false;
  for (const rq of requests) {
    let answer: Answer;
    if (stopped) answer = { status: S.notProcessed() };
    else if ((rq.attrs?.requestID ?? '').length > MAX_REQUEST_ID_LENGTH) answer = { status: S.invalidRequestId(rq.attrs!.requestID!) };
    else {
      const handler = handlerFor(rq.name);
      try {
        // A query for a list this emulated file does not keep finds nothing, as in an empty company.
        answer = handler ? handler(file, rq) : { status: S.noMatch() };
      } catch (e) {
        if (!(e instanceof S.QbStatusError)) throw e;
        answer = { status: e.status };
      }
    }
    if (answer.status.severity === 'Error' && onError === 'stopOnError') stopped = true;
    responses.push(responseElement(rq, answer));
  }
  return buildXml([{ name: 'QBXML', children: [{ name: 'QBXMLMsgsRs', children: responses }] }], { declaration: true });
}

