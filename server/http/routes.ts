/**
 * The Sync API v1 over HTTP (Hono). Handlers parse with lib/api/schema.ts, call the store or the
 * emulator, and reply JSON; every failure is a problem+json with a stable code.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import {
  ApproveRequest, BulkResyncRequest, Direction, EntityType, MAX_LINK_IDS, QbId,
} from '../../lib/api/schema.ts';
import { isDatabaseBusy } from '../db/busy.ts';
import { CompanyBusyError, LeaseLostError } from '../sync/company-leases.ts';
import { BadCursorError } from '../store/cursor.ts';
import { lookupLinks } from '../store/links.ts';
import type { Store } from '../store/store.ts';
import { SyncEngine } from '../sync/engine.ts';
import type { QboRuntime } from '../quickbooks/directory.ts';
import { mountQboRoutes } from './qbo-routes.ts';
import { mountWebConnectorService, registerWebConnectorApiRoutes } from './qbwc-routes.ts';
import { listLog } from '../store/syncLog.ts';
import { bulkResync, clearId, listUnsynced, resync } from '../store/unsynced.ts';
import { approve, listWizard } from '../store/wizard.ts';
import { routeScopes } from '../auth/route-scopes.ts';
import { assertScope, authenticate, authenticateRequest } from './auth.ts';
import { ifNoneMatchHits, strongEtag } from './etag.ts';
import { IdempotencyKeys, type IdempotencyRetention } from './idempotency.ts';
import { BATCH_MAX_BODY_BYTES, isBatchRequest, registerIngestRoutes } from './ingest-routes.ts';
import { ProblemError, problemResponse, type HttpReply } from './problem.ts';
import { LogQuery, UnsyncedQuery, WizardQuery, parseJsonBody, parseQuery } from './validate.ts';

export const SERVER_VERSION = '1.0.0';
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Retry-After of a request that met a database locked by another process. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

export interface ApiOptions {
  store: Store;
  /** Runs companies' syncs (over the wire, or in-process for fixtures); default: in-process only. */
  engine?: SyncEngine;
  /** QuickBooks Online app settings and tokens; null when the server has none. */
  qbo?: QboRuntime | null;
  token: string;
  pollIntervalSeconds: number;
  /** True while shutting down: requests get 503 with Retry-After. */
  isClosing: () => boolean;
  /** How long and how many Idempotency-Keys are kept (defaults: 7 days, 10,000). */
  idempotencyRetention?: Partial<IdempotencyRetention>;
  /** The address the QuickBooks Web Connector reaches this server at (for the .qwc file and the WSDL). */
  publicUrl?: () => string;
}

const LinksQuery = v.object({
  entityType: EntityType,
  qbIds: v.pipe(
    v.string(),
    v.transform((s) => [...new Set(s.split(',').map((id) => id.trim()).filter(Boolean))]),
    v.minLength(1, 'must list at least one QuickBooks id'),
    v.maxLength(MAX_LINK_IDS, `must list at most ${MAX_LINK_IDS} ids`),
    v.array(QbId),
  ),
});

/**
 * `from` / `to` bound the log by its `at` time, both inclusive. Each is either a date (YYYY-MM-DD,
 * a whole UTC day) or an ISO-8601 instant with a zone (a client with another time zone sends the
 * instants of its local day). Returned as canonical instants: `fromAt` inclusive, `beforeAt` exclusive.
 */
const LogTimeBound = (edge: 'from' | 'to') => v.pipe(
  v.string(),
  v.check((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(s),
    'must be a date (YYYY-MM-DD) or an ISO-8601 instant with a time zone'),
  v.check((s) => isRealTime(s), 'is not a real date'),
  v.transform((s) => boundAt(s, edge)),
);
const LogListQuery = v.pipe(
  v.object({ ...LogQuery.entries, direction: v.optional(Direction), from: v.optional(LogTimeBound('from')), to: v.optional(LogTimeBound('to')) }),
  v.forward(v.check((q) => !q.from || !q.to || q.from < q.to, 'must not be before from'), ['to']),
);

function isRealTime(s: string): boolean {
  const ms = Date.parse(s);
  // Date.parse rolls 2026-02-31 over to March 3: a real date reads back the same day.
  return !Number.isNaN(ms) && (s.length !== 10 || new Date(ms).toISOString().slice(0, 10) === s);
}

/** The canonical instant for a bound: a date `to` ends at the next UTC midnight; an instant `to` 1 ms after it. */
function boundAt(s: string, edge: 'from' | 'to'): string {
  const ms = Date.parse(s.length === 10 ? `${s}T00:00:00.000Z` : s);
  if (edge === 'from') return new Date(ms).toISOString();
  return new Date(s.length === 10 ? ms + 86_400_000 : ms + 1).toISOString();
}

export function createApi(opts: ApiOptions): Hono {
  const { store } = opts;
  const engine = opts.engine ?? new SyncEngine(store, { forCompany: async () => null, forget: () => undefined });
  const idempotency = new IdempotencyKeys(store, opts.idempotencyRetention);
  const app = new Hono();
  const mutation = (c: Context, action: (bodyText: string) => Promise<HttpReply>) => runMutation(c, idempotency, action);

  app.use('*', async (c, next) => {
    if (opts.isClosing()) throw new ProblemError(503, 'unavailable', 'The server is shutting down; try again shortly.');
    await next();
    c.res.headers.set('x-poll-interval', String(opts.pollIntervalSeconds));
  });

  // For load balancers too: 503 when the database does not answer, so traffic goes elsewhere.
  app.get('/api/v1/health', async (c) => {
    const database = (await store.db.ping()) ? 'ok' : 'unreachable';
    return c.json({ status: database === 'ok' ? 'ok' : 'unavailable', version: SERVER_VERSION, time: store.nowIso(), database },
      database === 'ok' ? 200 : 503);
  });

  mountQboRoutes(app, {
    store, engine, qbo: opts.qbo ?? null,
    requireAdmin: async (c) => assertScope((await authenticateRequest(c.req.header('authorization'), { store, serverToken: opts.token })) ?? undefined, 'admin'),
  });

  const webConnector = { store, publicUrl: opts.publicUrl ?? (() => 'http://127.0.0.1'), serverVersion: SERVER_VERSION };
  mountWebConnectorService(app, webConnector);

  // Authenticate once (401), then the route family's scope (403), before anything else is looked at.
  const authenticated = authenticate({ store, serverToken: opts.token });
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path === '/api/v1/health') return next();
    return authenticated(c, async () => {
      const principal = c.get('principal');
      const scopes = routeScopes(c.req.method, c.req.path);
      if (!scopes.some((scope) => principal?.scopes.has(scope))) assertScope(principal, scopes[0]!);
      await next();
    });
  });

  const limitBody = (maxSize: number) => bodyLimit({
    maxSize,
    onError: () => { throw new ProblemError(413, 'payload-too-large', `Request bodies here are limited to ${maxSize} bytes.`); },
  });
  const defaultBodyLimit = limitBody(MAX_BODY_BYTES);
  const batchBodyLimit = limitBody(BATCH_MAX_BODY_BYTES);
  app.use('/api/v1/*', (c, next) => (isBatchRequest(c.req.method, c.req.path) ? batchBodyLimit : defaultBodyLimit)(c, next));

  app.use('/api/v1/companies/:id/*', async (c, next) => {
    await requireCompany(store, c.req.param('id')!);
    return next();
  });

  app.get('/api/v1/companies', async (c) => c.json({ items: await store.listCompanies() }));

  app.get('/api/v1/summary', async (c) => withEtag(c, await store.summary()));

  app.get('/api/v1/companies/:id/summary', async (c) => withEtag(c, await store.companySummary(await requireCompany(store, c.req.param('id')))));

  app.get('/api/v1/companies/:id/connector', async (c) => c.json((await store.listCompanies()).find((x) => x.id === c.req.param('id'))!.connector));

  app.get('/api/v1/companies/:id/wizard', async (c) => {
    const q = parseQuery(WizardQuery, c.req.query());
    return c.json(await paged(() => listWizard(store, c.req.param('id'), q.direction, { cursor: q.cursor, limit: q.limit })));
  });

  app.get('/api/v1/companies/:id/log', async (c) => {
    const q = parseQuery(LogListQuery, c.req.query());
    const filters = { status: q.status, direction: q.direction, entityType: q.entityType, q: q.q, fromAt: q.from, beforeAt: q.to };
    return c.json(await paged(() => listLog(store, c.req.param('id'), filters, { cursor: q.cursor, limit: q.limit })));
  });

  app.get('/api/v1/companies/:id/unsynced', async (c) => {
    const q = parseQuery(UnsyncedQuery, c.req.query());
    return c.json(await paged(() => listUnsynced(store, c.req.param('id'), q, { cursor: q.cursor, limit: q.limit })));
  });

  app.get('/api/v1/companies/:id/links', async (c) => {
    const q = parseQuery(LinksQuery, c.req.query());
    return c.json({ items: await lookupLinks(store, c.req.param('id'), q.entityType, q.qbIds) });
  });

  app.post('/api/v1/companies/:id/wizard/approve', (c) => mutation(c, async (text) => {
    const body = parseJsonBody(ApproveRequest, text);
    return { status: 200, body: await approve(store, c.req.param('id')!, body) };
  }));

  app.post('/api/v1/companies/:id/unsynced/resync', (c) => mutation(c, async (text) => {
    const body = parseJsonBody(BulkResyncRequest, text);
    return { status: 200, body: await bulkResync(store, c.req.param('id')!, body.ids) };
  }));

  app.post('/api/v1/companies/:id/unsynced/:uid/resync', (c) => mutation(c, async (text) => {
    acceptEmptyBody(text);
    const result = await resync(store, c.req.param('id')!, c.req.param('uid')!);
    if (!result) throw notFound('unsynced entity', c.req.param('uid')!);
    return { status: 200, body: result };
  }));

  app.post('/api/v1/companies/:id/unsynced/:uid/clear-id', (c) => mutation(c, async (text) => {
    acceptEmptyBody(text);
    const result = await clearId(store, c.req.param('id')!, c.req.param('uid')!);
    if (!result) throw notFound('unsynced entity', c.req.param('uid')!);
    return { status: 200, body: result };
  }));

  app.post('/api/v1/companies/:id/connector/run', async (c) => {
    const text = await c.req.text();
    const reply = await idempotency.runAsync(c.req.header('idempotency-key'), `${c.req.method} ${c.req.path}`, text, async () => {
      acceptEmptyBody(text);
      return { status: 200, body: await engine.run(c.req.param('id')!) };
    });
    return c.json(reply.body as object, reply.status as 200, reply.headers);
  });

  registerIngestRoutes(app, { store, mutation });
  registerWebConnectorApiRoutes(app, webConnector);

  app.notFound(() => problemResponse(new ProblemError(404, 'not-found', 'No such endpoint in Sync API v1.')));
  app.onError((err, c) => {
    let problem: ProblemError;
    const headers: Record<string, string> = {};
    if (err instanceof ProblemError) {
      problem = err;
    } else if (err instanceof CompanyBusyError) {
      // Several instances: another one is syncing this company right now, or took it over from this one
      // mid-run. Fixed words: the holder names a host, which is nobody's business outside.
      problem = new ProblemError(503, 'unavailable', err instanceof LeaseLostError
        ? 'Another server instance took this company over while this one was syncing it; nothing more was sent from here. Try again shortly.'
        : 'Another server instance is syncing this company right now; try again shortly.');
      headers['retry-after'] = String(BUSY_RETRY_AFTER_SECONDS);
    } else if (isDatabaseBusy(err)) {
      // Another process holds the database's write lock: the transaction was rolled back; the client may retry.
      problem = new ProblemError(503, 'unavailable', 'The database is locked by another process; try again shortly.');
      headers['retry-after'] = String(BUSY_RETRY_AFTER_SECONDS);
      console.error(`synclens server: ${c.req.method} ${c.req.path} met a locked database; answered 503`);
    } else {
      problem = new ProblemError(500, 'internal', 'Something went wrong on the server.');
      console.error(err);
    }
    // After refusing an oversized body the rest of it is unread: close the connection so it is not reused.
    if (problem.status === 413) headers.connection = 'close';
    const res = problemResponse(problem, headers);
    res.headers.set('x-poll-interval', String(opts.pollIntervalSeconds));
    return c.newResponse(res.body, res);
  });
  return app;
}

async function requireCompany(store: Store, id: string) {
  const row = await store.companyRow(id);
  if (!row) throw notFound('company', id);
  return row;
}

function notFound(what: string, id: string): ProblemError {
  return new ProblemError(404, 'not-found', `No ${what} with id "${id.slice(0, 128)}".`);
}

async function paged<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BadCursorError) throw new ProblemError(400, 'bad-request', err.message, [{ path: 'cursor', message: err.message }]);
    throw err;
  }
}

/** POSTs without a payload accept no body, "{}" or "null"; anything else is refused. */
function acceptEmptyBody(text: string): void {
  if (text.trim() === '') return;
  parseJsonBody(v.nullable(v.strictObject({})), text);
}

async function runMutation(c: Context, idempotency: IdempotencyKeys, action: (bodyText: string) => Promise<HttpReply>): Promise<Response> {
  const text = await c.req.text();
  const route = `${c.req.method} ${c.req.path}`;
  const reply = await idempotency.run(c.req.header('idempotency-key'), route, text, () => action(text));
  return c.json(reply.body as object, reply.status as 200, reply.headers);
}

/**
 * Serialized bodies and their ETags, for bodies the store hands out again unchanged (the cached
 * summary). Kept as bytes: a thousand-company summary is ~350 KB, not worth encoding per request.
 */
const serialized = new WeakMap<object, { bytes: Uint8Array<ArrayBuffer>; etag: string }>();
const utf8 = new TextEncoder();

function withEtag(c: Context, body: object): Response {
  let cached = serialized.get(body);
  if (!cached) {
    const text = JSON.stringify(body);
    serialized.set(body, (cached = { bytes: utf8.encode(text), etag: strongEtag(text) }));
  }
  const { bytes, etag } = cached;
  const headers = { etag, 'cache-control': 'no-cache' };
  if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  return c.body(bytes, 200, { ...headers, 'content-type': 'application/json' });
}
