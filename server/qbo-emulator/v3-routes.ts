/**
 * The Accounting API v3 under /v3/company/{realmId}: create/update/delete/void, read, query, batch,
 * change data capture, company info and preferences. Every reply carries `time`; faults are
 * Intuit-shaped. The gate (request-gate.ts) has already checked the token and the limits.
 */
import type { Context, Hono } from 'hono';
import { ENTITY_NAMES, entityNamed, type EntityName } from './entities.ts';
import { faults, type QboFault } from './faults.ts';
import type { ChangeEvent, Operations, WriteOutcome } from './operations.ts';
import { parseQuery, QueryError, runQuery } from './query.ts';
import type { Env } from './request-gate.ts';
import type { RequestIdStore } from './request-ids.ts';
import { publicView, type EmulatorState, type Realm } from './state.ts';
import type { WebhookSender } from './webhooks.ts';
import { faultReply, readJson, readText, requestFingerprint } from './wire.ts';

export interface V3Deps {
  state: EmulatorState;
  ops: Operations;
  requestIds: RequestIdStore;
  webhooks: WebhookSender;
}

const MAX_BATCH_ITEMS = 30;
const MAX_CDC_OBJECTS = 1000;
const CDC_LOOKBACK_MS = 30 * 24 * 3600_000;

type Reply = { status: number; body: Record<string, unknown> };

const faultResult = (fault: QboFault, time: string): Reply => ({ status: fault.status, body: fault.body(time) });

export function registerV3Routes(app: Hono<Env>, deps: V3Deps): void {
  const base = '/v3/company/:realmId';
  const realmOf = (c: Context<Env>): Realm => deps.state.realm(c.req.param('realmId')!)!;
  const now = () => deps.state.clock.iso();
  const send = (c: Context<Env>, reply: Reply) => c.json(reply.body, reply.status as 200);

  /** Runs a write once per requestid: a replay gets the first reply, a different request with the same id gets 600. */
  const idempotent = (c: Context<Env>, realm: Realm, parts: string[], body: unknown, run: () => Reply): Reply => {
    const requestId = c.req.query('requestid');
    if (!requestId) return run();
    const fingerprint = requestFingerprint(parts, body);
    const earlier = deps.requestIds.recall(realm.realmId, requestId);
    if (earlier) {
      if (earlier.fingerprint === fingerprint) return { status: earlier.status, body: earlier.body as Record<string, unknown> };
      return faultResult(faults.duplicateRequestId(requestId), now());
    }
    const reply = run();
    // Only writes that happened are remembered: a refused request may be sent again once fixed.
    if (reply.status === 200) deps.requestIds.remember(realm.realmId, requestId, { fingerprint, ...reply });
    return reply;
  };

  app.post(`${base}/batch`, async (c) => {
    const realm = realmOf(c);
    const body = await readJson(c);
    if (!body.ok) return faultReply(c, body.fault, now());
    const raw = body.value as { BatchItemRequest?: unknown } | null;
    const items = raw && typeof raw === 'object' && Array.isArray(raw.BatchItemRequest) ? raw.BatchItemRequest as unknown[] : null;
    if (!items) return faultReply(c, faults.invalidProperty('BatchItemRequest must be an array of batch items', 'BatchItemRequest'), now());
    if (items.length > MAX_BATCH_ITEMS) return faultReply(c, faults.batchTooLarge(items.length, MAX_BATCH_ITEMS), now());
    const include = c.req.query('include') ?? '';
    return send(c, idempotent(c, realm, ['batch', include], body.value, () => {
      const events: ChangeEvent[] = [];
      const responses = items.map((item) => batchItem(deps, realm, item, include, events));
      deps.webhooks.publish(events);
      return { status: 200, body: { BatchItemResponse: responses, time: now() } };
    }));
  });

  const query = async (c: Context<Env>, statement: string | undefined) => {
    if (!statement) return faultReply(c, faults.queryParse('no query was given.'), now());
    try {
      const result = runQuery(deps.state, c.req.param('realmId')!, parseQuery(statement));
      return c.json({ QueryResponse: result, time: now() }, 200);
    } catch (err) {
      if (err instanceof QueryError) return faultReply(c, err.fault, now());
      throw err;
    }
  };
  app.get(`${base}/query`, (c) => query(c, c.req.query('query')));
  app.post(`${base}/query`, async (c) => {
    const text = await readText(c);
    return text.ok ? query(c, text.value.trim()) : faultReply(c, text.fault, now());
  });

  app.get(`${base}/cdc`, (c) => {
    const realm = realmOf(c);
    const names = (c.req.query('entities') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (names.length === 0) return faultReply(c, faults.queryInvalid('entities must name at least one entity.'), now());
    const entities: EntityName[] = [];
    for (const name of names) {
      const entity = entityNamed(name);
      if (!entity) return faultReply(c, faults.queryInvalid(`"${name}" is not an entity change data capture knows.`), now());
      if (!entities.includes(entity)) entities.push(entity);
    }
    const since = Date.parse(c.req.query('changedSince') ?? '');
    if (Number.isNaN(since)) return faultReply(c, faults.queryInvalid('changedSince must be a date-time like 2026-01-31T00:00:00Z.'), now());
    if (deps.state.clock.nowMs() - since > CDC_LOOKBACK_MS) {
      return faultReply(c, faults.queryInvalid('changedSince may reach back at most 30 days.'), now());
    }
    const changed = entities.flatMap((entity) => deps.state.list(realm.realmId, entity)
      .filter((o) => Date.parse(o.data.MetaData.LastUpdatedTime) > since))
      .sort((a, b) => Date.parse(a.data.MetaData.LastUpdatedTime) - Date.parse(b.data.MetaData.LastUpdatedTime))
      .slice(0, MAX_CDC_OBJECTS);
    const groups = entities.map((entity) => {
      const objects = changed.filter((o) => o.entity === entity).map(publicView);
      return objects.length ? { [entity]: objects, startPosition: 1, maxResults: objects.length } : {};
    });
    return c.json({ CDCResponse: [{ QueryResponse: groups }], time: now() }, 200);
  });

  app.get(`${base}/companyinfo/:companyId`, (c) => {
    const realm = realmOf(c);
    if (c.req.param('companyId') !== realm.realmId) return faultReply(c, faults.objectNotFound('CompanyInfo', c.req.param('companyId')), now());
    return c.json({
      CompanyInfo: {
        Id: '1', SyncToken: '0', domain: 'QBO', sparse: false,
        CompanyName: realm.companyName, LegalName: realm.companyName, Country: 'US', SupportedLanguages: 'en',
        CompanyStartDate: realm.createdAt.slice(0, 10), FiscalYearStartMonth: 'January',
        MetaData: { CreateTime: realm.createdAt, LastUpdatedTime: realm.createdAt },
      },
      time: now(),
    }, 200);
  });

  app.get(`${base}/preferences`, (c) => {
    const realm = realmOf(c);
    return c.json({
      Preferences: {
        Id: '1', SyncToken: '0', domain: 'QBO', sparse: false,
        AccountingInfoPrefs: { ...(realm.closedBooksDate ? { BookCloseDate: realm.closedBooksDate } : {}), TrackDepartments: false },
        SalesFormsPrefs: { CustomTxnNumbers: true, AllowDeposit: true, AllowDiscount: true },
        VendorAndPurchasesPrefs: { BillableExpenseTracking: true },
        CurrencyPrefs: { MultiCurrencyEnabled: false, HomeCurrency: { value: 'USD' } },
        OtherPrefs: { NameValue: [{ Name: 'VendorAndPurchasesPrefs.UseCustomTxnNumbers', Value: 'true' }] },
        MetaData: { CreateTime: realm.createdAt, LastUpdatedTime: realm.createdAt },
      },
      time: now(),
    }, 200);
  });

  app.post(`${base}/:entity`, async (c) => {
    const realm = realmOf(c);
    const entity = entityNamed(c.req.param('entity'));
    if (!entity || c.req.param('entity') !== entity.toLowerCase()) return faultReply(c, faults.notFoundRoute(), now());
    const body = await readJson(c);
    if (!body.ok) return faultReply(c, body.fault, now());
    const operation = (c.req.query('operation') ?? 'update').toLowerCase();
    const include = c.req.query('include') ?? '';
    return send(c, idempotent(c, realm, [entity, operation, include], body.value, () => {
      const opts = { source: 'api' as const, allowDuplicateDocNumber: include.split(',').includes('allowduplicatedocnum') };
      let outcome: WriteOutcome;
      if (operation === 'delete') outcome = deps.ops.remove(realm, entity, body.value, opts);
      else if (operation === 'void') outcome = deps.ops.void(realm, entity, body.value, opts);
      else if (operation === 'update' || operation === 'create') outcome = deps.ops.save(realm, entity, body.value, opts);
      else return faultResult(faults.unsupportedOperation(`"${operation}"`), now());
      if (!outcome.ok) return faultResult(outcome.fault, now());
      deps.webhooks.publish(outcome.events);
      return { status: 200, body: { [entity]: writeView(outcome, operation), time: now() } };
    }));
  });

  app.get(`${base}/:entity/:id`, (c) => {
    const realm = realmOf(c);
    const entity = entityNamed(c.req.param('entity'));
    if (!entity || c.req.param('entity') !== entity.toLowerCase()) return faultReply(c, faults.notFoundRoute(), now());
    const id = c.req.param('id');
    const stored = deps.state.get(realm.realmId, entity, id);
    if (!stored || stored.deleted) return faultReply(c, faults.objectNotFound(entity, id), now());
    return c.json({ [entity]: stored.data, time: now() }, 200);
  });
}

/** A delete answers with the id and status only; other writes with the whole object. */
function writeView(outcome: Extract<WriteOutcome, { ok: true }>, operation: string): Record<string, unknown> {
  if (operation === 'delete') return { Id: outcome.stored.data.Id, status: 'Deleted', domain: 'QBO' };
  return outcome.stored.data;
}

const BATCH_KEYS = new Set(['bId', 'operation', 'optionsData']);

/** One batch item: a query, or a create/update/delete of one object; its fault stays inside the item. */
function batchItem(deps: V3Deps, realm: Realm, raw: unknown, include: string, events: ChangeEvent[]): Record<string, unknown> {
  const item = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw as Record<string, unknown> : null;
  const bId = typeof item?.bId === 'string' ? item.bId : '';
  const failed = (fault: QboFault) => ({ bId, Fault: fault.fault() });
  if (!item || !bId) return failed(faults.requiredMissing('bId'));
  if (typeof item.Query === 'string') {
    try {
      return { bId, QueryResponse: runQuery(deps.state, realm.realmId, parseQuery(item.Query)) };
    } catch (err) {
      if (err instanceof QueryError) return failed(err.fault);
      throw err;
    }
  }
  const entityKeys = Object.keys(item).filter((key) => !BATCH_KEYS.has(key));
  const entity = entityKeys.length === 1 ? entityNamed(entityKeys[0]!) : null;
  if (!entity || entityKeys[0] !== entity) {
    return failed(faults.invalidProperty(`a batch item needs exactly one of Query or ${ENTITY_NAMES.join(', ')}`, entityKeys.join(',')));
  }
  const operation = typeof item.operation === 'string' ? item.operation.toLowerCase() : 'create';
  const opts = { source: 'api' as const, allowDuplicateDocNumber: include.split(',').includes('allowduplicatedocnum') };
  let outcome: WriteOutcome;
  if (operation === 'create' || operation === 'update') outcome = deps.ops.save(realm, entity, item[entity], opts);
  else if (operation === 'delete') outcome = deps.ops.remove(realm, entity, item[entity], opts);
  else return failed(faults.unsupportedOperation(`batch operation "${operation}"`));
  if (!outcome.ok) return failed(outcome.fault);
  events.push(...outcome.events);
  return { bId, [entity]: writeView(outcome, operation) };
}
