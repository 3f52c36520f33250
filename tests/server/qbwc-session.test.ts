/**
 * Whole Web Connector sessions through the simulator: approved entries go to the emulated company
 * file as qbXML over SOAP, and QuickBooks Desktop's own status codes decide each outcome.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCompanyFile } from '../../server/qbwc-sim/index.ts';
import { MAX_FAILURES, WINDOW_MS } from '../../server/quickbooks/qbd/login-throttle.ts';
import { QBD, startQbwcWorld, type QbwcWorld } from './helpers/qbwc-world.ts';

let w: QbwcWorld;
beforeEach(async () => {
  w = await startQbwcWorld();
});
afterEach(async () => {
  await w.close();
});

const today = '2026-03-01';
const customer = (displayName: string, extra: Record<string, unknown> = {}) => ({ displayName, email: 'office@example.com', ...extra });
const item = (name: string) => ({ name, kind: 'Service', unitPrice: 45 });
const invoice = (customerId: string, itemId: string, extra: Record<string, unknown> = {}) => ({
  customerId, txnDate: today, lines: [{ itemId, quantity: 2, unitPrice: 45, amount: 90 }], ...extra,
});

async function ingestOk(entityType: string, localId: string, record: unknown) {
  const r = await w.ingest(entityType, localId, record);
  expect(r.status, r.text).toBeLessThan(300);
}

async function approve(...localIds: string[]) {
  const r = await w.approveAll('export', localIds);
  expect(r.status, r.text).toBe(200);
}

async function sessionDone() {
  const result = await w.session();
  expect(result.outcome, result.lastError).toBe('done');
  return result;
}

/** Customer c-1, item i-1 and invoice inv-1 synced; returns QuickBooks' ids. */
async function syncedBasics() {
  await ingestOk('Customer', 'c-1', customer('Maple Street HOA'));
  await ingestOk('Item', 'i-1', item('Mowing'));
  await ingestOk('Invoice', 'inv-1', invoice('c-1', 'i-1', { docNumber: 'L-1001' }));
  await approve('c-1', 'i-1', 'inv-1');
  const result = await sessionDone();
  expect(result.closeMessage).toBe('Sync complete: 3 synced, 0 failed.');
  const cust = w.file.list('Customer').find((c) => c.Name === 'Maple Street HOA')!;
  const inv = w.file.list('Invoice').find((i) => i.RefNumber === 'L-1001')!;
  return { customerId: String(cust.ListID), invoiceId: String(inv.TxnID) };
}

describe('a Web Connector session', () => {
  it('sends approved customers, items and invoices as qbXML and links them with their ListID / TxnID and EditSequence', async () => {
    const ids = await syncedBasics();
    const inv = w.file.get('Invoice', ids.invoiceId)!;
    expect(inv.CustomerRef).toMatchObject({ ListID: ids.customerId });
    expect(inv.Memo ?? null).toBeNull();
    const log = await w.logFor('inv-1');
    expect(log.at(-1)).toMatchObject({ status: 'success', qbId: ids.invoiceId });
    const links = await w.t.get(`/companies/${QBD}/links?entityType=Customer&qbIds=${encodeURIComponent(ids.customerId)}`);
    expect(links.json.items[0]).toMatchObject({ localId: 'c-1' });
    const connector = await w.connector();
    expect(connector).toMatchObject({ kind: 'web-connector', state: 'ok' });
    expect(connector.lastRunAt).toBeTruthy();
    expect(connector.lastContactAt).toBeTruthy();
  });

  it('updates with the EditSequence it holds; the next session sends only what changed', async () => {
    const ids = await syncedBasics();
    await ingestOk('Customer', 'c-1', customer('Maple Street HOA', { phone: '555-0100' }));
    await approve('c-1');
    expect((await sessionDone()).closeMessage).toBe('Sync complete: 1 synced, 0 failed.');
    expect(w.file.get('Customer', ids.customerId)!.Phone).toBe('555-0100');
  });

  it('3100: a name already used in QuickBooks fails the entry as an unsynced entity with QuickBooks\' message', async () => {
    w.file.add('Vendor', { Name: 'Maple Street HOA' });
    await ingestOk('Customer', 'c-1', customer('Maple Street HOA'));
    await approve('c-1');
    const result = await sessionDone();
    expect(result.closeMessage).toBe('Sync complete: 0 synced, 1 failed.');
    const u = await w.unsyncedFor('c-1');
    expect(u).toMatchObject({ errorCode: '3100' });
    expect(u.errorMessage).toContain('Maple Street HOA');
    expect(w.file.list('Customer')).toHaveLength(0);
  });

  it('3120: a record deleted in QuickBooks fails the update with "cannot be found"', async () => {
    const ids = await syncedBasics();
    w.file.delete('Invoice', ids.invoiceId);
    await ingestOk('Invoice', 'inv-1', invoice('c-1', 'i-1', { docNumber: 'L-1001', memo: 'Gate code 1234' }));
    await approve('inv-1');
    await sessionDone();
    const u = await w.unsyncedFor('inv-1');
    expect(u).toMatchObject({ errorCode: '3120', qbId: ids.invoiceId });
  });

  it('3140: an invoice pointing at a customer QuickBooks no longer has fails with the invalid reference', async () => {
    const ids = await syncedBasics();
    w.file.delete('Customer', ids.customerId);
    await ingestOk('Invoice', 'inv-2', invoice('c-1', 'i-1', { docNumber: 'L-1002' }));
    await approve('inv-2');
    await sessionDone();
    expect(await w.unsyncedFor('inv-2')).toMatchObject({ errorCode: '3140' });
    expect(w.file.list('Invoice').some((i) => i.RefNumber === 'L-1002')).toBe(false);
  });

  it('3200: a record edited in QuickBooks since our last sync refuses the outdated EditSequence', async () => {
    const ids = await syncedBasics();
    w.file.modify('Customer', ids.customerId, { Phone: '555-0199' });
    await ingestOk('Customer', 'c-1', customer('Maple Street HOA', { email: 'board@example.com' }));
    await approve('c-1');
    await sessionDone();
    const u = await w.unsyncedFor('c-1');
    expect(u).toMatchObject({ errorCode: '3200' });
    expect(w.file.get('Customer', ids.customerId)!.Email).toBe('office@example.com');

    // Resync reads the current EditSequence first, then the change goes through.
    expect((await w.t.post(`/companies/${QBD}/unsynced/${u.id}/resync`)).status).toBe(200);
    await sessionDone();
    expect(await w.unsyncedFor('c-1')).toBeUndefined();
    expect(w.file.get('Customer', ids.customerId)).toMatchObject({ Email: 'board@example.com', Phone: '555-0199' });
  });

  it('3180: a new invoice dated inside the closed period is refused with the save error and its reason', async () => {
    await syncedBasics();
    w.file.setClosingDate('2026-03-31');
    await ingestOk('Invoice', 'inv-3', invoice('c-1', 'i-1', { docNumber: 'L-1003' }));
    await approve('inv-3');
    await sessionDone();
    const u = await w.unsyncedFor('inv-3');
    expect(u).toMatchObject({ errorCode: '3180' });
    expect(u.errorMessage).toMatch(/closing date/);
  });

  it('a session that dies after sending leaves the entries pending, and the next one links instead of adding twice', async () => {
    await ingestOk('Customer', 'c-1', customer('Maple Street HOA'));
    await ingestOk('Item', 'i-1', item('Mowing'));
    await ingestOk('Invoice', 'inv-1', invoice('c-1', 'i-1', { docNumber: 'L-1001' }));
    await approve('c-1', 'i-1', 'inv-1');
    // The first request set (customer and item) reaches QuickBooks, but its answer never comes back.
    const killed = await w.session({ killAfterSends: 1 });
    expect(killed.outcome).toBe('killed');
    expect(w.file.list('Customer')).toHaveLength(1);
    expect((await w.logFor('c-1')).at(-1).status).toBe('pending');

    await sessionDone();
    expect(w.file.list('Customer')).toHaveLength(1);
    expect(w.file.list('ItemService')).toHaveLength(1);
    expect(w.file.list('Invoice')).toHaveLength(1);
    for (const id of ['c-1', 'i-1', 'inv-1']) expect((await w.logFor(id)).at(-1).status, id).toBe('success');
    expect(await w.unsyncedFor('c-1')).toBeUndefined();
  });

  it('an invoice applied in QuickBooks whose answer was lost is found by its number, not added again', async () => {
    await ingestOk('Customer', 'c-1', customer('Maple Street HOA'));
    await ingestOk('Item', 'i-1', item('Mowing'));
    await ingestOk('Invoice', 'inv-1', invoice('c-1', 'i-1', { docNumber: 'L-1001' }));
    await approve('c-1', 'i-1', 'inv-1');
    // Lists go in the first request set, the invoice in the second, whose answer is lost.
    expect((await w.session({ killAfterSends: 2 })).outcome).toBe('killed');
    expect(w.file.list('Invoice')).toHaveLength(1);
    expect((await w.logFor('inv-1')).at(-1).status).toBe('pending');

    await sessionDone();
    expect(w.file.list('Invoice')).toHaveLength(1);
    expect((await w.logFor('inv-1')).at(-1)).toMatchObject({ status: 'success', qbId: w.file.list('Invoice')[0]!.TxnID });
  });

  it('a payment whose answer was lost is found by its reference number; it pays the invoice once', async () => {
    const ids = await syncedBasics();
    await ingestOk('Payment', 'pay-1', { customerId: 'c-1', txnDate: today, totalAmount: 90, appliedTo: [{ invoiceId: 'inv-1', amount: 90 }], referenceNumber: 'CHK-881' });
    await approve('pay-1');
    expect((await w.session({ killAfterSends: 1 })).outcome).toBe('killed');
    await sessionDone();
    const payments = w.file.list('ReceivePayment');
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ RefNumber: 'CHK-881', CustomerRef: { ListID: ids.customerId } });
    expect((await w.logFor('pay-1')).at(-1)).toMatchObject({ status: 'success', qbId: payments[0]!.TxnID });
  });

  it('deletes: a transaction is deleted, a customer made inactive; a delete whose answer was lost is not an error next time', async () => {
    const ids = await syncedBasics();
    expect((await w.t.call('DELETE', `/companies/${QBD}/records/Invoice/inv-1`)).status).toBeLessThan(300);
    await approve('inv-1');
    expect((await w.session({ killAfterSends: 1 })).outcome).toBe('killed');
    expect(w.file.list('Invoice')).toHaveLength(0);
    await sessionDone();
    expect((await w.logFor('inv-1')).at(-1)).toMatchObject({ status: 'success' });
    expect(await w.unsyncedFor('inv-1')).toBeUndefined();

    expect((await w.t.call('DELETE', `/companies/${QBD}/records/Customer/c-1`)).status).toBeLessThan(300);
    await approve('c-1');
    await sessionDone();
    expect(w.file.get('Customer', ids.customerId)!.IsActive).toBe('false');
  });

  it('connectionError: the connector turns offline with the HRESULT explained, until the next good session', async () => {
    await ingestOk('Customer', 'c-1', customer('Maple Street HOA'));
    await approve('c-1');
    const failed = await w.session({ cannotOpenFile: true });
    expect(failed.outcome).toBe('connection-error');
    const offline = await w.connector();
    expect(offline.state).toBe('offline');
    expect(offline.message).toContain('0x80040408');
    expect(offline.message).toContain('Could not start QuickBooks');
    expect((await w.logFor('c-1')).at(-1).status).toBe('pending');

    await sessionDone();
    expect(await w.connector()).toMatchObject({ state: 'ok', message: null });
  });

  it('refuses to write into another company\'s file: its FileID under our OwnerID differs', async () => {
    const qwc = await w.t.get(`/companies/${QBD}/connector/qwc`);
    const ownerId = /<OwnerID>([^<]+)<\/OwnerID>/.exec(qwc.text)![1]!;
    const fileId = /<FileID>([^<]+)<\/FileID>/.exec(qwc.text)![1]!;
    await ingestOk('Customer', 'c-1', customer('Maple Street HOA'));
    await approve('c-1');
    const other = createCompanyFile({ companyName: 'Another Business', now: w.t.clock.now,
      dataExt: { ownerId, fileId: '{00000000-1111-2222-3333-444444444444}' } });
    const refused = await w.session({ company: other });
    expect(refused.outcome).toBe('error');
    expect(refused.lastError).toMatch(/belongs to another SyncLens company/);
    expect(other.list('Customer')).toHaveLength(0);
    expect((await w.logFor('c-1')).at(-1).status).toBe('pending');

    const ours = createCompanyFile({ companyName: 'Acme Lawn Care', now: w.t.clock.now, dataExt: { ownerId, fileId } });
    expect((await w.session({ company: ours })).outcome).toBe('done');
    expect(ours.list('Customer')).toHaveLength(1);
  });

  it('wrong password → nvu; nothing to do → none', async () => {
    const wrong = await w.session({ password: 'not the password' });
    expect(wrong.outcome).toBe('nvu');
    const unknown = await w.session({ userName: 'nobody' });
    expect(unknown.outcome).toBe('nvu');
    // The fixture's one waiting item is not approved: nothing is pending for QuickBooks.
    const idle = await w.session();
    expect(idle.outcome).toBe('none');
  });

  it('after ten failed logins a user name is refused, even with its password, until fifteen minutes pass; a good login clears the count', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) expect((await w.session({ password: `guess ${i}` })).outcome).toBe('nvu');
    expect((await w.session()).outcome, 'the right password is refused while the name is held back').toBe('nvu');
    w.t.clock.advance(WINDOW_MS - 60_000);
    expect((await w.session()).outcome).toBe('nvu');
    w.t.clock.advance(60_001); // the first failure is now older than the window
    expect((await w.session()).outcome).toBe('none');
    // A good login clears the count: nine failures, a good login, nine more, and the password still works.
    for (const round of ['first', 'second']) {
      for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await w.session({ password: `${round} ${i}` })).outcome).toBe('nvu');
      expect((await w.session()).outcome, `after the ${round} nine failures`).toBe('none');
    }
  });

  it('1,000 pending entries go out in at most 20 sendRequestXML round trips', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => ({ entityType: 'Customer', localId: `bulk-${i}`, record: customer(`Bulk customer ${i}`) }));
    const r = await w.t.post(`/companies/${QBD}/records/batch`, { items: batch.map((b) => ({ op: 'put', ...b })) });
    expect(r.status, r.text).toBeLessThan(300);
    await approve(...batch.map((b) => b.localId));
    const result = await sessionDone();
    expect(result.sendRequestCount).toBeLessThanOrEqual(20);
    expect(result.calls.filter((c) => c.method === 'sendRequestXML').length).toBe(result.sendRequestCount);
    expect(w.file.list('Customer')).toHaveLength(1000);
    expect(result.closeMessage).toBe('Sync complete: 1000 synced, 0 failed.');
  }, 60_000);
});
