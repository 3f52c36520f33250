/**
 * The QuickBooks Online app settings: the app's OAuth credentials, which Intuit hosts to call, and
 * the webhook verifier token. Flags win over SYNCLENS_QBO_* environment variables. Messages name the
 * setting that is wrong, never the value of a secret.
 */
import { parseSecretKey } from './secret-box.ts';

export type QboEnvironment = 'sandbox' | 'production';

export interface QboAppConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  environment: QboEnvironment;
  /** Accounting API host, without a trailing slash; paths are `/v3/company/{realmId}/...`. */
  apiBase: string;
  /** Intuit's consent page (authorize endpoint). */
  oauthBase: string;
  tokenUrl: string;
  revokeUrl: string;
  webhookVerifier: string | null;
  /** Intuit runs every request as 75 at least since 2025, so that is what we write against. */
  minorVersion: 75;
}

export interface QboConfigFlags {
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  environment?: string;
  webhookVerifier?: string;
  apiBase?: string;
  oauthBase?: string;
}

export class QboConfigError extends Error {
  override readonly name = 'QboConfigError';
}

export const INTUIT_HOSTS = {
  sandboxApi: 'https://sandbox-quickbooks.api.intuit.com',
  productionApi: 'https://quickbooks.api.intuit.com',
  authorize: 'https://appcenter.intuit.com/connect/oauth2',
  token: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  revoke: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
} as const;

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());

function baseUrl(raw: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new QboConfigError(`${setting} must be an http(s) URL, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new QboConfigError(`${setting} must be an http(s) URL, got "${raw}".`);
  if (url.search || url.hash) throw new QboConfigError(`${setting} must not contain a query or fragment.`);
  return url.toString().replace(/\/+$/, '');
}

/**
 * The app settings from flags and environment, or null when QuickBooks Online is not configured
 * (no client id, secret or redirect URI anywhere). Half a configuration is an error.
 */
export function qboConfigFrom(flags: QboConfigFlags, env: NodeJS.ProcessEnv): QboAppConfig | null {
  const clientId = nonEmpty(flags.clientId) ?? nonEmpty(env.SYNCLENS_QBO_CLIENT_ID);
  const clientSecret = nonEmpty(flags.clientSecret) ?? nonEmpty(env.SYNCLENS_QBO_CLIENT_SECRET);
  const redirectUri = nonEmpty(flags.redirectUri) ?? nonEmpty(env.SYNCLENS_QBO_REDIRECT_URI);
  const environmentRaw = nonEmpty(flags.environment) ?? nonEmpty(env.SYNCLENS_QBO_ENVIRONMENT);
  const webhookVerifier = nonEmpty(flags.webhookVerifier) ?? nonEmpty(env.SYNCLENS_QBO_WEBHOOK_VERIFIER) ?? null;
  const apiBaseRaw = nonEmpty(flags.apiBase) ?? nonEmpty(env.SYNCLENS_QBO_API_BASE);
  const oauthBaseRaw = nonEmpty(flags.oauthBase) ?? nonEmpty(env.SYNCLENS_QBO_OAUTH_BASE);

  if (!clientId && !clientSecret && !redirectUri) return null;
  const missing: string[] = [];
  if (!clientId) missing.push('the client id (--qbo-client-id or SYNCLENS_QBO_CLIENT_ID)');
  if (!clientSecret) missing.push('the client secret (--qbo-client-secret or SYNCLENS_QBO_CLIENT_SECRET)');
  if (!redirectUri) missing.push('the redirect URI (--qbo-redirect-uri or SYNCLENS_QBO_REDIRECT_URI)');
  if (missing.length) throw new QboConfigError(`QuickBooks Online is only partly configured: missing ${missing.join(', ')}.`);

  if (!/^[\x21-\x7e]{1,200}$/.test(clientId!)) throw new QboConfigError('The QuickBooks Online client id must be one word of visible characters.');
  // Never echo the secret: only say what is wrong with it.
  if (!/^[\x21-\x7e]{1,200}$/.test(clientSecret!)) throw new QboConfigError('The QuickBooks Online client secret must be one word of visible characters.');

  const environment = (environmentRaw ?? 'sandbox').toLowerCase();
  if (environment !== 'sandbox' && environment !== 'production') {
    throw new QboConfigError(`The QuickBooks Online environment must be "sandbox" or "production", got "${environmentRaw}".`);
  }
  // Kept exactly as given: Intuit compares it character for character with the registered one.
  const redirect = redirectUri!;
  let redirectUrl: URL;
  try {
    redirectUrl = new URL(redirect);
  } catch {
    throw new QboConfigError(`The QuickBooks Online redirect URI must be an http(s) URL, got "${redirect}".`);
  }
  if (redirectUrl.protocol !== 'http:' && redirectUrl.protocol !== 'https:') {
    throw new QboConfigError(`The QuickBooks Online redirect URI must be an http(s) URL, got "${redirect}".`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(redirectUrl.hostname);
  // Intuit accepts plain http redirects only for local development.
  if (environment === 'production' && redirectUrl.protocol !== 'https:' && !local) {
    throw new QboConfigError('In production the QuickBooks Online redirect URI must use https.');
  }

  let oauth = { oauthBase: INTUIT_HOSTS.authorize as string, tokenUrl: INTUIT_HOSTS.token as string, revokeUrl: INTUIT_HOSTS.revoke as string };
  if (oauthBaseRaw) {
    const base = baseUrl(oauthBaseRaw, '--qbo-oauth-base / SYNCLENS_QBO_OAUTH_BASE');
    oauth = { oauthBase: `${base}/connect/oauth2`, tokenUrl: `${base}/oauth2/v1/tokens/bearer`, revokeUrl: `${base}/v2/oauth2/tokens/revoke` };
  }
  const apiBase = apiBaseRaw
    ? baseUrl(apiBaseRaw, '--qbo-api-base / SYNCLENS_QBO_API_BASE')
    : environment === 'production' ? INTUIT_HOSTS.productionApi : INTUIT_HOSTS.sandboxApi;

  return {
    clientId: clientId!, clientSecret: clientSecret!, redirectUri: redirect, environment,
    apiBase, ...oauth, webhookVerifier, minorVersion: 75,
  };
}

/** The token encryption key from SYNCLENS_SECRET_KEY (64 hex characters), or null when unset. */
export function secretKeyFrom(env: NodeJS.ProcessEnv): Buffer | null {
  const raw = nonEmpty(env.SYNCLENS_SECRET_KEY);
  if (!raw) return null;
  try {
    return parseSecretKey(raw);
  } catch (err) {
    throw new QboConfigError(`SYNCLENS_SECRET_KEY: ${(err as Error).message}`);
  }
}
