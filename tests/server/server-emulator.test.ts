import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BulkResyncResult, ClearIdResult, LinkList, ResyncResult, UnsyncedEntity, type Link } from '../../lib/api/schema.ts';
import { deleteInQuickBooks, editInQuickBooks, getQbRecord } from '../../server/emulator/quickbooks.ts';
import { editRecord, upsertRecord, type RecordInput } from '../../server/store/records.ts';
import { registerChange } from '../../server/store/wizard.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let t: TestServer;
beforeEach(async () => { t = await startTestServer(); });
afterEach(async () => { await t.close(); });

/** Sends one local record through the whole flow: wizard → approve → connector run. */
async function sync(record: RecordInput & { change?: 'create' | 'update' }) {
  const store = t.server.store;
  upsertRecord(store, record);
  const item = await registerChange(store, { companyId: record.companyId, direction: 'export', entityType: record.entityType, localId: record.localId,
    qbId: record.qbId ?? null, name: record.name, docNumber: record.docNumber ?? null, change: record.change ?? (record.qbId ? 'update' : 'create') });
  const ok = await t.post(`/companies/${record.companyId}/wizard/approve`, { reviewedIds: [item.id], approveIds: [item.id], unchecked: 'keep' });
  expect(ok.status).toBe(200);
  const run = await t.post(`/companies/${record.companyId}/connector/run`);
  expect(run.status).toBe(200);
  const log = (await t.get(`/companies/${record.companyId}/log?limit=1`)).json.items[0];
  expect(log.id).toBe(ok.json.pendingLogIds[0]);
  const unsynced = ((await t.get(`/companies/${record.companyId}/unsynced?limit=500`)).json.items as UnsyncedEntity[])
    .find((u) => u.localId === record.localId && u.entityType === record.entityType);
  return { log, unsynced, run: run.json };
}

const links = async (company: string, entityType: string, ids: string[]) =>
  v.parse(LinkList, (await t.get(`/companies/${company}/links?entityType=${entityType}&qbIds=${ids.join(',')}`)).json).items;

describe('QuickBooks rules (QBO and QBD codes)', () => {
  it('creates a new record, stores the link and logs success', async () => {
    const { log, unsynced } = await sync({ companyId: 'acme-qbo', entityType: 'Customer', localId: 'c-new', name: 'Willow Creek Townhomes',
      localUrl: 'https://app.example-jobs.com/clients/77' });
    expect(log.status).toBe('success');
    expect(log.qbId).toMatch(/^\d+$/);
    expect(unsynced).toBeUndefined();
    const [link] = await links('acme-qbo', 'Customer', [log.qbId]);
    expect(link).toMatchObject({ status: 'synced', localId: 'c-new', localUrl: 'https://app.example-jobs.com/clients/77', name: 'Willow Creek Townhomes' });
    const qbd = await sync({ companyId: 'acme-qbd', entityType: 'Customer', localId: 'c-new', name: 'Fox Run Estates' });
    expect(qbd.log.qbId).toMatch(/^[0-9A-F]{8}-\d+$/);
  });

  it('duplicate display name: QBO 6240 / QBD 3100', async () => {
    const qbo = await sync({ companyId: 'acme-qbo', entityType: 'Customer', localId: 'c-dup', name: 'birch supply' });
    expect(qbo.log).toMatchObject({ status: 'failed', errorCode: '6240', errorMessage: 'Duplicate Name Exists Error' });
    expect(qbo.unsynced).toMatchObject({ errorCode: '6240', attempts: 1, state: 'failed' });
    expect(qbo.unsynced!.errorDetail).toContain('Vendor Id=70');
    const qbd = await sync({ companyId: 'acme-qbd', entityType: 'Customer', localId: 'c-dup', name: 'Birch Supply' });
    expect(qbd.unsynced).toMatchObject({ errorCode: '3100', errorMessage: 'The name "Birch Supply" of the list element is already in use.' });
  });

  it('duplicate DocNumber: QBO 6140 names the existing transaction; QBD accepts it', async () => {
    const qbo = await sync({ companyId: 'acme-qbo', entityType: 'Invoice', localId: 'i-dup', name: 'Invoice 1043 · Riley Park', docNumber: '1043' });
    expect(qbo.unsynced?.errorCode).toBe('6140');
    expect(qbo.unsynced?.errorDetail).toContain('DocNumber=1043 is assigned to TxnType=Invoice with TxnId=812');
    const qbd = await sync({ companyId: 'acme-qbd', entityType: 'Invoice', localId: 'i-1', name: 'Invoice 7', docNumber: '7' });
    const qbd2 = await sync({ companyId: 'acme-qbd', entityType: 'Invoice', localId: 'i-2', name: 'Invoice 7 again', docNumber: '7' });
    expect([qbd.log.status, qbd2.log.status]).toEqual(['success', 'success']);
  });

  it('record deleted in QuickBooks: QBO 610 / QBD 3120', async () => {
    await deleteInQuickBooks(t.server.store, 'acme-qbo', 'Invoice', '901');
    const qbo = await sync({ companyId: 'acme-qbo', entityType: 'Invoice', localId: 'inv-1', name: 'Invoice 1001 · Maple Street HOA', docNumber: '1001', qbId: '901', knownSyncToken: 0 });
    expect(qbo.unsynced).toMatchObject({ errorCode: '610', errorMessage: 'Object Not Found', qbId: '901', attempts: 3 });
    expect(qbo.unsynced!.errorDetail).toContain('Another user has deleted this transaction');
    await deleteInQuickBooks(t.server.store, 'acme-qbd', 'Customer', '80000101-1700000000');
    const qbd = await sync({ companyId: 'acme-qbd', entityType: 'Customer', localId: 'cust-51', name: 'Lakeview Church', qbId: '80000101-1700000000', knownSyncToken: 0 });
    expect(qbd.unsynced).toMatchObject({ errorCode: '3120', errorMessage: 'Object "80000101-1700000000" specified in the request cannot be found.' });
  });

  it('stale SyncToken / EditSequence: QBO 5010 / QBD 3200', async () => {
    await editInQuickBooks(t.server.store, 'acme-qbo', 'Customer', '102');
    const qbo = await sync({ companyId: 'acme-qbo', entityType: 'Customer', localId: 'cust-2', name: 'Dana Fox', qbId: '102', knownSyncToken: 0 });
    expect(qbo.unsynced).toMatchObject({ errorCode: '5010', errorMessage: 'Stale Object Error' });
    await editInQuickBooks(t.server.store, 'acme-qbd', 'Customer', '80000101-1700000000');
    const qbd = await sync({ companyId: 'acme-qbd', entityType: 'Customer', localId: 'cust-51', name: 'Lakeview Church', qbId: '80000101-1700000000', knownSyncToken: 0 });
    expect(qbd.unsynced).toMatchObject({ errorCode: '3200', errorMessage: 'The provided edit sequence "0" is out-of-date.' });
  });

  it('date in a closed period: QBO 6210 / QBD 3171', async () => {
    const qbo = await sync({ companyId: 'acme-qbo', entityType: 'Invoice', localId: 'i-old', name: 'Invoice 990', docNumber: '990', txnDate: '2025-12-20' });
    expect(qbo.unsynced).toMatchObject({ errorCode: '6210', errorMessage: 'Account Period Closed, Cannot Update Through Services API' });
    const qbd = await sync({ companyId: 'acme-qbd', entityType: 'Invoice', localId: 'i-old', name: 'Invoice 990', docNumber: '990', txnDate: '2025-12-31' });
    expect(qbd.unsynced?.errorCode).toBe('3171');
    const open = await sync({ companyId: 'acme-qbo', entityType: 'Invoice', localId: 'i-new', name: 'Invoice 991', docNumber: '991', txnDate: '2026-01-01' });
    expect(open.log.status).toBe('success');
  });

  it('reference to a missing or inactive customer/item: QBO 2500 / QBD 3140', async () => {
    const qbo = await sync({ companyId: 'acme-qbo', entityType: 'Invoice', localId: 'i-ref', name: 'Invoice 995', docNumber: '995',
      refs: [{ entityType: 'Customer', qbId: '101' }, { entityType: 'Item', qbId: '81' }] });
    expect(qbo.unsynced).toMatchObject({ errorCode: '2500', errorMessage: 'Invalid Reference Id' });
    expect(qbo.unsynced!.errorDetail).toContain('ItemRef');
    const qbd = await sync({ companyId: 'acme-qbd', entityType: 'Invoice', localId: 'i-ref', name: 'Invoice 995', docNumber: '995',
      refs: [{ entityType: 'Customer', qbId: '80000999-1700000000' }] });
    expect(qbd.unsynced?.errorCode).toBe('3140');
    expect(qbd.unsynced?.errorMessage).toContain('invalid reference to QuickBooks Customer');
  });

  it('payment without an amount: QBO 6000', async () => {
    const qbo = await sync({ companyId: 'acme-qbo', entityType: 'Payment', localId: 'p-0', name: 'Payment for Invoice 1001', amount: 0 });
    expect(qbo.unsynced).toMatchObject({ errorCode: '6000', errorDetail: 'Business Validation Error: You must set a transaction amount.' });
  });
});

describe('Resync and Clear ID', () => {
  it('Resync fails again while the cause remains, then succeeds once it is fixed', async () => {
    const first = await sync({ companyId: 'acme-qbo', entityType: 'Customer', localId: 'c-dup', name: 'Birch Supply' });
    const id = first.unsynced!.id;
    const queued = v.parse(ResyncResult, (await t.post(`/companies/acme-qbo/unsynced/${id}/resync`)).json);
    expect(queued.unsynced.state).toBe('resync-queued');
    expect(queued.logEntry).toMatchObject({ status: 'pending', attempt: 2 });
    expect((await links('acme-qbo', 'Customer', ['70']))[0]!.status).toBe('not-linked');
    await t.post('/companies/acme-qbo/connector/run');
    const again = (await t.get(`/companies/acme-qbo/unsynced?q=birch`)).json.items[0];
    expect(again).toMatchObject({ id, state: 'failed', attempts: 2, errorCode: '6240' });
    // The office renames the client; Resync now succeeds.
    editRecord(t.server.store, 'acme-qbo', 'Customer', 'c-dup', { name: 'Birch Supply (client)' });
    await t.post(`/companies/acme-qbo/unsynced/${id}/resync`);
    const run = await t.post('/companies/acme-qbo/connector/run');
    expect(run.json).toMatchObject({ processed: 1, succeeded: 1, failed: 0 });
    expect((await t.get(`/companies/acme-qbo/unsynced?q=birch`)).json.items).toEqual([]);
    const log = (await t.get('/companies/acme-qbo/log?limit=1')).json.items[0];
    expect(log).toMatchObject({ status: 'success', attempt: 3, localId: 'c-dup' });
    expect((await links('acme-qbo', 'Customer', [log.qbId]))[0]).toMatchObject({ status: 'synced', localId: 'c-dup' });
  });

  it('Resync of an already queued entity is a no-op returning the same state', async () => {
    const a = await t.post('/companies/acme-qbo/unsynced/u1/resync');
    const b = await t.post('/companies/acme-qbo/unsynced/u1/resync');
    expect(b.json).toEqual(a.json);
    expect((await t.get('/companies/acme-qbo/log?status=pending')).json.items).toHaveLength(1);
  });

  it('Resync re-reads the QuickBooks record, so a stale copy heals', async () => {
    await editInQuickBooks(t.server.store, 'acme-qbo', 'Customer', '102');
    const { unsynced } = await sync({ companyId: 'acme-qbo', entityType: 'Customer', localId: 'cust-2', name: 'Dana Fox', qbId: '102', knownSyncToken: 0 });
    await t.post(`/companies/acme-qbo/unsynced/${unsynced!.id}/resync`);
    expect((await t.post('/companies/acme-qbo/connector/run')).json.succeeded).toBe(1);
    expect((await getQbRecord(t.server.store, 'acme-qbo', 'Customer', '102'))!.sync_token).toBe(2);
  });

  it('Clear ID unlinks the deleted record so Resync creates a new QuickBooks record', async () => {
    await deleteInQuickBooks(t.server.store, 'acme-qbo', 'Invoice', '901');
    await t.post('/companies/acme-qbo/unsynced/u2/resync');
    await t.post('/companies/acme-qbo/connector/run');
    expect((await t.get('/companies/acme-qbo/unsynced?code=610')).json.items[0]).toMatchObject({ id: 'u2', attempts: 3 });

    const cleared = v.parse(ClearIdResult, (await t.post('/companies/acme-qbo/unsynced/u2/clear-id')).json);
    expect(cleared).toMatchObject({ previousQbId: '901', nextSyncCreatesNewRecord: true });
    expect(cleared.unsynced.qbId).toBeNull();
    expect(cleared.message).toMatch(/new record/i);
    const twice = v.parse(ClearIdResult, (await t.post('/companies/acme-qbo/unsynced/u2/clear-id')).json);
    expect(twice.previousQbId).toBeNull();

    await t.post('/companies/acme-qbo/unsynced/u2/resync');
    expect((await t.post('/companies/acme-qbo/connector/run')).json.succeeded).toBe(1);
    const log = (await t.get('/companies/acme-qbo/log?limit=1')).json.items[0];
    expect(log.status).toBe('success');
    expect(log.qbId).not.toBe('901');
    expect((await links('acme-qbo', 'Invoice', [log.qbId, '901'])).map((l: Link) => l.status)).toEqual(['synced', 'not-linked']);
  });

  it('bulk Resync queues many in one request with a result per id', async () => {
    const r = await t.post('/companies/acme-qbo/unsynced/resync', { ids: ['u1', 'u2', 'ghost', 'u1'] });
    const result = v.parse(BulkResyncResult, r.json);
    expect(result).toMatchObject({ queued: 2, failed: 1 });
    expect(result.results).toEqual([
      { id: 'u1', ok: true, state: 'resync-queued' },
      { id: 'u2', ok: true, state: 'resync-queued' },
      expect.objectContaining({ id: 'ghost', ok: false, code: 'not-found' }),
    ]);
    const run = await t.post('/companies/acme-qbo/connector/run');
    expect(run.json).toMatchObject({ processed: 2, succeeded: 2 });
    expect((await t.get('/companies/acme-qbo/unsynced')).json.items).toEqual([]);
  });
});

describe('GET /links', () => {
  it('derives one status per requested id', async () => {
    const byId = async () => Object.fromEntries((await links('acme-qbo', 'Customer', ['101', '102', '999'])).map((l) => [l.qbId, l]));
    let l = await byId();
    expect(l['101']).toMatchObject({ status: 'awaiting-approval', localId: 'cust-1' }); // w2 waits in the wizard
    expect(l['102']).toMatchObject({ status: 'synced', localId: 'cust-2', localUrl: 'https://app.example-jobs.com/clients/2', lastSyncedAt: '2026-02-28T09:00:00.000Z' });
    expect(l['999']).toMatchObject({ status: 'not-linked', localId: null, name: null });
    await t.post('/companies/acme-qbo/wizard/approve', { reviewedIds: ['w2'], approveIds: ['w2'], unchecked: 'keep' });
    l = await byId();
    expect(l['101']!.status).toBe('pending');
    await t.post('/companies/acme-qbo/connector/run');
    l = await byId();
    expect(l['101']!.status).toBe('synced');

    const [failed] = await links('acme-qbo', 'Invoice', ['901']);
    expect(failed).toMatchObject({ status: 'failed', unsyncedId: 'u2', errorCode: '610', errorMessage: 'Object Not Found' });
    await t.post('/companies/acme-qbo/unsynced/u2/resync');
    expect((await links('acme-qbo', 'Invoice', ['901']))[0]).toMatchObject({ status: 'pending', unsyncedId: 'u2' });
  });

  it('a failed link carries errorDetail: 6140 names the transaction that already holds the number', async () => {
    // An invoice synced once, then renumbered to a number another invoice (TxnId 812) already has.
    const first = await sync({ companyId: 'acme-qbo', entityType: 'Invoice', localId: 'i-renumbered', name: 'Invoice 2001 · Oak Hill', docNumber: '2001' });
    expect(first.log.status).toBe('success');
    const qbId = first.log.qbId as string;
    const second = await sync({ companyId: 'acme-qbo', entityType: 'Invoice', localId: 'i-renumbered', name: 'Invoice 1043 · Oak Hill', docNumber: '1043', qbId });
    expect(second.unsynced?.errorCode).toBe('6140');
    const [link] = await links('acme-qbo', 'Invoice', [qbId]);
    expect(link).toMatchObject({ status: 'failed', unsyncedId: second.unsynced!.id, errorCode: '6140', errorDetail: second.unsynced!.errorDetail });
    expect(link!.errorDetail).toContain('DocNumber=1043 is assigned to TxnType=Invoice with TxnId=812');
    // The fixture's failure has its detail too; a link that is not failed has none.
    expect((await links('acme-qbo', 'Invoice', ['901']))[0]!.errorDetail).toBe('Object Not Found : Another user has deleted this transaction.');
    expect((await links('acme-qbo', 'Customer', ['102']))[0]!.errorDetail).toBeUndefined();
  });

  it('accepts up to 200 ids and refuses more', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => String(5000 + i));
    expect((await links('acme-qbo', 'Customer', ids))).toHaveLength(200);
    const r = await t.get(`/companies/acme-qbo/links?entityType=Customer&qbIds=${[...ids, '1'].join(',')}`);
    expect(r.status).toBe(400);
    expect(r.json.errors[0].path).toBe('qbIds');
  });
});
