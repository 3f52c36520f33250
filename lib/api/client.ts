/**
 * Sync API v1 client. Every reply is validated with the schemas in ./schema (a malformed reply is
 * an ApiError 'bad-reply', never a crash); problem+json errors become typed ApiErrors; POSTs carry
 * an Idempotency-Key so a retried request is applied once.
 */
import * as v from 'valibot';
import { checkApiUrl } from '../settings/api-url';
import { ApiError, apiText, parseRetryAfter } from './errors';
import * as s from './schema';

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

  async function send(method: 'GET' | 'POST', url: string, extra: { headers?: Record<string, string>; body?: unknown } = {}) {
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
    let raw: unknown;
    try {
      raw = await res.json();
    } catch (err) {
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        throw new ApiError('unreachable', apiText('apiUnreachable', base, apiText('apiReplyCutOff')), { cause: err });
      }
      throw new ApiError('bad-reply', apiText('apiNotJson', base), { status: res.status, cause: err });
    }
    const parsed = v.safeParse(schema, raw);
    if (!parsed.success) {
      const first = s.describeIssues(parsed.issues)[0];
      const message = first ? apiText('apiNotUnderstoodAt', base, first.path, first.message) : apiText('apiNotUnderstood', base);
      throw new ApiError('bad-reply', message, { status: res.status });
    }
    return parsed.output;
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
    request('GET', `${company(id)}/wizard`, s.WizardPage, { query: { direction, cursor, limit } });
  const logPage = (id: string, query: LogQuery = {}) => request('GET', `${company(id)}/log`, s.LogPage, { query: { ...query } });
  const unsyncedPage = (id: string, query: UnsyncedQuery = {}) =>
    request('GET', `${company(id)}/unsynced`, s.UnsyncedPage, { query: { ...query } });

  return {
    baseUrl: base,
    health: () => request('GET', '/health', s.Health),
    companies: () => request('GET', '/companies', s.CompanyList).then((r) => r.items),

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
      request('GET', `${company(id)}/links`, s.LinkList, { query: { entityType, qbIds: qbIds.join(',') } }).then((r) => r.items),
    runConnector: (id: string, idempotencyKey?: string) =>
      request('POST', `${company(id)}/connector/run`, s.ConnectorRunResult, { idempotencyKey }),
  };
}

function describeNetworkError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code) return `${err.message} (${cause.code})`;
    return err.message;
  }
  return String(err);
}
