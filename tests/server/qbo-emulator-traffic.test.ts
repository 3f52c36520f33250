// The QuickBooks Online emulator under load and failure: limits, injected faults, signed webhooks, body limits, admin exposure.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startQboEmulator, type QboEmulatorOptions, type RunningQboEmulator } from '../../server/qbo-emulator/app.ts';
import { adminClient, basicAuth, connectToEmulator, v3Client } from '../../server/qbo-emulator/connect-kit.ts';

const REALM = '9130355377';
const OTHER_REALM = '9130355378';
const VERIFIER = 'verifier-token-for-tests';
const started: RunningQboEmulator[] = [];

async function emulator(opts: QboEmulatorOptions = {}) {
  const emu = await startQboEmulator({
    realms: [{ realmId: REALM, companyName: 'Bright Lawn Care' }, { realmId: OTHER_REALM, companyName: 'Second Co' }],
    ...opts,
  });
  started.push(emu);
  return { emu, admin: adminClient(emu.url) };
}
afterAll(async () => { await Promise.all(started.map((e) => e.close())); });

describe('limits per company', () => {
  it('answers the request past perMinute with 429 / 3001 and Retry-After; the window slides with the clock', async () => {
    const { emu, admin } = await emulator({ limits: { perMinute: 5 }, now: () => new Date('2026-03-10T12:00:00Z') });
    const api = v3Client(emu.apiBase, await connectToEmulator(emu.url, { realmId: REALM }));
    for (let n = 0; n < 5; n++) expect((await api.get('/preferences')).status).toBe(200);
    const throttled = await api.get('/preferences');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('60');
    expect(throttled.json.Fault).toEqual({
      Error: [{ Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429', Detail: 'The request limit was reached.', code: '3001' }],
      type: 'SERVICE',
    });
    // Another company has its own budget.
    const other = v3Client(emu.apiBase, await connectToEmulator(emu.url, { realmId: OTHER_REALM }));
    expect((await other.get('/preferences')).status).toBe(200);
    await admin.post('/clock', { advanceSeconds: 45 });
    expect((await api.get('/preferences')).headers.get('retry-after')).toBe('15');
    await admin.post('/clock', { advanceSeconds: 16 });
    expect((await api.get('/preferences')).status).toBe(200);
  });

  it('answers requests past the concurrency limit with 429 and Retry-After; the log shows the peak', async () => {
    const { emu, admin } = await emulator({ limits: { concurrent: 3 }, latencyMs: 150 });
    const api = v3Client(emu.apiBase, await connectToEmulator(emu.url, { realmId: REALM }));
    await admin.delete('/requests');
    const replies = await Promise.all(Array.from({ length: 6 }, () => api.get('/preferences')));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    for (const r of replies.filter((x) => x.status === 429)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(r.json.Fault.Error[0].code).toBe('3001');
    }
    const log = (await admin.get('/requests')).json;
    expect(log.requests).toHaveLength(6);
    expect(log.inFlightPeak).toBe(3);
    expect(log.requests.filter((r: any) => r.status === 429).every((r: any) => r.inFlightPeak === 0)).toBe(true);
    // Once they finish, there is room again.
    expect((await api.get('/preferences')).status).toBe(200);
  });
});

describe('injected failures', () => {
  it('answers with a chosen status without processing, the given number of times', async () => {
    const { emu, admin } = await emulator();
    const api = v3Client(emu.apiBase, await connectToEmulator(emu.url, { realmId: REALM }));
    expect((await admin.post('/faults', { match: { method: 'POST', pathContains: '/customer' }, action: 'status', status: 503, times: 2 })).status).toBe(201);
    for (let n = 0; n < 2; n++) {
      const refused = await api.post('/customer', { DisplayName: 'Never Written' });
      expect(refused.status).toBe(503);
      expect(refused.json.Fault.type).toBe('SERVICE');
    }
    expect((await admin.get(`/realms/${REALM}/customer`)).json.items).toEqual([]);
    expect((await api.post('/customer', { DisplayName: 'Written' })).status).toBe(200);

    await admin.post('/faults', { realmId: REALM, match: {}, action: 'status', status: 429, retryAfter: 7 });
    const throttled = await api.get('/preferences');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    await admin.post('/faults', { match: {}, action: 'status', status: 500, times: 5 });
    expect((await api.get('/preferences')).json.Fault.Error[0].code).toBe('10000');
    await admin.delete('/faults');
    expect((await api.get('/preferences')).status).toBe(200);
  });

  it('drop-after-apply: the write happens, the reply is lost; a retry with the same requestid gets the first result', async () => {
    const { emu, admin } = await emulator();
    const api = v3Client(emu.apiBase, await connectToEmulator(emu.url, { realmId: REALM }));
    await admin.post('/faults', { match: { method: 'POST', pathContains: '/customer' }, action: 'drop-after-apply' });
    await expect(api.post('/customer?requestid=lost-1', { DisplayName: 'Lost Reply' })).rejects.toThrow();
    const stored = (await admin.get(`/realms/${REALM}/customer`)).json.items;
    expect(stored.map((c: any) => c.DisplayName)).toEqual(['Lost Reply']);
    const retry = await api.post('/customer?requestid=lost-1', { DisplayName: 'Lost Reply' });
    expect(retry.status).toBe(200);
    expect(retry.json.Customer.Id).toBe(stored[0].Id);
    expect((await admin.get(`/realms/${REALM}/customer`)).json.items).toHaveLength(1);
  });

  it('can drop the token endpoint reply after a refresh: the rotated-away token is dead', async () => {
    const { emu, admin } = await emulator();
    const conn = await connectToEmulator(emu.url, { realmId: REALM });
    await admin.post('/faults', { match: { pathContains: '/oauth2/v1/tokens/bearer' }, action: 'drop-after-apply' });
    const refresh = () => fetch(`${emu.oauthBase}/oauth2/v1/tokens/bearer`, {
      method: 'POST',
      headers: { authorization: basicAuth(conn.clientId, conn.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: conn.refreshToken }),
    });
    await expect(refresh()).rejects.toThrow();
    const again = await refresh();
    expect(again.status).toBe(400);
    expect((await again.json()).error).toBe('invalid_grant');
  });
});

interface Received { headers: IncomingHttpHeaders; raw: string }

/** A tiny webhook receiver: records raw bodies; answers with the queued statuses, then 200. */
async function receiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, statuses, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function verifySignature(r: Received): boolean {
  const expected = createHmac('sha256', VERIFIER).update(r.raw).digest();
  const given = Buffer.from(String(r.headers['intuit-signature'] ?? ''), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhooks', () => {
  let hooks: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => { hooks = await receiver(); });
  afterAll(async () => { await hooks.close(); });
  afterEach(() => { hooks.received.length = 0; });

  it('announces an admin change as signed CloudEvents, legacy on request, nothing with webhook=false', async () => {
    const { emu, admin } = await emulator({ webhookRetryDelaysMs: [] });
    const conn = await connectToEmulator(emu.url, { realmId: REALM, webhookUrl: hooks.url, webhookVerifier: VERIFIER });
    const created = await admin.post(`/realms/${REALM}/customer?webhook=false`, { DisplayName: 'Quiet Start' });
    expect(created.status).toBe(201);
    const id = created.json.Customer.Id;

    const patched = await admin.patch(`/realms/${REALM}/customer/${id}`, { Notes: 'changed in QuickBooks' });
    expect(patched.json.Customer).toMatchObject({ SyncToken: '1', Notes: 'changed in QuickBooks' });
    await vi.waitFor(() => expect(hooks.received).toHaveLength(1));
    const [cloud] = hooks.received;
    expect(cloud!.headers['content-type']).toBe('application/json');
    expect(verifySignature(cloud!)).toBe(true);
    expect(JSON.parse(cloud!.raw)).toEqual([{
      specversion: '1.0', id: expect.any(String), source: 'intuit.emulator', type: 'qbo.customer.updated.v1', datacontenttype: 'application/json',
      time: patched.json.Customer.MetaData.LastUpdatedTime, intuitentityid: id, intuitaccountid: REALM, data: {},
    }]);

    await admin.delete(`/realms/${REALM}/customer/${id}?format=legacy`);
    await vi.waitFor(() => expect(hooks.received).toHaveLength(2));
    const legacy = hooks.received[1]!;
    expect(verifySignature(legacy)).toBe(true);
    expect(JSON.parse(legacy.raw)).toEqual({
      eventNotifications: [{ realmId: REALM, dataChangeEvent: { entities: [{ name: 'Customer', id, operation: 'Delete', lastUpdated: expect.any(String) }] } }],
    });
    // QuickBooks' "delete" of a customer makes it inactive and renames it.
    expect((await admin.get(`/realms/${REALM}/customer/${id}`)).json.Customer).toMatchObject({ Active: false, DisplayName: 'Quiet Start (deleted)' });

    await admin.post(`/realms/${REALM}/customer/${id}/deactivate?webhook=false`);
    // API writes are announced too (the sync server must recognise its own echoes).
    const api = v3Client(emu.apiBase, conn);
    const viaApi = await api.post('/customer', { DisplayName: 'Made Through The API' });
    await vi.waitFor(() => expect(hooks.received).toHaveLength(3));
    expect(JSON.parse(hooks.received[2]!.raw)[0]).toMatchObject({ type: 'qbo.customer.created.v1', intuitentityid: viaApi.json.Customer.Id });
    const deliveries = (await admin.get('/webhooks')).json.deliveries;
    expect(deliveries.map((d: any) => [d.format, d.status])).toEqual([['cloudevents', 200], ['legacy', 200], ['cloudevents', 200]]);
    expect(JSON.stringify(deliveries)).not.toContain(VERIFIER);
  });

  it('batches events for webhookDelayMs; retries a failed delivery and records each attempt', async () => {
    const { emu, admin } = await emulator({ webhookDelayMs: 80, webhookRetryDelaysMs: [10, 10], webhookFormat: 'legacy' });
    await connectToEmulator(emu.url, { realmId: REALM, webhookUrl: hooks.url, webhookVerifier: VERIFIER });
    hooks.statuses.push(500);
    const a = await admin.post(`/realms/${REALM}/vendor`, { DisplayName: 'Vendor One' });
    const b = await admin.post(`/realms/${REALM}/employee`, { DisplayName: 'Employee One' });
    await vi.waitFor(() => expect(hooks.received).toHaveLength(2));
    expect(hooks.received[0]!.raw).toBe(hooks.received[1]!.raw);
    const entities = JSON.parse(hooks.received[1]!.raw).eventNotifications[0].dataChangeEvent.entities;
    expect(entities.map((e: any) => [e.name, e.id, e.operation])).toEqual([['Vendor', a.json.Vendor.Id, 'Create'], ['Employee', b.json.Employee.Id, 'Create']]);
    const deliveries = (await admin.get('/webhooks')).json.deliveries;
    expect(deliveries.map((d: any) => [d.attempt, d.status])).toEqual([[1, 500], [2, 200]]);
  });

  it('records an unreachable receiver without failing the change, and stops after a revoke', async () => {
    const { emu, admin } = await emulator({ webhookRetryDelaysMs: [5] });
    const conn = await connectToEmulator(emu.url, { realmId: REALM, webhookUrl: 'http://127.0.0.1:9/nothing-here', webhookVerifier: VERIFIER });
    expect((await admin.post(`/realms/${REALM}/customer`, { DisplayName: 'Unheard' })).status).toBe(201);
    await vi.waitFor(async () => expect((await admin.get('/webhooks')).json.deliveries).toHaveLength(2));
    const [first] = (await admin.get('/webhooks')).json.deliveries;
    expect(first).toMatchObject({ status: null, error: expect.any(String), url: 'http://127.0.0.1:9/nothing-here' });

    await admin.post('/apps', { clientId: conn.clientId, clientSecret: conn.clientSecret, redirectUris: [conn.redirectUri], webhookUrl: hooks.url, webhookVerifier: VERIFIER });
    await fetch(`${emu.oauthBase}/v2/oauth2/tokens/revoke`, {
      method: 'POST', headers: { authorization: basicAuth(conn.clientId, conn.clientSecret), 'content-type': 'application/json' },
      body: JSON.stringify({ token: conn.refreshToken }),
    });
    await admin.post(`/realms/${REALM}/customer`, { DisplayName: 'After Revoke' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hooks.received).toHaveLength(0);
  });
});

describe('request bodies and the admin API', () => {
  it('answers a body over 4 MB with 413 and bytes that are not UTF-8 with 400 / 500', async () => {
    const { emu } = await emulator();
    const conn = await connectToEmulator(emu.url, { realmId: REALM });
    const url = `${emu.apiBase}/v3/company/${REALM}/customer`;
    const headers = { authorization: `Bearer ${conn.accessToken}`, 'content-type': 'application/json' };
    const big = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ DisplayName: 'x', Notes: 'n'.repeat(4 * 1024 * 1024) }) });
    expect(big.status).toBe(413);
    const bytes = await fetch(url, { method: 'POST', headers, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
    expect(bytes.status).toBe(400);
    expect((await bytes.json()).Fault.Error[0]).toMatchObject({ code: '500', Message: 'Unsupported Operation' });
  });

  it('validates admin input and refuses the admin API when listening beyond loopback', async () => {
    const { admin } = await emulator();
    expect((await admin.post('/realms', { realmId: 'abc', companyName: 'X' })).json.error).toMatch(/realmId/);
    expect((await admin.post('/realms', { realmId: REALM, companyName: 'Again' })).status).toBe(409);
    expect((await admin.post('/apps', { clientId: 'a', clientSecret: 's', redirectUris: ['javascript:alert(1)'] })).status).toBe(400);
    expect((await admin.post('/faults', { match: {}, action: 'status' })).status).toBe(400);
    expect((await admin.post('/clock', { advanceSeconds: -5 })).status).toBe(400);
    expect((await admin.get('/realms/1/customer')).status).toBe(404);
    const app = await admin.post('/apps', { clientId: 'shown', clientSecret: 'never-echoed', redirectUris: ['https://x.example/cb'] });
    expect(JSON.stringify(app.json)).not.toContain('never-echoed');

    const wide = await startQboEmulator({ host: '0.0.0.0' });
    started.push(wide);
    const port = new URL(wide.url).port;
    const refused = await fetch(`http://127.0.0.1:${port}/admin/realms`);
    expect(refused.status).toBe(403);
  });
});
