/**
 * Intuit's OAuth 2.0 endpoints: the consent link, the code exchange, the refresh and the revoke.
 * Token calls are form posts with the app's credentials in a Basic header. Every reply is validated;
 * every failure is an OAuthError (Intuit said no, or said something unreadable) or an
 * OAuthNetworkError (no answer). Their messages never carry a token, a code or the client secret.
 */
import * as v from 'valibot';
import type { QboAppConfig } from './config.ts';
import { readLimited } from './read-limited.ts';

export const ACCOUNTING_SCOPE = 'com.intuit.quickbooks.accounting';
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REPLY_BYTES = 64 * 1024;

export interface QboTokenSet {
  accessToken: string;
  refreshToken: string;
  /** ISO-8601, from expires_in and the clock at the time of the reply. */
  accessExpiresAt: string;
  refreshExpiresAt: string | null;
  tid: string | null;
}

export const OAUTH_ERROR_CODES = [
  'invalid_grant', 'invalid_client', 'invalid_request', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope',
  'access_denied', 'server_error', 'temporarily_unavailable',
] as const;
/** Intuit's OAuth error names, plus `bad_reply` (unreadable answer) and `other` (a name we do not know). */
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number] | 'bad_reply' | 'other';

export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly code: OAuthErrorCode,
    message: string,
    readonly status: number | null,
    readonly tid: string | null,
  ) {
    super(message);
  }

  /** Worth trying again later (Intuit's side was busy or broken), as opposed to a refusal. */
  get transient(): boolean {
    return this.code === 'server_error' || this.code === 'temporarily_unavailable' || (this.status !== null && (this.status >= 500 || this.status === 429));
  }
}

export class OAuthNetworkError extends Error {
  override readonly name = 'OAuthNetworkError';
  constructor(readonly reason: 'timeout' | 'network', message: string) {
    super(message);
  }

  readonly transient = true;
}

export interface OAuthCallOptions {
  fetchImpl?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

const TokenReply = v.object({
  token_type: v.optional(v.pipe(v.string(), v.check((t) => t.toLowerCase() === 'bearer', 'token_type must be bearer'))),
  access_token: v.pipe(v.string(), v.minLength(1), v.maxLength(8192), v.regex(/^[\x21-\x7e]+$/)),
  refresh_token: v.pipe(v.string(), v.minLength(1), v.maxLength(8192), v.regex(/^[\x21-\x7e]+$/)),
  expires_in: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10 * 365 * 86_400)),
  x_refresh_token_expires_in: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10 * 365 * 86_400))),
});

const ErrorReply = v.object({
  error: v.pipe(v.string(), v.maxLength(100)),
  error_description: v.optional(v.nullable(v.string())),
});

/** The consent link an admin opens to connect a company. */
export function authorizeUrl(config: QboAppConfig, state: string, scopes: readonly string[] = [ACCOUNTING_SCOPE]): string {
  const url = new URL(config.oauthBase);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', scopes.join(' '));
  url.searchParams.set('redirect_uri', config.redirectUri);
  url.searchParams.set('state', state);
  return url.toString();
}

/** Trades the one-time code from the redirect for the first token pair. */
export async function exchangeCode(config: QboAppConfig, code: string, opts: OAuthCallOptions = {}): Promise<QboTokenSet> {
  // Intuit's codes are at most 512 visible characters; anything else never reaches Intuit.
  if (typeof code !== 'string' || !/^[\x21-\x7e]{1,512}$/.test(code)) {
    throw new OAuthError('invalid_request', 'The authorization code from the redirect is missing or malformed.', null, null);
  }
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: config.redirectUri });
  return tokenSet(await tokenCall(config, config.tokenUrl, body, 'exchange the authorization code', [code, config.clientSecret], opts), opts);
}

/** Uses the refresh token for a new pair (Intuit may rotate the refresh token: store what comes back). */
export async function refreshTokens(config: QboAppConfig, refreshToken: string, opts: OAuthCallOptions = {}): Promise<QboTokenSet> {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
  return tokenSet(await tokenCall(config, config.tokenUrl, body, 'refresh the QuickBooks Online sign-in', [refreshToken, config.clientSecret], opts), opts);
}

/** Revokes a refresh or access token (disconnect). Intuit's documented body is JSON `{token}`. */
export async function revoke(config: QboAppConfig, token: string, opts: OAuthCallOptions = {}): Promise<{ tid: string | null }> {
  const reply = await send(config, config.revokeUrl, JSON.stringify({ token }), 'application/json', 'revoke the QuickBooks Online sign-in', opts);
  if (reply.status !== 200) throw errorFromReply(reply, 'revoke the QuickBooks Online sign-in', [token, config.clientSecret]);
  return { tid: reply.tid };
}

interface RawReply { status: number; text: string; tid: string | null }

async function tokenCall(
  config: QboAppConfig, url: string, body: URLSearchParams, what: string, secrets: string[], opts: OAuthCallOptions,
): Promise<{ json: v.InferOutput<typeof TokenReply>; tid: string | null }> {
  const reply = await send(config, url, body.toString(), 'application/x-www-form-urlencoded', what, opts);
  if (reply.status !== 200) throw errorFromReply(reply, what, secrets);
  let json: unknown;
  try {
    json = JSON.parse(reply.text);
  } catch {
    throw new OAuthError('bad_reply', `Intuit's answer to the request to ${what} was not JSON.`, reply.status, reply.tid);
  }
  // Some clients once treated {"error": ...} with HTTP 200 as success and lost the tokens: never again.
  const asError = v.safeParse(ErrorReply, json);
  if (asError.success) throw errorFromReply({ ...reply, status: 400 }, what, secrets);
  const parsed = v.safeParse(TokenReply, json);
  if (!parsed.success) {
    const where = parsed.issues.map((i) => v.getDotPath(i) ?? '(reply)').join(', ');
    throw new OAuthError('bad_reply', `Intuit's answer to the request to ${what} is missing or has invalid fields: ${where}.`, reply.status, reply.tid);
  }
  return { json: parsed.output, tid: reply.tid };
}

function tokenSet(reply: { json: v.InferOutput<typeof TokenReply>; tid: string | null }, opts: OAuthCallOptions): QboTokenSet {
  const now = (opts.now ?? (() => new Date()))().getTime();
  const { json } = reply;
  return {
    accessToken: json.access_token,
    refreshToken: json.refresh_token,
    accessExpiresAt: new Date(now + json.expires_in * 1000).toISOString(),
    refreshExpiresAt: json.x_refresh_token_expires_in === undefined ? null : new Date(now + json.x_refresh_token_expires_in * 1000).toISOString(),
    tid: reply.tid,
  };
}

async function send(
  config: QboAppConfig, url: string, body: string, contentType: string, what: string, opts: OAuthCallOptions,
): Promise<RawReply> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`, 'utf8').toString('base64');
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': contentType, accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new OAuthNetworkError('timeout', `Intuit did not answer the request to ${what} in time.`);
    }
    const cause = (err as { cause?: { code?: unknown } })?.cause?.code;
    const code = typeof cause === 'string' && /^[A-Z_]{2,40}$/.test(cause) ? ` (${cause})` : '';
    throw new OAuthNetworkError('network', `Could not reach Intuit to ${what}${code}.`);
  }
  const tid = res.headers.get('intuit_tid');
  let text: string | null;
  try {
    text = await readLimited(res, MAX_REPLY_BYTES);
  } catch {
    text = null; // the connection broke mid-body
  }
  if (text === null) throw new OAuthError('bad_reply', `Intuit's answer to the request to ${what} was cut off or too large.`, res.status, tid);
  return { status: res.status, text, tid };
}

function errorFromReply(reply: RawReply, what: string, secrets: string[]): OAuthError {
  let name: string | null = null;
  let description: string | null = null;
  try {
    const parsed = v.safeParse(ErrorReply, JSON.parse(reply.text));
    if (parsed.success) [name, description] = [parsed.output.error, parsed.output.error_description ?? null];
  } catch { /* not JSON: an HTML error page or nothing */ }
  const known = (OAUTH_ERROR_CODES as readonly string[]).includes(name ?? '') ? (name as OAuthErrorCode) : null;
  let code: OAuthErrorCode = known ?? (name ? 'other' : reply.status >= 500 ? 'server_error' : 'bad_reply');
  if (!name && reply.status === 401) code = 'invalid_client';
  const said = name ? ` (${name.replace(/[^\w.-]/g, '').slice(0, 60)}${description ? `: ${cleanDescription(description, secrets)}` : ''})` : '';
  const status = ` HTTP ${reply.status}`;
  const advice = code === 'invalid_grant'
    ? ' The saved sign-in is no longer valid; the company has to be connected again.'
    : code === 'invalid_client' || code === 'unauthorized_client'
      ? ' Check the QuickBooks Online client id and secret the sync service is configured with.'
      : '';
  return new OAuthError(code, `Intuit refused the request to ${what}:${status}${said}.${advice}`, reply.status, reply.tid);
}

/** Intuit's own description, short, on one line, and with any value we sent blanked out. */
function cleanDescription(description: string, secrets: string[]): string {
  let text = description;
  for (const secret of secrets) if (secret) text = text.split(secret).join('[redacted]');
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e]/g, '').slice(0, 200).trim();
}
