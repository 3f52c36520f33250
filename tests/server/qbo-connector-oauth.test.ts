import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../server/db/open.ts';
import { qboConfigFrom } from '../../server/quickbooks/qbo/config.ts';
import {
  authorizeUrl, exchangeCode, OAuthError, OAuthNetworkError, refreshTokens, revoke,
} from '../../server/quickbooks/qbo/oauth-client.ts';
import { AUTH_STATE_TTL_MS, consumeAuthState, createAuthState } from '../../server/quickbooks/qbo/oauth-states.ts';
import { Store } from '../../server/store/store.ts';
import { testClock } from './helpers/server.ts';

function storeWithCompany(clock = testClock()) {
  const db = openSqlite(':memory:');
  db.raw.prepare("INSERT INTO change_state (id, seq, changed_at) VALUES (1, 0, '2026-01-01T00:00:00Z') ON CONFLICT DO NOTHING").run();
  db.raw.prepare("INSERT INTO companies (id, sort, name, system, connector_kind) VALUES ('acme', 0, 'Acme Lawn', 'qbo', 'qbo-api')").run();
  return { store: new Store(db, clock.now), clock };
}

const CONFIG = qboConfigFrom({
  clientId: 'client-1', clientSecret: 'client-secret-value', redirectUri: 'https://sync.example.com/connect/qbo/callback',
  oauthBase: 'https://oauth.example.test',
}, {})!;

/** A fetch that answers from a function and remembers what it was sent. */
function fakeFetch(answer: (req: { url: string; init: RequestInit }) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = { url: String(url), init };
    calls.push(call);
    return answer(call);
  }) as typeof fetch;
  return { impl, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', intuit_tid: 'tid-42', ...headers } });

const TOKEN_REPLY = {
  token_type: 'bearer', access_token: 'AT-new-access', expires_in: 3600, refresh_token: 'RT-new-refresh', x_refresh_token_expires_in: 8726400,
};

describe('OAuth states', () => {
  it('are random, stored hashed and usable once', async () => {
    const { store } = storeWithCompany();
    const state = await createAuthState(store, 'acme');
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await createAuthState(store, 'acme')).not.toBe(state);
    const rows = (await store.db.prepare('SELECT * FROM oauth_states').all()) as { state_hash: string; expires_at: string; created_at: string }[];
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(state);
    expect(Date.parse(rows[0]!.expires_at) - Date.parse(rows[0]!.created_at)).toBe(AUTH_STATE_TTL_MS);
    expect(await consumeAuthState(store, state)).toEqual({ ok: true, companyId: 'acme' });
    expect(await consumeAuthState(store, state)).toEqual({ ok: false, reason: 'used' });
  });

  it('expire after 10 minutes', async () => {
    const { store, clock } = storeWithCompany();
    const state = await createAuthState(store, 'acme');
    clock.advance(AUTH_STATE_TTL_MS);
    expect(await consumeAuthState(store, state)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse unknown and malformed values', async () => {
    const { store } = storeWithCompany();
    expect(await consumeAuthState(store, 'A'.repeat(43))).toEqual({ ok: false, reason: 'unknown' });
    for (const bad of [undefined, '', 'short', "' OR 1=1 --", 'A'.repeat(44), 42]) {
      expect(await consumeAuthState(store, bad)).toEqual({ ok: false, reason: 'unknown' });
    }
  });

  it('are pruned after a day', async () => {
    const { store, clock } = storeWithCompany();
    await createAuthState(store, 'acme');
    clock.advance(25 * 3600_000);
    const fresh = await createAuthState(store, 'acme');
    expect((await store.db.prepare('SELECT COUNT(*) FROM oauth_states').pluck().get())).toBe(1);
    expect((await consumeAuthState(store, fresh)).ok).toBe(true);
  });
});

describe('OAuth client', () => {
  it('builds the consent link with the accounting scope', async () => {
    const url = new URL(authorizeUrl(CONFIG, 'state-1'));
    expect(url.origin + url.pathname).toBe('https://oauth.example.test/connect/oauth2');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-1', response_type: 'code', scope: 'com.intuit.quickbooks.accounting',
      redirect_uri: 'https://sync.example.com/connect/qbo/callback', state: 'state-1',
    });
  });

  it('exchanges a code with a Basic-authenticated form post', async () => {
    const { impl, calls } = fakeFetch(() => json(TOKEN_REPLY));
    const now = () => new Date('2026-03-01T12:00:00Z');
    const tokens = await exchangeCode(CONFIG, 'code-abc', { fetchImpl: impl, now });
    expect(tokens).toEqual({
      accessToken: 'AT-new-access', refreshToken: 'RT-new-refresh', accessExpiresAt: '2026-03-01T13:00:00.000Z',
      refreshExpiresAt: new Date(Date.parse('2026-03-01T12:00:00Z') + 8726400_000).toISOString(), tid: 'tid-42',
    });
    const { url, init } = calls[0]!;
    expect(url).toBe('https://oauth.example.test/oauth2/v1/tokens/bearer');
    const headers = init.headers as Record<string, string>;
    expect(headers.authorization).toBe(`Basic ${Buffer.from('client-1:client-secret-value').toString('base64')}`);
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(headers.accept).toBe('application/json');
    expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toEqual({
      grant_type: 'authorization_code', code: 'code-abc', redirect_uri: 'https://sync.example.com/connect/qbo/callback',
    });
  });

  it('types invalid_grant and never repeats the token, code or secret in messages', async () => {
    const { impl } = fakeFetch(() => json({ error: 'invalid_grant', error_description: 'Token RT-old-refresh is invalid' }, 400));
    const err = await refreshTokens(CONFIG, 'RT-old-refresh', { fetchImpl: impl }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthError);
    expect(err).toMatchObject({ code: 'invalid_grant', status: 400, tid: 'tid-42', transient: false });
    expect((err as Error).message).toContain('connected again');
    expect((err as Error).message).not.toContain('RT-old-refresh');
    expect((err as Error).message).not.toContain('client-secret-value');
  });

  it('treats {"error": ...} with HTTP 200 as the error it is', async () => {
    const { impl } = fakeFetch(() => json({ error: 'invalid_grant' }, 200));
    await expect(refreshTokens(CONFIG, 'RT', { fetchImpl: impl })).rejects.toMatchObject({ code: 'invalid_grant' });
  });

  it('names other refusals and unreadable replies', async () => {
    const cases: [Response, string, boolean][] = [
      [json({ error: 'invalid_client' }, 401), 'invalid_client', false],
      [new Response('', { status: 401 }), 'invalid_client', false],
      [json({ error: 'made_up_error' }, 400), 'other', false],
      [new Response('<html>busy</html>', { status: 503 }), 'server_error', true],
      [new Response('not json', { status: 200 }), 'bad_reply', false],
      [json({ ...TOKEN_REPLY, access_token: '' }), 'bad_reply', false],
      [json({ ...TOKEN_REPLY, expires_in: 'soon' }), 'bad_reply', false],
    ];
    for (const [reply, code, transient] of cases) {
      const { impl } = fakeFetch(() => reply);
      const err = await refreshTokens(CONFIG, 'RT', { fetchImpl: impl }).catch((e: unknown) => e);
      expect(err, code).toBeInstanceOf(OAuthError);
      expect((err as OAuthError).code).toBe(code);
      expect((err as OAuthError).transient).toBe(transient);
    }
  });

  it('types network failures and timeouts', async () => {
    const refused = fakeFetch(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    });
    const err = await refreshTokens(CONFIG, 'RT-secret', { fetchImpl: refused.impl }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthNetworkError);
    expect(err).toMatchObject({ reason: 'network', transient: true });
    expect((err as Error).message).toMatch(/Could not reach Intuit .*\(ECONNREFUSED\)/);
    const slow = fakeFetch(({ init }) => new Promise<Response>((_, reject) => {
      init.signal!.addEventListener('abort', () => reject(init.signal!.reason));
    }));
    await expect(refreshTokens(CONFIG, 'RT', { fetchImpl: slow.impl, timeoutMs: 20 })).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('refuses a malformed code before calling Intuit', async () => {
    const { impl, calls } = fakeFetch(() => json(TOKEN_REPLY));
    await expect(exchangeCode(CONFIG, 'has space', { fetchImpl: impl })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(exchangeCode(CONFIG, 'x'.repeat(513), { fetchImpl: impl })).rejects.toMatchObject({ code: 'invalid_request' });
    expect(calls).toHaveLength(0);
  });

  it('revokes with a JSON body', async () => {
    const { impl, calls } = fakeFetch(() => new Response(null, { status: 200, headers: { intuit_tid: 'tid-r' } }));
    expect(await revoke(CONFIG, 'RT-to-revoke', { fetchImpl: impl })).toEqual({ tid: 'tid-r' });
    expect(calls[0]!.url).toBe('https://oauth.example.test/v2/oauth2/tokens/revoke');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ token: 'RT-to-revoke' });
  });
});
