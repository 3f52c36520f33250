/**
 * Sync API v1 client. Every reply is validated with the schemas in ./schema (a malformed reply is
 * an ApiError 'bad-reply', never a crash); problem+json errors become typed ApiErrors; POSTs carry
 * an Idempotency-Key so a retried request is applied once.
 */
import * as v from 'valibot';
import { clockTime } from '../format/time';
import { checkApiUrl } from '../settings/api-url';
import { ApiError, apiText, parseRetryAfter } from './errors';
import * as s from './schema';
import { addDamage, NO_DAMAGE, parseItems, type ListDamage } from './tolerant-list';

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Safety stop for cursor loops: a server that keeps returning cursors cannot spin us forever. */
export const MAX_PAGES = 200;

export interface ApiClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  now?: () => number;
  /** The service's pause (Retry-After), honoured by every request and extended by any reply. */
  gate?: RequestGate;
}

/**
 * Where a client learns whether its service asked for a pause, and reports a new one. Every
 * request goes through it, the pages' reads as much as polls and actions (see lib/poll/gate).
 */
export interface RequestGate {
  /** Epoch ms before which nothing may be sent to the service (0: no pause). */
  pausedUntil(): Promise<number>;
  /** The service answered 429 or 503 with Retry-After. */
  paused(retryAfterSeconds: number): Promise<void>;
}

/** Server hints read from reply headers. */
export interface ReplyHints {
  /** X-Poll-Interval: the slowest the client should poll, in seconds. */
  pollIntervalSeconds?: number;
  retryAfterSeconds?: number;
}

export type SummaryResult =
  | { kind: 'unchanged'; hints: ReplyHints }
  | { kind: 'fresh'; summary: s.Summary; etag: string | null; hints: ReplyHints };

export interface LogQuery {
  status?: s.LogStatus;
  direction?: s.Direction;
  entityType?: string;
  /** Inclusive bounds on the entry's time: a UTC date (YYYY-MM-DD) or an ISO instant. */
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}
export interface UnsyncedQuery {
  entityType?: string;
  code?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

type Query = Record<string, string | number | undefined | null>;

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions) {
  const checked = checkApiUrl(options.baseUrl);
  if (!checked.ok) throw new ApiError('bad-url', checked.message);
  const base = checked.url;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;

  function urlFor(path: string, query: Query = {}): string {
    const url = new URL(`${base}/api/v1${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  /** Items of list replies shown repaired or left out since this client was made. */
  let damage: ListDamage = NO_DAMAGE;

  async function send(method: 'GET' | 'POST', url: string, extra: { headers?: Record<string, string>; body?: unknown } = {}) {
    const until = options.gate ? await options.gate.pausedUntil() : 0;
    if (until > now()) {
      throw new ApiError('paused', apiText('apiPausedUntil', pauseEnd(until)), { retryAfterSeconds: Math.ceil((until - now()) / 1000) });
    }
    const res = await sendNow(method, url, extra);
    const retryAfter = parseRetryAfter(res.headers.get('Retry-After'), now());
    if (options.gate && (res.status === 429 || res.status === 503) && retryAfter !== undefined && retryAfter > 0) {
      await options.gate.paused(retryAfter);
    }
    return res;
  }

  async function sendNow(method: 'GET' | 'POST', url: string, extra: { headers?: Record<string, string>; body?: unknown } = {}) {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${options.token}`,
      ...extra.headers,
    };
    let body: string | undefined;
    if (extra.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(extra.body);
    }
    try {
      return await doFetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      const reason = timedOut ? apiText('apiNoAnswerWithin', Math.round(timeoutMs / 1000)) : describeNetworkError(err);
      throw new ApiError('unreachable', apiText('apiUnreachable', base, reason), { cause: err });
    }
  }

  function hintsOf(res: Response): ReplyHints {
    const hints: ReplyHints = {};
    const poll = Number(res.headers.get('X-Poll-Interval'));
    if (Number.isFinite(poll) && poll > 0) hints.pollIntervalSeconds = poll;
    const retry = parseRetryAfter(res.headers.get('Retry-After'), now());
    if (retry !== undefined) hints.retryAfterSeconds = retry;
    return hints;
  }

  async function failure(res: Response): Promise<ApiError> {
    const retryAfterSeconds = parseRetryAfter(res.headers.get('Retry-After'), now());
    let problem: s.Problem | undefined;
    try {
      const parsed = v.safeParse(s.Problem, await res.json());
      if (parsed.success) problem = parsed.output;
    } catch {
      // Not JSON (a proxy's HTML error page, say): the status alone has to do.
    }
    const details = { status: res.status, problemCode: problem?.code, retryAfterSeconds };
    const said = problem ? (problem.detail ?? problem.title) : `HTTP ${res.status}`;
    if (res.status === 401 || res.status === 403) {
      return new ApiError('signed-out', apiText('apiTokenRefused', said), details);
    }
    return new ApiError('server-error', apiText('apiServerError', said), details);
  }

  async function parseReply<T extends v.GenericSchema>(res: Response, schema: T): Promise<v.InferOutput<T>> {
    const raw = await readJson(res);
    const parsed = v.safeParse(schema, raw);
    if (!parsed.success) {
      const first = s.describeIssues(parsed.issues)[0];
      const message = first ? apiText('apiNotUnderstoodAt', base, first.path, first.message) : apiText('apiNotUnderstood', base);
      throw new ApiError('bad-reply', message, { status: res.status });
    }
    return parsed.output;
  }

  /** The reply's JSON; a body that stops midway is a lost answer, one that is not JSON a bad reply. */
  async function readJson(res: Response): Promise<unknown> {
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw new ApiError('unreachable', apiText('apiUnreachable', base, apiText('apiReplyCutOff')), { status: res.status, cause: err });
    }
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new ApiError('bad-reply', apiText('apiNotJson', base), { status: res.status, cause: err });
    }
  }

  /**
   * A list reply, read item by item (./tolerant-list): a bad item is repaired or left out and
   * counted, never the reason the whole list is refused. The envelope itself must be right.
   */
  async function requestList<P extends v.ObjectSchema<v.ObjectEntries, undefined>, I extends v.ObjectSchema<v.ObjectEntries, undefined>>(
    path: string,
    page: P,
    item: I,
    query: Query = {},
  ): Promise<Omit<v.InferOutput<P>, 'items'> & { items: v.InferOutput<I>[] }> {
    const res = await send('GET', urlFor(path, query));
    if (!res.ok) throw await failure(res);
    const envelope = await parseReply(res, v.object({ ...page.entries, items: v.array(v.unknown()) }));
    const read = parseItems(item, envelope.items);
    damage = addDamage(damage, read.damage);
    return { ...envelope, items: read.items } as Omit<v.InferOutput<P>, 'items'> & { items: v.InferOutput<I>[] };
  }

  async function request<T extends v.GenericSchema>(
    method: 'GET' | 'POST',
    path: string,
    schema: T,
    opts: { query?: Query; body?: unknown; idempotencyKey?: string } = {},
  ): Promise<v.InferOutput<T>> {
    const headers: Record<string, string> = {};
    if (method === 'POST') headers['Idempotency-Key'] = opts.idempotencyKey ?? crypto.randomUUID();
    const res = await send(method, urlFor(path, opts.query), { headers, body: method === 'POST' ? (opts.body ?? {}) : undefined });
    if (!res.ok) throw await failure(res);
    return parseReply(res, schema);
  }

  /** Follows `nextCursor` until the last page. */
  async function all<T>(fetchPage: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await fetchPage(cursor);
      items.push(...result.items);
      if (!result.nextCursor || result.nextCursor === cursor) return items;
      cursor = result.nextCursor;
    }
    throw new ApiError('bad-reply', apiText('apiTooManyPages', base, MAX_PAGES));
  }

  const enc = encodeURIComponent;
  const company = (id: string) => `/companies/${enc(id)}`;
  const wizardPage = (id: string, direction: s.Direction, cursor?: string, limit?: number) =>
    requestList(`${company(id)}/wizard`, s.WizardPage, s.WizardItem, { direction, cursor, limit });
  const logPage = (id: string, query: LogQuery = {}) => requestList(`${company(id)}/log`, s.LogPage, s.LogEntry, { ...query });
  const unsyncedPage = (id: string, query: UnsyncedQuery = {}) =>
    requestList(`${company(id)}/unsynced`, s.UnsyncedPage, s.UnsyncedEntity, { ...query });

  return {
    baseUrl: base,
    /** How many list items this client showed repaired or left out (see ./tolerant-list). */
    damagedItems: (): ListDamage => damage,
    health: () => request('GET', '/health', s.Health),
    companies: () => requestList('/companies', s.CompanyList, s.Company).then((r) => r.items),

    /** GET /summary with If-None-Match: a 304 means the cached summary is still current. */
    async summary(etag?: string | null): Promise<SummaryResult> {
      const headers: Record<string, string> = etag ? { 'If-None-Match': etag } : {};
      const res = await send('GET', urlFor('/summary'), { headers });
      if (res.status === 304) return { kind: 'unchanged', hints: hintsOf(res) };
      if (!res.ok) throw await failure(res);
      const summary = await parseReply(res, s.Summary);
      return { kind: 'fresh', summary, etag: res.headers.get('ETag'), hints: hintsOf(res) };
    },

    companySummary: (id: string) => request('GET', `${company(id)}/summary`, s.CompanySummary),
    connector: (id: string) => request('GET', `${company(id)}/connector`, s.Connector),

    wizardPage,
    wizardAll: (id: string, direction: s.Direction): Promise<s.WizardItem[]> => all((cursor) => wizardPage(id, direction, cursor)),
    approve: (id: string, body: s.ApproveRequest, idempotencyKey?: string) =>
      request('POST', `${company(id)}/wizard/approve`, s.ApproveResult, { body, idempotencyKey }),

    logPage,
    logAll: (id: string, query: Omit<LogQuery, 'cursor'> = {}): Promise<s.LogEntry[]> =>
      all((cursor) => logPage(id, { ...query, cursor })),

    unsyncedPage,
    unsyncedAll: (id: string, query: Omit<UnsyncedQuery, 'cursor'> = {}): Promise<s.UnsyncedEntity[]> =>
      all((cursor) => unsyncedPage(id, { ...query, cursor })),
    resync: (id: string, unsyncedId: string, idempotencyKey?: string) =>
      request('POST', `${company(id)}/unsynced/${enc(unsyncedId)}/resync`, s.ResyncResult, { idempotencyKey }),
    clearId: (id: string, unsyncedId: string, idempotencyKey?: string) =>
      request('POST', `${company(id)}/unsynced/${enc(unsyncedId)}/clear-id`, s.ClearIdResult, { idempotencyKey }),
    bulkResync: (id: string, ids: string[], idempotencyKey?: string) =>
      request('POST', `${company(id)}/unsynced/resync`, s.BulkResyncResult, { body: { ids }, idempotencyKey }),

    links: (id: string, entityType: string, qbIds: string[]) =>
      requestList(`${company(id)}/links`, s.LinkList, s.Link, { entityType, qbIds: qbIds.join(',') }).then((r) => r.items),
    runConnector: (id: string, idempotencyKey?: string) =>
      request('POST', `${company(id)}/connector/run`, s.ConnectorRunResult, { idempotencyKey }),
    /** The company's Web Connector file (.qwc) as text, for a QuickBooks Desktop company. */
    async webConnectorFile(id: string): Promise<string> {
      const res = await send('GET', urlFor(`${company(id)}/connector/qwc`), { headers: { Accept: 'application/xml, text/xml, application/x-qwc' } });
      if (!res.ok) throw await failure(res);
      let text: string;
      try {
        text = await res.text();
      } catch (err) {
        throw new ApiError('unreachable', apiText('apiUnreachable', base, apiText('apiReplyCutOff')), { status: res.status, cause: err });
      }
      // A proxy's or captive portal's page must not be saved as if it were the file.
      if (text.length > s.MAX_QWC_CHARS || !/<QBWCXML[\s>]/.test(text)) throw new ApiError('bad-reply', apiText('apiNotQwc', base), { status: res.status });
      return text;
    },
  };
}

/** The end of a pause as a clock time ("10:32 AM"), in the browser's language where there is one. */
function pauseEnd(untilMs: number): string {
  try {
    return clockTime(new Date(untilMs));
  } catch {
    return new Date(untilMs).toISOString().slice(11, 16);
  }
}

function describeNetworkError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code) return `${err.message} (${cause.code})`;
    return err.message;
  }
  return String(err);
}
