/**
 * For tests and demos: registers an app and runs the whole OAuth consent against a running emulator
 * over HTTP, exactly as a browser and a connector would, and hands back the tokens.
 */
export interface EmulatorConnection {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  realmId: string;
  accessToken: string;
  refreshToken: string;
}

export interface ConnectOptions {
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  webhookUrl?: string | null;
  webhookVerifier?: string | null;
  /** The company to consent for when the emulator has several. */
  realmId?: string;
}

export const basicAuth = (clientId: string, clientSecret: string): string =>
  `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;

async function expectOk(reply: Response, what: string): Promise<Response> {
  if (!reply.ok && reply.status !== 302) throw new Error(`${what} answered ${reply.status}: ${(await reply.text()).slice(0, 300)}`);
  return reply;
}

export async function connectToEmulator(baseUrl: string, opts: ConnectOptions = {}): Promise<EmulatorConnection> {
  const clientId = opts.clientId ?? 'test-client';
  const clientSecret = opts.clientSecret ?? 'test-secret';
  const redirectUri = opts.redirectUri ?? 'http://127.0.0.1:9/callback';
  await expectOk(await fetch(`${baseUrl}/admin/apps`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, clientSecret, redirectUris: [redirectUri], webhookUrl: opts.webhookUrl ?? null, webhookVerifier: opts.webhookVerifier ?? null }),
  }), 'POST /admin/apps');
  if (opts.realmId) {
    await expectOk(await fetch(`${baseUrl}/admin/consent`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ realmId: opts.realmId }),
    }), 'POST /admin/consent');
  }
  const authorize = new URL('/connect/oauth2', baseUrl);
  authorize.search = new URLSearchParams({
    client_id: clientId, response_type: 'code', scope: 'com.intuit.quickbooks.accounting', redirect_uri: redirectUri, state: 'kit',
  }).toString();
  const consent = await expectOk(await fetch(authorize, { redirect: 'manual' }), 'GET /connect/oauth2');
  const back = new URL(consent.headers.get('location') ?? '');
  const code = back.searchParams.get('code');
  const realmId = back.searchParams.get('realmId');
  if (!code || !realmId) throw new Error(`the consent did not redirect with a code (${back.search.replace(/code=[^&]+/, 'code=…')})`);
  const tokens = await expectOk(await fetch(`${baseUrl}/oauth2/v1/tokens/bearer`, {
    method: 'POST',
    headers: { authorization: basicAuth(clientId, clientSecret), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
  }), 'POST /oauth2/v1/tokens/bearer');
  const json = await tokens.json() as { access_token: string; refresh_token: string };
  return { clientId, clientSecret, redirectUri, realmId, accessToken: json.access_token, refreshToken: json.refresh_token };
}

export interface JsonReply {
  status: number;
  headers: Headers;
  // Replies are whatever QuickBooks sends; callers assert on their shape.
  json: any;
}

async function jsonReply(reply: Response): Promise<JsonReply> {
  const text = await reply.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: reply.status, headers: reply.headers, json };
}

/** A bare v3 client for one connected company: paths are relative to /v3/company/{realmId}. */
export function v3Client(baseUrl: string, conn: Pick<EmulatorConnection, 'realmId' | 'accessToken'>) {
  const url = (path: string) => `${baseUrl}/v3/company/${conn.realmId}${path}`;
  const headers = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${conn.accessToken}`, accept: 'application/json', ...extra });
  return {
    get: async (path: string) => jsonReply(await fetch(url(path), { headers: headers() })),
    post: async (path: string, body: unknown) => jsonReply(await fetch(url(path), {
      method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: typeof body === 'string' ? body : JSON.stringify(body),
    })),
    query: async (statement: string) => jsonReply(await fetch(`${url('/query')}?query=${encodeURIComponent(statement)}&minorversion=75`, { headers: headers() })),
  };
}

/** JSON calls to the emulator's /admin API. */
export function adminClient(baseUrl: string) {
  const call = async (method: string, path: string, body?: unknown) => jsonReply(await fetch(`${baseUrl}/admin${path}`, {
    method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  }));
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}
