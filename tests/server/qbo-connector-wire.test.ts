/**
 * The QuickBooks Online connector against the QuickBooks Online emulator over HTTP on random ports:
 * consent and tokens, every entity type, faults, throttling, lost replies, token rotation and the
 * batch path under the limits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncedEntityType } from '../../lib/api/job-records.ts';
import { openSqlite } from '../../server/db/open.ts';
import { startQboEmulator, type RunningQboEmulator } from '../../server/qbo-emulator/app.ts';
import type { QbObject, QbOutcome, QuickBooksCompany } from '../../server/quickbooks/boundary.ts';
import { qboConfigFrom, type QboAppConfig } from '../../server/quickbooks/qbo/config.ts';
import { loadConnection, QboAuthExpired, QboTokenManager, saveConnection } from '../../server/quickbooks/qbo/connection-store.ts';
import { authorizeUrl, exchangeCode, refreshTokens, revoke } from '../../server/quickbooks/qbo/oauth-client.ts';
import { createAuthState } from '../../server/quickbooks/qbo/oauth-states.ts';
import { createQboCompany } from '../../server/quickbooks/qbo/qbo-company.ts';
import { RealmLimiter } from '../../server/quickbooks/qbo/rate-limiter.ts';
import { createSecretBox, parseSecretKey, type SecretBox } from '../../server/quickbooks/qbo/secret-box.ts';
import type { SqliteDatabase } from '../../server/db/sqlite-database.ts';
import { Store } from '../../server/store/store.ts';

const REALM = '9130355377388316';
const CLIENT = { clientId: 'synclens-test', clientSecret: 'emulator-client-secret', redirectUri: 'http://127.0.0.1:9/connect/qbo/callback' };
const KEY = parseSecretKey('5f'.repeat(32));

interface Rig {
  emu: RunningQboEmulator;
  store: Store;
  box: SecretBox;
  config: QboAppConfig;
  tokens: QboTokenManager;
  company: QuickBooksCompany;
  limiter: RealmLimiter;
  /** The store's clock (the emulator keeps its own). */
  advance(ms: number): void;
  admin(method: string, path: string, body?: unknown): Promise<any>;
  requests(): Promise<{ method: string; path: string; query: Record<string, string>; status: number | null; inFlightPeak: number }[]>;
  tokenRequests(): Promise<number>;
}

const rigs: Rig[] = [];
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.emu.close()));
});

async function rig(opts: { latencyMs?: number; limits?: { perMinute?: number; concurrent?: number }; timeoutMs?: number; maxReplyBytes?: number; retryDelaysMs?: number[] } = {}): Promise<Rig> {
  const emu = await startQboEmulator({
    apps: [{ clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUris: [CLIENT.redirectUri] }],
    realms: [{ realmId: REALM, companyName: 'Acme Lawn & Garden' }],
    latencyMs: opts.latencyMs, limits: opts.limits,
  });
  let offset = 0;
  const db = openSqlite(':memory:');
  db.raw.prepare("INSERT INTO change_state (id, seq, changed_at) VALUES (1, 0, '2026-01-01T00:00:00Z') ON CONFLICT DO NOTHING").run();
  db.raw.prepare("INSERT INTO companies (id, sort, name, system, connector_kind, connector_override, connector_message) VALUES ('acme', 0, 'Acme', 'qbo', 'qbo-api', 'auth-expired', 'old warning')").run();
  const store = new Store(db, () => new Date(Date.now() + offset));
  const box = createSecretBox(KEY);
  const config = qboConfigFrom({ ...CLIENT, apiBase: emu.apiBase, oauthBase: emu.oauthBase }, {})!;
  const tokens = new QboTokenManager({ store, box, config, publicUrl: 'https://sync.example.com' });

  // The consent, as an admin's browser would do it: our link, Intuit's redirect, our code exchange.
  const consent = await fetch(authorizeUrl(config, await createAuthState(store, 'acme')), { redirect: 'manual' });
  const back = new URL(consent.headers.get('location')!);
  const granted = await exchangeCode(config, back.searchParams.get('code')!, { now: store.now });
  await saveConnection(store, box, 'acme', back.searchParams.get('realmId')!, granted);

  const limiter = new RealmLimiter();
  const company = createQboCompany({
    store, config, tokens, companyId: 'acme', realmId: REALM, limiter,
    retryDelaysMs: opts.retryDelaysMs ?? [5, 10], timeoutMs: opts.timeoutMs, maxReplyBytes: opts.maxReplyBytes,
  });
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emu.url}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return res.json();
  };
  const requests = async () => (await admin('GET', '/admin/requests')).requests;
  const r: Rig = {
    emu, store, box, config, tokens, company, limiter, admin, requests,
    advance: (ms) => { offset += ms; },
    tokenRequests: async () => (await requests()).filter((q: { path: string }) => q.path === '/oauth2/v1/tokens/bearer').length,
  };
  rigs.push(r);
  return r;
}

function value<T>(outcome: QbOutcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.failure)}`);
  return outcome.value;
}

let seq = 0;
const rid = () => `req-${Date.now().toString(36)}-${++seq}`;

describe('connecting', () => {
  it('stores the consent tokens encrypted, records the realm and clears the old warning', async () => {
    const { store, box } = await rig();
    const conn = (await loadConnection(store, box, 'acme'))!;
    expect(conn.realmId).toBe(REALM);
    const rows = JSON.stringify((await store.db.prepare('SELECT * FROM qbo_connections').all()));
    expect(rows).not.toContain(conn.accessToken);
    expect(rows).not.toContain(conn.refreshToken);
    expect(rows).toContain('v1.');
    expect((await store.companyRow('acme'))).toMatchObject({ realm_id: REALM, connector_override: null, connector_message: null });
  });

  it('refuses to store tokens without a key unless the demo allowance is on', async () => {
    const { store } = await rig();
    const tokens = { accessToken: 'AT', refreshToken: 'RT', accessExpiresAt: '2030-01-01T00:00:00Z', refreshExpiresAt: null, tid: null };
    await expect(saveConnection(store, createSecretBox(null), 'acme', REALM, tokens)).rejects.toThrow(/SYNCLENS_SECRET_KEY/);
    await saveConnection(store, createSecretBox(null, { allowPlaintextForDemo: true }), 'acme', REALM, tokens);
    expect((await store.db.prepare('SELECT refresh_token_enc FROM qbo_connections').pluck().get())).toBe('plain.RT');
  });
});

describe('every entity type, end to end', () => {
  it('creates, reads back and finds each type', async () => {
    const { company } = await rig();
    const create = async (entityType: SyncedEntityType, record: Record<string, unknown>) =>
      value(await company.create({ entityType, record: record as never, requestId: rid() }));

    const customer = await create('Customer', {
      displayName: "O'Brien Lawn Care", email: 'pat@obrien.example', phone: '555-0100',
      address: { line1: '12 Elm St', city: 'Springfield', region: 'IL', postalCode: '62701' }, notes: 'Gate code 1234',
    });
    const vendor = await create('Vendor', { displayName: 'Green Supply Co', companyName: 'Green Supply' });
    const service = await create('Item', { name: 'Mowing', kind: 'Service', unitPrice: 45, description: 'Per visit' });
    const mulch = await create('Item', { name: 'Mulch bag', kind: 'Inventory', unitPrice: 6 });
    const invoice = await create('Invoice', {
      customerId: customer.qbId, docNumber: 'INV-1043', txnDate: '2026-02-10', dueDate: '2026-03-12', memo: 'Spring',
      lines: [{ itemId: service.qbId, quantity: 2, unitPrice: 45, amount: 90 }, { itemId: mulch.qbId, quantity: 5, unitPrice: 6, amount: 30 }],
    });
    const estimate = await create('Estimate', {
      customerId: customer.qbId, docNumber: 'EST-7', txnDate: '2026-02-01', lines: [{ itemId: service.qbId, quantity: 4, unitPrice: 45, amount: 180 }],
    });
    const payment = await create('Payment', {
      customerId: customer.qbId, txnDate: '2026-02-20', totalAmount: 90, referenceNumber: 'CHK-2211', appliedTo: [{ invoiceId: invoice.qbId, amount: 90 }],
    });
    const po = await create('PurchaseOrder', {
      vendorId: vendor.qbId, docNumber: 'PO-12', txnDate: '2026-02-05', lines: [{ itemId: mulch.qbId, quantity: 10, unitCost: 3, amount: 30 }],
    });
    const bill = await create('Bill', {
      vendorId: vendor.qbId, docNumber: 'B-77', txnDate: '2026-02-06', dueDate: '2026-03-08', lines: [{ itemId: mulch.qbId, quantity: 10, unitCost: 3, amount: 30 }],
    });

    for (const created of [customer, vendor, service, mulch, invoice, estimate, payment, po, bill]) {
      expect(created).toMatchObject({ syncToken: '0', deleted: false, active: true });
      expect(created.qbId).toMatch(/^\d+$/);
      expect(created.updatedAt).toBeTruthy();
      const read = value(await company.read(created.entityType, created.qbId))!;
      expect(read.record).toEqual(created.record);
    }
    expect(invoice.record).toMatchObject({ customerId: customer.qbId, docNumber: 'INV-1043', lines: [{ itemId: service.qbId, amount: 90 }, { itemId: mulch.qbId }] });
    expect(payment.record).toMatchObject({ appliedTo: [{ invoiceId: invoice.qbId, amount: 90 }], referenceNumber: 'CHK-2211' });
    expect(mulch.record).toMatchObject({ kind: 'Inventory' });

    expect(value(await company.findByName('Customer', "O'Brien Lawn Care"))?.qbId).toBe(customer.qbId);
    expect(value(await company.findByName('Item', 'Mowing'))?.qbId).toBe(service.qbId);
    expect(value(await company.findByName('Vendor', 'Nobody'))).toBeNull();
    expect(value(await company.findByDocNumber('Invoice', 'INV-1043'))?.qbId).toBe(invoice.qbId);
    expect(value(await company.findByDocNumber('Bill', 'B-77'))?.qbId).toBe(bill.qbId);
    expect(value(await company.findByDocNumber('Payment', 'CHK-2211'))?.qbId).toBe(payment.qbId);
    expect(value(await company.findByDocNumber('Customer', 'INV-1043'))).toBeNull();
    expect(value(await company.findByName('Invoice', 'INV-1043'))).toBeNull();
    expect(value(await company.findByDocNumber('Invoice', "nope' or '1'='1"))).toBeNull();
    expect(value(await company.read('Invoice', '999999'))).toBeNull();
  });

  it('updates sparsely, deactivates list records, deletes transactions and reports changes since a time', async () => {
    const { company } = await rig();
    const since = new Date(Date.now() - 60_000).toISOString();
    const customer = value(await company.create({ entityType: 'Customer', record: { displayName: 'Rivera Homes', email: 'a@rivera.example', notes: 'keep' } as never, requestId: rid() }));
    const updated = value(await company.update({
      entityType: 'Customer', qbId: customer.qbId, syncToken: customer.syncToken, changedFields: ['email'], requestId: rid(),
      record: { displayName: 'Rivera Homes', email: 'b@rivera.example', notes: 'ignored: not among the changed fields' } as never,
    }));
    expect(updated.syncToken).toBe('1');
    expect(updated.record).toMatchObject({ email: 'b@rivera.example', notes: 'keep' });
    const unchanged = value(await company.update({
      entityType: 'Customer', qbId: customer.qbId, syncToken: updated.syncToken, changedFields: [], requestId: rid(), record: updated.record!,
    }));
    expect(unchanged.syncToken).toBe('1');

    const item = value(await company.create({ entityType: 'Item', record: { name: 'Edging', unitPrice: 20 } as never, requestId: rid() }));
    const invoice = value(await company.create({
      entityType: 'Invoice', requestId: rid(),
      record: { customerId: customer.qbId, txnDate: '2026-02-10', lines: [{ itemId: item.qbId, quantity: 1, unitPrice: 20, amount: 20 }] } as never,
    }));

    const removed = value(await company.remove({ entityType: 'Customer', qbId: customer.qbId, syncToken: updated.syncToken, requestId: rid() }));
    expect(removed).toMatchObject({ active: false, deleted: false });
    // Inactive records are still found by name (QuickBooks counts them for unique names).
    expect(value(await company.findByName('Customer', 'rivera homes'))).toMatchObject({ qbId: customer.qbId, active: false });

    const deleted = value(await company.remove({ entityType: 'Invoice', qbId: invoice.qbId, syncToken: invoice.syncToken, requestId: rid() }));
    expect(deleted).toMatchObject({ qbId: invoice.qbId, deleted: true, record: null });
    expect(value(await company.read('Invoice', invoice.qbId))).toBeNull();

    const changes = value(await company.changesSince(['Customer', 'Invoice', 'Item'], since));
    expect(changes.map((c) => [c.entityType, c.qbId, c.deleted])).toEqual(expect.arrayContaining([
      ['Customer', customer.qbId, false], ['Item', item.qbId, false], ['Invoice', invoice.qbId, true],
    ]));
    const times = changes.map((c) => Date.parse(c.updatedAt!));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

describe('faults', () => {
  it('reach the caller with code, message, detail, element and intuit_tid', async () => {
    const { company } = await rig();
    const first = value(await company.create({ entityType: 'Customer', record: { displayName: 'Twin Oaks' } as never, requestId: rid() }));
    const dup = await company.create({ entityType: 'Vendor', record: { displayName: 'Twin Oaks' } as never, requestId: rid() });
    expect(dup.ok).toBe(false);
    const failure = (dup as Extract<typeof dup, { ok: false }>).failure;
    expect(failure).toMatchObject({ kind: 'fault', code: '6240' });
    if (failure.kind !== 'fault') throw new Error('unreachable');
    expect(failure.message).toBeTruthy();
    expect(failure.detail).toContain(first.qbId);
    expect(failure.tid).toBeTruthy();

    const badRef = await company.create({
      entityType: 'Invoice', requestId: rid(), record: { customerId: '424242', txnDate: '2026-02-10', lines: [{ itemId: '1', amount: 5 }] } as never,
    });
    expect(badRef).toMatchObject({ ok: false, failure: { kind: 'fault', code: '2500' } });
  });

  it('a stale SyncToken gives 5010', async () => {
    const { company } = await rig();
    const c = value(await company.create({ entityType: 'Customer', record: { displayName: 'Stale Co' } as never, requestId: rid() }));
    value(await company.update({ entityType: 'Customer', qbId: c.qbId, syncToken: c.syncToken, changedFields: ['notes'], record: { displayName: 'Stale Co', notes: 'one' } as never, requestId: rid() }));
    const stale = await company.update({ entityType: 'Customer', qbId: c.qbId, syncToken: c.syncToken, changedFields: ['notes'], record: { displayName: 'Stale Co', notes: 'two' } as never, requestId: rid() });
    expect(stale).toMatchObject({ ok: false, failure: { kind: 'fault', code: '5010' } });
    expect((stale as { failure: { tid: string | null } }).failure.tid).toBeTruthy();
  });
});

describe('throttling, outages and lost replies', () => {
  it('returns throttled with Retry-After and does not retry or keep sending', async () => {
    const { company, admin, requests } = await rig();
    await admin('POST', '/admin/faults', { match: { pathContains: '/customer' }, action: 'status', status: 429, retryAfter: 7, times: 1 });
    const started = Date.now();
    const res = await company.create({ entityType: 'Customer', record: { displayName: 'Throttled' } as never, requestId: rid() });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res).toMatchObject({ ok: false, failure: { kind: 'throttled', retryAfterMs: 7000, code: '3001' } });
    expect((res as { failure: { tid: string | null } }).failure.tid).toBeTruthy();
    // The realm stays paused: the next call answers at once without reaching QuickBooks.
    const next = await company.read('Customer', '1');
    expect(next).toMatchObject({ ok: false, failure: { kind: 'throttled' } });
    expect((next as { failure: { retryAfterMs: number } }).failure.retryAfterMs).toBeGreaterThan(5000);
    expect((await requests()).filter((q) => q.path.startsWith('/v3/'))).toHaveLength(1);
  });

  it('retries a write whose reply was lost with the same requestid, making one record', async () => {
    const { company, admin, requests } = await rig();
    await admin('POST', '/admin/faults', { match: { method: 'POST', pathContains: '/customer' }, action: 'drop-after-apply', times: 1 });
    const created = value(await company.create({ entityType: 'Customer', record: { displayName: 'Lost Reply Ltd' } as never, requestId: 'engine-entry-42' }));
    const stored = (await admin('GET', `/admin/realms/${REALM}/Customer`)).items.filter((c: { DisplayName: string }) => c.DisplayName === 'Lost Reply Ltd');
    expect(stored).toHaveLength(1);
    expect(stored[0].Id).toBe(created.qbId);
    const posts = (await requests()).filter((q) => q.method === 'POST' && q.path.endsWith('/customer'));
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => p.query.requestid)).toEqual(['engine-entry-42', 'engine-entry-42']);
    expect(posts.every((p) => p.query.minorversion === '75')).toBe(true);
  });

  it('retries 5xx replies, then reports unavailable with the code (final unless QuickBooks said when to come back)', async () => {
    const { company, admin, requests } = await rig();
    await admin('POST', '/admin/faults', { match: { pathContains: '/customer' }, action: 'status', status: 503, times: 1 });
    expect((await company.create({ entityType: 'Customer', record: { displayName: 'Second Try' } as never, requestId: rid() })).ok).toBe(true);
    await admin('DELETE', '/admin/requests');
    await admin('POST', '/admin/faults', { match: { pathContains: '/vendor' }, action: 'status', status: 502, times: 5 });
    const res = await company.create({ entityType: 'Vendor', record: { displayName: 'Never' } as never, requestId: rid() });
    expect(res).toMatchObject({ ok: false, failure: { kind: 'unavailable', transient: false, code: '502' } });
    expect((await requests()).filter((q) => q.path.endsWith('/vendor'))).toHaveLength(3);
    await admin('POST', '/admin/faults', { match: { pathContains: '/item' }, action: 'status', status: 503, retryAfter: 30, times: 5 });
    const later = await company.create({ entityType: 'Item', record: { name: 'Later', kind: 'Service' } as never, requestId: rid() });
    expect(later).toMatchObject({ ok: false, failure: { kind: 'unavailable', transient: true, retryAfterMs: 30_000 } });
  });

  it('times out slow replies and refuses oversized ones', async () => {
    const slow = await rig({ latencyMs: 300, timeoutMs: 50, retryDelaysMs: [1] });
    const timedOut = await slow.company.read('Customer', '1');
    expect(timedOut).toMatchObject({ ok: false, failure: { kind: 'unavailable', code: 'ETIMEDOUT', transient: true } });
    expect((await slow.requests()).filter((q) => q.path.startsWith('/v3/'))).toHaveLength(2);
    const small = await rig({ maxReplyBytes: 200 });
    const big = await small.company.create({ entityType: 'Customer', record: { displayName: 'Big', notes: 'x'.repeat(500) } as never, requestId: rid() });
    expect(big).toMatchObject({ ok: false, failure: { kind: 'unavailable', code: 'reply-too-large', transient: false } });
  });
});

describe('tokens', () => {
  it('refreshes an expiring token once for many concurrent callers and stores the rotated pair', async () => {
    const { tokens, store, box, advance, tokenRequests } = await rig();
    const before = (await loadConnection(store, box, 'acme'))!;
    const tokenCallsAtStart = await tokenRequests();
    advance(3600_000 - 4 * 60_000); // within the 5-minute margin
    const got = await Promise.all(Array.from({ length: 8 }, () => tokens.accessToken('acme')));
    expect(new Set(got).size).toBe(1);
    expect(await tokenRequests()).toBe(tokenCallsAtStart + 1);
    const after = (await loadConnection(store, box, 'acme'))!;
    expect(after.generation).toBe(before.generation + 1);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).toBe(got[0]);
    const rows = JSON.stringify((await store.db.prepare('SELECT * FROM qbo_connections').all()));
    expect(rows).not.toContain(after.accessToken);
    expect(rows).not.toContain(after.refreshToken);
    // Nowhere in the database file either (old pages, other tables).
    const file = (store.db as SqliteDatabase).raw.serialize();
    for (const token of [before.accessToken, before.refreshToken, after.accessToken, after.refreshToken]) {
      expect(file.includes(Buffer.from(token))).toBe(false);
    }
  });

  it('after a 401 refreshes once and retries', async () => {
    const { company, admin, requests } = await rig();
    await admin('POST', '/admin/clock', { advanceSeconds: 3700 }); // QuickBooks now considers the token expired; our clock does not
    await admin('DELETE', '/admin/requests');
    expect((await company.create({ entityType: 'Customer', record: { displayName: 'After 401' } as never, requestId: rid() })).ok).toBe(true);
    expect((await requests()).map((q) => `${q.method} ${q.path.replace(/\/v3\/company\/\d+/, '')} ${q.status}`)).toEqual([
      'POST /customer 401', 'POST /oauth2/v1/tokens/bearer 200', 'POST /customer 200',
    ]);
  });

  it('a refresh token refused with invalid_grant marks the connector auth-expired', async () => {
    const { company, tokens, store, box, config, advance } = await rig();
    const conn = (await loadConnection(store, box, 'acme'))!;
    // Someone else used our refresh token (and did not store the result): the one we hold is dead.
    await refreshTokens(config, conn.refreshToken);
    advance(3600_000);
    await expect(tokens.accessToken('acme')).rejects.toBeInstanceOf(QboAuthExpired);
    const row = (await store.companyRow('acme'))!;
    expect(row.connector_override).toBe('auth-expired');
    expect(row.connector_message).toBe('QuickBooks Online refused the saved sign-in (it expired or was revoked). Reconnect the company: open https://sync.example.com/connect/qbo/start?companyId=acme as an admin.');
    const res = await company.read('Customer', '1');
    expect(res).toMatchObject({ ok: false, failure: { kind: 'auth' } });
    expect(JSON.stringify(res)).not.toContain(conn.refreshToken);
  });

  it('on invalid_grant uses the pair another process rotated in meanwhile', async () => {
    const { store, box, config, advance, requests } = await rig();
    advance(3600_000);
    let releaseSecond!: () => void;
    const gate = new Promise<void>((resolve) => { releaseSecond = resolve; });
    // The second process has read the row; its refresh (with the old token) reaches Intuit only after the first one rotated it.
    const second = new QboTokenManager({
      store, box, config,
      fetchImpl: (async (url: string, init: RequestInit) => {
        await gate;
        return fetch(url, init);
      }) as typeof fetch,
    });
    const secondToken = second.accessToken('acme');
    const firstToken = await new QboTokenManager({ store, box, config }).accessToken('acme');
    releaseSecond();
    expect(await secondToken).toBe(firstToken);
    const tokenCalls = (await requests()).filter((q) => q.path === '/oauth2/v1/tokens/bearer').map((q) => q.status);
    expect(tokenCalls.slice(-2)).toEqual([200, 400]);
    expect((await store.companyRow('acme'))!.connector_override).toBeNull();
  });

  it('a revoked connection ends in auth-expired after one refresh attempt', async () => {
    const { company, store, box, config, requests, admin } = await rig();
    await revoke(config, (await loadConnection(store, box, 'acme'))!.refreshToken);
    await admin('DELETE', '/admin/requests');
    const res = await company.read('Customer', '1');
    expect(res).toMatchObject({ ok: false, failure: { kind: 'auth', message: expect.stringContaining('/connect/qbo/start?companyId=acme') } });
    expect((await requests()).map((q) => `${q.path.replace(/\/v3\/company\/\d+/, '')} ${q.status}`)).toEqual([
      '/customer/1 401', '/oauth2/v1/tokens/bearer 400',
    ]);
    expect((await store.companyRow('acme'))!.connector_override).toBe('auth-expired');
  });

  it('never lets an older refresh overwrite a newer pair', async () => {
    const { store, box, config, advance } = await rig();
    advance(3600_000);
    const newer = { accessToken: 'AT-from-reconnect', refreshToken: 'RT-from-reconnect', accessExpiresAt: new Date(Date.now() + 7200_000).toISOString(), refreshExpiresAt: null, tid: null };
    const manager = new QboTokenManager({
      store, box, config,
      fetchImpl: (async (url: string, init: RequestInit) => {
        const reply = await fetch(url, init);
        // While the refresh was on its way back, an admin reconnected the company.
        await saveConnection(store, box, 'acme', REALM, newer);
        return reply;
      }) as typeof fetch,
    });
    expect(await manager.accessToken('acme')).toBe('AT-from-reconnect');
    expect((await loadConnection(store, box, 'acme'))!.refreshToken).toBe('RT-from-reconnect');
  });
});

describe('batches under the limits', () => {
  it('1,000 creates go in at most 40 requests, never more than 10 at once', async () => {
    const { company, requests, limiter } = await rig({ latencyMs: 15 });
    const reqs = Array.from({ length: 1000 }, (_, i) => ({
      entityType: 'Customer' as const, record: { displayName: `Bulk customer ${i}` } as never, requestId: `bulk-${i}`,
    }));
    const results = await company.createMany(reqs);
    expect(results).toHaveLength(1000);
    expect(results.every((r) => r.ok)).toBe(true);
    expect((results[999] as { value: QbObject }).value.record).toMatchObject({ displayName: 'Bulk customer 999' });
    const log = (await requests()).filter((q) => q.path.startsWith('/v3/'));
    expect(log.length).toBeLessThanOrEqual(40);
    expect(log.length).toBe(34);
    expect(Math.max(...log.map((q) => q.inFlightPeak))).toBeLessThanOrEqual(10);
    expect(log.every((q) => q.status === 200)).toBe(true);
    expect(limiter.stats.maxInFlight).toBe(10);
  }, 30_000);

  it('single requests queue for the realm: 25 at once reach QuickBooks at most 10 at a time, none throttled', async () => {
    const { company, requests, limiter } = await rig({ latencyMs: 20 });
    const results = await Promise.all(Array.from({ length: 25 }, () => company.read('Customer', '1')));
    expect(results.every((r) => r.ok && r.value === null)).toBe(true);
    const log = (await requests()).filter((q) => q.path.startsWith('/v3/'));
    expect(log).toHaveLength(25);
    expect(Math.max(...log.map((q) => q.inFlightPeak))).toBeLessThanOrEqual(10);
    expect(log.some((q) => q.status === 429)).toBe(false);
    expect(limiter.stats).toMatchObject({ maxInFlight: 10, inFlight: 0, queued: 0, total: 25 });
  });

  it('reports per-item faults and keeps the rest', async () => {
    const { company } = await rig();
    value(await company.create({ entityType: 'Customer', record: { displayName: 'Taken Name' } as never, requestId: rid() }));
    const results = await company.createMany([
      { entityType: 'Customer', record: { displayName: 'Fresh One' } as never, requestId: rid() },
      { entityType: 'Vendor', record: { displayName: 'Taken Name' } as never, requestId: rid() },
      { entityType: 'Item', record: { name: 'Hedge trim', unitPrice: 30 } as never, requestId: rid() },
    ]);
    expect(results[0]).toMatchObject({ ok: true, value: { record: { displayName: 'Fresh One' } } });
    expect(results[1]).toMatchObject({ ok: false, failure: { kind: 'fault', code: '6240' } });
    expect(results[2]).toMatchObject({ ok: true, value: { entityType: 'Item', record: { name: 'Hedge trim' } } });
  });

  it('a lost batch reply is retried with the same requestid and creates nothing twice', async () => {
    const { company, admin } = await rig();
    await admin('POST', '/admin/faults', { match: { pathContains: '/batch' }, action: 'drop-after-apply', times: 1 });
    const reqs = Array.from({ length: 5 }, (_, i) => ({ entityType: 'Customer' as const, record: { displayName: `Batch lost ${i}` } as never, requestId: `lost-${i}` }));
    const results = await company.createMany(reqs);
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = (await admin('GET', `/admin/realms/${REALM}/Customer`)).items.filter((c: { DisplayName: string }) => c.DisplayName.startsWith('Batch lost'));
    expect(stored).toHaveLength(5);
  });
});
