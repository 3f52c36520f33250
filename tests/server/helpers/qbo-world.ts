/**
 * A QuickBooks Online world for tests: the QBO emulator and the real sync server, each on a random
 * port, the server pointed at the emulator exactly as it would be at Intuit (only the base URLs
 * differ), and a company connected through the real OAuth flow. Everything is driven over HTTP.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../../server/app.ts';
import { testDatabase } from './database.ts';
import { startQboEmulator, type QboEmulatorOptions, type RunningQboEmulator } from '../../../server/qbo-emulator/app.ts';
import { qboConfigFrom } from '../../../server/quickbooks/qbo/config.ts';
import { freePort } from '../../support/free-port.ts';
import { allPages } from '../../support/all-pages.ts';

export const TOKEN = 'qbo-world-token';
export const ONLINE_FIXTURE = fileURLToPath(new URL('../../fixtures/online.json', import.meta.url));
export const COMPANY = 'bright-lawn';
export const REALM = '9130355377001';
const CLIENT_ID = 'synclens-test-app';
export const CLIENT_SECRET = 'test-secret-never-shown';
export const VERIFIER = 'test-webhook-verifier';

export interface Reply { status: number; headers: Headers; text: string; json: any }

export interface QboWorld {
  emulator: RunningQboEmulator;
  server: RunningServer;
  /** Sync API call (path under /api/v1). */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Emulator admin call (path under /admin). */
  admin(method: string, path: string, body?: unknown): Promise<Reply>;
  /** Connects a company through the real consent flow; returns the callback's reply. */
  connect(companyId?: string, realmId?: string): Promise<Reply>;
  ingest(entityType: string, localId: string, record: unknown): Promise<Reply>;
  /** Approves every waiting item in one direction (all checked) and returns the approve reply. */
  approveAll(direction?: 'export' | 'import', companyId?: string): Promise<Reply>;
  run(companyId?: string): Promise<Reply>;
  close(): Promise<void>;
}


async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let json: unknown;
  try { json = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json };
}

export async function startQboWorld(opts: { emulator?: Partial<QboEmulatorOptions>; realms?: string[]; autoRunSeconds?: number } = {}): Promise<QboWorld> {
  const realms = opts.realms ?? [REALM];
  // The emulator must know the server's callback and webhook addresses: start it with a placeholder
  // app, start the server, then register the real app (upsert by client id).
  const emulator = await startQboEmulator({
    port: 0, realms: realms.map((realmId, i) => ({ realmId, companyName: `Test Company ${i + 1}` })),
    apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: ['http://127.0.0.1/placeholder'] }],
    ...opts.emulator,
  });
  // Intuit needs the exact redirect URI up front, so the server's port is chosen before it starts.
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/connect/qbo/callback`;
  const server = await startServer({
    port, db: await testDatabase(), token: TOKEN, seed: ONLINE_FIXTURE, secretKey: randomBytes(32),
    connectorAutoRunSeconds: opts.autoRunSeconds,
    qbo: qboConfigFrom({
      clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri, webhookVerifier: VERIFIER,
      apiBase: emulator.apiBase, oauthBase: emulator.oauthBase,
    }, {}),
  });
  const admin: QboWorld['admin'] = async (method, path, body) => reply(await fetch(`${emulator.url}/admin${path}`, {
    method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  }));
  const registered = await admin('POST', '/apps', {
    clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [redirectUri], webhookUrl: `${server.url}/webhooks/qbo`, webhookVerifier: VERIFIER,
  });
  if (registered.status >= 300) throw new Error(`registering the app on the emulator failed: ${registered.status} ${registered.text}`);

  const api: QboWorld['api'] = async (method, path, body, headers = {}) => reply(await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  }));

  const world: QboWorld = {
    emulator, server, api, admin,
    async connect(companyId = COMPANY, realmId = realms[0]!) {
      if (realms.length > 1) await admin('POST', '/consent', { realmId });
      const start = await reply(await fetch(`${server.url}/connect/qbo/start?companyId=${companyId}`, {
        headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' },
      }));
      if (start.status !== 200) return start;
      const consent = await fetch(start.json.authorizeUrl, { redirect: 'manual' });
      const location = consent.headers.get('location');
      if (consent.status !== 302 || !location) throw new Error(`consent did not redirect: ${consent.status} ${await consent.text()}`);
      return reply(await fetch(location, { redirect: 'manual' }));
    },
    ingest: (entityType, localId, record) => api('PUT', `/companies/${COMPANY}/records/${entityType}/${localId}`, { record }),
    async approveAll(direction = 'export', companyId = COMPANY) {
      const items = await allPages<{ id: string }>(`/companies/${companyId}/wizard?direction=${direction}`, async (path) => (await api('GET', path)).json);
      const ids = items.map((i) => i.id);
      return api('POST', `/companies/${companyId}/wizard/approve`, { reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
    },
    run: (companyId = COMPANY) => api('POST', `/companies/${companyId}/connector/run`),
    async close() {
      await server.close();
      await emulator.close();
    },
  };
  return world;
}
