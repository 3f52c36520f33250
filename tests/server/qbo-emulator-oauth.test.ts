// The QuickBooks Online emulator's OAuth 2.0 endpoints, driven over HTTP like a browser and a connector would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQboEmulator, type RunningQboEmulator } from '../../server/qbo-emulator/app.ts';
import { adminClient, basicAuth, connectToEmulator, v3Client } from '../../server/qbo-emulator/connect-kit.ts';

const CLIENT = { clientId: 'oauth-client', clientSecret: 'oauth-secret-value', redirectUris: ['https://app.example/callback'] };
const REDIRECT = CLIENT.redirectUris[0]!;

let emu: RunningQboEmulator;
let admin: ReturnType<typeof adminClient>;

beforeAll(async () => {
  emu = await startQboEmulator({ apps: [CLIENT], realms: [{ realmId: '9130350000000001', companyName: 'Evergreen Tree & Landscape' }] });
  admin = adminClient(emu.url);
});
afterAll(async () => { await emu.close(); });

function authorizeUrl(params: Record<string, string> = {}): string {
  const url = new URL('/connect/oauth2', emu.oauthBase);
  url.search = new URLSearchParams({
    client_id: CLIENT.clientId, response_type: 'code', scope: 'com.intuit.quickbooks.accounting openid', redirect_uri: REDIRECT, state: 'csrf-1',
    ...params,
  }).toString();
  return url.toString();
}

async function consent(params: Record<string, string> = {}): Promise<URL> {
  const reply = await fetch(authorizeUrl(params), { redirect: 'manual' });
  expect(reply.status).toBe(302);
  return new URL(reply.headers.get('location')!);
}

async function token(form: Record<string, string>, auth = basicAuth(CLIENT.clientId, CLIENT.clientSecret)) {
  const reply = await fetch(`${emu.oauthBase}/oauth2/v1/tokens/bearer`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form),
  });
  return { status: reply.status, headers: reply.headers, json: await reply.json() as Record<string, any> };
}

async function exchange(code: string, redirectUri = REDIRECT) {
  return token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
}

describe('consent', () => {
  it('redirects back with code, state and realmId when there is one company', async () => {
    const back = await consent();
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('csrf-1');
    expect(back.searchParams.get('realmId')).toBe('9130350000000001');
    expect(back.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it.each([
    ['an unknown client_id', { client_id: 'nobody' }, /client_id/],
    ['an unregistered redirect_uri', { redirect_uri: 'https://evil.example/cb' }, /redirect_uri/],
    ['a response_type other than code', { response_type: 'token' }, /response_type/],
    ['a scope without accounting', { scope: 'openid email' }, /scope/],
  ])('answers %s with a 400 page, never a redirect', async (_label, params, reason) => {
    const reply = await fetch(authorizeUrl(params), { redirect: 'manual' });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('location')).toBeNull();
    expect(reply.headers.get('content-type')).toContain('text/html');
    expect(await reply.text()).toMatch(reason);
  });

  it('redirects with error=access_denied when the next consent is refused, once', async () => {
    expect((await admin.post('/consent', { deny: true })).status).toBe(200);
    const denied = await consent();
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('csrf-1');
    expect(denied.searchParams.get('code')).toBeNull();
    expect((await consent()).searchParams.get('code')).toBeTruthy();
  });

});

describe('token endpoint', () => {
  it('exchanges a code once for a bearer pair shaped like Intuit\'s', async () => {
    const code = (await consent()).searchParams.get('code')!;
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(first.headers.get('intuit_tid')).toBeTruthy();
    expect(first.json).toEqual({
      token_type: 'bearer', access_token: expect.any(String), expires_in: 3600, refresh_token: expect.any(String), x_refresh_token_expires_in: 8726400,
    });
    expect(first.json.access_token).not.toBe(first.json.refresh_token);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.json.error).toBe('invalid_grant');
  });

  it('refuses a code with another redirect_uri, and an expired code', async () => {
    const code = (await consent()).searchParams.get('code')!;
    expect((await exchange(code, 'https://app.example/other')).json.error).toBe('invalid_grant');
    const late = (await consent()).searchParams.get('code')!;
    await admin.post('/clock', { advanceSeconds: 601 });
    const expired = await exchange(late);
    expect(expired.status).toBe(400);
    expect(expired.json.error).toBe('invalid_grant');
  });

  it('refuses bad client credentials with 401 invalid_client and an unknown grant type', async () => {
    const code = (await consent()).searchParams.get('code')!;
    const wrong = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, basicAuth(CLIENT.clientId, 'not-the-secret'));
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: 'invalid_client' });
    const none = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, '');
    expect(none.status).toBe(401);
    expect((await token({ grant_type: 'password' })).json.error).toBe('unsupported_grant_type');
    // The code was not spent by the refused attempts.
    expect((await exchange(code)).status).toBe(200);
  });

  it('rotates the refresh token on every refresh; a used one is dead at once', async () => {
    const conn = await connectToEmulator(emu.url, { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: REDIRECT });
    const first = await token({ grant_type: 'refresh_token', refresh_token: conn.refreshToken });
    expect(first.status).toBe(200);
    expect(first.json.refresh_token).not.toBe(conn.refreshToken);
    expect(first.json.access_token).not.toBe(conn.accessToken);
    const reused = await token({ grant_type: 'refresh_token', refresh_token: conn.refreshToken });
    expect(reused.status).toBe(400);
    expect(reused.json).toEqual({ error: 'invalid_grant', error_description: 'Incorrect or invalid refresh token' });
    const second = await token({ grant_type: 'refresh_token', refresh_token: first.json.refresh_token });
    expect(second.status).toBe(200);
    // Both access tokens still work until they expire.
    expect((await v3Client(emu.apiBase, { realmId: conn.realmId, accessToken: first.json.access_token }).get('/preferences')).status).toBe(200);
    expect((await v3Client(emu.apiBase, { realmId: conn.realmId, accessToken: second.json.access_token }).get('/preferences')).status).toBe(200);
  });

  it('revoke kills the whole family: its access token and its refresh token', async () => {
    const conn = await connectToEmulator(emu.url, { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: REDIRECT });
    const api = v3Client(emu.apiBase, conn);
    expect((await api.get('/preferences')).status).toBe(200);
    const revoke = await fetch(`${emu.oauthBase}/v2/oauth2/tokens/revoke`, {
      method: 'POST',
      headers: { authorization: basicAuth(CLIENT.clientId, CLIENT.clientSecret), 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token: conn.refreshToken }),
    });
    expect(revoke.status).toBe(200);
    const refused = await api.get('/preferences');
    expect(refused.status).toBe(401);
    expect(refused.json.Fault.Error[0].code).toBe('3200');
    expect((await token({ grant_type: 'refresh_token', refresh_token: conn.refreshToken })).json.error).toBe('invalid_grant');
  });
});

describe('bearer tokens on the API', () => {
  it('answers a missing, unknown, other-company or expired access token with 401 / 3200', async () => {
    const conn = await connectToEmulator(emu.url, { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: REDIRECT });
    const expectAuthFault = (reply: { status: number; json: any }) => {
      expect(reply.status).toBe(401);
      expect(reply.json.Fault).toEqual({
        Error: [{ Message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', code: '3200' }], type: 'AUTHENTICATION',
      });
      expect(typeof reply.json.time).toBe('string');
    };
    const bare = await fetch(`${emu.apiBase}/v3/company/${conn.realmId}/preferences`);
    expectAuthFault({ status: bare.status, json: await bare.json() });
    expectAuthFault(await v3Client(emu.apiBase, { realmId: conn.realmId, accessToken: 'made-up' }).get('/preferences'));

    const api = v3Client(emu.apiBase, conn);
    expect((await api.get('/preferences')).status).toBe(200);
    await admin.post('/clock', { advanceSeconds: 3599 });
    expect((await api.get('/preferences')).status).toBe(200);
    await admin.post('/clock', { advanceSeconds: 2 });
    expectAuthFault(await api.get('/preferences'));
    // A refresh gives a working token again.
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: conn.refreshToken });
    expect((await v3Client(emu.apiBase, { realmId: conn.realmId, accessToken: refreshed.json.access_token }).get('/preferences')).status).toBe(200);
  });

  it('revoke-all disconnects every app from the company, as a disconnect inside QuickBooks does', async () => {
    const conn = await connectToEmulator(emu.url, { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: REDIRECT });
    const api = v3Client(emu.apiBase, conn);
    expect((await api.get('/preferences')).status).toBe(200);
    const revoked = await admin.post(`/realms/${conn.realmId}/revoke-all`, {});
    expect(revoked.status).toBe(200);
    expect(revoked.json.revokedConnections).toBeGreaterThanOrEqual(1);
    expect((await api.get('/preferences')).status).toBe(401);
    expect((await token({ grant_type: 'refresh_token', refresh_token: conn.refreshToken })).json.error).toBe('invalid_grant');
  });

  it('never records codes or tokens in the request log', async () => {
    const conn = await connectToEmulator(emu.url, { clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: REDIRECT });
    const log = JSON.stringify((await admin.get('/requests')).json);
    expect(log).toContain('/oauth2/v1/tokens/bearer');
    expect(log).not.toContain(conn.accessToken);
    expect(log).not.toContain(conn.refreshToken);
    expect(log).not.toContain(CLIENT.clientSecret);
  });
});

// Last: from here on the emulator has two companies.
describe('several companies', () => {
  it('lets the user pick the company, or uses the one chosen by admin; a token serves only its company', async () => {
    expect((await admin.post('/realms', { realmId: '9130350000000002', companyName: 'Oak <Hill> Arborists' })).status).toBe(201);
    const chooser = await fetch(authorizeUrl(), { redirect: 'manual' });
    expect(chooser.status).toBe(200);
    const html = await chooser.text();
    expect(html).toContain('Oak &#60;Hill&#62; Arborists');
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&#38;', '&'));
    expect(links).toHaveLength(2);
    const picked = await fetch(new URL(links.find((l) => l.includes('realmId=9130350000000002'))!, emu.url), { redirect: 'manual' });
    expect(picked.status).toBe(302);
    const back = new URL(picked.headers.get('location')!);
    expect(back.searchParams.get('realmId')).toBe('9130350000000002');
    expect(back.searchParams.get('state')).toBe('csrf-1');
    const second = await exchange(back.searchParams.get('code')!);
    expect(second.status).toBe(200);

    expect((await admin.post('/consent', { realmId: '9130350000000001' })).status).toBe(200);
    expect((await consent()).searchParams.get('realmId')).toBe('9130350000000001');
    // The admin choice was used up: the chooser is back.
    expect((await fetch(authorizeUrl(), { redirect: 'manual' })).status).toBe(200);

    const other = await v3Client(emu.apiBase, { realmId: '9130350000000001', accessToken: second.json.access_token }).get('/preferences');
    expect(other.status).toBe(401);
    expect(other.json.Fault.Error[0].code).toBe('3200');
    expect((await v3Client(emu.apiBase, { realmId: '9130350000000002', accessToken: second.json.access_token }).get('/preferences')).status).toBe(200);
  });
});
