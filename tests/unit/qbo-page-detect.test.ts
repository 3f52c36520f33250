import { describe, expect, it } from 'vitest';
import { detectPage, recordFromHref, type PageInfo } from '@/lib/qbo/page-detect';
import { QBO_ROUTES, type QboRouteName } from '@/lib/qbo/routes';

const Q = 'https://qbo.intuit.com';
const rec = (entityType: string, qbId: string, route: string): PageInfo =>
  ({ kind: 'record', entityType, qbId, route }) as PageInfo;
const list = (listType: string): PageInfo =>
  ({
    kind: 'list',
    listType,
    route: listType,
    entityTypes: [...(QBO_ROUTES[listType as QboRouteName] as { entityTypes: readonly string[] }).entityTypes],
  }) as PageInfo;
const none = (reason?: string): PageInfo => (reason ? { kind: 'none', reason } : { kind: 'none' }) as PageInfo;

// [url, expected]
const CASES: Array<[string, PageInfo]> = [
  // Every record route, on the main host
  [`${Q}/app/invoice?txnId=145`, rec('Invoice', '145', 'invoice')],
  [`${Q}/app/estimate?txnId=7`, rec('Estimate', '7', 'estimate')],
  [`${Q}/app/salesreceipt?txnId=8`, rec('SalesReceipt', '8', 'salesreceipt')],
  [`${Q}/app/creditmemo?txnId=9`, rec('CreditMemo', '9', 'creditmemo')],
  [`${Q}/app/refundreceipt?txnId=10`, rec('RefundReceipt', '10', 'refundreceipt')],
  [`${Q}/app/recvpayment?txnId=3992`, rec('Payment', '3992', 'recvpayment')],
  [`${Q}/app/bill?txnId=11`, rec('Bill', '11', 'bill')],
  [`${Q}/app/vendorcredit?txnId=12`, rec('VendorCredit', '12', 'vendorcredit')],
  [`${Q}/app/purchaseorder?txnId=13`, rec('PurchaseOrder', '13', 'purchaseorder')],
  [`${Q}/app/billpayment?txnId=14`, rec('BillPayment', '14', 'billpayment')],
  [`${Q}/app/billpaymentcc?txnId=15`, rec('BillPayment', '15', 'billpaymentcc')],
  [`${Q}/app/expense?txnId=16`, rec('Purchase', '16', 'expense')],
  [`${Q}/app/check?txnId=17`, rec('Purchase', '17', 'check')],
  [`${Q}/app/creditcardcredit?txnId=8153`, rec('Purchase', '8153', 'creditcardcredit')],
  [`${Q}/app/journal?txnId=842`, rec('JournalEntry', '842', 'journal')],
  [`${Q}/app/deposit?txnId=18`, rec('Deposit', '18', 'deposit')],
  [`${Q}/app/transfer?txnId=19`, rec('Transfer', '19', 'transfer')],
  [`${Q}/app/creditcardpayment?txnId=20`, rec('CreditCardPayment', '20', 'creditcardpayment')],
  [`${Q}/app/cctransfer?txnId=21`, rec('CreditCardPayment', '21', 'cctransfer')],
  [`${Q}/app/inventoryadjustment?txnId=22`, rec('InventoryAdjustment', '22', 'inventoryadjustment')],
  [`${Q}/app/inventory_quantity_adj?txnId=23`, rec('InventoryAdjustment', '23', 'inventory_quantity_adj')],
  [`${Q}/app/global_tax_pmt?txnId=24`, rec('TaxPayment', '24', 'global_tax_pmt')],
  [`${Q}/app/timeactivity?txnId=25`, rec('TimeActivity', '25', 'timeactivity')],
  [`${Q}/app/customerdetail?nameId=58`, rec('Customer', '58', 'customerdetail')],
  [`${Q}/app/vendordetail?nameId=59`, rec('Vendor', '59', 'vendordetail')],
  [`${Q}/app/employeedetail?nameId=60`, rec('Employee', '60', 'employeedetail')],
  [`${Q}/app/register?accountId=35`, rec('Account', '35', 'register')],
  [`${Q}/app/item?itemId=4`, rec('Item', '4', 'item')],
  // Every host form
  ['https://app.qbo.intuit.com/app/invoice?txnId=1', rec('Invoice', '1', 'invoice')],
  ['https://c9.qbo.intuit.com/app/journal?txnId=842', rec('JournalEntry', '842', 'journal')],
  ['https://c15.qbo.intuit.com/app/bill?txnId=2', rec('Bill', '2', 'bill')],
  ['https://sandbox.qbo.intuit.com/app/deposit?txnId=3', rec('Deposit', '3', 'deposit')],
  ['https://app.sandbox.qbo.intuit.com/app/customerdetail?nameId=4', rec('Customer', '4', 'customerdetail')],
  ['https://c50.sandbox.qbo.intuit.com/app/creditcardcredit?txnId=8153', rec('Purchase', '8153', 'creditcardcredit')],
  ['https://QBO.INTUIT.COM/app/invoice?txnId=5', rec('Invoice', '5', 'invoice')],
  ['https://qbo.intuit.com:443/app/invoice?txnId=5', rec('Invoice', '5', 'invoice')],
  // Extra parameters, hashes, trailing slashes, case quirks, encodings
  [`${Q}/app/invoice?txnId=145&companyId=9130350000000000`, rec('Invoice', '145', 'invoice')],
  [`${Q}/app/invoice?locale=en-us&txnId=145&foo=bar`, rec('Invoice', '145', 'invoice')],
  [`${Q}/app/invoice?txnId=145#section`, rec('Invoice', '145', 'invoice')],
  [`${Q}/app/invoice?txnId=145#txnId=999`, rec('Invoice', '145', 'invoice')],
  [`${Q}/app/invoice/?txnId=145`, rec('Invoice', '145', 'invoice')],
  [`${Q}/app/Invoice?txnId=145`, rec('Invoice', '145', 'invoice')],
  [`${Q}/APP/RECVPAYMENT?txnId=6`, rec('Payment', '6', 'recvpayment')],
  [`${Q}/app/invoice?TxnId=145`, rec('Invoice', '145', 'invoice')],
  [`${Q}/app/invoice?txnid=145`, rec('Invoice', '145', 'invoice')],
  [`${Q}/app/customerdetail?NAMEID=58`, rec('Customer', '58', 'customerdetail')],
  [`${Q}/app/invoice?txnId=0042`, rec('Invoice', '42', 'invoice')],
  [`${Q}/app/invoice?txnId=%20145%20`, rec('Invoice', '145', 'invoice')],
  [`${Q}/app/invoice?txnId=145&txnId=145`, rec('Invoice', '145', 'invoice')],
  [`${Q}/app/invoice?txnId=&txnId=145`, rec('Invoice', '145', 'invoice')],
  // New, unsaved forms
  [`${Q}/app/invoice`, none('new-record')],
  [`${Q}/app/invoice/`, none('new-record')],
  [`${Q}/app/invoice?txnId=`, none('new-record')],
  [`${Q}/app/invoice?txnId=new`, none('new-record')],
  [`${Q}/app/estimate?txnId=NEW`, none('new-record')],
  [`${Q}/app/invoice?nameId=58`, none('new-record')],
  [`${Q}/app/expense#txnId=16`, none('new-record')],
  [`${Q}/app/journal?foo=1`, none('new-record')],
  // Malformed or conflicting ids: never claim a record
  [`${Q}/app/invoice?txnId=abc`, none('bad-id')],
  [`${Q}/app/invoice?txnId=12abc`, none('bad-id')],
  [`${Q}/app/invoice?txnId=-5`, none('bad-id')],
  [`${Q}/app/invoice?txnId=1.5`, none('bad-id')],
  [`${Q}/app/invoice?txnId=0`, none('bad-id')],
  [`${Q}/app/invoice?txnId=123456789012345678901`, none('bad-id')],
  [`${Q}/app/invoice?txnId=1&txnId=2`, none('bad-id')],
  [`${Q}/app/invoice?txnId=1&TXNID=2`, none('bad-id')],
  // Detail pages without an id are not "new record" forms
  [`${Q}/app/customerdetail`, none()],
  [`${Q}/app/register`, none()],
  [`${Q}/app/customerdetail?txnId=5`, none()],
  // List pages
  [`${Q}/app/customers`, list('customers')],
  [`${Q}/app/vendors`, list('vendors')],
  [`${Q}/app/employees`, list('employees')],
  [`${Q}/app/items`, list('items')],
  [`${Q}/app/invoices`, list('invoices')],
  [`${Q}/app/sales`, list('sales')],
  [`${Q}/app/expenses`, list('expenses')],
  [`${Q}/app/bills`, list('bills')],
  [`${Q}/app/estimates`, list('estimates')],
  [`${Q}/app/salesreceipts`, list('salesreceipts')],
  [`${Q}/app/purchaseorders`, list('purchaseorders')],
  [`${Q}/app/salesorders`, list('salesorders')],
  [`${Q}/app/chartofaccounts?jobId=accounting`, list('chartofaccounts')],
  [`${Q}/app/class`, list('class')],
  [`${Q}/app/locations`, list('locations')],
  [`${Q}/app/projects`, list('projects')],
  ['https://app.sandbox.qbo.intuit.com/app/Customers/', list('customers')],
  // Known pages that show no single record
  [`${Q}/app/homepage`, none()],
  [`${Q}/app/homepage?companyId=123`, none()],
  [`${Q}/app/banking?jobId=accounting`, none()],
  [`${Q}/app/reportv2?token=BAL_SHEET`, none()],
  [`${Q}/app/switchCompany?companyId=123&navigationURL=invoice%3FtxnId%3D5`, none()],
  [`${Q}/app/employeeProfile?eeid=77`, none()],
  [`${Q}/app/paycheck?txnId=9`, none()],
  [`${Q}/app/search?searchText=invoice`, none()],
  // Unknown routes
  [`${Q}/app/payment?txnId=5`, none('unknown-route')],
  [`${Q}/app/journalentry?txnId=5`, none('unknown-route')],
  [`${Q}/app/chart-of-accounts`, none('unknown-route')],
  [`${Q}/app/constructor?txnId=1`, none('unknown-route')],
  [`${Q}/app/__proto__?txnId=1`, none('unknown-route')],
  [`${Q}/app/invoice/123`, none('unknown-route')],
  [`${Q}/app/creditmemo/create?customerId=5`, none('unknown-route')],
  [`${Q}/invoice?txnId=5`, none('unknown-route')],
  [`${Q}//app/invoice?txnId=5`, none('unknown-route')],
  [`${Q}/qbo15/app/invoice?txnId=5`, none('unknown-route')],
  [`${Q}/`, none('unknown-route')],
  [`${Q}/app/`, none('unknown-route')],
  // Not QuickBooks Online
  ['http://qbo.intuit.com/app/invoice?txnId=145', none('not-qbo')],
  ['https://qbo.intuit.com.evil.com/app/invoice?txnId=145', none('not-qbo')],
  ['https://evilqbo.intuit.com/app/invoice?txnId=145', none('not-qbo')],
  ['https://qbo.intuit.com@evil.com/app/invoice?txnId=145', none('not-qbo')],
  ['https://e2e.qbo.intuit.com/app/invoice?txnId=145', none('not-qbo')],
  ['https://qbo.intuit.com:8443/app/invoice?txnId=145', none('not-qbo')],
  ['https://quickbooks.intuit.com/app/invoice?txnId=145', none('not-qbo')],
  ['ftp://qbo.intuit.com/app/invoice?txnId=145', none('not-qbo')],
  ['javascript:alert(1)', none('not-qbo')],
  ['/app/invoice?txnId=145', none('not-qbo')],
  ['', none('not-qbo')],
  ['not a url', none('not-qbo')],
];

describe('detectPage', () => {
  it('has a large URL table', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)('%s', (url, expected) => {
    expect(detectPage(url)).toEqual(expected);
  });

  it('covers every route in the table at least once', () => {
    const seen = new Set(CASES.map(([, page]) => ('route' in page ? page.route : null)));
    for (const name of Object.keys(QBO_ROUTES)) expect(seen, name).toContain(name);
  });

  it('accepts URL objects as well as strings', () => {
    expect(detectPage(new URL(`${Q}/app/invoice?txnId=145`))).toEqual(rec('Invoice', '145', 'invoice'));
    expect(detectPage(new URL('https://evil.com/app/invoice?txnId=145'))).toEqual(none('not-qbo'));
    expect(detectPage({ href: `${Q}/app/bill?txnId=3` } as URL)).toEqual(rec('Bill', '3', 'bill'));
  });

  it('never throws on hostile input', () => {
    for (const input of [undefined, null, 42, {}, '%%%', 'https://', '\u0000'] as unknown as string[]) {
      expect(detectPage(input).kind).toBe('none');
    }
  });

  it('returns a fresh entityTypes array so callers cannot corrupt the table', () => {
    const page = detectPage(`${Q}/app/customers`);
    if (page.kind !== 'list') throw new Error('expected a list page');
    page.entityTypes.push('Invoice');
    expect(detectPage(`${Q}/app/customers`)).toEqual(list('customers'));
    expect(QBO_ROUTES.customers.entityTypes).toEqual(['Customer']);
  });
});

describe('route table consistency', () => {
  it('every entity type a list links to has a record route', () => {
    const recordTypes = new Set(
      Object.values(QBO_ROUTES).flatMap((r) => (r.kind === 'record' ? [r.entityType] : [])),
    );
    for (const route of Object.values(QBO_ROUTES)) {
      if (route.kind === 'list') for (const t of route.entityTypes) expect(recordTypes).toContain(t);
    }
  });

  it('route keys are lower-case path segments', () => {
    for (const name of Object.keys(QBO_ROUTES)) expect(name).toMatch(/^[a-z_]+$/);
  });
});

describe('recordFromHref', () => {
  const base = 'https://app.qbo.intuit.com/app/invoices';
  it.each([
    ['/app/invoice?txnId=123', { entityType: 'Invoice', qbId: '123' }],
    ['invoice?txnId=124', { entityType: 'Invoice', qbId: '124' }],
    ['./recvpayment?txnId=5', { entityType: 'Payment', qbId: '5' }],
    ['../app/customerdetail?nameId=58', { entityType: 'Customer', qbId: '58' }],
    ['?txnId=1', null], // resolves to /app/invoices?txnId=1: a list, not a record
    ['https://app.qbo.intuit.com/app/check?txnId=17', { entityType: 'Purchase', qbId: '17' }],
    ['https://qbo.intuit.com/app/bill?txnId=11', { entityType: 'Bill', qbId: '11' }],
    ['//c9.qbo.intuit.com/app/journal?txnId=842', { entityType: 'JournalEntry', qbId: '842' }],
    ['/app/invoice?txnId=123#anchor', { entityType: 'Invoice', qbId: '123' }],
    ['/app/invoice', null],
    ['/app/invoices', null],
    ['#', null],
    ['', null],
    ['https://evil.com/app/invoice?txnId=123', null],
    ['//qbo.intuit.com.evil.com/app/invoice?txnId=123', null],
    ['http://app.qbo.intuit.com/app/invoice?txnId=123', null],
    ['javascript:void(0)', null],
    ['data:text/html,<a>', null],
    ['mailto:office@example.com', null],
  ])('%s', (href, expected) => {
    expect(recordFromHref(href, base)).toEqual(expected);
  });

  it('rejects relative links resolved against a page that is not QBO', () => {
    expect(recordFromHref('/app/invoice?txnId=123', 'https://evil.com/app/invoices')).toBeNull();
    expect(recordFromHref('/app/invoice?txnId=123', 'not a url')).toBeNull();
  });
});
