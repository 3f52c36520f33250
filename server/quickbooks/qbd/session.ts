/**
 * A Web Connector session is the Desktop company's sync run, driven from the other side: each
 * sendRequestXML turns pending entries into one qbXML request set (one requestID per request) and
 * each receiveResponseXML writes QuickBooks' answers, matched by requestID, through the engine's
 * result writing. Every request is kept until answered: an entry whose request went out in a
 * session that died is looked up in QuickBooks before anything is sent for it again.
 */
import {
  changedFields, isSyncedEntityType, LIST_ENTITY_TYPES, recordDisplayName, SYNCED_ENTITY_TYPES, type JobRecord, type SyncedEntityType,
} from '../../../lib/api/job-records.ts';
import { lookup } from '../../../lib/errors/catalog/index.ts';
import type { LogRow } from '../../store/rows.ts';
import type { Store } from '../../store/store.ts';
import { writeEntryResult } from '../../sync/engine.ts';
import { EXPORT_LEVELS, localProblem, type EntryResult } from '../../sync/export-entries.ts';
import { noteQuickBooksChange } from '../../sync/quickbooks-changes.ts';
import { importedLocalId, loadRecord, markSynced, noteQuickBooksVersion, recordForQbId, toJobAppReferences, toQuickBooksReferences } from '../../sync/record-links.ts';
import type { QbObject } from '../boundary.ts';
import { checkLogin, liveSession, newTicket, ticketHash, TICKET_LIFETIME_MS, webConnectorRow, type SessionRow } from './credentials.ts';
import type { LoginThrottle } from './login-throttle.ts';
import {
  addRequest, isRetNode, modifiedSinceQuery, modRequest, qbObjectFromRet, queryById, queryByKey, removeRequest,
} from './qbxml-mapping.ts';
import { SYNCLENS_OWNER_ID } from './qwc.ts';
import { buildXml, child, childrenNamed, el, parseXml, textOf, XmlRefused, type XmlNode } from './xml.ts';

/** Requests per message set: 1,000 entries go out in 10 round trips. */
export const MAX_REQUESTS_PER_SET = 100;
/** Requests one entry may need in one session (look-up, then the write); more waits for the next session. */
const MAX_REQUESTS_PER_ENTRY = 3;
const QBXML_VERSION = '13.0';

type Purpose = 'add' | 'mod' | 'remove' | 'fetch' | 'find' | 'import' | 'changes' | 'noop';
interface RequestRow { ticket_hash: string; request_id: string; company_id: string; log_seq: number | null; purpose: Purpose; sent_at: string; answered_at: string | null }
interface ImportState {
  queue: { entityType: SyncedEntityType; iteratorId: string }[];
  newest: string | null;
  /** True once this session needs no (more) change queries; sweptAt = when it sent them. */
  swept: boolean;
  sweptAt?: string;
}

// ——— authenticate ———

export type AuthenticateResult = [ticket: string, status: string];

/**
 * Checks the login and opens a session: `nvu` for a bad login, `none` when there is nothing to do.
 * A user name with too many recent failures gets `nvu` without a check (see login-throttle.ts).
 */
export async function authenticate(store: Store, userName: string, password: string, throttle: LoginThrottle): Promise<AuthenticateResult> {
  if (throttle.refuses(userName)) return ['', 'nvu'];
  const companyId = await checkLogin(store, userName, password);
  if (!companyId) {
    throttle.failed(userName);
    return ['', 'nvu'];
  }
  throttle.succeeded(userName);
  const ticket = newTicket();
  const now = store.nowIso();
  return store.write(async (): Promise<AuthenticateResult> => {
    // A new session replaces any other of the company: requests still unanswered there stay unknown.
    await store.db.prepare("UPDATE qbwc_sessions SET ended_at = ?, last_error = COALESCE(last_error, 'Replaced by a new session.') WHERE company_id = ? AND ended_at IS NULL")
      .run(now, companyId);
    const expires = new Date(store.now().getTime() + TICKET_LIFETIME_MS).toISOString();
    const sweepDue = await changesSweepDue(store, companyId);
    const state: ImportState = { queue: [], newest: null, swept: !sweepDue };
    await store.db.prepare('INSERT INTO qbwc_sessions (ticket_hash, company_id, started_at, expires_at, import_queue) VALUES (?,?,?,?,?)')
      .run(ticketHash(ticket), companyId, now, expires, JSON.stringify(state));
    await store.db.prepare('UPDATE companies SET last_contact_at = ? WHERE id = ?').run(now, companyId);
    const company = (await store.companyRow(companyId))!;
    if (!sweepDue && (await pendingEntries(store, companyId)).length === 0) return [ticket, 'none'];
    return [ticket, company.company_file ?? ''];
  });
}

/**
 * QuickBooks' changes are read about once per schedule interval (hourly without one), counted from
 * the last session that read them and went through; a tenth of slack so a Web Connector running a
 * little early does not skip a whole interval.
 */
async function changesSweepDue(store: Store, companyId: string): Promise<boolean> {
  const row = await webConnectorRow(store, companyId);
  const interval = ((await store.companyRow(companyId))!.interval_minutes ?? 60) * 60_000;
  const lastSweep = await lastSweepStart(store, companyId);
  const last = Date.parse(lastSweep ?? row.updated_at);
  return store.now().getTime() - last >= interval * 0.9;
}

/** When the company's latest session that went through and read QuickBooks' changes started (its state has sweptAt). */
async function lastSweepStart(store: Store, companyId: string): Promise<string | undefined> {
  // The state is JSON, read here rather than in SQL; newest first, a page at a time.
  const page = store.db.prepare(`SELECT started_at, import_queue FROM qbwc_sessions WHERE company_id = ? AND ended_at IS NOT NULL
    AND last_error IS NULL AND import_queue IS NOT NULL ORDER BY started_at DESC, ticket_hash LIMIT ? OFFSET ?`);
  const size = 50;
  for (let offset = 0; ; offset += size) {
    const rows = (await page.all(companyId, size, offset)) as { started_at: string; import_queue: string }[];
    const swept = rows.find((r) => (JSON.parse(r.import_queue) as ImportState).sweptAt != null);
    if (swept) return swept.started_at;
    if (rows.length < size) return undefined;
  }
}

async function pendingEntries(store: Store, companyId: string): Promise<LogRow[]> {
  return (await store.db.prepare(`SELECT * FROM log_entries WHERE company_id = ? AND status = 'pending' AND (retry_at IS NULL OR retry_at <= ?)
    ORDER BY seq`).all(companyId, store.nowIso())) as LogRow[];
}

// ——— sendRequestXML ———

interface Planned { node: XmlNode; seq: number | null; purpose: Purpose }

/**
 * The next qbXML request set of the session, or '' when the ticket is not (or no longer) valid or
 * the Web Connector opened another company's file (getLastError then says so).
 */
export async function sendRequestXml(store: Store, ticket: string, hcpResponse: string, qbXmlMajor: number | null): Promise<string> {
  const session = await liveSession(store, ticket);
  if (!session) return '';
  const otherFile = session.rounds === 0 ? await otherCompanyFile(store, session.company_id, hcpResponse) : null;
  if (otherFile) {
    await setLastError(store, session, otherFile);
    return '';
  }
  return store.write(async () => {
    const round = session.rounds + 1;
    const state = importState(session);
    const planned: Planned[] = [];
    let n = 0;
    const rid = (prefix: string) => `${prefix}-${round}-${++n}`;

    // QuickBooks' changes: every type on the first round when due, then the iterators' next pages.
    const since = (await webConnectorRow(store, session.company_id)).changes_since;
    if (!state.swept) {
      for (const t of SYNCED_ENTITY_TYPES) planned.push({ node: modifiedSinceQuery(t, since, rid(`c${t}`), null), seq: null, purpose: 'changes' });
      state.swept = true;
      state.sweptAt = store.nowIso();
    }
    for (const c of state.queue.splice(0, MAX_REQUESTS_PER_SET)) {
      planned.push({ node: modifiedSinceQuery(c.entityType, since, rid(`c${c.entityType}`), c.iteratorId), seq: null, purpose: 'changes' });
    }

    const candidates = await sendable(store, session);
    const waitingKeys = new Set(candidates.map((e) => `${e.entity_type}:${e.local_id}`));
    for (const entry of candidates) {
      if (planned.length >= MAX_REQUESTS_PER_SET) break;
      const plan = await planEntry(store, session, entry, waitingKeys, () => rid(`e${entry.seq}`));
      if (plan === 'later') continue;
      if ('kind' in plan) {
        await writeEntryResult(store, entry, plan);
        await countResult(store, session, plan);
        waitingKeys.delete(`${entry.entity_type}:${entry.local_id}`);
        continue;
      }
      planned.push(plan);
    }
    // Nothing QuickBooks needs to see (every entry settled locally): a harmless query keeps the loop's rhythm.
    if (planned.length === 0) planned.push({ node: el('CompanyQueryRq', null, { requestID: rid('noop') }), seq: null, purpose: 'noop' });

    const now = store.nowIso();
    const insert = store.db.prepare('INSERT INTO qbwc_requests (ticket_hash, request_id, company_id, log_seq, purpose, sent_at) VALUES (?,?,?,?,?,?)');
    for (const p of planned) await insert.run(session.ticket_hash, p.node.attrs!.requestID, session.company_id, p.seq, p.purpose, now);
    await store.db.prepare('UPDATE qbwc_sessions SET rounds = ?, sent = sent + ?, import_queue = ? WHERE ticket_hash = ?')
      .run(round, planned.filter((p) => p.seq !== null).length, JSON.stringify(state), session.ticket_hash);
    const version = qbXmlMajor && qbXmlMajor < 13 ? `${qbXmlMajor}.0` : QBXML_VERSION;
    return buildXml(el('QBXML', [el('QBXMLMsgsRq', planned.map((p) => p.node), { onError: 'continueOnError' })]),
      [{ name: 'qbxml', attrs: { version } }]);
  });
}

/**
 * The first call carries QuickBooks' company data: once the Web Connector has opened our company's
 * file it holds our FileID under our OwnerID. Another FileID there means another company's file is
 * open, and nothing of this company may go into it. No FileID yet (first connection) is fine.
 */
async function otherCompanyFile(store: Store, companyId: string, hcpResponse: string): Promise<string | null> {
  if (!hcpResponse.trim()) return null;
  let root: XmlNode;
  try {
    root = parseXml(hcpResponse);
  } catch {
    return null; // QBPOS sends a sentence here instead of qbXML
  }
  const companyRet = child(child(child(root, 'QBXMLMsgsRs'), 'CompanyQueryRs'), 'CompanyRet');
  const ours = childrenNamed(companyRet, 'DataExtRet').find((d) => textOf(d, 'OwnerID')?.toUpperCase() === SYNCLENS_OWNER_ID
    && textOf(d, 'DataExtName') === 'FileID');
  const fileId = ours ? textOf(ours, 'DataExtValue') : null;
  const expected = (await webConnectorRow(store, companyId)).file_id;
  if (!fileId || fileId.toUpperCase() === expected.toUpperCase()) return null;
  const name = textOf(companyRet, 'CompanyName');
  return `The QuickBooks company file that is open${name ? ` (${name})` : ''} belongs to another SyncLens company. `
    + 'Open this company\'s file in QuickBooks, or use the .qwc file downloaded for the company that is open.';
}

function importState(session: SessionRow): ImportState {
  return session.import_queue ? (JSON.parse(session.import_queue) as ImportState) : { queue: [], newest: null, swept: true };
}

/** Pending entries this session may still send something for, lists first, then documents, then payments. */
async function sendable(store: Store, session: SessionRow): Promise<LogRow[]> {
  const counts = new Map(((await store.db.prepare(`SELECT log_seq, COUNT(*) AS n, SUM(CASE WHEN answered_at IS NULL THEN 1 ELSE 0 END) AS open
    FROM qbwc_requests WHERE ticket_hash = ? AND log_seq IS NOT NULL GROUP BY log_seq`).all(session.ticket_hash)) as { log_seq: number; n: number; open: number }[])
    .map((r) => [r.log_seq, r]));
  const rank = (t: string) => {
    const i = EXPORT_LEVELS.findIndex((level) => (level as readonly string[]).includes(t));
    return i < 0 ? -1 : i;
  };
  return (await pendingEntries(store, session.company_id))
    .filter((e) => {
      const c = counts.get(e.seq);
      return !c || (c.open === 0 && c.n < MAX_REQUESTS_PER_ENTRY);
    })
    .sort((a, b) => (a.direction === b.direction ? rank(a.entity_type) - rank(b.entity_type) || a.seq - b.seq : a.direction === 'export' ? -1 : 1));
}

/** True when a request for this entry went out earlier and its answer never came back. */
async function outcomeUnknown(store: Store, entry: LogRow, ticketHashNow: string): Promise<boolean> {
  return (await store.db.prepare(`SELECT 1 FROM qbwc_requests WHERE company_id = ? AND log_seq = ? AND answered_at IS NULL AND ticket_hash != ?
    AND purpose IN ('add', 'mod', 'remove') LIMIT 1`).get(entry.company_id, entry.seq, ticketHashNow)) !== undefined;
}

/** The version QuickBooks reported for this entry's record earlier in this session, if it was looked up. */
async function fetchedThisSession(store: Store, entry: LogRow, ticketHashNow: string): Promise<boolean> {
  return (await store.db.prepare(`SELECT 1 FROM qbwc_requests WHERE ticket_hash = ? AND log_seq = ? AND purpose IN ('fetch', 'find')
    AND answered_at IS NOT NULL LIMIT 1`).get(ticketHashNow, entry.seq)) !== undefined;
}

async function planEntry(
  store: Store, session: SessionRow, entry: LogRow, waitingKeys: Set<string>, requestId: () => string,
): Promise<Planned | EntryResult | 'later'> {
  if (!isSyncedEntityType(entry.entity_type)) {
    return localProblem('SL-UNSUPPORTED-TYPE', `The sync service does not move ${entry.entity_type} records to QuickBooks Desktop.`);
  }
  const entityType = entry.entity_type;
  const plan = (node: XmlNode, purpose: Purpose): Planned => ({ node, seq: entry.seq, purpose });
  if (entry.direction === 'import') {
    if (!entry.qb_id) return localProblem('SL-UNSUPPORTED-TYPE', 'This import names no QuickBooks record.');
    return plan(queryById(entityType, entry.qb_id, requestId()), 'import');
  }
  const linked = await loadRecord(store, entry.company_id, entityType, entry.local_id);
  const qbId = linked?.row.qb_id ?? (entry.change === 'delete' ? entry.qb_id : null);
  const unknown = await outcomeUnknown(store, entry, session.ticket_hash);
  const fetched = await fetchedThisSession(store, entry, session.ticket_hash);
  const token = linked?.row.known_sync_token === null || linked?.row.known_sync_token === undefined ? null : String(linked.row.known_sync_token);

  if (entry.change === 'delete') {
    if (!qbId) return { kind: 'success', qbId: '', tid: null }; // never reached QuickBooks: nothing to remove
    if (!LIST_ENTITY_TYPES.has(entityType)) return plan(removeRequest(entityType, null, qbId, '', requestId()), 'remove');
    if (token === null || unknown || (entry.attempt > 1 && !fetched)) return plan(queryById(entityType, qbId, requestId()), 'fetch');
    return plan(removeRequest(entityType, linked?.data ?? linked?.syncedCopy ?? null, qbId, token, requestId()), 'remove');
  }
  if (!linked?.data) {
    return localProblem('SL-NO-RECORD-DATA',
      'The job app has not sent this record to the sync service, so there is nothing to send to QuickBooks.',
      'Send the record through the ingestion API (PUT /api/v1/companies/{id}/records/{type}/{localId}), then press Resync.');
  }
  const resolved = await toQuickBooksReferences(store, entry.company_id, entityType, linked.data);
  if (resolved.missing.length) {
    // A reference still on its way in this session waits for it; any other is a problem to fix first.
    if (resolved.missing.some((m) => waitingKeys.has(`${m.entityType}:${m.localId}`))) return 'later';
    const first = resolved.missing[0]!;
    return localProblem('SL-UNLINKED-REFERENCE', `This record points at ${first.entityType} "${first.localId}", which is not in QuickBooks yet.`,
      `Approve and sync ${resolved.missing.map((m) => `${m.entityType} ${m.localId}`).join(', ')} first, then press Resync.`);
  }
  if (!qbId) {
    if (unknown || (entry.attempt > 1 && !fetched && !(await lastFailureWasDuplicate(store, entry)))) {
      // The last Add may have reached QuickBooks: look for it by name / number before adding again.
      const key = lookupKey(entityType, linked.data);
      if (key) return plan(queryByKey(entityType, key, requestId()), 'find');
      if (unknown) {
        return localProblem('SL-OUTCOME-UNKNOWN', 'The Web Connector session ended before QuickBooks answered, and this record has no number to look it up by.',
          'Check in QuickBooks whether it was created; if not, press Resync.');
      }
    }
    return plan(addRequest(entityType, resolved.record, requestId()), 'add');
  }
  if (token === null || unknown || (entry.attempt > 1 && !fetched)) return plan(queryById(entityType, qbId, requestId()), 'fetch');
  const fields = linked.syncedCopy ? changedFields(linked.syncedCopy as Record<string, unknown>, linked.data as Record<string, unknown>) : null;
  if (fields && fields.length === 0 && entry.attempt === 1 && !fetched) return { kind: 'success', qbId, tid: null };
  return plan(modRequest(entityType, resolved.record, qbId, token, requestId(), fields && fields.length ? fields : null), 'mod');
}

/** What a person finds the record by in QuickBooks: a list record's name, a transaction's number. */
function lookupKey(entityType: SyncedEntityType, record: JobRecord): string | null {
  if (LIST_ENTITY_TYPES.has(entityType)) return recordDisplayName(entityType, record);
  const r = record as { docNumber?: string | null; referenceNumber?: string | null };
  return (entityType === 'Payment' ? r.referenceNumber : r.docNumber) || null;
}

/** QuickBooks said the name or number belongs to another record (3100): that one is not ours to adopt. */
async function lastFailureWasDuplicate(store: Store, entry: LogRow): Promise<boolean> {
  return (await store.db.prepare("SELECT 1 FROM unsynced WHERE company_id = ? AND entity_type = ? AND local_id = ? AND error_code = '3100'")
    .get(entry.company_id, entry.entity_type, entry.local_id)) !== undefined;
}

async function countResult(store: Store, session: SessionRow, result: EntryResult): Promise<void> {
  if (result.kind === 'success') await store.db.prepare('UPDATE qbwc_sessions SET succeeded = succeeded + 1 WHERE ticket_hash = ?').run(session.ticket_hash);
  if (result.kind === 'failed') await store.db.prepare('UPDATE qbwc_sessions SET failed = failed + 1 WHERE ticket_hash = ?').run(session.ticket_hash);
}

// ——— receiveResponseXML ———

/**
 * Writes QuickBooks' answers and returns the percentage done (0–100), or -1 when the response cannot
 * be used (getLastError then explains). 100 only when nothing is left for this session.
 */
export async function receiveResponseXml(store: Store, ticket: string, response: string, hresult: string, message: string): Promise<number> {
  const session = await liveSession(store, ticket);
  if (!session) return -1;
  if (!response.trim()) {
    const meaning = hresult ? lookup('sdk', hresult)?.meaning : undefined;
    await setLastError(store, session, `QuickBooks could not process the request${hresult ? ` (${hresult}${meaning ? `: ${meaning}` : ''})` : ''}${message ? `: ${message}` : '.'}`);
    return -1;
  }
  let root: XmlNode;
  try {
    root = parseXml(response);
  } catch (err) {
    await setLastError(store, session, `The qbXML response could not be read: ${err instanceof XmlRefused ? err.message : 'not well-formed XML'}`);
    return -1;
  }
  const answers = child(root, 'QBXMLMsgsRs')?.children ?? [];
  return store.write(async () => {
    const state = importState(session);
    const findRequest = store.db.prepare('SELECT * FROM qbwc_requests WHERE ticket_hash = ? AND request_id = ? AND answered_at IS NULL');
    const answered = store.db.prepare('UPDATE qbwc_requests SET answered_at = ? WHERE ticket_hash = ? AND request_id = ?');
    const now = store.nowIso();
    for (const rs of answers) {
      const requestId = rs.attrs?.requestID;
      const request = requestId ? ((await findRequest.get(session.ticket_hash, requestId)) as RequestRow | undefined) : undefined;
      if (!request) continue; // not ours, or answered already: nothing is applied twice
      await answered.run(now, session.ticket_hash, request.request_id);
      const status = { code: rs.attrs?.statusCode ?? '0', message: rs.attrs?.statusMessage ?? '', severity: rs.attrs?.statusSeverity ?? 'Info' };
      const rets = (rs.children ?? []).filter(isRetNode).map(qbObjectFromRet).filter((o): o is QbObject => o !== null);
      for (const obj of rets) if (obj.updatedAt && (!state.newest || obj.updatedAt > state.newest)) state.newest = obj.updatedAt;
      if (request.purpose === 'changes') {
        if (status.code === '0') for (const obj of rets) await noteQuickBooksChange(store, session.company_id, obj);
        const remaining = Number(rs.attrs?.iteratorRemainingCount ?? '0');
        const iteratorId = rs.attrs?.iteratorID;
        const entityType = rets[0]?.entityType ?? typeFromQueryRs(rs.name);
        if (remaining > 0 && iteratorId && entityType) state.queue.push({ entityType, iteratorId });
        continue;
      }
      if (request.purpose === 'noop' || request.log_seq === null) continue;
      const entry = (await store.db.prepare("SELECT * FROM log_entries WHERE seq = ? AND status = 'pending'").get(request.log_seq)) as LogRow | undefined;
      if (!entry) continue;
      const result = await applyAnswer(store, entry, request.purpose, status, rets[0] ?? null);
      if (result) {
        await writeEntryResult(store, entry, result);
        await countResult(store, session, result);
      }
    }
    await store.db.prepare('UPDATE qbwc_sessions SET import_queue = ? WHERE ticket_hash = ?').run(JSON.stringify(state), session.ticket_hash);
    return progress(store, session.ticket_hash);
  });
}

function typeFromQueryRs(name: string): SyncedEntityType | null {
  const object = name.replace(/QueryRs$/, '');
  if (object === 'Item') return 'Item';
  if (object === 'ReceivePayment') return 'Payment';
  return isSyncedEntityType(object) ? object : null;
}

type Status = { code: string; message: string; severity: string };

const qbFailure = (status: Status, qbId?: string | null): EntryResult =>
  ({ kind: 'failed', code: status.code, message: status.message || `QuickBooks Desktop answered with status ${status.code}.`, detail: null, tid: null, qbId });

/** One answer for one entry: a finished result, or null when the entry goes on in a later round. */
async function applyAnswer(store: Store, entry: LogRow, purpose: Purpose, status: Status, obj: QbObject | null): Promise<EntryResult | null> {
  const entityType = entry.entity_type as SyncedEntityType;
  const at = store.nowIso();
  const linked = await loadRecord(store, entry.company_id, entityType, entry.local_id);
  const ok = status.code === '0';
  // Once this session has an answer about the entry, requests lost in earlier sessions are settled.
  await store.db.prepare("UPDATE qbwc_requests SET answered_at = ? WHERE company_id = ? AND log_seq = ? AND answered_at IS NULL AND purpose IN ('add','mod','remove')")
    .run(at, entry.company_id, entry.seq);
  switch (purpose) {
    case 'add':
    case 'mod': {
      if (!ok || !obj) return qbFailure(status, purpose === 'mod' ? linked?.row.qb_id : null);
      await markSynced(store, entry.company_id, entityType, entry.local_id, obj, linked!.data!, at);
      return { kind: 'success', qbId: obj.qbId, tid: null };
    }
    case 'remove': {
      // Already gone (a delete whose answer was lost, or someone deleted it in QuickBooks): the wish is fulfilled.
      if (status.code === '3120') return { kind: 'success', qbId: linked?.row.qb_id ?? entry.qb_id ?? '', tid: null };
      if (!ok) return qbFailure(status, linked?.row.qb_id ?? entry.qb_id);
      await store.db.prepare('UPDATE records SET known_sync_token = COALESCE(?, known_sync_token), last_synced_at = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?')
        .run(obj?.syncToken ?? null, at, entry.company_id, entityType, entry.local_id);
      return { kind: 'success', qbId: linked?.row.qb_id ?? entry.qb_id ?? '', tid: null };
    }
    case 'fetch': {
      const qbId = linked?.row.qb_id ?? entry.qb_id ?? '';
      if (!ok || !obj) {
        if (entry.change === 'delete') return { kind: 'success', qbId, tid: null }; // already gone in QuickBooks
        return qbFailure(status, qbId);
      }
      await noteQuickBooksVersion(store, entry.company_id, entityType, entry.local_id, obj);
      return null; // the change goes out next round with the EditSequence just read
    }
    case 'find': {
      if (ok && obj && !(await linkedElsewhere(store, entry, obj.qbId))) {
        // The earlier Add did reach QuickBooks: link what it made instead of adding it twice.
        await markSynced(store, entry.company_id, entityType, entry.local_id, obj, linked!.data!, at);
        return { kind: 'success', qbId: obj.qbId, tid: null };
      }
      return null; // not there (or someone else's): the Add goes out next round
    }
    case 'import': {
      if (!ok || !obj || !obj.record) {
        if (entry.change === 'delete') {
          const localId = (await recordForQbId(store, entry.company_id, entityType, entry.qb_id!))?.row.local_id ?? entry.local_id;
          await store.db.prepare('UPDATE records SET deleted_at = ?, last_synced_at = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?')
            .run(at, at, entry.company_id, entityType, localId);
          return { kind: 'success', qbId: entry.qb_id!, tid: null };
        }
        return qbFailure(status);
      }
      const localId = (await recordForQbId(store, entry.company_id, entityType, obj.qbId))?.row.local_id ?? entry.local_id ?? importedLocalId(entityType, obj.qbId);
      const data = await toJobAppReferences(store, entry.company_id, entityType, obj.record as JobRecord);
      await markSynced(store, entry.company_id, entityType, localId, obj, data, at, { alsoData: true });
      return { kind: 'success', qbId: obj.qbId, tid: null };
    }
    default:
      return null;
  }
}

async function linkedElsewhere(store: Store, entry: LogRow, qbId: string): Promise<boolean> {
  return (await store.db.prepare('SELECT 1 FROM records WHERE company_id = ? AND entity_type = ? AND qb_id = ? AND local_id != ?')
    .get(entry.company_id, entry.entity_type, qbId, entry.local_id)) !== undefined;
}

/** Integer percentage; never 100 while this session still has something to send. */
async function progress(store: Store, ticketHashNow: string): Promise<number> {
  const session = (await store.db.prepare('SELECT * FROM qbwc_sessions WHERE ticket_hash = ?').get(ticketHashNow)) as SessionRow;
  const remaining = (await sendable(store, session)).length + importState(session).queue.length;
  if (remaining === 0) return 100;
  const done = session.succeeded + session.failed;
  return Math.min(99, Math.floor((100 * done) / (done + remaining)));
}

async function setLastError(store: Store, session: SessionRow, text: string): Promise<void> {
  await store.write(() => store.db.prepare('UPDATE qbwc_sessions SET last_error = ? WHERE ticket_hash = ?').run(text, session.ticket_hash));
}

// ——— getLastError, connectionError, closeConnection ———

export async function lastError(store: Store, ticket: string): Promise<string> {
  const row = (await store.db.prepare('SELECT last_error, expires_at, ended_at FROM qbwc_sessions WHERE ticket_hash = ?').get(ticketHash(ticket))) as
    { last_error: string | null; expires_at: string; ended_at: string | null } | undefined;
  if (row?.last_error) return row.last_error;
  if (!row || (!row.ended_at && row.expires_at <= store.nowIso())) return 'This session is unknown or has expired; the next run starts a new one.';
  return 'No error.';
}

/** QuickBooks could not be opened: the connector goes offline with the Web Connector's own words. */
export async function connectionError(store: Store, ticket: string, hresult: string, message: string): Promise<string> {
  const session = await liveSession(store, ticket);
  if (!session) return 'done';
  const meaning = hresult ? lookup('sdk', hresult)?.meaning : undefined;
  const text = `The Web Connector could not open the QuickBooks company file${hresult ? ` (${hresult}${meaning ? `: ${meaning}` : ''})` : ''}.`
    + (message ? ` It said: ${message}` : '');
  await store.write(async () => {
    await store.db.prepare('UPDATE qbwc_sessions SET last_error = ?, ended_at = ? WHERE ticket_hash = ?').run(text, store.nowIso(), session.ticket_hash);
    await store.db.prepare("UPDATE companies SET connector_override = 'offline', connector_message = ? WHERE id = ?").run(text, session.company_id);
  });
  return 'done';
}

/** Ends the session; a session that went through stamps the run, moves the import cursor and clears offline. */
export async function closeConnection(store: Store, ticket: string): Promise<string> {
  const row = (await store.db.prepare('SELECT * FROM qbwc_sessions WHERE ticket_hash = ?').get(ticketHash(ticket))) as SessionRow | undefined;
  if (!row || row.ended_at) return 'The session had already ended.';
  const now = store.nowIso();
  return store.write(async () => {
    await store.db.prepare('UPDATE qbwc_sessions SET ended_at = ? WHERE ticket_hash = ?').run(now, row.ticket_hash);
    if (row.last_error) return `Sync stopped: ${row.last_error}`;
    const state = importState(row);
    if (state.newest) {
      // The later of the two (ISO timestamps compare as text).
      await store.db.prepare(`UPDATE qbwc_companies SET changes_since = CASE WHEN changes_since > CAST(? AS TEXT) THEN changes_since ELSE CAST(? AS TEXT) END
        WHERE company_id = ?`).run(state.newest, state.newest, row.company_id);
    }
    await store.db.prepare('UPDATE companies SET last_run_at = ?, connector_override = NULL, connector_message = NULL WHERE id = ?').run(now, row.company_id);
    if (row.rounds === 0) return 'No data to exchange.';
    return `Sync complete: ${row.succeeded} synced, ${row.failed} failed.`;
  });
}
