/**
 * Intuit's OAuth 2.0 endpoints on their usual paths (a connector changes only the host):
 *   GET  /connect/oauth2            consent; redirects back with code, state and realmId
 *   GET  /connect/oauth2/consent    completes the consent for the company picked on the chooser page
 *   POST /oauth2/v1/tokens/bearer   authorization_code and refresh_token grants (Basic client auth)
 *   POST /v2/oauth2/tokens/revoke   revokes a token and everything issued with it
 * A bad authorization request gets a 400 page, never a redirect (the redirect URI is not trusted yet).
 */
import type { Context, Hono } from 'hono';
import type { OAuthStore, AppRegistration } from './oauth-store.ts';
import type { Env } from './request-gate.ts';
import type { EmulatorState } from './state.ts';
import { readText } from './wire.ts';

export interface OAuthDeps {
  oauth: OAuthStore;
  state: EmulatorState;
}

const ACCOUNTING_SCOPE = 'com.intuit.quickbooks.accounting';
const MAX_PARAM = 2000;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(c: Context, status: 200 | 400, title: string, bodyHtml: string): Response {
  c.header('content-type', 'text/html; charset=utf-8');
  return c.body(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`
    + `<body><h1>${escapeHtml(title)}</h1>${bodyHtml}</body></html>`, status);
}

const errorPage = (c: Context, message: string) => page(c, 400, 'Authorization request refused', `<p>${escapeHtml(message)}</p>`);

interface AuthorizeRequest { app: AppRegistration; redirectUri: string; state: string | null; params: URLSearchParams }

/** Checks an authorization request; the string is the reason it is refused. */
function checkAuthorize(deps: OAuthDeps, url: URL): AuthorizeRequest | string {
  const p = url.searchParams;
  for (const [key, value] of p) if (value.length > MAX_PARAM) return `The parameter ${key} is too long.`;
  const clientId = p.get('client_id') ?? '';
  const app = deps.oauth.app(clientId);
  if (!app) return clientId ? 'The client_id is not known to this QuickBooks emulator.' : 'The client_id parameter is missing.';
  const redirectUri = p.get('redirect_uri') ?? '';
  if (!redirectUri) return 'The redirect_uri parameter is missing.';
  if (!app.redirectUris.includes(redirectUri)) return 'The redirect_uri is not one of the redirect URIs registered for this app.';
  if (p.get('response_type') !== 'code') return 'The response_type must be "code".';
  const scopes = (p.get('scope') ?? '').split(/\s+/);
  if (!scopes.includes(ACCOUNTING_SCOPE)) return `The scope must include ${ACCOUNTING_SCOPE}.`;
  return { app, redirectUri, state: p.get('state'), params: p };
}

function redirectBack(c: Context, req: AuthorizeRequest, params: Record<string, string>): Response {
  const target = new URL(req.redirectUri);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  if (req.state !== null) target.searchParams.set('state', req.state);
  return c.redirect(target.toString(), 302);
}

function consentFor(deps: OAuthDeps, c: Context, req: AuthorizeRequest, realmId: string): Response {
  const code = deps.oauth.issueCode(req.app.clientId, req.redirectUri, realmId);
  return redirectBack(c, req, { code, realmId });
}

export function registerOAuthRoutes(app: Hono<Env>, deps: OAuthDeps): void {
  app.get('/connect/oauth2', (c) => {
    const req = checkAuthorize(deps, new URL(c.req.url));
    if (typeof req === 'string') return errorPage(c, req);
    const next = deps.oauth.takeNextConsent();
    if (next && 'deny' in next) return redirectBack(c, req, { error: 'access_denied' });
    const realms = deps.state.realmList();
    if (next) {
      if (!deps.state.realm(next.realmId)) return errorPage(c, `The company ${next.realmId} chosen for this consent does not exist.`);
      return consentFor(deps, c, req, next.realmId);
    }
    if (realms.length === 0) return errorPage(c, 'There is no QuickBooks company to connect; add one first.');
    if (realms.length === 1) return consentFor(deps, c, req, realms[0]!.realmId);
    const links = realms.map((realm) => {
      const choice = new URLSearchParams(req.params);
      choice.set('realmId', realm.realmId);
      return `<li><a href="/connect/oauth2/consent?${escapeHtml(choice.toString())}">${escapeHtml(realm.companyName)} (${escapeHtml(realm.realmId)})</a></li>`;
    }).join('');
    return page(c, 200, 'Choose the company to connect', `<ul>${links}</ul>`);
  });

  app.get('/connect/oauth2/consent', (c) => {
    const url = new URL(c.req.url);
    const req = checkAuthorize(deps, url);
    if (typeof req === 'string') return errorPage(c, req);
    const realmId = url.searchParams.get('realmId') ?? '';
    if (!deps.state.realm(realmId)) return errorPage(c, 'The chosen company does not exist.');
    return consentFor(deps, c, req, realmId);
  });

  app.post('/oauth2/v1/tokens/bearer', async (c) => {
    const client = deps.oauth.authenticateClient(c.req.header('authorization'));
    if (!client) {
      c.header('www-authenticate', 'Basic realm="qbo-emulator"');
      return c.json({ error: 'invalid_client' }, 401);
    }
    const text = await readText(c);
    if (!text.ok) return c.json({ error: 'invalid_request', error_description: 'The body is not valid UTF-8.' }, 400);
    const form = new URLSearchParams(text.value);
    const grantType = form.get('grant_type');
    let result;
    if (grantType === 'authorization_code') {
      const code = form.get('code');
      const redirectUri = form.get('redirect_uri');
      if (!code || !redirectUri) return c.json({ error: 'invalid_request', error_description: 'code and redirect_uri are required.' }, 400);
      result = deps.oauth.redeemCode(client, code, redirectUri);
    } else if (grantType === 'refresh_token') {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return c.json({ error: 'invalid_request', error_description: 'refresh_token is required.' }, 400);
      result = deps.oauth.refresh(client, refreshToken);
    } else {
      return c.json({ error: 'unsupported_grant_type' }, 400);
    }
    if (!result.ok) return c.json({ error: result.error, error_description: result.description }, 400);
    c.get('logEntry').realmId = result.realmId;
    c.header('cache-control', 'no-store');
    return c.json(result.reply, 200);
  });

  app.post('/v2/oauth2/tokens/revoke', async (c) => {
    const client = deps.oauth.authenticateClient(c.req.header('authorization'));
    if (!client) return c.json({ error: 'invalid_client' }, 401);
    const text = await readText(c);
    if (!text.ok) return c.json({ error: 'invalid_request', error_description: 'The body is not valid UTF-8.' }, 400);
    // Intuit documents a JSON body; some clients send it form-encoded: accept both.
    let token: unknown = null;
    if ((c.req.header('content-type') ?? '').includes('application/json')) {
      try {
        token = (JSON.parse(text.value) as { token?: unknown } | null)?.token;
      } catch {
        return c.json({ error: 'invalid_request', error_description: 'The body is not valid JSON.' }, 400);
      }
    } else {
      token = new URLSearchParams(text.value).get('token');
    }
    if (typeof token !== 'string' || !token) return c.json({ error: 'invalid_request', error_description: 'token is required.' }, 400);
    deps.oauth.revoke(client, token);
    return c.body(null, 200);
  });
}
