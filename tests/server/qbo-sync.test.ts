/**
 * The sync engine against QuickBooks Online over the wire: the real server, the QBO emulator on a
 * random port, a company connected through the real OAuth flow. QuickBooks' own replies decide
 * every outcome asserted here.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_SECRET, COMPANY, REALM, startQboWorld, VERIFIER, type QboWorld } from './helpers/qbo-world.ts';

let w: QboWorld;
beforeEach(async () => {
  w = await startQboWorld();
});
afterEach(async () => {
  await w.close();
});

const customer = (displayName: string) => ({ displayName, email: `${displayName.split(' ')[0]!.toLowerCase()}@example.com` });
const item = (name: string, unitPrice = 120) => ({ name, kind: 'Service', unitPrice });
const invoice = (customerId: string, itemId: string, extra: Record<string, unknown> = {}) => ({
  customerId, txnDate: new Date().toISOString().slice(0, 10), lines: [{ itemId, quantity: 2, unitPrice: 120, amount: 240 }], ...extra,
});

async function ingestOk(entityType: string, localId: string, record: unknown) {
  const r = await w.ingest(entityType, localId, record);
  expect(r.status, r.text).toBeLessThan(300);
  return r;
}

async function syncAll() {
  const approved = await w.approveAll('export');
  expect(approved.status, approved.text).toBe(200);
  const run = await w.run();
  expect(run.status, run.text).toBe(200);
  return run.json;
}

async function unsyncedFor(localId: string) {
  const list = await w.api('GET', `/companies/${COMPANY}/unsynced?limit=500`);
  return list.json.items.find((u: { localId: string }) => u.localId === localId);
}

async function qbObject(entity: string, qbId: string) {
  const r = await w.admin('GET', `/realms/${REALM}/${entity}/${qbId}`);
  expect(r.status, r.text).toBe(200);
  return Object.values(r.json as Record<string, any>)[0];
}

async function linkOf(entityType: string, localId: string): Promise<string> {
  const log = await w.api('GET', `/companies/${COMPANY}/log?status=success&limit=500`);
  const entry = log.json.items.find((e: { localId: string; entityType: string }) => e.localId === localId && e.entityType === entityType);
  expect(entry, `no success log entry for ${entityType} ${localId}`).toBeTruthy();
  return entry.qbId;
}

/** Customer + item + invoice synced; returns their QuickBooks ids. */
async function syncedBasics() {
  await ingestOk('Customer', 'c-1', customer('Maple Street HOA'));
  await ingestOk('Item', 'i-1', item('Crown thinning'));
  await ingestOk('Invoice', 'inv-1', invoice('c-1', 'i-1', { docNumber: '1001' }));
  const run = await syncAll();
  expect(run.failed).toBe(0);
  return { customer: await linkOf('Customer', 'c-1'), item: await linkOf('Item', 'i-1'), invoice: await linkOf('Invoice', 'inv-1') };
}

describe('connecting a QuickBooks Online company (OAuth 2.0)', () => {
  it('the consent flow stores the realm and encrypted tokens; the connector says ok', async () => {
    const connected = await w.connect();
    expect(connected.status, connected.text).toBe(200);
    expect(connected.text).toContain('connected to QuickBooks Online');
    const company = (await w.api('GET', '/companies')).json.items.find((c: { id: string }) => c.id === COMPANY);
    expect(company.realmId).toBe(REALM);
    const rows = (await w.server.store.db.prepare('SELECT access_token_enc, refresh_token_enc FROM qbo_connections').all()) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    for (const value of Object.values(rows[0]!)) expect(value).toMatch(/^v1\./);
  });

  it('a replayed callback and a made-up state are refused with problem+json, and nothing is stored', async () => {
    const start = await fetch(`${w.server.url}/connect/qbo/start?companyId=${COMPANY}`, { headers: { authorization: 'Bearer qbo-world-token', accept: 'application/json' } });
    const { authorizeUrl } = await start.json() as { authorizeUrl: string };
    const callback = (await fetch(authorizeUrl, { redirect: 'manual' })).headers.get('location')!;
    expect((await fetch(callback)).status).toBe(200);
    const replay = await fetch(callback);
    expect(replay.status).toBe(400);
    expect(replay.headers.get('content-type')).toContain('application/problem+json');
    expect(((await replay.json()) as { code: string }).code).toBe('oauth-state-invalid');
    const forged = await fetch(`${w.server.url}/connect/qbo/callback?code=abc&state=not-ours&realmId=123`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).not.toContain('abc');
  });

  it('starting a connection needs the admin scope', async () => {
    const r = await fetch(`${w.server.url}/connect/qbo/start?companyId=${COMPANY}`, { headers: { accept: 'application/json' } });
    expect(r.status).toBe(401);
  });
});

describe('approved changes travel to QuickBooks Online', () => {
  beforeEach(async () => {
    expect((await w.connect()).status).toBe(200);
  });

  it('customer, item and invoice are created in QuickBooks with their references; the chip data says synced', async () => {
    const ids = await syncedBasics();
    const inv = await qbObject('invoice', ids.invoice);
    expect(inv.CustomerRef.value).toBe(ids.customer);
    expect(inv.Line[0].SalesItemLineDetail.ItemRef.value).toBe(ids.item);
    expect(inv.DocNumber).toBe('1001');
    const links = await w.api('GET', `/companies/${COMPANY}/links?entityType=Invoice&qbIds=${ids.invoice}`);
    expect(links.json.items[0]).toMatchObject({ status: 'synced', localId: 'inv-1' });
    const log = await w.api('GET', `/companies/${COMPANY}/log?status=success`);
    expect(log.json.items.every((e: { intuitTid?: string }) => typeof e.intuitTid === 'string' && e.intuitTid.length > 0)).toBe(true);
  });

  it('a change in the job app is a sparse update with the SyncToken QuickBooks gave', async () => {
    const ids = await syncedBasics();
    await ingestOk('Customer', 'c-1', { ...customer('Maple Street HOA'), phone: '555-0100' });
    const items = (await w.api('GET', `/companies/${COMPANY}/wizard?direction=export`)).json.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ change: 'update', changedFields: ['phone'] });
    expect((await syncAll()).succeeded).toBe(1);
    const qb = await qbObject('customer', ids.customer);
    expect(qb.PrimaryPhone.FreeFormNumber).toBe('555-0100');
    expect(qb.SyncToken).toBe('1');
  });

  it('6240: a name a vendor already has in QuickBooks fails with QuickBooks\' own fault', async () => {
    expect((await w.admin('POST', `/realms/${REALM}/vendor?webhook=false`, { DisplayName: 'Riverbend Office Park' })).status).toBeLessThan(300);
    await ingestOk('Customer', 'c-dup', customer('Riverbend Office Park'));
    const run = await syncAll();
    expect(run.failed).toBe(1);
    const u = await unsyncedFor('c-dup');
    expect(u).toMatchObject({ errorCode: '6240', errorMessage: 'Duplicate Name Exists Error' });
    expect(u.errorDetail).toBeTruthy();
    const failed = (await w.api('GET', `/companies/${COMPANY}/log?status=failed`)).json.items[0];
    expect(failed.intuitTid).toBeTruthy();
  });

  it('6140, 610 (inactive item), 2500 (deleted invoice) and 6210 come from QuickBooks\' rules', async () => {
    await syncedBasics();
    await ingestOk('Invoice', 'inv-dup', invoice('c-1', 'i-1', { docNumber: '1001' }));
    await ingestOk('Item', 'i-old', item('Root collar excavation'));
    await syncAll();
    const oldItem = await linkOf('Item', 'i-old');
    expect((await w.admin('POST', `/realms/${REALM}/item/${oldItem}/deactivate?webhook=false`)).status).toBeLessThan(300);
    await ingestOk('Invoice', 'inv-inactive', invoice('c-1', 'i-old'));
    // A payment applied to an invoice deleted in QuickBooks points at nothing: 2500.
    await ingestOk('Invoice', 'inv-paid', invoice('c-1', 'i-1', { docNumber: '1002' }));
    await syncAll();
    expect((await w.admin('DELETE', `/realms/${REALM}/invoice/${await linkOf('Invoice', 'inv-paid')}?webhook=false`)).status).toBeLessThan(300);
    await ingestOk('Payment', 'pay-1', { customerId: 'c-1', txnDate: new Date().toISOString().slice(0, 10), totalAmount: 240, appliedTo: [{ invoiceId: 'inv-paid', amount: 240 }] });
    expect((await w.admin('PATCH', `/realms/${REALM}`, { closedBooksDate: '2025-12-31' })).status).toBeLessThan(300);
    await ingestOk('Invoice', 'inv-closed', invoice('c-1', 'i-1', { txnDate: '2025-11-15' }));
    await syncAll();
    expect((await unsyncedFor('inv-dup')).errorCode).toBe('6140');
    // QuickBooks Online reports a reference to an inactive list record as 610 (the object is not usable), not 2500.
    const inactive = await unsyncedFor('inv-inactive');
    expect(inactive.errorCode).toBe('610');
    expect(inactive.errorDetail).toMatch(/inactive/i);
    expect((await unsyncedFor('pay-1')).errorCode).toBe('2500');
    expect((await unsyncedFor('inv-closed')).errorCode).toBe('6210');
  });

  it('610: an invoice deleted in QuickBooks fails; Clear ID and Resync create it again', async () => {
    const ids = await syncedBasics();
    expect((await w.admin('DELETE', `/realms/${REALM}/invoice/${ids.invoice}?webhook=false`)).status).toBeLessThan(300);
    await ingestOk('Invoice', 'inv-1', invoice('c-1', 'i-1', { docNumber: '1001', memo: 'Gate code 4411' }));
    await syncAll();
    const u = await unsyncedFor('inv-1');
    expect(u.errorCode).toBe('610');
    expect((await w.api('POST', `/companies/${COMPANY}/unsynced/${u.id}/clear-id`)).status).toBe(200);
    expect((await w.api('POST', `/companies/${COMPANY}/unsynced/${u.id}/resync`)).status).toBe(200);
    const run = (await w.run()).json;
    expect(run.succeeded).toBe(1);
    expect(await unsyncedFor('inv-1')).toBeUndefined();
    const again = await linkOf('Invoice', 'inv-1');
    expect(again).not.toBe(ids.invoice);
    expect((await qbObject('invoice', again)).PrivateNote).toBe('Gate code 4411');
  });

  it('5010: edited in QuickBooks meanwhile fails stale; a Resync re-reads the SyncToken and succeeds', async () => {
    const ids = await syncedBasics();
    expect((await w.admin('PATCH', `/realms/${REALM}/customer/${ids.customer}?webhook=false`, { Notes: 'Edited in QuickBooks' })).status).toBeLessThan(300);
    await ingestOk('Customer', 'c-1', { ...customer('Maple Street HOA'), phone: '555-0199' });
    await syncAll();
    const u = await unsyncedFor('c-1');
    expect(u.errorCode).toBe('5010');
    expect((await w.api('POST', `/companies/${COMPANY}/unsynced/${u.id}/resync`)).status).toBe(200);
    expect((await w.run()).json.succeeded).toBe(1);
    const qb = await qbObject('customer', ids.customer);
    expect(qb.PrimaryPhone.FreeFormNumber).toBe('555-0199');
    expect(qb.Notes).toBe('Edited in QuickBooks'); // the sparse update left QuickBooks' own edit alone
  });

  it('a deletion in the job app deletes the invoice in QuickBooks and makes the customer inactive', async () => {
    const ids = await syncedBasics();
    expect((await w.api('DELETE', `/companies/${COMPANY}/records/Invoice/inv-1`)).json.status).toBe('deleted');
    expect((await w.api('DELETE', `/companies/${COMPANY}/records/Customer/c-1`)).json.status).toBe('deleted');
    const items = (await w.api('GET', `/companies/${COMPANY}/wizard?direction=export`)).json.items;
    expect(items.map((i: { change: string }) => i.change)).toEqual(['delete', 'delete']);
    const run = await syncAll();
    expect(run).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await qbObject('invoice', ids.invoice)).status).toBe('Deleted');
    expect((await qbObject('customer', ids.customer)).Active).toBe(false);
  });

  it('a reply lost after QuickBooks applied the create is retried with the same requestid: one record', async () => {
    await ingestOk('Customer', 'c-lost', customer('Pine Hollow Golf Club'));
    await w.admin('POST', '/faults', { match: { method: 'POST', pathContains: '/batch' }, action: 'drop-after-apply', times: 1 });
    await syncAll();
    const list = (await w.admin('GET', `/realms/${REALM}/customer`)).json.items as { DisplayName: string }[];
    expect(list.filter((c) => c.DisplayName === 'Pine Hollow Golf Club')).toHaveLength(1);
    expect(await linkOf('Customer', 'c-lost')).toBeTruthy();
  });

  it('429 ThrottleExceeded keeps entries pending until the wait is over, then they go', async () => {
    await ingestOk('Customer', 'c-wait', customer('Summit Medical Plaza'));
    await w.admin('POST', '/faults', { match: { pathContains: '/batch' }, action: 'status', status: 429, retryAfter: 1, times: 1 });
    const first = await syncAll();
    expect(first.failed).toBe(0);
    expect((await w.api('GET', `/companies/${COMPANY}/summary`)).json.pendingSyncs).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await w.run()).json.succeeded).toBe(1);
    expect((await w.api('GET', `/companies/${COMPANY}/summary`)).json.pendingSyncs).toBe(0);
  });

  it('a refresh token QuickBooks refuses turns the connector to auth-expired with a reconnect message', async () => {
    await syncedBasics();
    // Nobody synced for 102 days: QuickBooks' side of the clock has outlived the refresh token
    // (valid 101 days), so the access token is refused and so is the refresh.
    await w.admin('POST', '/clock', { advanceSeconds: 102 * 86_400 });
    await ingestOk('Customer', 'c-2', customer('Lakeview Church'));
    await syncAll();
    const summary = (await w.api('GET', `/companies/${COMPANY}/summary`)).json;
    expect(summary.connector.state).toBe('auth-expired');
    expect(summary.connector.message).toMatch(/reconnect|connect/i);
    expect(summary.pendingSyncs).toBe(1);
    expect(JSON.stringify(summary)).not.toMatch(/v1\.|Bearer/);
  });
});

describe('changes made in QuickBooks come back as Import items', () => {
  beforeEach(async () => {
    expect((await w.connect()).status).toBe(200);
  });

  const waitForImports = async (count: number) => {
    await expect.poll(async () => (await w.api('GET', `/companies/${COMPANY}/wizard?direction=import`)).json.items.length, { timeout: 3000 }).toBe(count);
    return (await w.api('GET', `/companies/${COMPANY}/wizard?direction=import`)).json.items;
  };

  it('a signed webhook lists the change with its fields; approving it brings QuickBooks\' copy in', async () => {
    const ids = await syncedBasics();
    expect((await w.admin('PATCH', `/realms/${REALM}/customer/${ids.customer}`, { PrimaryPhone: { FreeFormNumber: '555-0142' } })).status).toBeLessThan(300);
    const [item] = await waitForImports(1);
    expect(item).toMatchObject({ entityType: 'Customer', qbId: ids.customer, localId: 'c-1', change: 'update', changedFields: ['phone'] });
    await w.approveAll('import');
    expect((await w.run()).json.succeeded).toBe(1);
    // The job app's copy now matches QuickBooks: sending the old phone again is a change to export.
    const resend = await w.ingest('Customer', 'c-1', customer('Maple Street HOA'));
    expect(resend.json.status).not.toBe('unchanged');
  });

  it('a customer typed into QuickBooks is an Import create; approving it links it to a new record of the job app', async () => {
    await syncedBasics();
    const created = await w.admin('POST', `/realms/${REALM}/customer`, { DisplayName: 'Fox Run Estates', PrimaryPhone: { FreeFormNumber: '555-0177' } });
    expect(created.status).toBeLessThan(300);
    const qbId = (Object.values(created.json as Record<string, { Id: string }>)[0]!).Id;
    const [item] = await waitForImports(1);
    expect(item).toMatchObject({ entityType: 'Customer', qbId, localId: null, change: 'create', name: 'Fox Run Estates' });
    await w.approveAll('import');
    expect((await w.run()).json.succeeded).toBe(1);
    const link = (await w.api('GET', `/companies/${COMPANY}/links?entityType=Customer&qbIds=${qbId}`)).json.items[0];
    expect(link).toMatchObject({ status: 'synced', localId: `qb-customer-${qbId}` });
  });

  it('an invoice deleted in QuickBooks is an Import delete; approving it marks the job app\'s copy deleted', async () => {
    const ids = await syncedBasics();
    expect((await w.admin('DELETE', `/realms/${REALM}/invoice/${ids.invoice}`)).status).toBeLessThan(300);
    const [item] = await waitForImports(1);
    expect(item).toMatchObject({ entityType: 'Invoice', localId: 'inv-1', change: 'delete' });
    await w.approveAll('import');
    expect((await w.run()).json.succeeded).toBe(1);
    const row = (await w.server.store.db.prepare("SELECT deleted_at FROM records WHERE local_id = 'inv-1'").get()) as { deleted_at: string | null };
    expect(row.deleted_at).not.toBeNull();
  });

  it('our own writes echoing back as webhooks list nothing', async () => {
    await syncedBasics();
    await new Promise((r) => setTimeout(r, 300));
    await w.server.engine.idle();
    expect((await w.api('GET', `/companies/${COMPANY}/wizard?direction=import`)).json.items).toHaveLength(0);
  });

  it('a change whose webhook never came is caught by the change sweep on the next run', async () => {
    const ids = await syncedBasics();
    expect((await w.admin('PATCH', `/realms/${REALM}/invoice/${ids.invoice}?webhook=false`, { PrivateNote: 'Changed in QuickBooks' })).status).toBeLessThan(300);
    await w.run();
    const items = (await w.api('GET', `/companies/${COMPANY}/wizard?direction=import`)).json.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ entityType: 'Invoice', changedFields: ['memo'] });
  });

  it('webhook signatures: a tampered body or a wrong signature is refused; a redelivery is stored once', async () => {
    const ids = await syncedBasics();
    const body = JSON.stringify({ eventNotifications: [{ realmId: REALM, dataChangeEvent: { entities: [
      { name: 'Customer', id: ids.customer, operation: 'Update', lastUpdated: new Date().toISOString() }] } }] });
    const sign = (text: string, key = VERIFIER) => createHmac('sha256', key).update(text).digest('base64');
    const post = (text: string, signature: string | null) => fetch(`${w.server.url}/webhooks/qbo`, {
      method: 'POST', body: text, headers: { 'content-type': 'application/json', ...(signature ? { 'intuit-signature': signature } : {}) },
    });
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, sign(body, 'wrong-key'))).status).toBe(401);
    expect((await post(body.replace(ids.customer, '999'), sign(body))).status).toBe(401);
    const first = await post(body, sign(body));
    expect(first.status).toBe(200);
    expect(((await first.json()) as { queued: number }).queued).toBe(1);
    const again = await post(body, sign(body));
    expect(((await again.json()) as { repeated: number }).repeated).toBe(1);
    const malformed = '{"eventNotifications": 5}';
    expect((await post(malformed, sign(malformed))).status).toBe(400);
  });
});

describe('secrets stay out of logs and replies', () => {
  it('a whole day (connect, sync, refresh, failures, reconnect needed) prints no token, code or secret', async () => {
    const printed: string[] = [];
    const capture = (...args: unknown[]) => { printed.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' ')); };
    const spies = [vi.spyOn(console, 'log').mockImplementation(capture), vi.spyOn(console, 'error').mockImplementation(capture), vi.spyOn(console, 'warn').mockImplementation(capture)];
    const replies: string[] = [];
    try {
      const connected = await w.connect();
      replies.push(connected.text);
      const ids = await syncedBasics();
      await w.admin('POST', '/clock', { advanceSeconds: 3700 }); // the access token expires: a refresh happens
      await ingestOk('Customer', 'c-1', { ...customer('Maple Street HOA'), phone: '555-0111' });
      replies.push(JSON.stringify(await syncAll()));
      expect((await qbObject('customer', ids.customer)).PrimaryPhone.FreeFormNumber).toBe('555-0111');
      await w.admin('POST', '/clock', { advanceSeconds: 102 * 86_400 });
      await ingestOk('Customer', 'c-2', customer('Lakeview Church'));
      replies.push(JSON.stringify(await syncAll()));
      for (const path of [`/companies/${COMPANY}/summary`, `/companies/${COMPANY}/log`, `/companies/${COMPANY}/unsynced`, '/companies']) {
        replies.push((await w.api('GET', path)).text);
      }
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    const stored = (await w.server.store.db.prepare('SELECT access_token_enc, refresh_token_enc FROM qbo_connections').all()) as Record<string, string>[];
    const everything = [...printed, ...replies].join('\n');
    expect(everything).toContain('auth-expired');
    for (const secret of [CLIENT_SECRET, VERIFIER, 'Bearer ', 'refresh_token', 'access_token', ...stored.flatMap((r) => Object.values(r))]) {
      expect(everything, `found "${secret.slice(0, 12)}…"`).not.toContain(secret);
    }
  });
});
