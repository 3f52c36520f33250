/**
 * One QuickBooks Online company behind the QuickBooksCompany boundary: entities over the Accounting
 * API (api-client.ts), mapped with mapping.ts. Every answer is an outcome; only programming errors
 * throw.
 */
import { LIST_ENTITY_TYPES, type SyncedEntityType } from '../../../lib/api/job-records.ts';
import type { Store } from '../../store/store.ts';
import type { QbFailure, QbObject, QbOutcome, QuickBooksCompany, RemoveRequest, UpdateRequest, WriteRequest } from '../boundary.ts';
import { QboApiClient, uuidFromText, type ApiResult, type TokenSource } from './api-client.ts';
import type { QboAppConfig } from './config.ts';
import { classifyFault, faultFromJson, type QboFault } from './faults.ts';
import { QBO_ENTITY_PATH, QboMappingError, qbObjectFrom, sparsePatch, toQbo, type QboDefaults, type QboJson } from './mapping.ts';
import type { RealmLimiter } from './rate-limiter.ts';

/** Intuit's recommended most payloads per batch request. */
export const BATCH_SIZE = 30;
const QB_ID = /^[A-Za-z0-9-]{1,64}$/;

export interface QboCompanyOptions {
  store: Store;
  config: QboAppConfig;
  tokens: TokenSource;
  companyId: string;
  realmId: string;
  fetchImpl?: typeof fetch;
  retryDelaysMs?: readonly number[];
  /** Wall clock (Retry-After dates, inventory start dates); defaults to the store's. */
  now?: () => Date;
  timeoutMs?: number;
  maxReplyBytes?: number;
  limiter?: RealmLimiter;
  sleep?: (ms: number) => Promise<void>;
  /** Told about objects changesSince had to skip because they do not fit the job app's records. */
  onUnmappable?: (info: { entityType: SyncedEntityType; qbId: string; message: string }) => void;
}

/** Escapes a value for a single-quoted string in QuickBooks' query language. */
export function queryString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const fault = (code: string, message: string, tid: string | null = null): QbFailure => ({ kind: 'fault', code, message, detail: null, element: null, tid });
const isObj = (value: unknown): value is QboJson => typeof value === 'object' && value !== null && !Array.isArray(value);

export function createQboCompany(opts: QboCompanyOptions): QuickBooksCompany {
  const now = opts.now ?? opts.store.now;
  const client = new QboApiClient({
    config: opts.config, tokens: opts.tokens, companyId: opts.companyId, realmId: opts.realmId, fetchImpl: opts.fetchImpl,
    retryDelaysMs: opts.retryDelaysMs, timeoutMs: opts.timeoutMs, maxReplyBytes: opts.maxReplyBytes, limiter: opts.limiter, now, sleep: opts.sleep,
  });
  let defaultsCache: QboDefaults | null = null;

  /** Reads the first account matching a WHERE clause; null when there is none. */
  async function firstAccount(where: string): Promise<QbOutcome<string | null>> {
    const res = await query(`SELECT * FROM Account WHERE ${where} MAXRESULTS 50`);
    if (!res.ok) return res;
    const accounts = listOf(res.value, 'Account').filter((a) => a.Active !== false);
    const id = accounts.map((a) => a.Id).find((x): x is string => typeof x === 'string');
    return { ok: true, value: id ?? null, tid: res.tid };
  }

  /**
   * The accounts items are posted to, looked up once (and again only after a failure). Inventory
   * needs an asset account too, looked up when the first Inventory item comes along.
   */
  async function defaults(needInventory: boolean): Promise<QbOutcome<QboDefaults>> {
    if (!defaultsCache) {
      const income = await firstAccount("AccountType = 'Income'");
      if (!income.ok) return income;
      if (!income.value) {
        return { ok: false, failure: fault('no-income-account', 'QuickBooks Online has no active Income account to post items to; create one in QuickBooks first.') };
      }
      let expense = await firstAccount("AccountType = 'Cost of Goods Sold'");
      if (expense.ok && !expense.value) expense = await firstAccount("AccountType = 'Expense'");
      if (!expense.ok) return expense;
      defaultsCache = { incomeAccountId: income.value, expenseAccountId: expense.value };
    }
    if (needInventory && defaultsCache.assetAccountId == null) {
      const asset = await firstAccount("AccountSubType = 'Inventory'");
      if (!asset.ok) return asset;
      defaultsCache = { ...defaultsCache, assetAccountId: asset.value };
    }
    return { ok: true, value: { ...defaultsCache, inventoryStartDate: now().toISOString().slice(0, 10) }, tid: null };
  }

  async function defaultsFor(reqs: readonly WriteRequest[]): Promise<QbOutcome<QboDefaults>> {
    const items = reqs.filter((r) => r.entityType === 'Item');
    if (!items.length) return { ok: true, value: { incomeAccountId: null, expenseAccountId: null }, tid: null };
    return defaults(items.some((r) => (r.record as { kind?: string }).kind === 'Inventory'));
  }

  async function query(statement: string): Promise<QbOutcome<QboJson>> {
    const res = await client.request({ method: 'GET', path: 'query', query: { query: statement } });
    if (!res.ok) return { ok: false, failure: res.failure };
    const qr = res.json.QueryResponse;
    return { ok: true, value: isObj(qr) ? qr : {}, tid: res.tid };
  }

  /** The entity in a create/update/read/delete reply, as a QbObject. */
  function objectFrom(entityType: SyncedEntityType, res: Extract<ApiResult, { ok: true }>, lenient: boolean): QbOutcome<QbObject> {
    const entity = res.json[entityType];
    if (!isObj(entity)) {
      return { ok: false, failure: { kind: 'unavailable', code: 'bad-reply', message: `QuickBooks Online's reply has no ${entityType}.`, transient: false, retryAfterMs: null, tid: res.tid } };
    }
    try {
      return { ok: true, value: qbObjectFrom(entityType, entity), tid: res.tid };
    } catch (err) {
      if (!(err instanceof QboMappingError)) throw err;
      // The write happened: report it with its id and version even if the record cannot be read back.
      if (lenient && typeof entity.Id === 'string') {
        return {
          ok: true, tid: res.tid,
          value: {
            entityType, qbId: entity.Id, syncToken: String(entity.SyncToken ?? ''), deleted: entity.status === 'Deleted',
            active: entity.Active !== false, record: null, updatedAt: isObj(entity.MetaData) && typeof entity.MetaData.LastUpdatedTime === 'string' ? entity.MetaData.LastUpdatedTime : null,
          },
        };
      }
      return { ok: false, failure: fault('unmappable', err.message, res.tid) };
    }
  }

  async function write(entityType: SyncedEntityType, path: string, body: QboJson, requestId: string): Promise<QbOutcome<QbObject>> {
    const res = await client.request({ method: 'POST', path, body, requestId });
    if (!res.ok) return { ok: false, failure: res.failure };
    return objectFrom(entityType, res, true);
  }

  function mapped<T>(fn: () => T): { ok: true; value: T } | { ok: false; failure: QbFailure } {
    try {
      return { ok: true, value: fn() };
    } catch (err) {
      if (err instanceof QboMappingError) return { ok: false, failure: fault('unmappable', err.message) };
      throw err;
    }
  }

  async function findOne(entityType: SyncedEntityType, where: string, matches: (o: QboJson) => boolean): Promise<QbOutcome<QbObject | null>> {
    const res = await query(`SELECT * FROM ${entityType} WHERE ${where} MAXRESULTS 100`);
    if (!res.ok) return res;
    const found = listOf(res.value, entityType).filter(matches);
    // An active record wins over an inactive one of the same name.
    const best = found.find((o) => o.Active !== false) ?? found[0];
    if (!best) return { ok: true, value: null, tid: res.tid };
    try {
      return { ok: true, value: qbObjectFrom(entityType, best), tid: res.tid };
    } catch (err) {
      if (err instanceof QboMappingError) return { ok: false, failure: fault('unmappable', err.message, res.tid) };
      throw err;
    }
  }

  const company: QuickBooksCompany = {
    system: 'qbo',

    async create(req) {
      const d = await defaultsFor([req]);
      if (!d.ok) return d;
      const body = mapped(() => toQbo(req.entityType, req.record, d.value));
      if (!body.ok) return body;
      return write(req.entityType, QBO_ENTITY_PATH[req.entityType], body.value, req.requestId);
    },

    async update(req: UpdateRequest) {
      // Nothing changed: a write would only bump the SyncToken, so answer with the object as it is.
      if (req.changedFields?.length === 0) {
        const current = await company.read(req.entityType, req.qbId);
        if (!current.ok) return current;
        if (!current.value) return { ok: false, failure: fault('610', `${req.entityType} ${req.qbId} no longer exists in QuickBooks Online.`, current.tid) };
        return { ok: true, value: current.value, tid: current.tid };
      }
      const d = await defaultsFor([req]);
      if (!d.ok) return d;
      const patch = mapped(() => sparsePatch(req.entityType, req.record, req.changedFields, d.value));
      if (!patch.ok) return patch;
      return write(req.entityType, QBO_ENTITY_PATH[req.entityType], { ...patch.value, Id: req.qbId, SyncToken: req.syncToken, sparse: true }, req.requestId);
    },

    async remove(req: RemoveRequest) {
      const path = QBO_ENTITY_PATH[req.entityType];
      if (LIST_ENTITY_TYPES.has(req.entityType)) {
        // QuickBooks keeps list records forever; making them inactive is its way of deleting.
        return write(req.entityType, path, { Id: req.qbId, SyncToken: req.syncToken, sparse: true, Active: false }, req.requestId);
      }
      const res = await client.request({ method: 'POST', path, query: { operation: 'delete' }, body: { Id: req.qbId, SyncToken: req.syncToken }, requestId: req.requestId });
      if (!res.ok) return { ok: false, failure: res.failure };
      const entity = isObj(res.json[req.entityType]) ? (res.json[req.entityType] as QboJson) : {};
      const updated = isObj(entity.MetaData) && typeof entity.MetaData.LastUpdatedTime === 'string' ? entity.MetaData.LastUpdatedTime : null;
      return {
        ok: true, tid: res.tid,
        value: {
          entityType: req.entityType, qbId: typeof entity.Id === 'string' ? entity.Id : req.qbId,
          syncToken: typeof entity.SyncToken === 'string' ? entity.SyncToken : req.syncToken, deleted: true, active: false, record: null, updatedAt: updated,
        },
      };
    },

    async read(entityType, qbId) {
      if (!QB_ID.test(qbId)) return { ok: false, failure: fault('bad-id', `"${qbId.slice(0, 64)}" is not a QuickBooks Online id.`) };
      const res = await client.request({ method: 'GET', path: `${QBO_ENTITY_PATH[entityType]}/${qbId}` });
      if (!res.ok) {
        // 610: no such object (or it was deleted).
        if (isNotFound(res.fault)) return { ok: true, value: null, tid: res.fault?.tid ?? null };
        return { ok: false, failure: res.failure };
      }
      return objectFrom(entityType, res, false);
    },

    async findByName(entityType, name) {
      if (!LIST_ENTITY_TYPES.has(entityType)) return { ok: true, value: null, tid: null };
      const field = entityType === 'Item' ? 'Name' : 'DisplayName';
      const wanted = name.trim();
      return findOne(entityType, `Active IN (true, false) AND ${field} = ${queryString(wanted)}`,
        (o) => typeof o[field] === 'string' && (o[field] as string).trim().toLowerCase() === wanted.toLowerCase());
    },

    async findByDocNumber(entityType, docNumber) {
      if (LIST_ENTITY_TYPES.has(entityType)) return { ok: true, value: null, tid: null };
      const field = entityType === 'Payment' ? 'PaymentRefNum' : 'DocNumber';
      return findOne(entityType, `${field} = ${queryString(docNumber)}`, (o) => o[field] === docNumber);
    },

    async changesSince(entityTypes, since) {
      if (Number.isNaN(Date.parse(since))) return { ok: false, failure: fault('bad-request', `"${since.slice(0, 40)}" is not a date-time.`) };
      const types = [...new Set(entityTypes)];
      if (!types.length) return { ok: true, value: [], tid: null };
      const res = await client.request({ method: 'GET', path: 'cdc', query: { entities: types.join(','), changedSince: since } });
      if (!res.ok) return { ok: false, failure: res.failure };
      const objects: QbObject[] = [];
      for (const block of Array.isArray(res.json.CDCResponse) ? res.json.CDCResponse : []) {
        if (!isObj(block)) continue;
        for (const qr of Array.isArray(block.QueryResponse) ? block.QueryResponse : [block.QueryResponse]) {
          if (!isObj(qr)) continue;
          for (const entityType of types) {
            for (const entity of listOf(qr, entityType)) {
              try {
                objects.push(qbObjectFrom(entityType, entity));
              } catch (err) {
                if (!(err instanceof QboMappingError)) throw err;
                opts.onUnmappable?.({ entityType, qbId: typeof entity.Id === 'string' ? entity.Id : '', message: err.message });
              }
            }
          }
        }
      }
      const time = (o: QbObject) => (o.updatedAt ? Date.parse(o.updatedAt) : 0);
      objects.sort((a, b) => time(a) - time(b));
      return { ok: true, value: objects, tid: res.tid };
    },

    async createMany(reqs) {
      const results: QbOutcome<QbObject>[] = new Array(reqs.length);
      const d = await defaultsFor(reqs);
      if (!d.ok) return reqs.map(() => d);
      const chunks: number[][] = [];
      for (let i = 0; i < reqs.length; i += BATCH_SIZE) chunks.push(reqs.slice(i, i + BATCH_SIZE).map((_, j) => i + j));
      // All chunks start at once; the realm's limiter keeps at most 10 in flight.
      await Promise.all(chunks.map((indexes) => runBatch(indexes)));
      return results;

      async function runBatch(indexes: number[]): Promise<void> {
        const items: QboJson[] = [];
        const sent: number[] = [];
        for (const index of indexes) {
          const req = reqs[index]!;
          const body = mapped(() => toQbo(req.entityType, req.record, d.ok ? d.value : { incomeAccountId: null, expenseAccountId: null }));
          if (!body.ok) {
            results[index] = body;
            continue;
          }
          items.push({ bId: String(index), operation: 'create', [req.entityType]: body.value });
          sent.push(index);
        }
        if (!items.length) return;
        // Same items, same batch id: a batch retried after a lost reply is recognised as a repeat.
        const requestId = uuidFromText(sent.map((i) => reqs[i]!.requestId).join('\n'));
        const res = await client.request({ method: 'POST', path: 'batch', body: { BatchItemRequest: items }, requestId });
        if (!res.ok) {
          for (const index of sent) results[index] = { ok: false, failure: res.failure };
          return;
        }
        const answers = new Map<string, QboJson>();
        for (const item of Array.isArray(res.json.BatchItemResponse) ? res.json.BatchItemResponse : []) {
          if (isObj(item) && typeof item.bId === 'string') answers.set(item.bId, item);
        }
        for (const index of sent) {
          const req = reqs[index]!;
          const answer = answers.get(String(index));
          if (!answer) {
            results[index] = {
              ok: false,
              failure: { kind: 'unavailable', code: 'batch-item-missing', message: 'QuickBooks Online did not answer for this record in the batch.', transient: true, retryAfterMs: null, tid: res.tid },
            };
            continue;
          }
          const itemFault = faultFromJson(answer, 200, res.tid);
          if (itemFault) {
            results[index] = { ok: false, failure: failureOf(itemFault) };
            continue;
          }
          results[index] = objectFrom(req.entityType, { ...res, json: answer }, true);
        }
      }
    },
  };
  return company;
}

/** The objects of one entity type in a QueryResponse (or a CDC block). */
function listOf(container: QboJson, entityType: string): QboJson[] {
  const list = container[entityType];
  return Array.isArray(list) ? list.filter(isObj) : [];
}

function isNotFound(f: QboFault | null): boolean {
  return !!f && (f.code === '610' || f.status === 404);
}

/** A fault inside a batch reply, as the boundary's failure (no refresh or retry happens per item). */
function failureOf(f: QboFault): QbFailure {
  switch (classifyFault(f)) {
    case 'throttled':
      return { kind: 'throttled', retryAfterMs: 60_000, code: f.code, message: f.message, tid: f.tid };
    case 'server':
      return { kind: 'unavailable', code: f.code, message: f.message, transient: false, retryAfterMs: null, tid: f.tid };
    default:
      return { kind: 'fault', code: f.code, message: f.message, detail: f.detail, element: f.element, tid: f.tid };
  }
}
