/**
 * HTTP to one company's Accounting API: `${apiBase}/v3/company/${realmId}/...?minorversion=75`.
 *
 * What it takes care of, so the company object only speaks entities:
 * - the bearer token from the token manager, and one refresh-and-retry after a 401;
 * - the realm's rate limits (rate-limiter.ts), for every attempt;
 * - `requestid` on writes, the same on every retry, which is what makes retrying a write whose reply
 *   was lost safe;
 * - retries with backoff after 5xx replies and network failures, then `unavailable`;
 * - throttling (429 or fault 3001): the wait is read from Retry-After and returned, never slept here;
 * - `intuit_tid` from every reply; a timeout per attempt; a cap on reply size; unreadable JSON.
 * No token or Authorization header ever appears in what it returns.
 */
import { createHash } from 'node:crypto';
import { assertWriteAllowed } from '../write-guard.ts';
import type { QbFailure } from '../boundary.ts';
import type { QboAppConfig } from './config.ts';
import { QboAuthExpired, QboNotConnected, type QboTokenManager } from './connection-store.ts';
import { classifyFault, parseFaultReply, type QboFault } from './faults.ts';
import { OAuthError, OAuthNetworkError } from './oauth-client.ts';
import { realmLimiter, type RealmLimiter } from './rate-limiter.ts';
import { SecretBoxError, SecretKeyError } from './secret-box.ts';
import { readLimited } from './read-limited.ts';

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 4000];
export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_REPLY_BYTES = 20 * 1024 * 1024;
/** Intuit's advice when a 429 names no wait. */
export const DEFAULT_THROTTLE_WAIT_MS = 60_000;

export type TokenSource = Pick<QboTokenManager, 'accessToken' | 'forceRefresh' | 'markAuthExpired'>;

export interface QboApiClientOptions {
  config: QboAppConfig;
  tokens: TokenSource;
  companyId: string;
  realmId: string;
  fetchImpl?: typeof fetch;
  /** Waits before the 2nd, 3rd... attempt after a 5xx or network failure; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  maxReplyBytes?: number;
  /** Defaults to the process-wide limiter of the realm. */
  limiter?: RealmLimiter;
  /** Wall clock, for Retry-After dates. */
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Below /v3/company/{realmId}/, e.g. `invoice`, `invoice/42`, `query`, `batch`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as `requestid` (writes): identical on every retry. */
  requestId?: string;
}

export type ApiResult =
  | { ok: true; status: number; json: Record<string, unknown>; tid: string | null }
  | { ok: false; failure: QbFailure; fault: QboFault | null };

type Attempt =
  | { kind: 'reply'; status: number; body: string; contentType: string | null; tid: string | null; retryAfter: string | null }
  | { kind: 'network'; code: string; message: string }
  | { kind: 'too-large'; status: number; tid: string | null };

const REQUEST_ID = /^[A-Za-z0-9_-]{1,50}$/;

export class QboApiClient {
  private readonly opts: QboApiClientOptions;
  private readonly limiter: RealmLimiter;
  private readonly fetchImpl: typeof fetch;
  private readonly delays: readonly number[];
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;

  constructor(opts: QboApiClientOptions) {
    this.opts = opts;
    this.limiter = opts.limiter ?? realmLimiter(opts.realmId);
    this.fetchImpl = opts.fetchImpl ?? fetch;
    this.delays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = opts.now ?? (() => new Date());
  }

  get realmLimiter(): RealmLimiter {
    return this.limiter;
  }

  async request(req: ApiRequest): Promise<ApiResult> {
    const { companyId } = this.opts;
    let token: string;
    try {
      token = await this.opts.tokens.accessToken(companyId);
    } catch (err) {
      return tokenFailure(err);
    }
    const url = this.url(req);
    let retriesUsed = 0;
    let refreshed = false;
    for (;;) {
      const waiting = this.limiter.throttledRemainingMs();
      if (waiting > 0) return throttled(waiting, '3001', 'QuickBooks Online asked to slow down; waiting before sending more.', null);
      const release = await this.limiter.acquire();
      let attempt: Attempt;
      try {
        // Checked again: a 429 may have arrived while this call waited for its slot.
        const stillWaiting = this.limiter.throttledRemainingMs();
        if (stillWaiting > 0) return throttled(stillWaiting, '3001', 'QuickBooks Online asked to slow down; waiting before sending more.', null);
        attempt = await this.send(url, req, token);
      } finally {
        release();
      }

      if (attempt.kind === 'network') {
        if (retriesUsed < this.delays.length) {
          await this.sleep(this.delays[retriesUsed++]!);
          continue;
        }
        return unavailable(attempt.code, attempt.message, true, null, null);
      }
      if (attempt.kind === 'too-large') {
        const mb = Math.round((this.opts.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES) / 1024 / 1024);
        return unavailable('reply-too-large', `QuickBooks Online sent a reply larger than ${mb} MB; it was not read.`, false, null, attempt.tid);
      }

      const fault = parseFaultReply({ status: attempt.status, body: attempt.body, contentType: attempt.contentType, tid: attempt.tid });
      if (!fault) {
        let json: unknown;
        try {
          json = JSON.parse(attempt.body);
        } catch {
          return unavailable('bad-reply', `QuickBooks Online sent a reply that is not valid JSON (HTTP ${attempt.status}).`, false, null, attempt.tid);
        }
        if (typeof json !== 'object' || json === null || Array.isArray(json)) {
          return unavailable('bad-reply', `QuickBooks Online sent a reply that is not a JSON object (HTTP ${attempt.status}).`, false, null, attempt.tid);
        }
        return { ok: true, status: attempt.status, json: json as Record<string, unknown>, tid: attempt.tid };
      }
      scrub(fault, token);

      const kind = classifyFault(fault);
      const expiredToken = attempt.status === 401 || fault.code === '3200';
      if (expiredToken && !refreshed) {
        refreshed = true;
        try {
          token = await this.opts.tokens.forceRefresh(companyId, token);
        } catch (err) {
          return tokenFailure(err);
        }
        continue;
      }
      if (kind === 'throttled') {
        const wait = retryAfterMs(attempt.retryAfter, this.now()) ?? DEFAULT_THROTTLE_WAIT_MS;
        this.limiter.throttleFor(wait);
        return { ok: false, fault, failure: { kind: 'throttled', retryAfterMs: wait, code: fault.code, message: fault.message, tid: fault.tid } };
      }
      if (kind === 'server') {
        if (retriesUsed < this.delays.length) {
          await this.sleep(this.delays[retriesUsed++]!);
          continue;
        }
        // Still failing after the backoff: the entry fails with QuickBooks' code (a Resync tries
        // again), unless QuickBooks said when to come back.
        const wait = retryAfterMs(attempt.retryAfter, this.now());
        return { ok: false, fault, failure: { kind: 'unavailable', code: fault.code, message: fault.message, transient: wait !== null, retryAfterMs: wait, tid: fault.tid } };
      }
      if (kind === 'auth') {
        // Still refused after a fresh token, or refused outright (3100): only a reconnect helps.
        const what = `QuickBooks Online refused the sync service access to this company (code ${fault.code}).`;
        const expired = await this.opts.tokens.markAuthExpired(companyId, what);
        return { ok: false, fault, failure: { kind: 'auth', message: expired.message } };
      }
      return {
        ok: false, fault,
        failure: { kind: 'fault', code: fault.code, message: fault.message, detail: fault.detail, element: fault.element, tid: fault.tid },
      };
    }
  }

  private url(req: ApiRequest): string {
    const { config, realmId } = this.opts;
    const params = new URLSearchParams({ minorversion: String(config.minorVersion) });
    if (req.requestId !== undefined) params.set('requestid', requestIdFor(req.requestId));
    for (const [key, value] of Object.entries(req.query ?? {})) params.set(key, value);
    return `${config.apiBase}/v3/company/${encodeURIComponent(realmId)}/${req.path}?${params.toString().replace(/\+/g, '%20')}`;
  }

  private async send(url: string, req: ApiRequest, token: string): Promise<Attempt> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    let body: string | undefined;
    if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    // A write leaves only while this instance still holds the company's lease (several instances).
    if (req.method !== 'GET') assertWriteAllowed();
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: req.method, headers, body, signal: AbortSignal.timeout(this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS), redirect: 'error',
      });
    } catch (err) {
      return networkAttempt(err, this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    }
    const tid = res.headers.get('intuit_tid');
    const maxBytes = this.opts.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'too-large', status: res.status, tid };
    }
    try {
      const text = await readLimited(res, maxBytes);
      if (text === null) return { kind: 'too-large', status: res.status, tid };
      return { kind: 'reply', status: res.status, body: text, contentType: res.headers.get('content-type'), tid, retryAfter: res.headers.get('retry-after') };
    } catch (err) {
      return networkAttempt(err, this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    }
  }
}

/** The caller's id when QuickBooks accepts it as is, else a stable UUID-shaped digest of it. */
export function requestIdFor(id: string): string {
  if (REQUEST_ID.test(id)) return id;
  return uuidFromText(id);
}

/** A UUID-shaped string derived from `text` (same text, same id). */
export function uuidFromText(text: string): string {
  const hex = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const value = header.trim();
  const DAY = 86_400_000;
  if (/^\d{1,9}$/.test(value)) return Math.min(Number(value) * 1000, DAY);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now.getTime()), DAY);
}

function networkAttempt(err: unknown, timeoutMs: number): Attempt {
  const name = (err as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { kind: 'network', code: 'ETIMEDOUT', message: `QuickBooks Online did not answer within ${Math.round(timeoutMs / 1000)} s.` };
  }
  const raw = (err as { cause?: { code?: unknown } })?.cause?.code ?? (err as { code?: unknown })?.code;
  const code = typeof raw === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(raw) ? raw : 'ENETWORK';
  return { kind: 'network', code, message: `Could not reach QuickBooks Online (${code}).` };
}

function throttled(retryAfter: number, code: string, message: string, tid: string | null): ApiResult {
  return { ok: false, fault: null, failure: { kind: 'throttled', retryAfterMs: retryAfter, code, message, tid } };
}

function unavailable(code: string, message: string, transient: boolean, retryAfter: number | null, tid: string | null): ApiResult {
  return { ok: false, fault: null, failure: { kind: 'unavailable', code, message, transient, retryAfterMs: retryAfter, tid } };
}

/** What a failure to get a token means for the caller. */
function tokenFailure(err: unknown): ApiResult {
  if (err instanceof QboAuthExpired || err instanceof QboNotConnected) return { ok: false, fault: null, failure: { kind: 'auth', message: err.message } };
  if (err instanceof OAuthNetworkError) return unavailable('oauth-unreachable', err.message, true, null, null);
  if (err instanceof OAuthError) {
    if (err.transient) return unavailable(`oauth-${err.code}`, err.message, true, null, err.tid);
    return { ok: false, fault: null, failure: { kind: 'auth', message: err.message } };
  }
  if (err instanceof SecretKeyError || err instanceof SecretBoxError) return { ok: false, fault: null, failure: { kind: 'auth', message: err.message } };
  throw err;
}

/** Blanks the access token out of anything QuickBooks echoed back. */
function scrub(fault: QboFault, token: string): void {
  if (!token) return;
  const clean = (s: string | null) => (s === null ? s : s.split(token).join('[redacted]'));
  fault.message = clean(fault.message)!;
  fault.detail = clean(fault.detail);
  for (const e of fault.errors) {
    e.message = clean(e.message)!;
    e.detail = clean(e.detail);
  }
}
