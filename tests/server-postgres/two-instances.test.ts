/**
 * Two sync server instances on one PostgreSQL database, talking to the QuickBooks Online emulator
 * over the wire: instance A is its own process (so it can be killed with SIGKILL), instance B runs
 * in this process. Approvals, resyncs and connector runs hit both at once; the end state must be
 * what one instance gives, every replay answered the same by either, and nothing sent twice.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.ts';
import { startQboEmulator, type RunningQboEmulator } from '../../server/qbo-emulator/app.ts';
import { qboConfigFrom } from '../../server/quickbooks/qbo/config.ts';
import { freePort } from '../support/free-port.ts';
import { allPages } from '../support/all-pages.ts';
import { createDatabaseAt } from '../support/postgres-cluster.ts';
import { runServerProcess, type ServerProcess } from '../support/server-process.ts';

const TOKEN = 'two-instances-token';
const FIXTURE = fileURLToPath(new URL('../fixtures/online.json', import.meta.url));
const COMPANY = 'bright-lawn';
const REALM = '9130355377001';
const CLIENT_ID = 'synclens-two-instances';
const CLIENT_SECRET = 'two-instances-secret';
const SECRET_KEY = randomBytes(32).toString('hex');
const LEASE_SECONDS = 2;

interface Reply { status: number; text: string; json: any }

let emulator: RunningQboEmulator;
let dbUrl: string;
let a: ServerProcess;
let aUrl: string;
let b: RunningServer;

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try { json = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
  return { status: res.status, text, json };
}
const onA = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(`${aUrl}/api/v1`, method, path, body, headers);
const onB = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(`${b.url}/api/v1`, method, path, body, headers);
const admin = (method: string, path: string, body?: unknown) => call(`${emulator.url}/admin`, method, path, body);

function all(instance: typeof onA, list: string): Promise<any[]> {
  return allPages(`/companies/${COMPANY}/${list}`, async (path) => {
    const page = await instance('GET', path);
    expect(page.status, page.text).toBe(200);
    return page.json;
  });
}

async function ingestCustomers(prefix: string, count: number): Promise<string[]> {
  const items = Array.from({ length: count }, (_, i) => ({
    op: 'put', entityType: 'Customer', localId: `${prefix}-${i}`, record: { displayName: `${prefix} Client ${i}`, email: `${prefix}${i}@example.com` },
  }));
  const r = await onB('POST', `/companies/${COMPANY}/records/batch`, { items });
  expect(r.status, r.text).toBeLessThan(300);
  return items.map((x) => x.localId);
}

/** Wizard item ids waiting for these local ids (read from instance B). */
async function waitingFor(localIds: string[]): Promise<string[]> {
  const wanted = new Set(localIds);
  return (await all(onB, 'wizard?direction=export')).filter((i) => wanted.has(i.localId)).map((i) => i.id);
}

async function qboCustomers(): Promise<{ DisplayName: string }[]> {
  const r = await admin('GET', `/realms/${REALM}/customer`);
  expect(r.status, r.text).toBe(200);
  return r.json.items;
}

function startInstanceA(port: number, redirectUri: string): ServerProcess {
  return runServerProcess([
    '--port', String(port), '--db', dbUrl, '--seed', FIXTURE, '--lease-seconds', String(LEASE_SECONDS),
    '--qbo-client-id', CLIENT_ID, '--qbo-redirect-uri', redirectUri, '--qbo-api-base', emulator.apiBase, '--qbo-oauth-base', emulator.oauthBase,
  ], { SYNCLENS_TOKEN: TOKEN, SYNCLENS_SECRET_KEY: SECRET_KEY, SYNCLENS_QBO_CLIENT_SECRET: CLIENT_SECRET });
}

beforeAll(async () => {
  dbUrl = await createDatabaseAt(inject('postgresAdminUrl'));
  // Every QuickBooks call takes a while, so a run is still under way when instance A is killed.
  emulator = await startQboEmulator({
    port: 0, latencyMs: 150, realms: [{ realmId: REALM, companyName: 'Bright Lawn Care' }],
    apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: ['http://127.0.0.1/placeholder'] }],
  });
  const aPort = await freePort();
  const redirectUri = `http://127.0.0.1:${aPort}/connect/qbo/callback`;
  a = startInstanceA(aPort, redirectUri);
  aUrl = await a.url;
  b = await startServer({
    port: 0, db: dbUrl, token: TOKEN, seed: FIXTURE, secretKey: Buffer.from(SECRET_KEY, 'hex'), leaseSeconds: LEASE_SECONDS,
    qbo: qboConfigFrom({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri, apiBase: emulator.apiBase, oauthBase: emulator.oauthBase }, {}),
  });
  expect((await admin('POST', '/apps', { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [redirectUri] })).status).toBeLessThan(300);
  // Consent starts on B and comes back to A: the OAuth state lives in the shared database.
  const start = await call(b.url, 'GET', `/connect/qbo/start?companyId=${COMPANY}`, undefined, { accept: 'application/json' });
  expect(start.status, start.text).toBe(200);
  const consent = await fetch(start.json.authorizeUrl, { redirect: 'manual' });
  const back = await fetch(consent.headers.get('location')!, { redirect: 'manual' });
  expect(back.status, await back.text()).toBeLessThan(400);
}, 60_000);

afterAll(async () => {
  a?.child.kill('SIGKILL');
  await b?.close();
  await emulator?.close();
});

describe('two instances on one PostgreSQL database', () => {
  it('both answer for the database, and see the same data', async () => {
    for (const instance of [onA, onB]) {
      const health = await instance('GET', '/health');
      expect(health.json).toMatchObject({ status: 'ok', database: 'ok' });
    }
    expect((await onA('GET', '/summary')).json).toEqual((await onB('GET', '/summary')).json);
  });

  it('approvals sent to both at once apply once, and either instance replays the answer identically', async () => {
    const localIds = await ingestCustomers('approve', 20);
    const ids = await waitingFor(localIds);
    expect(ids).toHaveLength(20);
    const body = { reviewedIds: ids, approveIds: ids.slice(0, 15), unchecked: 'keep' };
    // The same key on both instances at once, plus a third approval of the same items under another key.
    const [first, second, other] = await Promise.all([
      onA('POST', `/companies/${COMPANY}/wizard/approve`, body, { 'idempotency-key': 'both-at-once' }),
      onB('POST', `/companies/${COMPANY}/wizard/approve`, body, { 'idempotency-key': 'both-at-once' }),
      onB('POST', `/companies/${COMPANY}/wizard/approve`, body, { 'idempotency-key': 'another-key' }),
    ]);
    const keyed = [first, second].filter((r) => r.status === 200);
    expect(keyed.length).toBeGreaterThanOrEqual(1);
    for (const r of [first, second]) expect([200, 409]).toContain(r.status); // 409: the same key still in flight elsewhere
    expect(other.status).toBe(200);
    const approvedTotal = [keyed[0]!, other].reduce((n, r) => n + r.json.approved, 0);
    expect(approvedTotal).toBe(15);
    const pending = (await all(onA, 'log?status=pending')).filter((e) => localIds.includes(e.localId));
    expect(pending).toHaveLength(15);
    expect(new Set(pending.map((e) => e.localId)).size).toBe(15);
    // A replay of the key to either instance gives the stored answer, byte for byte.
    const replays = await Promise.all([
      onA('POST', `/companies/${COMPANY}/wizard/approve`, body, { 'idempotency-key': 'both-at-once' }),
      onB('POST', `/companies/${COMPANY}/wizard/approve`, body, { 'idempotency-key': 'both-at-once' }),
    ]);
    expect(replays[0]!.text).toBe(keyed[0]!.text);
    expect(replays[1]!.text).toBe(keyed[0]!.text);
  });

  it('connector runs started on both at once send each record once', async () => {
    const before = (await qboCustomers()).length;
    const runs = await Promise.all([onA('POST', `/companies/${COMPANY}/connector/run`), onB('POST', `/companies/${COMPANY}/connector/run`)]);
    for (const r of runs) expect(r.status, r.text).toBe(200);
    const customers = await qboCustomers();
    const created = customers.filter((c) => c.DisplayName.startsWith('approve Client '));
    expect(created).toHaveLength(15);
    expect(new Set(created.map((c) => c.DisplayName)).size).toBe(15);
    expect(customers.length - before).toBe(15);
    expect((await all(onB, 'log?status=pending')).length).toBe(0);
    expect((await onA('GET', '/summary')).json).toEqual((await onB('GET', '/summary')).json);
  });

  it('Resync pressed on both instances at once queues one retry', async () => {
    expect((await admin('POST', `/realms/${REALM}/vendor?webhook=false`, { DisplayName: 'Twin Oaks Estate' })).status).toBeLessThan(300);
    const r = await onB('PUT', `/companies/${COMPANY}/records/Customer/twin`, { record: { displayName: 'Twin Oaks Estate' } });
    expect(r.status, r.text).toBeLessThan(300);
    const ids = await waitingFor(['twin']);
    await onA('POST', `/companies/${COMPANY}/wizard/approve`, { reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
    await onB('POST', `/companies/${COMPANY}/connector/run`);
    const failed = (await all(onA, 'unsynced')).find((u) => u.localId === 'twin');
    expect(failed).toMatchObject({ errorCode: '6240', state: 'failed' });
    const [fromA, fromB] = await Promise.all([
      onA('POST', `/companies/${COMPANY}/unsynced/${failed.id}/resync`, undefined, { 'idempotency-key': 'resync-a' }),
      onB('POST', `/companies/${COMPANY}/unsynced/${failed.id}/resync`, undefined, { 'idempotency-key': 'resync-b' }),
    ]);
    expect(fromA.status, fromA.text).toBe(200);
    expect(fromB.status, fromB.text).toBe(200);
    const pending = (await all(onB, 'log?status=pending')).filter((e) => e.localId === 'twin');
    expect(pending).toHaveLength(1);
    const replay = await onB('POST', `/companies/${COMPANY}/unsynced/${failed.id}/resync`, undefined, { 'idempotency-key': 'resync-a' });
    expect(replay.text).toBe(fromA.text);
  });

  it('an instance paused past its lease mid-run stops sending once it wakes: the other has taken the company over', async () => {
    // Updates to the 15 customers synced above: each is its own QuickBooks write, so the run sends them a few at a time.
    const localIds = Array.from({ length: 15 }, (_, i) => `approve-${i}`);
    for (const localId of localIds) {
      const i = localId.split('-')[1];
      const r = await onB('PUT', `/companies/${COMPANY}/records/Customer/${localId}`, {
        record: { displayName: `approve Client ${i}`, email: `paused${i}@example.com` },
      });
      expect(r.status, r.text).toBeLessThan(300);
    }
    const ids = await waitingFor(localIds);
    expect(ids).toHaveLength(15);
    expect((await onB('POST', `/companies/${COMPANY}/wizard/approve`, { reviewedIds: ids, approveIds: ids, unchecked: 'keep' })).json.approved).toBe(15);
    await admin('DELETE', '/requests');
    const runOnA = onA('POST', `/companies/${COMPANY}/connector/run`);
    const writes = async () => ((await admin('GET', '/requests')).json.requests as { method: string; path: string }[])
      .filter((r) => r.method === 'POST' && /\/customer\b/.test(r.path)).length;
    // Pause A once its first five updates (as many as it sends at once) are on the wire: it is then
    // waiting for QuickBooks (150 ms), and its next write can only follow their answers. A write
    // already handed to the HTTP client when a pause lands may still leave afterwards; one not yet
    // handed over must not.
    const deadline = Date.now() + 15_000;
    while ((await writes()) < 5) {
      if (Date.now() > deadline) throw new Error('instance A never wrote to QuickBooks');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    a.child.kill('SIGSTOP'); // a long pause: A holds its lease but cannot renew it
    try {
      // B waits for A's lease to run out, takes the company and sends every update.
      const run = await onB('POST', `/companies/${COMPANY}/connector/run`);
      expect(run.status, run.text).toBe(200);
      expect((await all(onB, 'log?status=pending')).filter((e) => localIds.includes(e.localId))).toHaveLength(0);
      await admin('DELETE', '/requests');
    } finally {
      a.child.kill('SIGCONT');
    }
    // A wakes up in the middle of its run, finds its lease taken, and stops before its next write.
    const reply = await runOnA;
    expect(reply.status, reply.text).toBe(503);
    expect(reply.json.detail ?? reply.text).toContain('took this company over');
    expect(await writes(), 'writes sent by A after it woke').toBe(0);
    const customers = (await qboCustomers()).filter((c) => c.DisplayName.startsWith('approve Client '));
    expect(customers).toHaveLength(15);
    expect((await onA('GET', '/health')).json).toMatchObject({ status: 'ok' });
  }, 60_000);

  it('an instance killed with SIGKILL mid-run: the other finishes the work and nothing is created twice', async () => {
    const localIds = await ingestCustomers('killed', 90);
    const ids = await waitingFor(localIds);
    expect((await onB('POST', `/companies/${COMPANY}/wizard/approve`, { reviewedIds: ids, approveIds: ids, unchecked: 'keep' })).json.approved).toBe(90);
    await admin('DELETE', '/requests');
    void onA('POST', `/companies/${COMPANY}/connector/run`).catch(() => undefined);
    // Kill A as soon as QuickBooks has received its first write of the run.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const log = (await admin('GET', '/requests')).json.requests as { method: string; path: string }[];
      if (log.some((r) => r.method === 'POST' && /\/(batch|customer)\b/.test(r.path))) break;
      if (Date.now() > deadline) throw new Error('instance A never wrote to QuickBooks');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    a.child.kill('SIGKILL');
    await a.exited;
    const leftPending = (await all(onB, 'log?status=pending')).filter((e) => localIds.includes(e.localId));
    expect(leftPending.length, 'A was killed mid-run').toBeGreaterThan(0);
    // Meanwhile the job app changes one of them: its create is no longer the request A sent, so
    // QuickBooks cannot recognise it as a repeat; only looking the records up first avoids doubles.
    const edited = await onB('PUT', `/companies/${COMPANY}/records/Customer/killed-0`, {
      record: { displayName: 'killed Client 0', email: 'changed@example.com' },
    });
    expect(edited.status, edited.text).toBeLessThan(300);

    // B takes the company once A's lease runs out, and finishes.
    const run = await onB('POST', `/companies/${COMPANY}/connector/run`);
    expect(run.status, run.text).toBe(200);
    expect((await all(onB, 'log?status=pending')).filter((e) => localIds.includes(e.localId))).toHaveLength(0);
    const created = (await qboCustomers()).filter((c) => c.DisplayName.startsWith('killed Client '));
    expect(created).toHaveLength(90);
    expect(new Set(created.map((c) => c.DisplayName)).size).toBe(90);
    const outcomes = (await all(onB, 'log')).filter((e) => localIds.includes(e.localId));
    expect(outcomes.filter((e) => e.status === 'success')).toHaveLength(90);
    expect((await all(onB, 'unsynced')).filter((u) => localIds.includes(u.localId))).toHaveLength(0);
  }, 60_000);
});
