/**
 * The QBO emulator's web app (server/qbo-emulator/web-app), over the wire: pages on QuickBooks
 * Online's routes rendered from the emulator's state, every value escaped, the company followed
 * through the `qbo.currentcompanyid` cookie and the company switch, and links the SyncLens overlay
 * recognises (checked with the extension's own page detection, as a demo build would run it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordFromHref, detectPage } from '../../lib/qbo/page-detect.ts';
import { startQboEmulator, type RunningQboEmulator } from '../../server/qbo-emulator/app.ts';
import { mountWebApp } from '../../server/qbo-emulator/web-app/index.ts';
import { servedListRoutes } from '../../server/qbo-emulator/web-app/routes.ts';

const REALM_A = '9130355377001';
const REALM_B = '4620816365002';
const HOSTILE = `Ada "<img src=x onerror=alert(1)>" & Sons '</td>`;
let emu: RunningQboEmulator;
const ids: Record<string, string> = {};

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.url}/admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, { Id: string }>;
  if (res.status >= 300) throw new Error(`admin ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function page(path: string, realm?: string) {
  const res = await fetch(`${emu.url}${path}`, { redirect: 'manual', headers: realm ? { cookie: `qbo.currentcompanyid=${realm}` } : {} });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** The hrefs of the links inside table rows, as the overlay's list-row markers read them. */
function rowLinks(body: string): string[] {
  const rows = body.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
  return rows.flatMap((row) => [...row.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')));
}

beforeAll(async () => {
  emu = await startQboEmulator({
    port: 0,
    realms: [
      { realmId: REALM_A, companyName: 'Bright Lawn & Tree' },
      { realmId: REALM_B, companyName: 'Second <Online> Co' },
    ],
    extraRoutes: (app, state) => mountWebApp(app, state),
  });
  const customer = await admin('POST', `/realms/${REALM_A}/customer`, { DisplayName: HOSTILE, PrimaryEmailAddr: { Address: 'ada@example.com' } });
  ids.customer = customer.Customer!.Id;
  const item = await admin('POST', `/realms/${REALM_A}/item`, { Name: 'Hedge trimming', Type: 'Service', UnitPrice: 60, IncomeAccountRef: { value: '1' } });
  ids.item = item.Item!.Id;
  const invoice = await admin('POST', `/realms/${REALM_A}/invoice`, {
    CustomerRef: { value: ids.customer },
    DocNumber: 'J-1042',
    CustomerMemo: { value: 'Thanks <b>for</b> your business' },
    Line: [{ DetailType: 'SalesItemLineDetail', Amount: 120, Description: 'Front hedges', SalesItemLineDetail: { ItemRef: { value: ids.item }, Qty: 2, UnitPrice: 60 } }],
  });
  ids.invoice = invoice.Invoice!.Id;
  const payment = await admin('POST', `/realms/${REALM_A}/payment`, {
    CustomerRef: { value: ids.customer },
    TotalAmt: 50,
    Line: [{ Amount: 50, LinkedTxn: [{ TxnId: ids.invoice, TxnType: 'Invoice' }] }],
  });
  ids.payment = payment.Payment!.Id;
  const vendor = await admin('POST', `/realms/${REALM_A}/vendor`, { DisplayName: 'Green Supply' });
  ids.vendor = vendor.Vendor!.Id;
  const bill = await admin('POST', `/realms/${REALM_A}/bill`, {
    VendorRef: { value: ids.vendor },
    Line: [{ DetailType: 'AccountBasedExpenseLineDetail', Amount: 80, AccountBasedExpenseLineDetail: { AccountRef: { value: '8' } } }],
  });
  ids.bill = bill.Bill!.Id;
  // The other company: a customer with the same numeric id as company A's.
  const other = await admin('POST', `/realms/${REALM_B}/customer`, { DisplayName: 'Only In Company B' });
  ids.otherCustomer = other.Customer!.Id;
});

afterAll(async () => {
  await emu?.close();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('QBO emulator web app', () => {
  it('serves every list route with the banner saying it is not Intuit', async () => {
    expect(servedListRoutes()).toEqual(expect.arrayContaining(['customers', 'vendors', 'items', 'invoices', 'estimates', 'bills', 'purchaseorders']));
    for (const path of ['/app/homepage', ...servedListRoutes().map((name) => `/app/${name}`)]) {
      const reply = await page(path, REALM_A);
      expect(reply.status, path).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
      expect(reply.body).toContain('QuickBooks Online emulator — not Intuit.');
      expect(reply.headers.get('content-security-policy')).toContain("default-src 'none'"); // the pages run no script
    }
    expect((await page('/', REALM_A)).headers.get('location')).toBe('/app/homepage');
    // The page's own stylesheet goes in as written (escaping would break its quoted selectors).
    expect((await page('/app/customers', REALM_A)).body).toContain('nav.side a[aria-current="page"]');
  });

  it('shows an invoice’s fields, lines and totals, everything escaped', async () => {
    const reply = await page(`/app/invoice?txnId=${ids.invoice}`, REALM_A);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('data-automation-id="page-title">Invoice J-1042');
    expect(reply.body).toContain('Front hedges');
    expect(reply.body).toContain('120.00');
    expect(reply.body).toContain('70.00'); // open balance after the 50.00 payment
    expect(reply.body).toContain(`href="/app/item?itemId=${ids.item}"`);
    expect(reply.body).toContain('Thanks &lt;b&gt;for&lt;/b&gt; your business');
    expect(reply.body).toContain('Ada &quot;&lt;img src=x onerror=alert(1)&gt;&quot; &amp; Sons &#39;&lt;/td&gt;');
    expect(reply.body).not.toContain('<img src=x');
    expect(reply.body).not.toContain('<b>for</b>');
  });

  it('shows the other record pages: customer (with its transactions), item, payment, vendor, bill, account', async () => {
    const customer = await page(`/app/customerdetail?nameId=${ids.customer}`, REALM_A);
    expect(customer.body).toContain('ada@example.com');
    expect(customer.body).toContain(`href="/app/invoice?txnId=${ids.invoice}"`);
    expect((await page(`/app/item?itemId=${ids.item}`, REALM_A)).body).toContain('Hedge trimming');
    expect((await page(`/app/recvpayment?txnId=${ids.payment}`, REALM_A)).body).toContain(`href="/app/invoice?txnId=${ids.invoice}"`);
    expect((await page(`/app/vendordetail?nameId=${ids.vendor}`, REALM_A)).body).toContain(`href="/app/bill?txnId=${ids.bill}"`);
    expect((await page(`/app/bill?txnId=${ids.bill}`, REALM_A)).body).toContain('Job Expenses');
    expect((await page('/app/register?accountId=1', REALM_A)).body).toContain('Services');
  });

  it('lists rows whose links the overlay recognises as this company’s records', async () => {
    vi.stubGlobal('__SYNCLENS_DEMO_QBO_ORIGIN__', emu.url); // as a demo build for this emulator
    const invoices = await page('/app/invoices', REALM_A);
    expect(detectPage(`${emu.url}/app/invoices`)).toMatchObject({ kind: 'list' });
    const refs = rowLinks(invoices.body).map((href) => recordFromHref(href, `${emu.url}/app/invoices`));
    // One link per row, to the row's own transaction (the customer's name is plain text, as in QuickBooks).
    expect(refs).toHaveLength(2);
    expect(refs).toEqual(expect.arrayContaining([
      { entityType: 'Invoice', qbId: ids.invoice },
      { entityType: 'Payment', qbId: ids.payment },
    ]));
    const customers = rowLinks((await page('/app/customers', REALM_A)).body).map((href) => recordFromHref(href, `${emu.url}/app/customers`));
    expect(customers).toEqual([{ entityType: 'Customer', qbId: ids.customer }]);
  });

  it('follows the company cookie: the same id is another record in another company', async () => {
    expect(ids.otherCustomer).toBe(ids.customer);
    expect((await page(`/app/customerdetail?nameId=${ids.customer}`, REALM_A)).body).toContain('Ada');
    const inB = await page(`/app/customerdetail?nameId=${ids.customer}`, REALM_B);
    expect(inB.body).toContain('Only In Company B');
    expect(inB.body).toContain('Second &lt;Online&gt; Co');
    expect((await page(`/app/invoice?txnId=${ids.invoice}`, REALM_B)).status).toBe(404);
  });

  it('picks the first company on a first visit and remembers it in the cookie, as signing in would', async () => {
    const reply = await page('/app/homepage');
    expect(reply.body).toContain('Bright Lawn &amp; Tree');
    expect(reply.headers.get('set-cookie')).toMatch(new RegExp(`^qbo\\.currentcompanyid=${REALM_A}; Path=/`));
    // A cookie naming no company here is replaced the same way.
    expect((await page('/app/homepage', '12345')).headers.get('set-cookie')).toContain(`qbo.currentcompanyid=${REALM_A}`);
    expect((await page('/app/homepage', REALM_B)).headers.get('set-cookie')).toBeNull();
  });

  it('switches company through /app/switchCompany, and only ever redirects inside the app', async () => {
    const switched = await page(`/app/switchCompany?companyId=${REALM_B}&navigationURL=${encodeURIComponent('customerdetail?nameId=100')}`, REALM_A);
    expect(switched.status).toBe(302);
    expect(switched.headers.get('location')).toBe('/app/customerdetail?nameId=100');
    expect(switched.headers.get('set-cookie')).toContain(`qbo.currentcompanyid=${REALM_B}`);
    for (const target of ['https://evil.example/', '//evil.example/app', '/app/homepage', 'nosuchroute', 'invoice?txnId=1"><script>']) {
      const reply = await page(`/app/switchCompany?companyId=${REALM_B}&navigationURL=${encodeURIComponent(target)}`, REALM_A);
      expect(reply.headers.get('location'), target).toBe('/app/homepage');
    }
    const unknown = await page('/app/switchCompany?companyId=999', REALM_A);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('set-cookie')).toBeNull();
    const switcher = (await page('/app/customers', REALM_A)).body;
    expect(switcher).toContain('action="/app/switchCompany"');
    expect(switcher).toContain(`<option value="${REALM_B}">Second &lt;Online&gt; Co (${REALM_B})</option>`);
    expect(switcher).toContain('name="navigationURL" value="customers"');
  });

  it('answers unknown pages, bad ids and missing records clearly', async () => {
    expect((await page('/app/salesreceipt?txnId=1', REALM_A)).status).toBe(404); // not emulated
    expect((await page('/app/invoice?txnId=12abc', REALM_A)).status).toBe(404);
    expect((await page('/app/invoice?txnId=1&txnId=2', REALM_A)).status).toBe(404);
    const missing = await page('/app/invoice?txnId=99999', REALM_A);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('may exist in another one');
    const blank = await page('/app/invoice', REALM_A);
    expect(blank.status).toBe(200);
    expect(blank.body).toContain('New invoice');
    expect((await page(`/app/invoice?txnId=00${ids.invoice}`, REALM_A)).body).toContain('Invoice J-1042');
  });

  it('shows a change made “in QuickBooks” on the next page load', async () => {
    await admin('PATCH', `/realms/${REALM_A}/invoice/${ids.invoice}?webhook=false`, { PrivateNote: 'Gate code 4471' });
    const reply = await page(`/app/invoice?txnId=${ids.invoice}`, REALM_A);
    expect(reply.body).toContain('Gate code 4471');
    expect(reply.body).toMatch(/SyncToken [1-9]/);
  });
});
