// The QuickBooks Online emulator's Accounting API v3: writes, QuickBooks' rules, requestid, query, batch and CDC, over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startQboEmulator, type RunningQboEmulator } from '../../server/qbo-emulator/app.ts';
import { adminClient, connectToEmulator, v3Client, type JsonReply } from '../../server/qbo-emulator/connect-kit.ts';

const REALM = '9130355377';
let emu: RunningQboEmulator;
let api: ReturnType<typeof v3Client>;
let admin: ReturnType<typeof adminClient>;
let seq = 0;
/** A name no other test uses (the emulator is shared by the whole file). */
const unique = (base: string) => `${base} ${++seq}`;

beforeAll(async () => {
  emu = await startQboEmulator({
    realms: [{ realmId: REALM, companyName: 'Bright Lawn Care' }],
    now: () => new Date('2026-03-10T12:00:00Z'),
  });
  admin = adminClient(emu.url);
  api = v3Client(emu.apiBase, await connectToEmulator(emu.url));
});
afterAll(async () => { await emu.close(); });
beforeEach(async () => { await admin.patch(`/realms/${REALM}`, { closedBooksDate: null }); });

function expectFault(reply: JsonReply, code: string, element?: string) {
  expect(reply.status).toBe(400);
  expect(reply.json.Fault.type).toBe('ValidationFault');
  const [error] = reply.json.Fault.Error;
  expect(error.code).toBe(code);
  expect(typeof error.Message).toBe('string');
  expect(typeof error.Detail).toBe('string');
  if (element !== undefined) expect(error.element).toBe(element);
  return error as { Message: string; Detail: string; code: string; element: string };
}

async function created(entity: string, body: Record<string, unknown>, query = ''): Promise<Record<string, any>> {
  const reply = await api.post(`/${entity.toLowerCase()}${query}`, body);
  expect(reply.status, JSON.stringify(reply.json)).toBe(200);
  return reply.json[entity];
}

const customer = (name = unique('Customer')) => created('Customer', { DisplayName: name });
const vendor = (name = unique('Vendor')) => created('Vendor', { DisplayName: name });
const item = (name = unique('Item')) => created('Item', { Name: name, Type: 'Service', UnitPrice: 50, IncomeAccountRef: { value: '1' } });
const salesLine = (itemId: string, qty = 2, price = 50) => ({
  Amount: qty * price, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: qty, UnitPrice: price },
});
async function invoice(extra: Record<string, unknown> = {}) {
  const [c, i] = await Promise.all([customer(), item()]);
  return created('Invoice', { CustomerRef: { value: c.Id }, TxnDate: '2026-03-01', Line: [salesLine(i.Id)], ...extra });
}

describe('create, read, update', () => {
  it('creates a customer with Id, SyncToken 0, MetaData and the sent fields; reads it back', async () => {
    const reply = await api.post('/customer?minorversion=75', {
      DisplayName: 'Acme Mowing', CompanyName: 'Acme', GivenName: 'Ann', FamilyName: 'Lee', PrimaryEmailAddr: { Address: 'ann@acme.example' },
      PrimaryPhone: { FreeFormNumber: '555-0100' }, BillAddr: { Line1: '1 Main St', City: 'Springfield', CountrySubDivisionCode: 'IL', PostalCode: '62701' },
      Notes: 'Gate code 1234',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('intuit_tid')).toBeTruthy();
    const c = reply.json.Customer;
    expect(c).toMatchObject({
      DisplayName: 'Acme Mowing', CompanyName: 'Acme', PrimaryEmailAddr: { Address: 'ann@acme.example' }, Active: true, Balance: 0,
      SyncToken: '0', MetaData: { CreateTime: '2026-03-10T12:00:00.000Z', LastUpdatedTime: '2026-03-10T12:00:00.000Z' },
    });
    expect(c.Id).toMatch(/^\d+$/);
    expect(typeof reply.json.time).toBe('string');
    const read = await api.get(`/customer/${c.Id}`);
    expect(read.status).toBe(200);
    expect(read.json.Customer).toEqual(c);
  });

  it('numbers ids per company and fills reference names and totals on an invoice', async () => {
    const inv = await invoice({ DocNumber: unique('INV').replace(' ', '-'), PrivateNote: 'front lawn' });
    expect(inv.SyncToken).toBe('0');
    expect(inv.TotalAmt).toBe(100);
    expect(inv.Balance).toBe(100);
    expect(inv.DueDate).toBe('2026-03-31');
    expect(inv.CustomerRef.name).toMatch(/^Customer \d+$/);
    expect(inv.Line[0]).toMatchObject({ Id: '1', LineNum: 1, Amount: 100, SalesItemLineDetail: { ItemRef: { name: expect.stringMatching(/^Item/) }, Qty: 2 } });
  });

  it('sparse update changes only the fields sent; a full update clears the writable fields left out', async () => {
    const c = await created('Customer', { DisplayName: unique('Sparse'), CompanyName: 'Keep Me', Notes: 'note' });
    const sparse = await api.post('/customer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Notes: 'changed' });
    expect(sparse.status).toBe(200);
    expect(sparse.json.Customer).toMatchObject({ SyncToken: '1', CompanyName: 'Keep Me', Notes: 'changed', DisplayName: c.DisplayName });
    expect(sparse.json.Customer.MetaData.CreateTime).toBe(c.MetaData.CreateTime);

    const full = await api.post('/customer', { Id: c.Id, SyncToken: '1', DisplayName: c.DisplayName, Notes: 'only this' });
    expect(full.status).toBe(200);
    expect(full.json.Customer.SyncToken).toBe('2');
    expect(full.json.Customer.Notes).toBe('only this');
    expect(full.json.Customer).not.toHaveProperty('CompanyName');
    expect(full.json.Customer.Active).toBe(true);
  });

  it('a sparse Line replaces every line; totals follow', async () => {
    const inv = await invoice();
    const i = await item();
    const reply = await api.post('/invoice', { Id: inv.Id, SyncToken: inv.SyncToken, sparse: true, Line: [salesLine(i.Id, 1, 30), salesLine(i.Id, 3, 10)] });
    expect(reply.json.Invoice.Line).toHaveLength(2);
    expect(reply.json.Invoice.TotalAmt).toBe(60);
    expect(reply.json.Invoice.Line.map((l: any) => l.LineNum)).toEqual([1, 2]);
  });

  it('refuses an update with an old SyncToken: 5010 Stale Object Error', async () => {
    const c = await customer();
    await api.post('/customer', { Id: c.Id, SyncToken: '0', sparse: true, Notes: 'first' });
    const stale = expectFault(await api.post('/customer', { Id: c.Id, SyncToken: '0', sparse: true, Notes: 'second' }), '5010');
    expect(stale.Message).toBe('Stale Object Error');
    expect(stale.Detail).toMatch(/^Stale Object Error : You and .+ were working on this at the same time\./);
    expect((await api.get(`/customer/${c.Id}`)).json.Customer.Notes).toBe('first');
    expectFault(await api.post('/customer', { Id: c.Id, sparse: true, Notes: 'x' }), '2020', 'SyncToken');
  });

  it('deletes a transaction (reply with status Deleted), then it is not found; list records cannot be deleted', async () => {
    const inv = await invoice();
    const del = await api.post('/invoice?operation=delete', { Id: inv.Id, SyncToken: inv.SyncToken });
    expect(del.status).toBe(200);
    expect(del.json.Invoice).toEqual({ Id: inv.Id, status: 'Deleted', domain: 'QBO' });
    const gone = expectFault(await api.get(`/invoice/${inv.Id}`), '610');
    expect(gone.Message).toBe('Object Not Found');
    expect(gone.Detail).toContain(`Id=${inv.Id}`);
    expectFault(await api.post('/invoice', { Id: inv.Id, SyncToken: '1', sparse: true, PrivateNote: 'x' }), '610');
    expectFault(await api.post('/invoice?operation=delete', { Id: inv.Id, SyncToken: '1' }), '610');

    const c = await customer();
    const refused = expectFault(await api.post('/customer?operation=delete', { Id: c.Id, SyncToken: c.SyncToken }), '6000');
    expect(refused.Detail).toMatch(/inactive/);
    const made = await api.post('/customer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Active: false });
    expect(made.json.Customer.Active).toBe(false);
    const admins = await admin.get(`/realms/${REALM}/invoice/${inv.Id}`);
    expect(admins.json.Invoice).toMatchObject({ Id: inv.Id, status: 'Deleted', TotalAmt: inv.TotalAmt });
  });

  it('voids an invoice: it stays, amounts zeroed, memo "Voided"', async () => {
    const inv = await invoice({ PrivateNote: 'to void' });
    const reply = await api.post('/invoice?operation=void', { Id: inv.Id, SyncToken: inv.SyncToken });
    expect(reply.status).toBe(200);
    expect(reply.json.Invoice).toMatchObject({ Id: inv.Id, SyncToken: '1', TotalAmt: 0, Balance: 0, PrivateNote: 'Voided' });
    expect(reply.json.Invoice.Line[0].Amount).toBe(0);
    expect((await api.get(`/invoice/${inv.Id}`)).status).toBe(200);
  });

  it('applies a payment: the invoice balance falls and its SyncToken moves; the customer balance follows', async () => {
    const inv = await invoice();
    const pay = await created('Payment', {
      CustomerRef: { value: inv.CustomerRef.value }, TotalAmt: 60, PaymentRefNum: 'CHK-1',
      Line: [{ Amount: 60, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }],
    });
    expect(pay.UnappliedAmt).toBe(0);
    const after = (await api.get(`/invoice/${inv.Id}`)).json.Invoice;
    expect(after.Balance).toBe(40);
    expect(after.SyncToken).toBe('1');
    expect(after.LinkedTxn).toEqual([{ TxnId: pay.Id, TxnType: 'Payment' }]);
    expect((await api.get(`/customer/${inv.CustomerRef.value}`)).json.Customer.Balance).toBe(40);
    expectFault(await api.post('/invoice', { Id: inv.Id, SyncToken: '0', sparse: true, PrivateNote: 'x' }), '5010');
    const over = await api.post('/payment', {
      CustomerRef: { value: inv.CustomerRef.value }, TotalAmt: 50, Line: [{ Amount: 50, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }],
    });
    expect(expectFault(over, '6000').Detail).toMatch(/open balance/);
    expectFault(await api.post('/payment', { CustomerRef: { value: inv.CustomerRef.value }, Line: [] }), '2020', 'TotalAmt');
  });

  it('answers a body that is not JSON with 2010, and an unknown property with 2010 naming it', async () => {
    expectFault(await api.post('/customer', '{"DisplayName": '), '2010');
    const unknown = expectFault(await api.post('/customer', { DisplayName: unique('X'), displayName: 'camel' }), '2010', 'displayName');
    expect(unknown.Detail).toContain('displayName');
    expectFault(await api.post('/item', { Name: unique('X'), IncomeAccountRef: { value: '1' }, UnitPrice: 'fifty' }), '2010', 'UnitPrice');
  });
});

describe("QuickBooks' rules", () => {
  it('6240: a DisplayName is unique across customers, vendors and employees, case-insensitive, inactive ones included', async () => {
    const name = unique('Shared Name');
    const c = await customer(name);
    const asVendor = expectFault(await api.post('/vendor', { DisplayName: name.toUpperCase() }), '6240', 'DisplayName');
    expect(asVendor.Message).toBe('Duplicate Name Exists Error');
    expect(asVendor.Detail).toContain(`Id=${c.Id}`);
    await admin.post(`/realms/${REALM}/customer/${c.Id}/deactivate?webhook=false`);
    expectFault(await api.post('/customer', { DisplayName: name }), '6240');
    const employee = unique('Employee');
    expect((await admin.post(`/realms/${REALM}/employee`, { DisplayName: employee })).status).toBe(201);
    expectFault(await api.post('/customer', { DisplayName: employee }), '6240');
    // Renaming to its own name is no clash.
    const v = await vendor();
    expect((await api.post('/vendor', { Id: v.Id, SyncToken: v.SyncToken, sparse: true, DisplayName: v.DisplayName })).status).toBe(200);
    // Item names are their own list.
    expect((await api.post('/item', { Name: name, IncomeAccountRef: { value: '1' } })).status).toBe(200);
    expectFault(await api.post('/item', { Name: name, IncomeAccountRef: { value: '1' } }), '6240', 'Name');
  });

  it('6140: a DocNumber is used once per transaction type, unless include=allowduplicatedocnum', async () => {
    const doc = `D-${++seq}`;
    const first = await invoice({ DocNumber: doc });
    const [c, i] = [first.CustomerRef.value, first.Line[0].SalesItemLineDetail.ItemRef.value];
    const body = { CustomerRef: { value: c }, DocNumber: doc, Line: [salesLine(i)] };
    const dup = expectFault(await api.post('/invoice', body), '6140', 'DocNumber');
    expect(dup.Message).toBe('Duplicate Document Number Error');
    expect(dup.Detail).toContain(`DocNumber=${doc} is assigned to TxnType=Invoice with TxnId=${first.Id}`);
    expect((await api.post('/estimate', body)).status).toBe(200);
    expect((await api.post('/invoice?include=allowduplicatedocnum', body)).status).toBe(200);
  });

  it('610 for a missing object; 2500 for a reference to nothing or to something deleted; 610 for an inactive one', async () => {
    expect(expectFault(await api.get('/customer/99999'), '610').Detail).toContain('Id=99999');
    const i = await item();
    const missing = expectFault(await api.post('/invoice', { CustomerRef: { value: '99999' }, Line: [salesLine(i.Id)] }), '2500', 'CustomerRef');
    expect(missing.Message).toBe('Invalid Reference Id');
    expectFault(await api.post('/invoice', { CustomerRef: { value: 'abc' }, Line: [salesLine(i.Id)] }), '2500', 'CustomerRef');
    const c = await customer();
    expectFault(await api.post('/invoice', { CustomerRef: { value: c.Id }, Line: [salesLine('424242')] }), '2500', 'Line.SalesItemLineDetail.ItemRef');
    expectFault(await api.post('/item', { Name: unique('I'), IncomeAccountRef: { value: '777' } }), '2500', 'IncomeAccountRef');
    const inv = await invoice();
    await api.post('/invoice?operation=delete', { Id: inv.Id, SyncToken: inv.SyncToken });
    expectFault(await api.post('/payment', {
      CustomerRef: { value: inv.CustomerRef.value }, TotalAmt: 5, Line: [{ Amount: 5, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }],
    }), '2500', 'Line.LinkedTxn.TxnId');
    await admin.post(`/realms/${REALM}/item/${i.Id}/deactivate`);
    const inactive = expectFault(await api.post('/invoice', { CustomerRef: { value: c.Id }, Line: [salesLine(i.Id)] }), '610', 'Line.SalesItemLineDetail.ItemRef');
    expect(inactive.Detail).toMatch(/made inactive/);
  });

  it('6210: no create, update or delete of a transaction dated in the closed period', async () => {
    const open = await invoice({ TxnDate: '2026-02-01' });
    await admin.patch(`/realms/${REALM}`, { closedBooksDate: '2026-01-31' });
    const prefs = await api.get('/preferences');
    expect(prefs.json.Preferences.AccountingInfoPrefs.BookCloseDate).toBe('2026-01-31');
    expect(prefs.json.Preferences.SalesFormsPrefs.CustomTxnNumbers).toBe(true);
    const body = { CustomerRef: open.CustomerRef, Line: [salesLine(open.Line[0].SalesItemLineDetail.ItemRef.value)] };
    const closed = expectFault(await api.post('/invoice', { ...body, TxnDate: '2026-01-31' }), '6210', 'TxnDate');
    expect(closed.Message).toBe('Account Period Closed, Cannot Update Through Services API');
    expectFault(await api.post('/invoice', { Id: open.Id, SyncToken: open.SyncToken, sparse: true, TxnDate: '2026-01-15' }), '6210');
    // Back-dated before the change and closed afterwards: can no longer be touched.
    await admin.patch(`/realms/${REALM}`, { closedBooksDate: '2026-02-28' });
    expectFault(await api.post('/invoice', { Id: open.Id, SyncToken: open.SyncToken, sparse: true, PrivateNote: 'x' }), '6210');
    expectFault(await api.post('/invoice?operation=delete', { Id: open.Id, SyncToken: open.SyncToken }), '6210');
    expect((await api.post('/invoice', { ...body, TxnDate: '2026-03-01' })).status).toBe(200);
  });

  it('2020 for each required field, naming it', async () => {
    expectFault(await api.post('/customer', { CompanyName: 'No display name' }), '2020', 'DisplayName');
    expectFault(await api.post('/vendor', {}), '2020', 'DisplayName');
    expectFault(await api.post('/item', { Type: 'Service', IncomeAccountRef: { value: '1' } }), '2020', 'Name');
    expectFault(await api.post('/item', { Name: unique('No account'), Type: 'NonInventory' }), '2020', 'IncomeAccountRef');
    expectFault(await api.post('/item', { Name: unique('Stock'), Type: 'Inventory', IncomeAccountRef: { value: '2' }, ExpenseAccountRef: { value: '3' } }), '2020', 'AssetAccountRef');
    const i = await item();
    expectFault(await api.post('/invoice', { Line: [salesLine(i.Id)] }), '2020', 'CustomerRef');
    const c = await customer();
    expectFault(await api.post('/invoice', { CustomerRef: { value: c.Id } }), '2020', 'Line');
    expectFault(await api.post('/estimate', { CustomerRef: { value: c.Id }, Line: [] }), '2020', 'Line');
    expectFault(await api.post('/bill', { Line: [] }), '2020', 'VendorRef');
    expectFault(await api.post('/payment', { CustomerRef: { value: c.Id } }), '2020', 'TotalAmt');
  });

  it('2050 for text longer than QuickBooks takes; 6070 when Amount is not Qty × UnitPrice', async () => {
    expectFault(await api.post('/customer', { DisplayName: 'x'.repeat(101) }), '2050', 'DisplayName');
    const c = await customer();
    const i = await item();
    expectFault(await api.post('/invoice', { CustomerRef: { value: c.Id }, DocNumber: '1'.repeat(22), Line: [salesLine(i.Id)] }), '2050', 'DocNumber');
    expectFault(await api.post('/invoice', {
      CustomerRef: { value: c.Id }, Line: [{ ...salesLine(i.Id), Amount: 99 }],
    }), '6070', 'Line.Amount');
  });

  it('keeps purchase documents: a bill defaults to A/P, a purchase order to Open', async () => {
    const v = await vendor();
    const i = await item();
    const line = { Amount: 40, DetailType: 'ItemBasedExpenseLineDetail', ItemBasedExpenseLineDetail: { ItemRef: { value: i.Id }, Qty: 4, UnitPrice: 10 } };
    const bill = await created('Bill', { VendorRef: { value: v.Id }, DocNumber: unique('B'), TxnDate: '2026-03-02', Line: [line] });
    expect(bill).toMatchObject({ TotalAmt: 40, Balance: 40, DueDate: '2026-04-01', APAccountRef: { value: '5', name: 'Accounts Payable (A/P)' } });
    expect((await api.get(`/vendor/${v.Id}`)).json.Vendor.Balance).toBe(40);
    const po = await created('PurchaseOrder', { VendorRef: { value: v.Id }, Line: [line] });
    expect(po).toMatchObject({ TotalAmt: 40, POStatus: 'Open' });
  });
});

describe('requestid', () => {
  it('replays the first reply for the same requestid and body, writing once; a different body gets 600', async () => {
    const name = unique('Idempotent');
    const first = await api.post('/customer?requestid=req-1', { DisplayName: name });
    const again = await api.post('/customer?requestid=req-1', { DisplayName: name });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const all = await api.query(`SELECT * FROM Customer WHERE DisplayName = '${name}'`);
    expect(all.json.QueryResponse.Customer).toHaveLength(1);
    const reused = expectFault(await api.post('/customer?requestid=req-1', { DisplayName: unique('Other') }), '600');
    expect(reused.Message).toBe('Duplicate Request ID');
    // A refused write is not remembered: once fixed, the same id may go through.
    expectFault(await api.post('/customer?requestid=req-2', { DisplayName: name }), '6240');
    expect((await api.post('/customer?requestid=req-2', { DisplayName: unique('Fixed') })).status).toBe(200);
  });
});

describe('query', () => {
  it('filters with =, LIKE, IN and escaped quotes; pages with STARTPOSITION and MAXRESULTS; counts', async () => {
    const tag = `Q${++seq}`;
    const names = [`${tag} O'Brien Landscaping`, `${tag} Alpha`, `${tag} Beta`, `${tag} Gamma`];
    const ids: string[] = [];
    for (const name of names) ids.push((await customer(name)).Id);
    const escaped = await api.query(`select * from customer where DisplayName = '${tag} O\\'Brien Landscaping'`);
    expect(escaped.status).toBe(200);
    expect(escaped.json.QueryResponse.Customer.map((c: any) => c.Id)).toEqual([ids[0]]);
    expect(escaped.json.QueryResponse).toMatchObject({ startPosition: 1, maxResults: 1 });

    const like = await api.query(`SELECT * FROM Customer WHERE DisplayName LIKE '${tag} %a' ORDERBY DisplayName DESC`);
    expect(like.json.QueryResponse.Customer.map((c: any) => c.DisplayName)).toEqual([`${tag} Gamma`, `${tag} Beta`, `${tag} Alpha`]);
    const page = await api.query(`SELECT * FROM Customer WHERE DisplayName LIKE '${tag}%' ORDERBY Id STARTPOSITION 2 MAXRESULTS 2`);
    expect(page.json.QueryResponse).toMatchObject({ startPosition: 2, maxResults: 2 });
    expect(page.json.QueryResponse.Customer.map((c: any) => c.Id)).toEqual(ids.slice(1, 3));
    const inList = await api.query(`SELECT * FROM Customer WHERE Id IN ('${ids[1]}', '${ids[3]}')`);
    expect(inList.json.QueryResponse.Customer.map((c: any) => c.Id)).toEqual([ids[1], ids[3]]);
    const count = await api.query(`SELECT COUNT(*) FROM Customer WHERE DisplayName LIKE '${tag}%'`);
    expect(count.json.QueryResponse).toEqual({ totalCount: 4 });
    const none = await api.query(`SELECT * FROM Customer WHERE DisplayName = 'nobody ${tag}'`);
    expect(none.json.QueryResponse).toEqual({});
  });

  it('hides inactive list records unless Active is asked for; POST /query takes the statement as text', async () => {
    const c = await customer();
    await admin.post(`/realms/${REALM}/customer/${c.Id}/deactivate`);
    expect((await api.query(`SELECT * FROM Customer WHERE Id = '${c.Id}'`)).json.QueryResponse).toEqual({});
    const both = await api.query(`SELECT * FROM Customer WHERE Id = '${c.Id}' AND Active IN (true, false)`);
    expect(both.json.QueryResponse.Customer[0].Active).toBe(false);
    const posted = await fetch(`${emu.apiBase}/v3/company/${REALM}/query`, {
      method: 'POST',
      headers: { authorization: (await reconnect()).authorization, 'content-type': 'application/text' },
      body: `SELECT * FROM Customer WHERE Active = false AND Id = '${c.Id}'`,
    });
    expect((await posted.json()).QueryResponse.Customer[0].Id).toBe(c.Id);
  });

  it('filters on MetaData.LastUpdatedTime and reference ids', async () => {
    const inv = await invoice();
    const later = await api.query(`SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime > '2026-03-10T11:59:00Z' AND CustomerRef = '${inv.CustomerRef.value}'`);
    expect(later.json.QueryResponse.Invoice.map((i: any) => i.Id)).toEqual([inv.Id]);
    const earlier = await api.query(`SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime < '2026-03-10T11:59:00Z'`);
    expect(earlier.json.QueryResponse).toEqual({});
  });

  it.each([
    ['SELEC * FROM Customer', '4000'],
    ["SELECT * FROM Customer WHERE DisplayName = 'open", '4000'],
    ["SELECT * FROM Customer WHERE DisplayName = 'a' OR DisplayName = 'b'", '4000'],
    ['SELECT * FROM Customer MAXRESULTS ten', '4000'],
    ['SELECT * FROM Customer WHERE', '4000'],
    ['SELECT * FROM Spaceship', '4001'],
    ["SELECT * FROM Customer WHERE ShoeSize = '9'", '4001'],
  ])('refuses %s with %s and a Detail that says why', async (statement, code) => {
    const reply = await api.query(statement);
    const error = expectFault(reply, code);
    expect(error.Detail).toMatch(code === '4000' ? /^QueryParserError: / : /^QueryValidationError: /);
  });
});

async function reconnect() {
  const conn = await connectToEmulator(emu.url);
  return { authorization: `Bearer ${conn.accessToken}` };
}

describe('batch', () => {
  it('runs items in order, each with its own result or fault, as ONE request', async () => {
    const taken = unique('Taken');
    await customer(taken);
    await admin.delete('/requests');
    const reply = await api.post('/batch', {
      BatchItemRequest: [
        { bId: 'a', operation: 'create', Customer: { DisplayName: unique('Batch A') } },
        { bId: 'b', operation: 'create', Customer: { DisplayName: taken } },
        { bId: 'c', Query: `SELECT * FROM Customer WHERE DisplayName = '${taken}'` },
        { bId: 'd', Query: 'SELECT nonsense' },
      ],
    });
    expect(reply.status).toBe(200);
    const [a, b, c, d] = reply.json.BatchItemResponse;
    expect(a.bId).toBe('a');
    expect(a.Customer.SyncToken).toBe('0');
    expect(b).toMatchObject({ bId: 'b', Fault: { type: 'ValidationFault', Error: [{ code: '6240' }] } });
    expect(c.QueryResponse.Customer[0].DisplayName).toBe(taken);
    expect(d.Fault.Error[0].code).toBe('4000');
    const update = await api.post('/batch', {
      BatchItemRequest: [{ bId: 'u', operation: 'update', Customer: { Id: a.Customer.Id, SyncToken: '0', sparse: true, Notes: 'batched' } }],
    });
    expect(update.json.BatchItemResponse[0].Customer).toMatchObject({ SyncToken: '1', Notes: 'batched' });
    const log = (await admin.get('/requests')).json.requests.filter((r: any) => r.path.endsWith('/batch'));
    expect(log).toHaveLength(2);
  });

  it('refuses more than 30 items as a whole, writing nothing', async () => {
    const tag = unique('Big');
    const items = Array.from({ length: 31 }, (_, n) => ({ bId: String(n), operation: 'create', Customer: { DisplayName: `${tag} ${n}` } }));
    const reply = await api.post('/batch', { BatchItemRequest: items });
    expect(reply.status).toBe(400);
    expect(reply.json.Fault.Error[0].Detail).toMatch(/30/);
    expect((await api.query(`SELECT COUNT(*) FROM Customer WHERE DisplayName LIKE '${tag}%'`)).json.QueryResponse.totalCount).toBe(0);
  });

  it('replays a batch by requestid without running it again', async () => {
    const body = { BatchItemRequest: [{ bId: '1', operation: 'create', Customer: { DisplayName: unique('Batch replay') } }] };
    const first = await api.post('/batch?requestid=batch-1', body);
    const second = await api.post('/batch?requestid=batch-1', body);
    expect(second.json).toEqual(first.json);
    expect(second.json.BatchItemResponse[0].Customer.Id).toBe(first.json.BatchItemResponse[0].Customer.Id);
  });
});

describe('change data capture', () => {
  it('returns objects changed since a time, deleted ones as status Deleted, oldest first', async () => {
    const since = (await admin.post('/clock', { advanceSeconds: 60 })).json.now;
    await admin.post('/clock', { advanceSeconds: 1 });
    const c = await customer();
    const inv = await invoice();
    await api.post('/invoice?operation=delete', { Id: inv.Id, SyncToken: inv.SyncToken });
    const reply = await api.get(`/cdc?entities=Customer,Invoice,Vendor&changedSince=${encodeURIComponent(since)}`);
    expect(reply.status).toBe(200);
    const [customers, invoices, vendors] = reply.json.CDCResponse[0].QueryResponse;
    expect(customers.Customer.map((x: any) => x.Id)).toEqual([c.Id, inv.CustomerRef.value]);
    expect(customers).toMatchObject({ startPosition: 1, maxResults: 2 });
    expect(invoices.Invoice).toEqual([{ Id: inv.Id, status: 'Deleted', domain: 'QBO', MetaData: { LastUpdatedTime: expect.any(String) } }]);
    expect(vendors).toEqual({});
  });

  it('refuses a look-back over 30 days and unknown entities', async () => {
    expectFault(await api.get(`/cdc?entities=Customer&changedSince=2025-01-01T00:00:00Z`), '4001');
    expectFault(await api.get(`/cdc?entities=Spaceship&changedSince=${encodeURIComponent(new Date().toISOString())}`), '4001');
  });
});

describe('company', () => {
  it('answers companyinfo and reads the chart of accounts (read-only)', async () => {
    const info = await api.get(`/companyinfo/${REALM}`);
    expect(info.json.CompanyInfo.CompanyName).toBe('Bright Lawn Care');
    const accounts = await api.query("SELECT * FROM Account WHERE Name = 'Services'");
    expect(accounts.json.QueryResponse.Account[0]).toMatchObject({ Id: '1', AccountType: 'Income' });
    const names = (await api.query('SELECT * FROM Account MAXRESULTS 50')).json.QueryResponse.Account.map((a: any) => a.Name);
    expect(names).toEqual(expect.arrayContaining(['Sales of Product Income', 'Cost of Goods Sold', 'Accounts Receivable (A/R)',
      'Accounts Payable (A/P)', 'Inventory Asset', 'Undeposited Funds']));
    expect(expectFault(await api.post('/account', { Name: 'New', AccountType: 'Income' }), '500').Message).toBe('Unsupported Operation');
  });
});
